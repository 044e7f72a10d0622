using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Properties;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Model;

/// <summary>
/// The period functions over period data that rules call with the evaluation's <c>asOf</c> (issue 23): a contract's
/// spending this month, over the last months and year to date against its pro-rata budget, a profile's months past
/// its end, a provider's share of early endings and reached goals.
/// </summary>
public sealed class PeriodFunctionTests
{
    private static readonly string Sample = SampleDesigns.Valid + "\n";

    [Fact]
    public void ContractSpending_ThisMonth_LastMonths_AndYearToDate_AgainstItsProRataBudget()
    {
        // C-001 in the sample: budget 450,000 over 2023-2026 (48 months); 36,000 spent in January 2023 and 37,500 in February.
        var contract = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData, "design.yaml").GetValueOrThrow().FindContract("C-001")!;

        Assert.Equal(37500m, contract.SpentIn(new DateOnly(2023, 2, 14)));
        Assert.Equal(0m, contract.SpentIn(new DateOnly(2023, 3, 1)));
        Assert.Equal(73500m, contract.SpentInLast(3, new DateOnly(2023, 3, 31)));
        Assert.Equal(37500m, contract.SpentInLast(1, new DateOnly(2023, 2, 28)));
        Assert.Equal(73500m, contract.SpentYearToDate(new DateOnly(2023, 12, 31)));
        Assert.Equal(0m, contract.SpentYearToDate(new DateOnly(2024, 6, 30)));
        Assert.Equal(450000m * 2 / 48, contract.BudgetYearToDate(new DateOnly(2023, 2, 10)));
        Assert.Equal(450000m * 12 / 48, contract.BudgetYearToDate(new DateOnly(2026, 12, 1)));
        Assert.Equal(0m, contract.BudgetYearToDate(new DateOnly(2027, 5, 1)));
    }

    [Fact]
    public void ContractWithoutBudget_HasNoBudgetYearToDate()
    {
        var design = TenderDesignLoader.LoadString(Sample, "design.yaml").GetValueOrThrow();

        Assert.Null(design.FindContract("C-002")!.BudgetYearToDate(new DateOnly(2023, 6, 1)));
        Assert.Equal(0m, design.FindContract("C-002")!.SpentYearToDate(new DateOnly(2023, 6, 1)));
    }

    [Fact]
    public void ProfileMonthsPastEnd_CountsTheMonthsRealisedAfterItsPlannedEnd_UpToTheMonthAskedAbout()
    {
        var text = Sample + SampleDesigns.PeriodData.Replace("outcomes:", "  - { profile: P-0002, month: 2023-09, status: active }\n  - { profile: P-0002, month: 2023-08, status: ended }\noutcomes:", StringComparison.Ordinal);
        var profile = TenderDesignLoader.LoadString(text, "design.yaml").GetValueOrThrow().FindCareProfile("P-0002")!;

        // P-0002 starts 2023-05-01 for 3 months: its planned end is 2023-07-31.
        Assert.Equal(new DateOnly(2023, 7, 31), profile.End);
        Assert.Equal(0, profile.MonthsPastEnd(new DateOnly(2023, 7, 31)));
        Assert.Equal(1, profile.MonthsPastEnd(new DateOnly(2023, 8, 1)));
        Assert.Equal(2, profile.MonthsPastEnd(new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void ProviderShares_OfEarlyEndingsAndReachedGoals_OverTheOutcomesEndedInAPeriod()
    {
        var design = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData, "design.yaml").GetValueOrThrow();
        var radar = design.FindProvider("radar")!;

        // P-0002 (main contractor radar) ended early on 2023-07-31, its goals partly reached.
        Assert.Equal(1m, radar.EarlyEndingShare(new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30)));
        Assert.Equal(0m, radar.GoalReachedShare(new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30)));
        Assert.Null(radar.EarlyEndingShare(new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)));
        Assert.Empty(design.FindProvider("xonar")!.Outcomes);
    }

    [Theory]
    [InlineData("2023-02-28", 1)]
    [InlineData("2023-01-31", 0)]
    public void Rule_ComparesSpendingYearToDateWithTheProRataBudget_AsOfTheEvaluationsDate(string asOf, int findings)
    {
        // Over budget by more than 10% year to date: 73,500 spent against 18,750 by the end of February.
        var rules = RuleFiles.LoadOrThrow(RuleFiles.WithClause(
            "contract.BudgetYearToDate(asOf) == null || contract.SpentYearToDate(asOf) <= contract.BudgetYearToDate(asOf) * 11 / 10", "contract in Contracts"));
        var design = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData.Replace("amount: 36000", "amount: 10000", StringComparison.Ordinal).Replace("amount: 37500", "amount: 63500", StringComparison.Ordinal), "design.yaml").GetValueOrThrow();

        Assert.Equal(findings, rules.Evaluate(design, new EvaluationOptions { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) }).Findings.Count);
    }

    [Fact]
    public void Year_to_date_is_the_sum_of_its_months_and_the_last_twelve_months_of_december() =>
        PropertyRun.Check(nameof(Year_to_date_is_the_sum_of_its_months_and_the_last_twelve_months_of_december), 100, Spending, rows =>
        {
            var text = Sample + "spending:\n" + string.Concat(rows.Select(r => $"  - {{ contract: C-001, month: {r.Month:yyyy-MM}, amount: {r.Amount} }}\n"));
            var contract = TenderDesignLoader.LoadString(text, "design.yaml").GetValueOrThrow().FindContract("C-001")!;
            foreach (var year in new[] { 2023, 2024 })
            {
                var running = 0m;
                for (var month = 1; month <= 12; month++)
                {
                    var day = new DateOnly(year, month, 15);
                    running += contract.SpentIn(day);
                    Assert.Equal(running, contract.SpentYearToDate(day));
                    Assert.Equal(rows.Where(r => r.Month.Year == year && r.Month.Month == month).Sum(r => r.Amount), contract.SpentIn(day));
                }

                Assert.Equal(running, contract.SpentInLast(12, new DateOnly(year, 12, 31)));
            }
        });

    [Fact]
    public void ProfilesWithCare_CountEachProfileWithAMonthRowInTheWindowOnce_AndUpscalingShareThoseEscalatedInIt()
    {
        // Xonar's P-0001 (escalated light to heavy on 2023-03-01) has care in March, April and, after a gap, June 2023;
        // Radar's P-0002 in July.
        var text = Sample + SampleDesigns.PeriodData.Replace("outcomes:", "  - { profile: P-0001, month: 2023-06, status: active }\noutcomes:", StringComparison.Ordinal);
        var design = TenderDesignLoader.LoadString(text, "design.yaml").GetValueOrThrow();
        var (xonar, radar) = (design.FindProvider("xonar")!, design.FindProvider("radar")!);
        static DateOnly D(int month, int day) => new(2023, month, day);

        Assert.Equal(1, xonar.ProfilesWithCare(D(1, 1), D(12, 31)));
        Assert.Equal(1, xonar.ProfilesWithCare(D(4, 15), D(6, 1)));
        Assert.Equal(0, xonar.ProfilesWithCare(D(5, 1), D(5, 31)));
        Assert.Equal(0, xonar.ProfilesWithCare(D(7, 1), D(9, 30)));
        Assert.Equal(1, radar.ProfilesWithCare(D(7, 1), D(9, 30)));
        Assert.Equal(1m, xonar.UpscalingShare(D(3, 1), D(3, 31)));
        Assert.Equal(0m, xonar.UpscalingShare(D(3, 2), D(4, 30)));
        Assert.Null(xonar.UpscalingShare(D(5, 1), D(5, 31)));
        Assert.Equal(0m, radar.UpscalingShare(D(7, 1), D(9, 30)));
    }

    [Fact]
    public void SpendingTrend_ComparesTheLastMonthsWithTheMonthsBefore_OnlyWhenEveryMonthHasARow()
    {
        // C-001 spent 36,000 in January 2023 and 37,500 in February; March and April are added here.
        var text = Sample + SampleDesigns.PeriodData + "  - { contract: C-001, month: 2023-03, amount: 40000 }\n  - { contract: C-001, month: 2023-04, amount: 45000 }\n";
        var contract = TenderDesignLoader.LoadString(text, "design.yaml").GetValueOrThrow().FindContract("C-001")!;

        Assert.Equal((37500m - 36000m) * 100 / 36000m, contract.SpendingTrend(1, new DateOnly(2023, 2, 28)));
        Assert.Equal((85000m - 73500m) * 100 / 73500m, contract.SpendingTrend(2, new DateOnly(2023, 4, 1)));
        Assert.Null(contract.SpendingTrend(2, new DateOnly(2023, 5, 31)));   // May has no row
        Assert.Null(contract.SpendingTrend(1, new DateOnly(2023, 1, 31)));   // December 2022 has no row
        Assert.Null(contract.SpendingTrend(0, new DateOnly(2023, 2, 28)));
    }

    [Fact]
    public void Spending_trend_is_null_or_the_change_between_the_two_sums() =>
        PropertyRun.Check(nameof(Spending_trend_is_null_or_the_change_between_the_two_sums), 100, Spending, rows =>
        {
            var text = Sample + "spending:\n" + string.Concat(rows.Select(r => $"  - {{ contract: C-001, month: {r.Month:yyyy-MM}, amount: {r.Amount} }}\n"));
            var contract = TenderDesignLoader.LoadString(text, "design.yaml").GetValueOrThrow().FindContract("C-001")!;
            foreach (var months in new[] { 1, 3, 6 })
            {
                for (var day = new DateOnly(2023, 1, 20); day.Year < 2025; day = day.AddMonths(1))
                {
                    var window = Enumerable.Range(0, 2 * months).Select(k => day.AddMonths(-k)).ToArray();
                    var complete = window.All(d => rows.Any(r => r.Month.Year == d.Year && r.Month.Month == d.Month));
                    var earlier = contract.SpentInLast(months, day.AddMonths(-months));
                    var expected = complete && earlier != 0 ? (contract.SpentInLast(months, day) - earlier) * 100 / earlier : (decimal?)null;
                    Assert.Equal(expected, contract.SpendingTrend(months, day));
                }
            }
        });

    // Distinct months of 2023 and 2024, each with a whole amount.
    private static Arbitrary<(DateOnly Month, int Amount)[]> Spending => Arb.From(
        from months in Gen.SubListOf(Enumerable.Range(0, 24).ToArray())
        from amounts in Gen.ArrayOf(Gen.Choose(0, 100_000), months.Count)
        select months.Select((m, i) => (new DateOnly(2023, 1, 1).AddMonths(m), amounts[i])).ToArray());
}
