using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Packs;

/// <summary>
/// The monitoring pack (rules/monitoring, issue 23): it is not among the embedded packs, its findings read in Dutch
/// with the values they are about, and on generated designs with months of period data, at any peildatum, it finds
/// exactly what a hand-written reading of the period data finds.
/// </summary>
public sealed class MonitoringPackTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "rules", "monitoring");

    private static readonly Lazy<RuleSet> Pack = new(() => RuleSet.LoadDirectory(Folder).GetValueOrThrow());

    [Fact]
    public void Pack_IsNotAmongTheEmbeddedPacks()
    {
        Assert.Equal(["MO-001", "MO-002", "MO-003", "MO-004", "MO-005", "MO-006", "MO-007"], Pack.Value.Rules.Select(r => r.Id));
        Assert.DoesNotContain(Shipped.Rules.Rules, r => r.Id.StartsWith("MO-", StringComparison.Ordinal));
    }

    [Fact]
    public void LumpSumOverItsBudgetToDate_IsReported_WithWhatWasSpentAndTheBudgetProRata()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "tests", "designs", "base-design.yaml"))
            .Replace("{ contract: C-BH, month: 2024-06, amount: 58000 }", "{ contract: C-BH, month: 2024-06, amount: 102000 }", StringComparison.Ordinal);
        var design = TenderDesignLoader.LoadString(text, "design.yaml").GetValueOrThrow();

        var finding = Assert.Single(Pack.Value.Evaluate(design, new EvaluationOptions { AsOf = new DateOnly(2024, 6, 30) }).Findings, f => f.RuleId == "MO-001");

        Assert.Equal(("MO-001", "contracts[C-BH]", "within-budget-to-date"), (finding.RuleId, finding.Subject, finding.Clause));
        Assert.Equal(
            "Lumpsumcontract C-BH (JenS, Basishulp): dit jaar tot en met 2024-06-30 EUR 392000 besteed, meer dan 10% boven het budget naar rato van EUR 350000; stuur bij of roep de hardheidsclausule in.",
            finding.Message);
    }

    [Fact]
    public void GeneratedYear_FindsItsPlantedIssues()
    {
        var yaml = new DesignGenerator { Profiles = 3_000, National = true, Months = 12 }.Generate();
        var design = TenderDesignLoader.LoadString(yaml, "generated.yaml").GetValueOrThrow();

        var findings = Pack.Value.Evaluate(design, new EvaluationOptions { AsOf = new DateOnly(2024, 9, 30) }).Findings;

        // The lump sum 30% over its monthly budget, profiles that go on past their end, the provider whose profiles end early.
        Assert.Contains(findings, f => f is { RuleId: "MO-001", Subject: "contracts[C-coop1-lot6-heavy-2023]" });
        Assert.Equal(["contracts[C-coop1-lot6-heavy-2023]"], findings.Where(f => f.RuleId == "MO-001").Select(f => f.Subject));
        Assert.Contains(findings, f => f.RuleId == "MO-002");
        Assert.Contains(findings, f => f is { RuleId: "MO-003", Subject: "providers[p0]" });
    }

    [Fact]
    public void AddedUpscalings_GiveMO005_ForTheProviderWithHalfItsProfilesEscalated_SoTheOracleIsNotVacuous()
    {
        var yaml = WithUpscalings(new DesignGenerator { Profiles = 800, Seed = 1, National = true, Months = 12 }.Generate(), 1);
        var design = TenderDesignLoader.LoadString(yaml, "generated.yaml").GetValueOrThrow();
        var first = design.CareProfiles.First(p => p.Months.Count > 0).MainContractor!;

        var flagged = Enumerable.Range(1, 12)
            .SelectMany(m => Pack.Value.Evaluate(design, new EvaluationOptions { AsOf = new DateOnly(2024, m, 1).AddMonths(1).AddDays(-1) }).Findings)
            .Where(f => f.RuleId == "MO-005")
            .Select(f => f.Subject)
            .ToHashSet();

        Assert.Contains($"providers[{first.Id}]", flagged);
    }

    [Fact]
    public void Generated_period_data_gives_the_findings_a_hand_written_reading_gives() =>
        PropertyRun.Check(nameof(Generated_period_data_gives_the_findings_a_hand_written_reading_gives), 25, Cases, c =>
        {
            var yaml = WithUpscalings(new DesignGenerator { Profiles = c.Profiles, Seed = c.Seed, National = true, Months = c.Months }.Generate(), c.Seed);
            var design = TenderDesignLoader.LoadString(yaml, "generated.yaml", new YamlLimits { MaxNodes = 10_000_000 }).GetValueOrThrow();
            var asOf = new DateOnly(2024, 1, 1).AddMonths(c.AsOfMonth + 1).AddDays(-1);

            var engine = Pack.Value.Evaluate(design, new EvaluationOptions { AsOf = asOf }).Findings.Select(f => (f.RuleId, f.Subject)).Order().ToArray();

            Assert.Equal(Oracle(design, asOf).Order().ToArray(), engine);
        });

    // The generator dates its escalations at a profile's start, before the period data: add light-to-heavy escalations
    // during the months of care, for one profile in eight and for half of the first main contractor's, so that MO-005
    // has providers on both sides of its norm.
    private static string WithUpscalings(string yaml, int seed)
    {
        var design = TenderDesignLoader.LoadString(yaml, "generated.yaml", new YamlLimits { MaxNodes = 10_000_000 }).GetValueOrThrow();
        var random = new Random(seed);
        var first = design.CareProfiles.FirstOrDefault(p => p.Months.Count > 0)?.MainContractor;
        var added = new System.Text.StringBuilder("escalations:\n");
        foreach (var profile in design.CareProfiles.Where(p => p.Months.Count > 0))
        {
            if (random.NextDouble() < (profile.MainContractor == first ? 0.5 : 0.125))
            {
                var month = profile.Months[random.Next(profile.Months.Count)].Month;
                added.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{ profile: {profile.Id}, from: light, to: heavy, date: {month.AddDays(random.Next(28)):yyyy-MM-dd} }}\n");
            }
        }

        return yaml.Replace("escalations:\n", added.ToString(), StringComparison.Ordinal);
    }

    private static Arbitrary<(int Seed, int Profiles, int Months, int AsOfMonth)> Cases => Arb.From(
        from seed in Gen.Choose(0, 10_000)
        from profiles in Gen.Choose(300, 1_500)
        from months in Gen.Choose(1, 18)
        from asOfMonth in Gen.Choose(0, 20)
        select (seed, profiles, months, asOfMonth));

    // The four rules read straight from the design's lists of period data, with the pack's default parameters.
    private static IEnumerable<(string Rule, string Subject)> Oracle(TenderDesign design, DateOnly asOf)
    {
        var month = (asOf.Year * 12) + asOf.Month;
        static int MonthOf(DateOnly d) => (d.Year * 12) + d.Month;
        foreach (var contract in design.Contracts.Where(c => c.Budget is not null && c.Period.Until is not null && design.Spending.Any(s => s.Contract == c)))
        {
            var from = MonthOf(contract.Period.From);
            var until = MonthOf(contract.Period.Until!.Value);
            var yearStart = asOf.Year * 12 + 1;
            var budget = contract.Budget!.Value * Math.Max(0, Math.Min(month, until) - Math.Max(yearStart, from) + 1) / (until - from + 1);
            var spent = design.Spending.Where(s => s.Contract == contract && MonthOf(s.Month) >= yearStart && MonthOf(s.Month) <= month).Sum(s => s.Amount);
            if (budget > 0 && spent * 100 > budget * 110)
            {
                yield return ("MO-001", $"contracts[{contract.Id}]");
            }
        }

        // A lot's lump sums together, this year to date, against the sum of their budgets pro rata (+5%).
        foreach (var lot in design.Lots)
        {
            var budgeted = lot.Contracts.Where(c => c.Budget is not null && c.Period.Until is not null).ToList();
            var path = budgeted.Sum(c => c.Budget!.Value * Math.Max(0, Math.Min(month, MonthOf(c.Period.Until!.Value)) - Math.Max(asOf.Year * 12 + 1, MonthOf(c.Period.From)) + 1) / (MonthOf(c.Period.Until!.Value) - MonthOf(c.Period.From) + 1));
            var spent = design.Spending.Where(s => s.Contract.Lot == lot && s.Month.Year == asOf.Year && MonthOf(s.Month) <= month).Sum(s => s.Amount);
            if (budgeted.Count > 0 && path > 0 && lot.Contracts.Any(c => c.Spending.Count > 0) && spent * 100 > path * 105)
            {
                yield return ("MO-006", $"lots[{lot.Id}]");
            }
        }

        foreach (var profile in design.ProfileMonths.Where(m => MonthOf(m.Month) > MonthOf(m.Profile.End) && MonthOf(m.Month) <= month).Select(m => m.Profile).Distinct())
        {
            yield return ("MO-002", $"careProfiles[{profile.Id}]");
        }

        // The last quarter: the three calendar months up to and including the month of the reference date; the quarter
        // before it: the three months before those.
        var quarterStart = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-2);
        var previousStart = quarterStart.AddMonths(-3);
        foreach (var provider in design.Providers)
        {
            var now = design.Outcomes.Where(o => o.Profile.MainContractor == provider && o.Ended >= quarterStart && o.Ended <= asOf).ToList();
            var before = design.Outcomes.Where(o => o.Profile.MainContractor == provider && o.Ended >= previousStart && o.Ended < quarterStart).ToList();
            static bool ManyEarly(List<ProfileOutcome> ended) => ended.Count(o => o.EndedEarly) * 100 > 20 * ended.Count;
            static bool FewGoals(List<ProfileOutcome> ended) => ended.Count(o => o.Goal == GoalAchievement.Reached) * 100 < 50 * ended.Count;
            if (now.Count >= 5 && ManyEarly(now))
            {
                yield return ("MO-003", $"providers[{provider.Id}]");
            }

            if (now.Count >= 5 && FewGoals(now))
            {
                yield return ("MO-004", $"providers[{provider.Id}]");
            }

            if (now.Count >= 5 && before.Count >= 5 && ManyEarly(now) && ManyEarly(before))
            {
                yield return ("MO-007", $"providers[{provider.Id}]");
            }

            if (now.Count >= 5 && before.Count >= 5 && FewGoals(now) && FewGoals(before))
            {
                yield return ("MO-007", $"providers[{provider.Id}]");
            }
        }

        // Light-to-heavy escalations in the quarter of the profiles with care in it, per main contractor.
        var (firstMonth, lastMonth) = (MonthOf(quarterStart), month);
        foreach (var group in design.CareProfiles
            .Where(p => p.MainContractor is not null && p.Months.Any(m => MonthOf(m.Month) >= firstMonth && MonthOf(m.Month) <= lastMonth))
            .GroupBy(p => p.MainContractor!))
        {
            var upscaled = group.Count(p => design.Escalations.Any(e => e.Profile == p && e.From == CareCategory.Light && e.To == CareCategory.Heavy && e.Date >= quarterStart && e.Date <= asOf));
            if (group.Count() >= 5 && upscaled * 100 > 25 * group.Count())
            {
                yield return ("MO-005", $"providers[{group.Key.Id}]");
            }
        }
    }
}
