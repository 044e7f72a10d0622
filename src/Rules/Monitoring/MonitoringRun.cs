using Procurement.Rules.Model;

namespace Procurement.Rules.Monitoring;

/// <summary>
/// Builds a <see cref="MonitoringReport"/>: the rules evaluated at the last day of every month of the range (each
/// evaluation within the options' time and memory budget), and the design's period data added up per month, quarter
/// and the whole range.
/// </summary>
internal static class MonitoringRun
{
    public static MonitoringReport Run(RuleSet ruleSet, TenderDesign design, DateOnly from, DateOnly until, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var calendar = new MonitoringCalendar(from, until);
        var counter = FigureCounter.Count(design, calendar, cancellationToken);
        var titles = ruleSet.Rules.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);

        var months = new List<MonitoringPeriod>(calendar.MonthCount);
        for (var m = 0; m < calendar.MonthCount; m++)
        {
            var report = ruleSet.Evaluate(design, options with { AsOf = calendar.LastDayOf(m) }, cancellationToken);
            months.Add(Period(calendar.MonthLabel(m), calendar.FirstDayOf(m), calendar.LastDayOf(m), m, counter, design, report.Findings, titles) with
            {
                Findings = report.Findings,
            });
        }

        var quarters = calendar.Quarters
            .Select((q, i) => Period(q.Label, calendar.FirstDayOf(q.FirstMonth), calendar.LastDayOf(q.LastMonth), calendar.MonthCount + i, counter, design, months[q.LastMonth].Findings!, titles))
            .ToList();
        var whole = Period($"{calendar.MonthLabel(0)}/{calendar.MonthLabel(calendar.MonthCount - 1)}", calendar.FirstDayOf(0), calendar.LastDayOf(calendar.MonthCount - 1),
            calendar.PeriodCount - 1, counter, design, months[^1].Findings!, titles);

        return new MonitoringReport
        {
            DesignId = design.Id,
            DesignFile = design.SourceFile,
            Region = design.Region,
            RuleSetHash = ruleSet.Hash,
            From = calendar.FirstDayOf(0),
            Until = calendar.LastDayOf(calendar.MonthCount - 1),
            Months = months,
            Quarters = quarters,
            Whole = whole,
        };
    }

    private static MonitoringPeriod Period(string label, DateOnly first, DateOnly last, int period, FigureCounter counter, TenderDesign design, IReadOnlyList<Finding> findings, Dictionary<string, string> titles)
    {
        var (region, lots, parties) = counter.Figures(period, design);
        return new MonitoringPeriod
        {
            Label = label,
            First = first,
            Last = last,
            Region = region,
            Lots = lots,
            Parties = parties,
            FindingsPerRule = findings
                .Where(f => !f.IsWaived)
                .GroupBy(f => f.RuleId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new MonitoringRuleCount(g.Key, titles.GetValueOrDefault(g.Key, g.First().Title), g.Count()))
                .ToList(),
        };
    }
}
