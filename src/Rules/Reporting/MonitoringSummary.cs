using System.Globalization;
using Procurement.Rules.Monitoring;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The one-page Dutch summary of a monitoring report, for a college or council member: a few sentences and the main
/// figures, every one taken from the report's series (the whole range's figures, or the last month's), so that what the
/// summary says is what the JSON holds. The HTML writes each figure with its key and invariant value
/// (<c>data-figure</c>, <c>data-value</c>) so that a test can hold the two side by side.
/// </summary>
internal sealed class MonitoringSummary
{
    /// <summary>The columns of a table of figures (per quarter, month, lot or party), as the HTML and Markdown reports show them.</summary>
    public static readonly IReadOnlyList<(string Heading, Func<MonitoringFigures, string> Value)> Columns =
    [
        ("Zorgprofielen met zorg", f => Number(f.ProfilesInCare)),
        ("Afgesloten", f => Number(f.EndedProfiles)),
        ("Uitval", f => Percent(f.EarlyEndingPercent)),
        ("Doelen behaald", f => Percent(f.GoalsReachedPercent)),
        ("Tevredenheid", f => f.AverageSatisfaction is { } s ? Decimal(s) : "–"),
        ("Besteding", f => Money(f.Spend)),
        ("Lumpsum", f => Money(f.LumpSumSpend)),
        ("Budget naar rato", f => f.LumpSumBudget is { } b ? Money(b) : "–"),
    ];

    private MonitoringSummary(IReadOnlyList<string> sentences, IReadOnlyList<SummaryFigure> figures)
    {
        Sentences = sentences;
        Figures = figures;
    }

    /// <summary>The sentences of the summary, in order.</summary>
    public IReadOnlyList<string> Sentences { get; }

    /// <summary>The main figures: key, Dutch label, invariant value (null when there is none) and the value as written.</summary>
    public IReadOnlyList<SummaryFigure> Figures { get; }

    public static MonitoringSummary Of(MonitoringReport report)
    {
        var whole = report.Whole.Region;
        var last = report.Months[^1];
        var open = report.Whole.FindingsPerRule.Sum(r => r.Count);
        var budgetShare = whole.LumpSumBudget is > 0 ? Math.Round(whole.LumpSumSpend * 100 / whole.LumpSumBudget.Value, 1) : (decimal?)null;
        var figures = new List<SummaryFigure>
        {
            new("spend", "Besteding in de verslagperiode", whole.Spend, Money(whole.Spend)),
            new("lump-sum-spend", "waarvan lumpsum", whole.LumpSumSpend, Money(whole.LumpSumSpend)),
            new("lump-sum-budget", "Lumpsumbudget naar rato", whole.LumpSumBudget, whole.LumpSumBudget is { } b ? Money(b) : "geen"),
            new("lump-sum-budget-percent", "Lumpsum besteed van het budget naar rato", budgetShare, Percent(budgetShare)),
            new("profiles-in-care", "Zorgprofielen met zorg in de verslagperiode", whole.ProfilesInCare, Number(whole.ProfilesInCare)),
            new("profiles-in-care-last-month", $"Zorgprofielen met zorg in {MonthName(last.First)}", last.Region.ProfilesInCare, Number(last.Region.ProfilesInCare)),
            new("ended-profiles", "Afgesloten trajecten", whole.EndedProfiles, Number(whole.EndedProfiles)),
            new("early-ending-percent", "Voortijdig beëindigd (uitval)", whole.EarlyEndingPercent, Percent(whole.EarlyEndingPercent)),
            new("goals-reached-percent", "Doelen behaald", whole.GoalsReachedPercent, Percent(whole.GoalsReachedPercent)),
            new("average-satisfaction", "Gemiddelde cliënttevredenheid (1–10)", whole.AverageSatisfaction, whole.AverageSatisfaction is { } s ? Decimal(s) : "onbekend"),
            new("open-findings", $"Signalen op {Date(report.Until)}", open, Number(open)),
        };
        return new MonitoringSummary(Write(report, budgetShare, open), figures);
    }

