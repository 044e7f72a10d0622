using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using Procurement.Rules.Monitoring;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Monitoring;

/// <summary>
/// The monitoring report (issue 23, item 3): the embedded monitoring pack, the figures per month, quarter and the whole
/// range added up from the period data, the findings of each month at its last day, and the range it accepts.
/// </summary>
public sealed class MonitoringReportTests
{
    private static readonly Lazy<RuleSet> Pack = new(() => RuleSet.Load(RuleSource.MonitoringPacks()).GetValueOrThrow());

    // The sample: C-001 (Xonar, budget 450,000 over 48 months) spent 36,000 in January and 37,500 in February 2023;
    // P-0001 (Xonar) had care in March (1,980.50) and April (2,100); P-0002 (Radar) ended early in July, goal partly reached, mark 7.5.
    private static readonly Lazy<TenderDesign> Sample = new(() =>
        TenderDesignLoader.LoadString(SampleDesigns.Valid + "\n" + SampleDesigns.PeriodData, "design.yaml").GetValueOrThrow());

    [Fact]
    public void MonitoringPack_IsEmbedded_AsTheFileInRulesMonitoring_AndNotAmongTheDefaultPacks()
    {
        var pack = Assert.Single(RuleSource.MonitoringPacks());

        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "rules", "monitoring", "monitoring.yaml")), pack.Yaml);
        Assert.DoesNotContain(RuleSource.DefaultPacks(), p => p.Yaml == pack.Yaml);
        Assert.Equal(["MO-001", "MO-002", "MO-003", "MO-004", "MO-005", "MO-006", "MO-007"], Pack.Value.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Months_AddUpCareSpendingBudgetAndOutcomes_OfTheirOwnMonth()
    {
        var report = Pack.Value.Monitor(Sample.Value, new DateOnly(2023, 1, 1), new DateOnly(2023, 7, 31));

        Assert.Equal(["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07"], report.Months.Select(m => m.Label));
        Assert.Equal([0, 0, 1, 1, 0, 0, 1], report.Months.Select(m => m.Region.ProfilesInCare));
        Assert.Equal([36000m, 37500m, 1980.50m, 2100m, 0m, 0m, 0m], report.Months.Select(m => m.Region.Spend));
        Assert.Equal([36000m, 37500m, 0m, 0m, 0m, 0m, 0m], report.Months.Select(m => m.Region.LumpSumSpend));
        Assert.All(report.Months, m => Assert.Equal(9375m, m.Region.LumpSumBudget));

        var july = report.Months[^1].Region;
        Assert.Equal((1, 1, 0, 7.5m, 100m, 0m), (july.EndedProfiles, july.EndedEarly, july.GoalsReached, july.AverageSatisfaction, july.EarlyEndingPercent, july.GoalsReachedPercent));
        Assert.Null(report.Months[0].Region.EarlyEndingPercent);
        Assert.Equal(new DateOnly(2023, 2, 28), report.Months[1].Last);
    }

    [Fact]
    public void QuartersAndTheWholeRange_CountAProfileOnce_AndAddUpTheirMonths()
    {
        var report = Pack.Value.Monitor(Sample.Value, new DateOnly(2023, 2, 1), new DateOnly(2023, 7, 31));

        // February–March, April–June and July: quarters cut to the range.
        Assert.Equal(["2023-Q1", "2023-Q2", "2023-Q3"], report.Quarters.Select(q => q.Label));
        Assert.Equal([new DateOnly(2023, 2, 1), new DateOnly(2023, 4, 1), new DateOnly(2023, 7, 1)], report.Quarters.Select(q => q.First));
        Assert.Equal([39480.50m, 2100m, 0m], report.Quarters.Select(q => q.Region.Spend));
        Assert.Equal([1, 1, 1], report.Quarters.Select(q => q.Region.ProfilesInCare));
        Assert.Equal("2023-02/2023-07", report.Whole.Label);
        Assert.Equal((2, 41580.50m, 37500m, 56250m), (report.Whole.Region.ProfilesInCare, report.Whole.Region.Spend, report.Whole.Region.LumpSumSpend, report.Whole.Region.LumpSumBudget));
    }

    [Fact]
    public void LotsAndParties_GetTheirOwnFigures_AndPartiesWithoutAnyAreLeftOut()
    {
        var report = Pack.Value.Monitor(Sample.Value, new DateOnly(2023, 1, 1), new DateOnly(2023, 7, 31));

        Assert.Equal(Sample.Value.Lots.Select(l => l.Id), report.Whole.Lots.Select(l => l.Id));
        var ambulant = report.Whole.Lots.Single(l => l.Id == "ambulant");
        Assert.Equal((2, 77580.50m), (ambulant.ProfilesInCare, ambulant.Spend));
        Assert.Equal(["xonar", "radar"], report.Whole.Parties.Select(p => p.Id));
        var xonar = report.Whole.Parties[0];
        Assert.Equal((1, 77580.50m, 65625m, 0), (xonar.ProfilesInCare, xonar.Spend, xonar.LumpSumBudget, xonar.EndedProfiles));
        var radar = report.Whole.Parties[1];
        Assert.Equal((1, 0m, null, 1), (radar.ProfilesInCare, radar.Spend, radar.LumpSumBudget, radar.EndedProfiles));
    }

    [Fact]
    public void EveryMonth_HasTheFindingsOfItsLastDay_AndQuartersCountThoseOfTheirLastMonth()
    {
        var report = Pack.Value.Monitor(Sample.Value, new DateOnly(2023, 1, 1), new DateOnly(2023, 7, 31));

        foreach (var month in report.Months)
        {
            var expected = Pack.Value.Evaluate(Sample.Value, new EvaluationOptions { AsOf = month.Last }).Findings;
            Assert.Equal(expected.Select(f => (f.RuleId, f.Subject, f.Message)), month.Findings!.Select(f => (f.RuleId, f.Subject, f.Message)));
        }

        // C-001 spent 73,500 by February against 450,000 / 48 per month: over its budget to date in every month, and so
        // is its lot, whose budget path is C-001's budget alone.
        Assert.All(report.Months, m => Assert.Equal(
            [new MonitoringRuleCount("MO-001", Pack.Value.Rules[0].Title, 1), new MonitoringRuleCount("MO-006", Pack.Value.Rules[5].Title, 1)],
            m.FindingsPerRule));
        Assert.Equal(report.Months[^1].FindingsPerRule, report.Quarters[^1].FindingsPerRule);
        Assert.Null(report.Quarters[0].Findings);
    }

    [Fact]
    public void Range_EndingBeforeItStarts_OverTenYears_OrBeyondTheCalendar_IsRefused()
    {
        var before = Assert.Throws<ArgumentOutOfRangeException>(() => Pack.Value.Monitor(Sample.Value, new DateOnly(2023, 5, 1), new DateOnly(2023, 4, 30)));
        Assert.Contains("The last month (2023-04) lies before the first (2023-05).", before.Message, StringComparison.Ordinal);

        var tooLong = Assert.Throws<ArgumentOutOfRangeException>(() => Pack.Value.Monitor(Sample.Value, new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1)));
        Assert.Contains("A monitoring report covers at most 120 months; 2020-01 to 2030-01 is 121.", tooLong.Message, StringComparison.Ordinal);

        var far = Assert.Throws<ArgumentOutOfRangeException>(() => Pack.Value.Monitor(Sample.Value, new DateOnly(9999, 11, 1), new DateOnly(9999, 12, 31)));
        Assert.Contains("A monitoring report covers months from 1900-01 to 9998-12.", far.Message, StringComparison.Ordinal);

        Assert.Single(Pack.Value.Monitor(Sample.Value, new DateOnly(2023, 3, 31), new DateOnly(2023, 3, 1)).Months);
    }

    [Fact]
    public void ProfileUnderALumpSum_IsPaidFromTheLumpSum_NotCountedTwice()
    {
        var text = (SampleDesigns.Valid + "\n" + SampleDesigns.PeriodData).Replace("financing: output-based, value: 450000", "financing: task-oriented, value: 450000", StringComparison.Ordinal);
        var design = TenderDesignLoader.LoadString(text, "design.yaml").GetValueOrThrow();
        Assert.Equal(FinancingForm.TaskOriented, design.FindCareProfile("P-0001")!.MainContract!.Financing);

        var report = Pack.Value.Monitor(design, new DateOnly(2023, 1, 1), new DateOnly(2023, 4, 30));

        Assert.Equal([36000m, 37500m, 0m, 0m], report.Months.Select(m => m.Region.Spend));
        Assert.Equal([0, 0, 1, 1], report.Months.Select(m => m.Region.ProfilesInCare));
    }

    [Fact]
    public void Figures_AddUp_OverMonthsQuartersLotsAndTheWholeRange() =>
        PropertyRun.Check(nameof(Figures_AddUp_OverMonthsQuartersLotsAndTheWholeRange), 15, Cases, c =>
        {
            var yaml = new DesignGenerator { Profiles = c.Profiles, Seed = c.Seed, National = true, Months = c.Months }.Generate();
            var design = TenderDesignLoader.LoadString(yaml, "generated.yaml", new YamlLimits { MaxNodes = 10_000_000 }).GetValueOrThrow();
            var from = new DateOnly(2024, 1, 1).AddMonths(c.FirstMonth);
            var report = Pack.Value.Monitor(design, from, from.AddMonths(c.Length - 1));
            var until = report.Until;

            // Sums over months equal the quarters' and the whole range's; the lots' equal the region's.
            Assert.Equal(report.Months.Sum(m => m.Region.Spend), report.Whole.Region.Spend);
            Assert.Equal(report.Quarters.Sum(q => q.Region.Spend), report.Whole.Region.Spend);
            Assert.Equal(report.Months.Sum(m => m.Region.EndedProfiles), report.Quarters.Sum(q => q.Region.EndedProfiles));
            Assert.Equal(report.Months.Sum(m => m.Region.LumpSumBudget ?? 0m), report.Whole.Region.LumpSumBudget ?? 0m);
            Assert.Equal(report.Quarters.Sum(q => q.Region.LumpSumBudget ?? 0m), report.Whole.Region.LumpSumBudget ?? 0m);
            Assert.Equal(report.Whole.Lots.Sum(l => l.Spend), report.Whole.Region.Spend);
            Assert.Equal(report.Whole.Lots.Sum(l => l.ProfilesInCare), report.Whole.Region.ProfilesInCare);

            // Straight from the design's lists: profiles with a month in the range, outcomes ended in it, all spending in it.
            var inRange = (Func<DateOnly, bool>)(d => d >= report.From && d <= until);
            Assert.Equal(design.ProfileMonths.Where(m => inRange(m.Month)).Select(m => m.Profile).Distinct().Count(), report.Whole.Region.ProfilesInCare);
            Assert.Equal(design.Outcomes.Count(o => inRange(o.Ended)), report.Whole.Region.EndedProfiles);
            Assert.Equal(design.Outcomes.Count(o => inRange(o.Ended) && o.EndedEarly), report.Whole.Region.EndedEarly);
            Assert.Equal(design.Spending.Where(s => inRange(s.Month)).Sum(s => s.Amount), report.Whole.Region.LumpSumSpend);
            Assert.InRange(report.Whole.Region.ProfilesInCare, report.Months.Max(m => m.Region.ProfilesInCare), report.Months.Sum(m => m.Region.ProfilesInCare));
        });

    private static Arbitrary<(int Seed, int Profiles, int Months, int FirstMonth, int Length)> Cases => Arb.From(
        from seed in Gen.Choose(0, 10_000)
        from profiles in Gen.Choose(200, 800)
        from months in Gen.Choose(1, 15)
        from first in Gen.Choose(-2, 14)
        from length in Gen.Choose(1, 16)
        select (seed, profiles, months, first, length));
}
