using FsCheck.Xunit;
using Procurement.Rules.Comparing;
using Procurement.Rules.Model;
using Procurement.Rules.Cli;
using Xunit;

namespace Procurement.Rules.Tests.Comparing;

public sealed class ReportComparerTests
{
    internal static string LimitPack(int maxBudget, string severity = "error") => $$"""
        pack: limit
        version: 1.0.0
        parameters:
          maxBudget: {{maxBudget}}
        rules:
          - id: LIM-1
            title: Budget within the limit
            severity: {{severity}}
            for: profile in CareProfiles
            require:
              within: profile.Budget <= maxBudget
            message: "Zorgprofiel {profile.Id}: budget EUR {profile.Budget}"
          - id: LIM-2
            title: Duration within two years
            for: profile in CareProfiles
            require:
              duration: profile.DurationMonths <= 20
        """;

    private static RuleSet Rules(string pack) => RuleSet.Load([new RuleSource("limit.yaml", pack)]).GetValueOrThrow();

    private static TenderDesign Design(string yaml) => TenderDesignLoader.LoadString(yaml, "design.yaml").GetValueOrThrow();

    private static string Generated(int seed, int profiles = 60) => new DesignGenerator { Profiles = profiles, Seed = seed }.Generate();

    [Fact]
    public void Compare_IdenticalInputs_GivesEmptyDiff()
    {
        var rules = Rules(LimitPack(20_000));
        var yaml = Generated(3);

        var diff = ReportComparer.Compare(rules.Evaluate(Design(yaml)), rules.Evaluate(Design(yaml)));

        Assert.True(diff.IsEmpty);
        Assert.NotEmpty(diff.Findings);
        Assert.All(diff.Findings, f => Assert.Equal(FindingChange.Unchanged, f.Change));
        Assert.Empty(ReportComparer.CompareRules(rules, rules, [diff]));
    }

    [Fact]
    public void Compare_DesignEditFixingOneViolation_ShowsExactlyOneResolvedFinding()
    {
        var rules = Rules(LimitPack(20_000));
        var yaml = Generated(5);
        var before = rules.Evaluate(Design(yaml));
        var victim = before.Findings.First(f => f.RuleId == "LIM-1" && f.Clause == "within");
        var id = victim.Subject["careProfiles[".Length..^1];
        var line = yaml.Split('\n').Single(l => l.Contains($"id: {id},", StringComparison.Ordinal));
        var budget = line[(line.IndexOf(", budget: ", StringComparison.Ordinal) + ", budget: ".Length)..];
        budget = budget[..budget.IndexOf(',', StringComparison.Ordinal)];
        var fixedYaml = yaml.Replace(line, line.Replace($", budget: {budget},", ", budget: 1000,", StringComparison.Ordinal), StringComparison.Ordinal);

        var diff = ReportComparer.Compare(before, rules.Evaluate(Design(fixedYaml)));

        var changed = Assert.Single(diff.Findings, f => f.Change != FindingChange.Unchanged);
        Assert.Equal(FindingChange.Resolved, changed.Change);
        Assert.Equal(victim, changed.Base);
        Assert.Null(changed.Head);
    }