    /// <summary>A month written out: <c>maart 2024</c>.</summary>
    public static string MonthName(DateOnly month) => $"{ReportText.DutchMonths[month.Month - 1]} {month.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The range of the report written out: <c>januari 2024 t/m december 2024</c>, or one month.</summary>
    public static string Range(MonitoringReport report) =>
        report.Months.Count == 1 ? MonthName(report.From) : $"{MonthName(report.From)} t/m {MonthName(report.Until)}";

    public static string Date(DateOnly date) => ReportText.Dutch.Date(date);

    public static string Money(decimal amount) => ReportValues.Amount(Math.Round(amount, 0));

    public static string Number(int count) => count.ToString("#,##0", ReportValues.DutchNumbers);

    public static string Percent(decimal? percent) => percent is { } p ? Decimal(p) + "%" : "–";

    public static string Decimal(decimal value) => value.ToString("#,##0.#", ReportValues.DutchNumbers);

    private static List<string> Write(MonitoringReport report, decimal? budgetShare, int open)
    {
        var whole = report.Whole.Region;
        var last = report.Months[^1];
        var sentences = new List<string>
        {
            $"In {Range(report)} kregen jeugdigen in de regio {report.Region} zorg op {Number(whole.ProfilesInCare)} zorgprofielen; in {MonthName(last.First)} liepen er {Number(last.Region.ProfilesInCare)}.",
            budgetShare is { } share
                ? $"Er is {Money(whole.Spend)} besteed, waarvan {Money(whole.LumpSumSpend)} als lumpsum: {Percent(share)} van het lumpsumbudget naar rato ({Money(whole.LumpSumBudget!.Value)})."
                : $"Er is {Money(whole.Spend)} besteed.",
            whole.EndedProfiles == 0
                ? "In deze periode is geen traject afgesloten."
                : $"Van de {Number(whole.EndedProfiles)} afgesloten trajecten haalde {Percent(whole.GoalsReachedPercent)} de doelen en eindigde {Percent(whole.EarlyEndingPercent)} voortijdig.",
            open == 0
                ? $"Op {Date(report.Until)} gaven de monitoringsregels geen signalen."
                : $"Op {Date(report.Until)} gaven de monitoringsregels {Number(open)} {(open == 1 ? "signaal" : "signalen")}; de aandachtspunten hieronder noemen ze.",
        };
        var waived = report.Months[^1].Findings!.Count(f => f.IsWaived);
        if (waived > 0)
        {
            sentences.Add(waived == 1
                ? "Daarnaast is 1 signaal een geaccepteerde afwijking (met een besluit dat op die dag geldt); dat telt niet mee."
                : $"Daarnaast zijn {Number(waived)} signalen geaccepteerde afwijkingen (met een besluit dat op die dag geldt); die tellen niet mee.");
        }

        if (report.Quarters.Count >= 2 && report.Quarters[^2].Region.Spend > 0)
        {
            var (previous, current) = (report.Quarters[^2], report.Quarters[^1]);
            var change = Math.Round((current.Region.Spend - previous.Region.Spend) * 100 / previous.Region.Spend, 1);
            sentences.Add($"De besteding in {QuarterName(current)} was {Percent(Math.Abs(change))} {(change >= 0 ? "hoger" : "lager")} dan in {QuarterName(previous)}"
                + (current.Last.Month - current.First.Month < 2 || previous.Last.Month - previous.First.Month < 2 ? " (niet alle maanden van die kwartalen vallen in de verslagperiode)." : "."));
        }

        return sentences;
    }

    /// <summary>A quarter written out: <c>het 2e kwartaal van 2024</c>.</summary>
    public static string QuarterName(MonitoringPeriod quarter) =>
        $"het {((quarter.First.Month - 1) / 3) + 1}e kwartaal van {quarter.First.Year.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>One main figure of the summary.</summary>
/// <param name="Key">The figure's key (<c>data-figure</c>).</param>
/// <param name="Label">The Dutch label.</param>
/// <param name="Value">The value, invariant (<c>data-value</c>); null when there is none.</param>
/// <param name="Text">The value as written for the reader.</param>
internal sealed record SummaryFigure(string Key, string Label, decimal? Value, string Text);
