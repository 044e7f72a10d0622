using System.Reflection;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// FsCheck-driven fuzzing of the design and rule loaders with mutations of the shipped files: bit flips, byte
/// changes, truncation, deletions, duplicated lines and inserted YAML structures. No case may throw, hang or report
/// an error without a position. CI runs a bounded number of cases; set <c>PROCUREMENT_RULES_FUZZ_SCALE</c> (a
/// multiplier) for a longer run and <c>PROCUREMENT_RULES_FUZZ_SEED</c> to replay or vary the cases.
/// </summary>
public sealed class LoaderFuzzTests
{
    private const int DesignCases = 400;
    private const int RuleCases = 300;
    private const ulong DefaultSeed = 20_251_104;

    // Generous for a 2-core CI machine: a case takes milliseconds; only a hang comes near this.
    private static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(15);

    private static readonly string[] Snippets =
    [
        "&a [*a]", "*a", "*nowhere", "&x ", "<<: *x\n", "!!binary ", "!!str ", "!!map {}", "!custom ", "? ", "- ", ": ", ":", "{", "}", "[", "]",
        "\t", "\n", "\r\n", "\"", "'", "|\n", "|-\n", ">+\n", "#", "%YAML 1.2\n---\n", "---\n", "...\n", "\u0000", "\uFEFF", "\u202E", "\uD800",
        "l0: &l0 [x, x, x, x, x, x, x, x]\nl1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]\nl2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\n",
        new string('[', 300), new string('{', 40), new string('x', 70_000), "id: dup\nid: dup\n", "  - id: P-0001\n", "null", "~", "-1", "1e400",
        "99999999999999999999999999999999", "2023-02-30", "9999-12-31", "profile.GetType()", "DateTime.Now", "{profile.Id}", "{{", "}}", "=>",
        "not not not not not not not not not not true", "iif(", "np(", "design.CareProfiles.Any(a => design.CareProfiles.Any(b => a == b))",
        "System.IO.File.Delete(\"x\")", "new(", "it", "@0", " && ", " || ", "(", ")", "\"\\u0000\"",
    ];

    private static readonly HashSet<string> KnownCodes = [.. Codes(typeof(LoadErrorCodes)), .. Codes(typeof(RuleErrorCodes))];

    private static readonly Lazy<RuleSet> DefaultRules = new(() => RuleSet.LoadDefault().GetValueOrThrow());

