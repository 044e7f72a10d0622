using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Procurement.Rules.Loading.Syntax;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary>The rule syntax tree: built once at load from the read and layered rule files, and immutable.</summary>
public sealed class RuleSyntaxTests
{
    internal const string Sample = """
        pack: sample
        version: 1.0.0
        parameters:
          maxLength: 12
        let:
          - for: p in CareProfiles
            values:
              doubled: single * 2
              single: p.Id.Length
        rules:
          - id: S-1
            title: Sample
            for:  profile in CareProfiles
            when: doubled > 0
            require:
              short: profile.Id.Length < maxLength
              long: single > 1
            message: "Profiel {profile.Id} heeft {{id}} {doubled}"
          - id: S-2
            title: Whole design
            for: design
            require:
              lots: design.Lots.Count() > 0
        """;

    internal static RuleSetSyntax SyntaxOf(params string[] files) =>
        RuleSet.Build(RuleSet.Checked(files.Select((yaml, i) => new RuleSource($"rules{i}.yaml", yaml))), RuleLimits.Default).Syntax;

    [Fact]
    public void Build_SplitsTheForGrammar()
    {
        var rules = SyntaxOf(Sample).Rules;

        var range = rules[0].Rule.Subject!;
        Assert.Equal(("profile", "CareProfiles", true), (range.Variable, range.Collection, range.IsRange));
        Assert.Equal(("profile in CareProfiles", 13, 11), (range.Written.Value, range.Written.Line, range.Written.Column));
        var design = rules[1].Rule.Subject!;
        Assert.Equal((null, "design", false), (design.Variable, design.Collection, design.IsRange));
    }

    [Fact]
    public void Build_PutsDerivedValuesInDependencyOrder()
    {
        var group = SyntaxOf(Sample).Packs.Single().Lets.Single();

        Assert.Equal(new[] { "doubled", "single" }, group.Values.Select(v => v.Name.Value));
        Assert.Equal(new[] { "single", "doubled" }, group.Ordered.Select(v => v.Name.Value));
        Assert.Null(group.Cycle);
        Assert.Equal(("p", "CareProfiles"), (group.For.Variable, group.For.Collection));
    }

    [Fact]
    public void Build_FindsALetCycleWithWhereItsFirstValueIsDefined()
    {
        const string yaml = """
            pack: cyclic
            version: 1.0.0
            let:
              - for: p in CareProfiles
                values:
                  a: p.Id.Length
                  x: y + a
                  y: x + 1
            rules: []
            """;

        var group = SyntaxOf(yaml).Packs.Single().Lets.Single();

        Assert.True(group.Ordered.IsEmpty);
        Assert.Equal(new[] { "x", "y", "x" }, group.Cycle!.Names);
        Assert.Equal((7, 7), (group.Cycle.At.Line, group.Cycle.At.Column));
    }

    [Fact]
    public void Build_SplitsTheMessageIntoLiteralTextAndPlaceholders()
    {
        var message = SyntaxOf(Sample).Rules[0].Rule.Message!;

        Assert.Null(message.UnclosedAt);
        Assert.Equal(
            new[] { "text:Profiel ", "{profile.Id}@9", "text: heeft {id} ", "{doubled}@35", "text:" },
            message.Parts.Select(Describe));
    }

    [Fact]
    public void Build_AnUnclosedPlaceholderEndsTheParts()
    {
        var message = SyntaxOf(RuleFiles.WithClause("true") + "\n    message: \"Te {{ok}} {laat\"").Rules.Single().Rule.Message!;

        Assert.Equal(10, message.UnclosedAt);
        Assert.Equal(new[] { "text:Te {ok} " }, message.Parts.Select(Describe));
    }

    [Fact]
    public void Build_NamesEachExpressionsIdentifiersOnceOutsideStringLiterals()
    {
        var rule = SyntaxOf(Sample).Rules[0].Rule;

        Assert.Equal(new[] { "profile", "Id", "Length", "maxLength" }, rule.Clauses[0].Expression.Names);
        Assert.Equal(new[] { "Profiel", "profile", "Id", "heeft", "id", "doubled" }, rule.Message!.Names);
        Assert.Equal(new[] { "s" }, SyntaxOf(RuleFiles.WithClause("s == \"maxLength\"")).Rules.Single().Rule.Clauses.Single().Expression.Names);
    }

    [Fact]
    public void Build_SharesEachWrittenRuleAndLetGroupBetweenPackAndLayeredRules()
    {
        const string region = """
            pack: region
            extends: sample
            overrides:
              - id: S-1
                severity: warning
                parameters:
                  maxLength: 20
            """;

        var syntax = SyntaxOf(Sample, region);

        var pack = syntax.Packs[0];
        Assert.Same(pack.Rules[0], syntax.Rules[0].Rule);
        Assert.Same(pack.Rules[1], syntax.Rules[1].Rule);
        Assert.Same(pack, syntax.Rules[0].Pack);
        Assert.Same(pack.Lets[0], Assert.Single(syntax.Rules[0].Lets));
        Assert.Same(pack.Lets[0], Assert.Single(syntax.Rules[1].Lets));
        Assert.Equal(new[] { pack, syntax.Packs[1] }.AsEnumerable(), syntax.Chain(syntax.Packs[1]));
        Assert.Equal((Severity.Warning, 4, 5), (syntax.Rules[0].Severity, syntax.Rules[0].SeveritySetBy.Line, syntax.Rules[0].SeveritySetBy.Column));
        Assert.Equal(20, syntax.Rules[0].Parameters["maxLength"]);
        Assert.Equal(12, syntax.Rules[1].Parameters["maxLength"]);
    }

    [Fact]
    public void Nodes_HaveGetOnlyMembersAndReadOnlyCollections()
    {
        var nodes = typeof(RuleSetSyntax).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleSetSyntax).Namespace && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !t.IsNested)
            .ToArray();
        Assert.Contains(typeof(MessageSyntax), nodes);

        const BindingFlags instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        Assert.All(nodes.SelectMany(t => t.GetProperties(instance)), p => Assert.Null(p.SetMethod));
        Assert.All(nodes.SelectMany(t => t.GetFields(instance)), f => Assert.True(f.IsInitOnly, $"{f.DeclaringType!.Name}.{f.Name}"));
        Assert.All(
            nodes.SelectMany(t => t.GetProperties(instance)).Where(p => typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string)),
            p => Assert.True(
                p.PropertyType.IsGenericType && (p.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>) || p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)),
                $"{p.DeclaringType!.Name}.{p.Name} is a {p.PropertyType.Name}"));
    }

    private static string Describe(MessagePart part) => part switch
    {
        LiteralPart literal => $"text:{literal.Text}",
        PlaceholderPart placeholder => $"{{{placeholder.Expression}}}@{placeholder.Offset}",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };
}
