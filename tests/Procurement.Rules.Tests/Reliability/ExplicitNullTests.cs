using System.Globalization;
using System.Text;
using Procurement.Rules.Loading;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Loading;
using Procurement.Rules.Model.Yaml;
using Procurement.Rules.RuleTests;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// Every field of the design, rule-file and rule-test schemas given without a value (<c>key:</c>, <c>key: ~</c>,
/// <c>key: # comment</c>): a required field is then missing (a positioned error at its key), an optional one is absent
/// (exactly as if it were left out), and nothing throws; an empty item in a list (<c>-</c>, <c>- ~</c>) is an error at the
/// item. The cases come from the schemas' field tables, so a field added
/// later is covered without touching this class; a new kind of mapping must be added to a base document below, which
/// <see cref="Base_documents_hold_every_kind_of_mapping_of_their_schema"/> enforces.
/// </summary>
public sealed class ExplicitNullTests
{
    // Each base document holds every kind of mapping of its schema, each with at least two keys, and loads cleanly.
    private const string OverrideFile = """
        pack: nulls-local
        version: 1.1.0
        extends: nulls
        parameters:
          maxLightBudget: 6000
        overrides:
          - id: N-1
            severity: error
            enabled: true
            effective:
              from: 2023-06-01
              until: 2026-12-31
            parameters:
              maxLightBudget: 7000
        """;

    private const string Pack = """
        pack: nulls
        version: 1.0.0
        description: Every field of a rule file.
        parameters:
          maxLightBudget: 5000
        let:
          - for: profile in CareProfiles
            values:
              heavy: profile.Category == CareCategory.Heavy
        rules:
          - id: N-1
            title: Heavy main contractor holds a heavy contract
            severity: warning
            reference: Inkoopkader 4.2
            effective:
              from: 2023-01-01
              until: 2026-12-31
            for: profile in CareProfiles
            when: heavy && profile.MainContractor != null
            require:
              contracted: profile.MainContractor.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start)
            message: "Zorgprofiel {profile.Id}: geen zwaar contract"
            reason: no-contract
            enabled: true
          - id: N-2
            title: Light budget within the limit
            for: profile in CareProfiles
            require:
              budget: profile.Category == CareCategory.Heavy || profile.Budget <= maxLightBudget
        """;

    private const string RuleTests = """
        base: design.yaml
        asOf: 2024-01-01
        tests:
          - name: radar has no heavy contract
            design: design.yaml
            replace:
              - find: "mainContractor: xonar, coProviders: [radar]"
                with: "mainContractor: radar, coProviders: []"
            asOf: 2024-02-01
            expect:
              - rule: O-1
                subject: careProfiles[P-0001]
                clause: contracted
                severity: error
            absent: [O-2]
        """;

    private static readonly DateOnly AsOf = new(2024, 3, 1);

    private static readonly Lazy<RuleSet> Oracle = new(() => RuleFiles.LoadOrThrow(EvaluationTests.OraclePack));