    private static readonly Lazy<(string Name, byte[] Bytes)[]> Designs = new(() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))]);

    private static readonly Lazy<(string Name, byte[] Bytes)[]> Packs = new(() =>
        [.. RuleSource.DefaultPacks().Select(p => (p.Name, Encoding.UTF8.GetBytes(p.Yaml)))]);

    private static readonly Lazy<TenderDesign> SmallestExample = new(() =>
        TenderDesignLoader.LoadStream(new MemoryStream(Designs.Value.MinBy(d => d.Bytes.Length).Bytes), "smallest.yaml").GetValueOrThrow());

    private static int Scale => int.TryParse(Environment.GetEnvironmentVariable("PROCUREMENT_RULES_FUZZ_SCALE"), out var scale) && scale > 0 ? scale : 1;

    private static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("PROCUREMENT_RULES_FUZZ_SEED"), out var seed) ? seed : DefaultSeed;

    [Fact]
    public void DesignLoader_MutatedExamples_NeverThrowHangOrLoseAPosition()
    {
        var tally = new Tally("fuzz design loader");
        var passed = false;
        try
        {
            RunDesigns(tally);
            passed = true;
        }
        finally
        {
            Report("design loader", tally, passed);
        }
    }

    [Fact]
    public void RuleLoader_MutatedShippedPacks_NeverThrowHangOrLoseAPosition()
    {
        var tally = new Tally("fuzz rule loader");
        var passed = false;
        try
        {
            RunPacks(tally);
            passed = true;
        }
        finally
        {
            Report("rule loader", tally, passed);
        }
    }

    private static void RunDesigns(Tally tally) =>
        Run("design", Designs.Value.Length, DesignCases * Scale, fuzz =>
        {
            var (name, original) = Designs.Value[fuzz.File];
            var bytes = fuzz.Apply(original);
            using var stream = new MemoryStream(bytes);
            var result = TenderDesignLoader.LoadStream(stream, name);
            AssertWellFormed(result, name);
            if (result.Value is { } design)
            {
                // Whatever loaded must also evaluate: findings and evaluation errors are fine, exceptions are not.
                DefaultRules.Value.Evaluate(design, new EvaluationOptions { Timeout = CaseBound });
            }

            tally.Count(result.Succeeded);
        });

    private static void RunPacks(Tally tally) =>
        Run("rules", Packs.Value.Length, RuleCases * Scale, fuzz =>
        {
            var (name, original) = Packs.Value[fuzz.File];
            var text = Encoding.UTF8.GetString(fuzz.Apply(original));
            var result = RuleSet.Load([new RuleSource(name, text)]);
            AssertWellFormed(result, name);
            result.Value?.Evaluate(SmallestExample.Value, new EvaluationOptions { Timeout = CaseBound });
            tally.Count(result.Succeeded);
        });

    [Fact]
    public void Every_mutation_applies_to_an_empty_file()
    {
        // Found by tests/explore.sh (fuzz seed 3809270522, case 3573): two truncations and a deletion emptied the file,
        // then duplicating a line threw in the fuzzer itself, before the loader saw anything.
        foreach (var kind in Enum.GetValues<MutationKind>())
        {
            var bytes = new Mutation(kind, 634_700, 14, 1).Apply([]);

            Assert.Equal(kind == MutationKind.Insert ? Encoding.UTF8.GetBytes(Snippets[1]) : [], bytes);
        }
    }

    [Fact]
    public void Mutations_ChangeTheFilesAndMostCasesAreRejected()
    {
        // Guards the fuzzer itself: cases must differ from the originals, or the properties above prove nothing.
        var cases = CaseGen(Packs.Value.Length).Sample(200, new Rnd(Seed), 50).ToArray();

        Assert.Equal(200, cases.Length);
        Assert.True(cases.Count(c => !Packs.Value[c.File].Bytes.AsSpan().SequenceEqual(c.Apply(Packs.Value[c.File].Bytes))) > 190);
        Assert.True(cases.Select(c => c.ToString()).Distinct().Count() > 190);
        Assert.True(cases.Take(40).Count(c => !RuleSet.Load([new RuleSource("p.yaml", Encoding.UTF8.GetString(c.Apply(Packs.Value[c.File].Bytes)))]).Succeeded) > 20);
    }

    private static void Run(string what, int files, int cases, Action<FuzzCase> check)
    {
        var property = Prop.ForAll(Arb.From(CaseGen(files)), fuzz =>
        {
            var run = Task.Run(() => check(fuzz));
            if (!run.Wait(CaseBound))
            {
                throw new TimeoutException($"{what} case {fuzz} did not finish within {CaseBound.TotalSeconds} s (seed {Seed}).");
            }
        });
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None)))
            .WithName($"{what} (seed {Seed})");
        Check.One(config, property);
    }

    private static void AssertWellFormed<T>(LoadResult<T> result, string file)
        where T : class
    {
        Assert.Equal(result.Errors.Count == 0, result.Value is not null);
        foreach (var error in result.Errors)
        {
            Assert.Equal(file, error.File);
            Assert.True(error.Line >= 1 && error.Column >= 1, $"error without a position: {error}");
            Assert.Contains(error.Code, KnownCodes);
            Assert.False(string.IsNullOrWhiteSpace(error.Message), $"error without a message: {error}");
        }
    }

    private static void Report(string what, Tally tally, bool passed)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{what}: {tally.Cases} cases (scale {Scale}, seed {Seed}), {tally.Loaded} loaded, {tally.Rejected} rejected with positioned errors"
            + (passed ? ", none threw or hung" : ", then one failed"));
        Properties.PropertyRun.LogCases(tally.Name, tally.Cases, passed);
    }

    private static IEnumerable<string> Codes(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static Gen<FuzzCase> CaseGen(int files) =>
        from file in Gen.Choose(0, files - 1)
        from count in Gen.Choose(1, 6)
        from mutations in Gen.ArrayOf(MutationGen, count)
        select new FuzzCase(file, mutations);

    private static Gen<Mutation> MutationGen =>
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from position in Gen.Choose(0, 1_000_000)
        from value in Gen.Choose(0, 255)
        from snippet in Gen.Choose(0, Snippets.Length - 1)
        select new Mutation(kind, position, value, snippet);

    private enum MutationKind
    {
        FlipBit,
        SetByte,
        Truncate,
        Insert,
        Delete,
        DuplicateLine,
    }

    /// <summary>One change at a relative position (millionths of the length), so the same case fits any file.</summary>
    private sealed record Mutation(MutationKind Kind, int Position, int Value, int Snippet)
    {
        public List<byte> Apply(List<byte> bytes)
        {
            var at = bytes.Count == 0 ? 0 : (int)((long)Position * bytes.Count / 1_000_001);
            switch (Kind)
            {
                case MutationKind.FlipBit when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << (Value & 7));
                    break;
                case MutationKind.SetByte when bytes.Count > 0:
                    bytes[at] = (byte)Value;
                    break;
                case MutationKind.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case MutationKind.Insert:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Snippets[Snippet]));
                    break;
                case MutationKind.Delete:
                    bytes.RemoveRange(at, Math.Min(Value + 1, bytes.Count - at));
                    break;
                case MutationKind.DuplicateLine when bytes.Count > 0:
                    var start = bytes.LastIndexOf((byte)'\n', Math.Max(0, at - 1)) + 1;
                    var end = bytes.IndexOf((byte)'\n', at);
                    end = end < 0 ? bytes.Count : end + 1;
                    bytes.InsertRange(end, bytes.GetRange(start, end - start));
                    break;
            }

            return bytes;
        }

        public override string ToString() => $"{Kind}@{Position / 10_000.0:0.##}%({(Kind == MutationKind.Insert ? Snippets[Snippet].Length > 20 ? Snippets[Snippet][..20] + "..." : Snippets[Snippet] : Value.ToString(System.Globalization.CultureInfo.InvariantCulture))})";
    }

    private sealed record FuzzCase(int File, Mutation[] Mutations)
    {
        public byte[] Apply(byte[] original) => [.. Mutations.Aggregate(new List<byte>(original), (bytes, m) => m.Apply(bytes))];

        public override string ToString() => $"file {File}: {string.Join(", ", Mutations.Select(m => m.ToString()))}";
    }

    private sealed class Tally(string name)
    {
        private int _cases;
        private int _loaded;

        public string Name { get; } = name;

        public int Cases => _cases;

        public int Loaded => _loaded;

        public int Rejected => _cases - _loaded;

        public void Count(bool loaded)
        {
            if (Interlocked.Increment(ref _cases) % Properties.PropertyRun.CaseLogInterval == 0)
            {
                Properties.PropertyRun.LogCases(Name, _cases, passed: null);
            }

            if (loaded)
            {
                Interlocked.Increment(ref _loaded);
            }
        }
    }
}
