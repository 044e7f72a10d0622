using Procurement.Rules.Monitoring;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The points that need attention (aandachtspunten) at the end of a monitoring report's range: the open findings of its
/// last month, each with the month it has been reported since without a break, the longest-running first; at most
/// <see cref="MaxPoints"/>, then one line saying how many more there are.
/// </summary>
internal static class MonitoringAttention
{
    /// <summary>The most findings the summary names one by one.</summary>
    public const int MaxPoints = 8;

    /// <summary>The points, in order.</summary>
    public static IReadOnlyList<AttentionPoint> Of(MonitoringReport report)
    {
        var open = Since(report).ToList();
        var points = open
            .OrderBy(p => p.Since.First)
            .ThenBy(p => p.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(p => p.Finding.Subject, StringComparer.Ordinal)
            .Take(MaxPoints)
            .Select(p => new AttentionPoint(p.Finding.RuleId, ReportValues.Message(p.Finding.Message) + SinceText(p.Since, report)))
            .ToList();
        if (open.Count > points.Count)
        {
            points.Add(new AttentionPoint(string.Empty, $"… en {open.Count - points.Count} meer; de tabel per maand noemt ze allemaal."));
        }

        return points;
    }

    /// <summary>
    /// The open findings of the last month, each with the first month of the run of months, ending in the last, in which
    /// the same rule reported the same subject and clause.
    /// </summary>
    public static IEnumerable<(Finding Finding, MonitoringPeriod Since)> Since(MonitoringReport report)
    {
        var months = report.Months;
        var keys = months.Select(m => m.Findings!.Where(f => !f.IsWaived).Select(Key).ToHashSet()).ToList();
        foreach (var finding in months[^1].Findings!.Where(f => !f.IsWaived))
        {
            var key = Key(finding);
            var first = months.Count - 1;
            while (first > 0 && keys[first - 1].Contains(key))
            {
                first--;
            }

            yield return (finding, months[first]);
        }
    }

    private static string SinceText(MonitoringPeriod since, MonitoringReport report) =>
        since.Label == report.Months[^1].Label ? " (nieuw)" : $" (sinds eind {MonitoringSummary.MonthName(since.First)})";

    private static (string, string, string) Key(Finding f) => (f.RuleId, f.Subject, f.Clause);
}

/// <summary>One point of attention: the rule's id (empty for the closing line) and the Dutch text.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Text">What to read.</param>
internal sealed record AttentionPoint(string RuleId, string Text);