    private static readonly Lazy<TenderDesign> Sample = new(() => TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow());

    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["key:"] = string.Empty,
        ["key: ~"] = " ~",
        ["key: # comment"] = " # value left out",
    };

    private static readonly Document[] Documents =
    [
        new("design", DesignSchema.Design, SampleDesigns.Valid + "\n" + SampleDesigns.PeriodData),
        new("rule pack", RuleFileSchema.Pack, Pack),
        new("override file", RuleFileSchema.Pack, OverrideFile),
        new("rule tests", RuleTestSchema.File, RuleTests),
    ];

    /// <summary>Every field of every mapping in every base document, with every spelling of "no value".</summary>
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var document in Documents)
        {
            foreach (var target in Targets(document))
            {
                foreach (var spelling in Spellings.Keys)
                {
                    data.Add(document.Kind, target.Path, spelling);
                }
            }
        }

        return data;
    }

    /// <summary>Every list of every base document (lists of mappings and of values), with every spelling of an empty item.</summary>
    public static TheoryData<string, string, string> ListCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var document in Documents)
        {
            foreach (var target in Targets(document).Where(t => t.Field.Kind is FieldKind.ObjectList or FieldKind.TextList))
            {
                foreach (var spelling in Spellings.Keys)
                {
                    data.Add(document.Kind, target.Path, spelling.Replace("key:", "-", StringComparison.Ordinal));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ListCases))]
    public void An_empty_item_in_a_list_is_missing_field_at_the_item(string kind, string path, string spelling)
    {
        var document = Documents.Single(d => d.Kind == kind);
        var target = Targets(document).Single(t => t.Path == path);
        var empty = new NullValue(Spellings[spelling.Replace("-", "key:", StringComparison.Ordinal)]);
        var (text, item) = document.Write(target, old => new Seq([.. (old as Seq)?.Items ?? [], empty]));

        var outcome = Load(kind, text);

        Assert.Contains((LoadErrorCodes.MissingField, item.Line, item.Column), outcome.Errors.Select(e => (e.Code, e.Line, e.Column)));
        Assert.False(outcome.Loaded, $"A {kind} with an empty item in '{path}' loaded:{Environment.NewLine}{text}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_field_without_a_value_is_missing_when_required_and_absent_when_optional(string kind, string path, string spelling)
    {
        var document = Documents.Single(d => d.Kind == kind);
        var target = Targets(document).Single(t => t.Path == path);
        var (withNull, key) = document.Write(target, _ => new NullValue(Spellings[spelling]));
        var (leftOut, _) = document.Write(target, _ => new LeftOut());

        var nulled = Load(kind, withNull);

        if (target.Field.Required)
        {
            var code = target.Spec == DesignSchema.Lot && target.Field.Kind == FieldKind.Object ? LoadErrorCodes.MissingCategory : LoadErrorCodes.MissingField;
            Assert.Contains((code, key.Line, key.Column), nulled.Errors.Select(e => (e.Code, e.Line, e.Column)));
            Assert.False(nulled.Loaded, $"A {kind} without '{path}' loaded:{Environment.NewLine}{withNull}");
        }
        else
        {
            Assert.Equal(Load(kind, leftOut).Text, nulled.Text);
        }
    }

    [Fact]
    public void Base_documents_load_cleanly()
    {
        foreach (var document in Documents)
        {
            var outcome = Load(document.Kind, document.Write(null, null).Text);
            Assert.True(outcome.Loaded && outcome.Errors.Count == 0, $"{document.Kind}:{Environment.NewLine}{outcome.Text}");
        }

        Assert.Contains("PASS", Load("rule tests", Documents[3].Write(null, null).Text).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_documents_hold_every_kind_of_mapping_of_their_schema()
    {
        foreach (var root in Documents.Select(d => d.Root).Distinct())
        {
            var visited = Documents.Where(d => d.Root == root).SelectMany(Targets).Select(t => t.Spec.Name).ToHashSet(StringComparer.Ordinal);
            var reachable = Reachable(root).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(reachable.Order(StringComparer.Ordinal), visited.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_cases_cover_every_field_of_every_schema_three_times()
    {
        var fields = Documents.Select(d => d.Root).Distinct().SelectMany(Reachable).Sum(s => s.Fields.Count);

        // Each field at least once per spelling; some mappings occur at more than one place (a period, a category).
        Assert.True(Cases().Count >= 3 * fields, $"{Cases().Count} cases for {fields} fields");
    }

    private static IEnumerable<ObjectSpec> Reachable(ObjectSpec root)
    {
        var seen = new List<ObjectSpec>();
        var pending = new Stack<ObjectSpec>([root]);
        while (pending.TryPop(out var spec))
        {
            if (seen.Contains(spec))
            {
                continue;
            }

            seen.Add(spec);
            foreach (var field in spec.Fields.Where(f => f.Object is not null))
            {
                pending.Push(field.Object!);
            }
        }

        return seen;
    }

    private static IEnumerable<Target> Targets(Document document) => Targets(document.Root, document.Tree, string.Empty, []);

    private static IEnumerable<Target> Targets(ObjectSpec spec, Map map, string prefix, IReadOnlyList<object> steps)
    {
        foreach (var field in spec.Fields)
        {
            yield return new Target(prefix + field.Name, steps, spec, field);
            var value = map.Get(field.Name);
            var (child, childPrefix, childSteps) = (field.Kind, value) switch
            {
                (FieldKind.Object, Map m) => (m, $"{prefix}{field.Name}.", steps.Append(field.Name).ToArray()),
                (FieldKind.ObjectList, Seq { Items: [Map m, ..] }) => (m, $"{prefix}{field.Name}[0].", steps.Append(field.Name).Append(0).ToArray()),
                _ => default((Map?, string, object[])),
            };

            if (field.Object is { } childSpec && child is not null)
            {
                foreach (var target in Targets(childSpec, child, childPrefix, childSteps))
                {
                    yield return target;
                }
            }
        }
    }

    // What loading a document gives, as text to compare: the errors and what was built (or the test results).
    private static Outcome Load(string kind, string text)
    {
        switch (kind)
        {
            case "design":
            {
                var result = TenderDesignLoader.LoadString(text, "design.yaml");
                var built = result.Value is { } design ? RoundTripTests.Snapshot(design) + "\n" + TenderDesignWriter.Write(design) : "(not loaded)";
                return new Outcome(result.Errors, result.Value is not null, Describe(result.Errors) + built);
            }

            case "rule pack" or "override file":
            {
                var pack = kind == "rule pack" ? text : Documents[1].Write(null, null).Text;
                var overrides = kind == "override file" ? text : Documents[2].Write(null, null).Text;
                var result = RuleSet.Load([new RuleSource("pack.yaml", pack), new RuleSource("override.yaml", overrides)]);
                return new Outcome(result.Errors, result.Value is not null, Describe(result.Errors) + (result.Value is { } rules ? Describe(rules) : "(not loaded)"));
            }

            default:
            {
                var directory = Directory.CreateTempSubdirectory("pr-nulls-").FullName;
                try
                {
                    File.WriteAllText(Path.Combine(directory, "design.yaml"), SampleDesigns.Valid);
                    var file = Path.Combine(directory, "tests.yaml");
                    File.WriteAllText(file, text);
                    var report = RuleTestRunner.Run(Oracle.Value, [file]);
                    var described = Describe(report.Errors)
                        + string.Join("\n", report.Tests.Select(t => t.Describe().Replace(directory, "<dir>", StringComparison.Ordinal)))
                        + "\n" + string.Join("\n", report.Coverage.Select(c => $"{c.RuleId}/{c.Clause}: {c.Held} held, {c.Failed} failed"));
                    return new Outcome(report.Errors, report.Errors.Count == 0 && report.Tests.Count > 0, described);
                }
                finally
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }
    }

    private static string Describe(IEnumerable<LoadError> errors) =>
        string.Concat(errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Code} {Path.GetFileName(e.File)}:{e.Line}:{e.Column} {e.Message}\n")));

    private static string Describe(RuleSet rules)
    {
        var text = new StringBuilder();
        foreach (var r in rules.Rules)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Id}|{r.Title}|{r.Pack}|{r.Severity}|{r.Subject}|{r.When}|{string.Join(",", r.Clauses)}|{r.Message}|{r.Reference}|{r.ReasonCode}|{r.Effective}|{r.Enabled}|{r.SeveritySetBy}|{r.DisabledBy}|{string.Join(",", r.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))}");
        }

        foreach (var f in rules.Evaluate(Sample.Value, new EvaluationOptions { AsOf = AsOf }).Findings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.RuleId} {f.Subject}#{f.Clause} {f.Severity}: {f.Message}");
        }

        return text.ToString();
    }

    private sealed record Outcome(IReadOnlyList<LoadError> Errors, bool Loaded, string Text);

    /// <summary>One field of one mapping: the path of keys and list indexes to the mapping, and the field's spec.</summary>
    private sealed record Target(string Path, IReadOnlyList<object> Steps, ObjectSpec Spec, FieldSpec Field)
    {
        public override string ToString() => Path;
    }

    /// <summary>A base document, read into a tree that can be written back in block style with one field changed.</summary>
    private sealed class Document(string kind, ObjectSpec root, string yaml)
    {
        public string Kind { get; } = kind;

        public ObjectSpec Root { get; } = root;

        public Map Tree { get; } = (Map)Node.From(YamlTreeReader.Read(yaml, YamlLimits.Default, new YamlFieldReader(kind, [], YamlLimits.Default.MaxErrors)) ?? throw new InvalidOperationException(kind));

        /// <summary>The document with <paramref name="target"/>'s field set to <paramref name="value"/> of its old value (moved to the end of its mapping, so lines and the mapping's position stay put), and where the empty value stands.</summary>
        public (string Text, (int Line, int Column) Key) Write(Target? target, Func<Node?, Node>? value)
        {
            var tree = (Map)Tree.Copy();
            if (target is not null)
            {
                Node current = tree;
                foreach (var step in target.Steps)
                {
                    current = step is string key ? ((Map)current).Get(key)! : ((Seq)current).Items[(int)step];
                }

                var map = (Map)current;
                // A mapping whose only key is left out becomes a comment, i.e. no value: for an optional mapping that is the
                // same as giving it with that key empty.
                var old = map.Get(target.Field.Name);
                map.Entries.RemoveAll(e => e.Key == target.Field.Name);
                map.Entries.Add(new(target.Field.Name, value!(old)));
            }

            var writer = new BlockWriter();
            writer.WriteEntries(tree, 0, inline: false);
            return (writer.Text, writer.Marked);
        }
    }

    /// <summary>A YAML tree that can be copied, changed and written back.</summary>
    private abstract class Node
    {
        public static Node From(YamlNodeBase node) => node switch
        {
            YamlMapping m => new Map([.. m.Entries.Select(e => new KeyValuePair<string, Node>(e.Key.Value, From(e.Value)))]),
            YamlSequence s => new Seq([.. s.Items.Select(From)]),
            YamlScalar { IsPlain: true } p => new Scalar(p.Value),
            YamlScalar q => new Scalar("\"" + q.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""),
            _ => throw new InvalidOperationException(node.KindName),
        };

        public abstract Node Copy();
    }

    private sealed class Map(List<KeyValuePair<string, Node>> entries) : Node
    {
        public List<KeyValuePair<string, Node>> Entries { get; } = entries;

        public Node? Get(string key) => Entries.FirstOrDefault(e => e.Key == key).Value;

        public override Node Copy() => new Map([.. Entries.Select(e => new KeyValuePair<string, Node>(e.Key, e.Value.Copy()))]);
    }

    private sealed class Seq(List<Node> items) : Node
    {
        public List<Node> Items { get; } = items;

        public override Node Copy() => new Seq([.. Items.Select(i => i.Copy())]);
    }

    private sealed class Scalar(string text) : Node
    {
        public string Text { get; } = text;

        public override Node Copy() => this;
    }

    /// <summary>The field written with no value: <c>key:</c> followed by the spelling.</summary>
    private sealed class NullValue(string spelling) : Node
    {
        public string Spelling { get; } = spelling;

        public override Node Copy() => this;
    }

    /// <summary>The field left out, written as a comment line so that the lines after it keep their numbers.</summary>
    private sealed class LeftOut : Node
    {
        public override Node Copy() => this;
    }

    private sealed class BlockWriter
    {
        private readonly StringBuilder _text = new();
        private int _line = 1;
        private int _column = 1;

        public string Text => _text.ToString();

        public (int Line, int Column) Marked { get; private set; }

        public void WriteEntries(Map map, int indent, bool inline)
        {
            foreach (var (key, value) in map.Entries)
            {
                if (!inline)
                {
                    Write(new string(' ', indent));
                }

                inline = false;
                switch (value)
                {
                    case LeftOut:
                        Line($"# {key} left out");
                        break;
                    case NullValue nothing:
                        Marked = (_line, _column);
                        Line($"{key}:{nothing.Spelling}");
                        break;
                    case Scalar scalar:
                        Line($"{key}: {scalar.Text}");
                        break;
                    case Seq seq when seq.Items.All(i => i is Scalar):
                        Line($"{key}: [{string.Join(", ", seq.Items.Cast<Scalar>().Select(s => s.Text))}]");
                        break;
                    case Seq seq:
                        Line($"{key}:");
                        foreach (var item in seq.Items)
                        {
                            Write(new string(' ', indent + 2) + "-");
                            switch (item)
                            {
                                case NullValue empty:
                                    // YAML puts an empty item right after its '-'; an explicit '~' where it stands.
                                    Marked = (_line, _column + (empty.Spelling == " ~" ? 1 : 0));
                                    Line(empty.Spelling);
                                    break;
                                case Scalar scalar:
                                    Line(" " + scalar.Text);
                                    break;
                                default:
                                    Write(" ");
                                    WriteEntries((Map)item, indent + 4, inline: true);
                                    break;
                            }
                        }

                        break;
                    case Map { Entries.Count: 0 }:
                        Line($"{key}: {{}}");
                        break;
                    case Map child:
                        Line($"{key}:");
                        WriteEntries(child, indent + 2, inline: false);
                        break;
                }
            }
        }

        private void Write(string text)
        {
            _text.Append(text);
            _column += text.Length;
        }

        private void Line(string text)
        {
            _text.Append(text).Append('\n');
            _line++;
            _column = 1;
        }
    }
}