    [Fact]
    public void Compare_ReorderedProfilesAndRenamedProvider_GiveNoNoise()
    {
        var rules = Rules(LimitPack(20_000));
        var yaml = Generated(9);
        var lines = yaml.Split('\n');
        static bool IsProfile(string l) => l.StartsWith("  - { id: P-", StringComparison.Ordinal);
        var reversed = new Queue<string>(lines.Where(IsProfile).Reverse());
        var reordered = string.Join('\n', lines.Select(l => IsProfile(l) ? reversed.Dequeue() : l))
            .Replace("name: Aanbieder 3 ", "name: Aanbieder Drie ", StringComparison.Ordinal);
        Assert.NotEqual(yaml, reordered);

        var diff = ReportComparer.Compare(rules.Evaluate(Design(yaml)), rules.Evaluate(Design(reordered)));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Compare_SeverityChange_IsChangedNotNewAndResolved()
    {
        var yaml = Generated(4);
        var before = Rules(LimitPack(20_000)).Evaluate(Design(yaml));
        var after = Rules(LimitPack(20_000, "warning")).Evaluate(Design(yaml));

        var diff = ReportComparer.Compare(before, after);

        var limitFindings = diff.Findings.Where(f => f.Current.RuleId == "LIM-1").ToArray();
        Assert.NotEmpty(limitFindings);
        Assert.All(limitFindings, f => Assert.Equal(FindingChange.Changed, f.Change));
        Assert.All(diff.Findings.Where(f => f.Current.RuleId == "LIM-2"), f => Assert.Equal(FindingChange.Unchanged, f.Change));
        Assert.Equal(0, diff.Count(FindingChange.New) + diff.Count(FindingChange.Resolved));
    }

    [Property(MaxTest = 30)]
    public bool Tightening_a_limit_shows_exactly_the_profiles_between_old_and_new_limit_as_new(ushort seed, ushort first, ushort second)
    {
        // Budgets of generated profiles lie in 500..60000; limits are drawn from that range.
        var oldLimit = 500 + (Math.Max(first, second) % 60_000);
        var newLimit = 500 + (Math.Min(first, second) % 60_000);
        if (newLimit > oldLimit)
        {
            (oldLimit, newLimit) = (newLimit, oldLimit);
        }

        var baseRules = Rules(LimitPack(oldLimit));
        var headRules = Rules(LimitPack(newLimit));
        var design = Design(Generated(seed, 80));

        var diff = ReportComparer.Compare(baseRules.Evaluate(design), headRules.Evaluate(design));

        var expected = design.CareProfiles.Where(p => p.Budget > newLimit && p.Budget <= oldLimit)
            .Select(p => $"careProfiles[{p.Id}]").Order(StringComparer.Ordinal).ToArray();
        var actualNew = diff.Findings.Where(f => f.Change == FindingChange.New)
            .Select(f => f.Head!.Subject).Order(StringComparer.Ordinal).ToArray();
        var impact = ReportComparer.CompareRules(baseRules, headRules, [diff]);
        var limitImpact = impact.SingleOrDefault(i => i.RuleId == "LIM-1");
        return actualNew.SequenceEqual(expected)
            && diff.Count(FindingChange.Resolved) == 0
            && diff.Findings.Where(f => f.Current.RuleId == "LIM-2").All(f => f.Change == FindingChange.Unchanged)
            && (oldLimit == newLimit ? limitImpact is null : limitImpact is { Kind: RuleChangeKind.Changed, NewlyPassing: 0 } && limitImpact.NewlyFailing == expected.Length)
            && impact.All(i => i.RuleId == "LIM-1");
    }

    [Fact]
    public void CompareRules_ReportsAddedRemovedAndChangedAspects()
    {
        var before = Rules("""
            pack: p
            version: 1.0.0
            rules:
              - { id: A-1, title: a, for: profile in CareProfiles, require: { x: profile.Budget > 0 } }
              - { id: A-2, title: b, for: profile in CareProfiles, require: { x: profile.Budget > 0 } }
              - { id: A-3, title: c, severity: warning, for: profile in CareProfiles, effective: { from: 2020-01-01 }, require: { x: profile.Budget > 0 } }
            """);
        var after = Rules("""
            pack: p
            version: 1.0.0
            rules:
              - { id: A-1, title: a, for: profile in CareProfiles, require: { x: profile.Budget > 0 } }
              - { id: A-3, title: c, severity: error, for: profile in CareProfiles, effective: { from: 2021-01-01 }, require: { x: profile.Budget > 1 } }
              - { id: A-4, title: d, for: profile in CareProfiles, require: { x: profile.Budget > 0 } }
            """);

        var impact = ReportComparer.CompareRules(before, after, []);

        Assert.Equal(["A-2", "A-3", "A-4"], impact.Select(i => i.RuleId));
        Assert.Equal(RuleChangeKind.Removed, impact[0].Kind);
        Assert.Equal(RuleChangeKind.Changed, impact[1].Kind);
        Assert.Equal(["severity", "expression", "effective"], impact[1].Aspects);
        Assert.Equal(RuleChangeKind.Added, impact[2].Kind);
    }
}
