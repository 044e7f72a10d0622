using System.Globalization;
using System.Text;
using Procurement.Rules.Monitoring;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The monitoring report in Dutch Markdown, for a pull-request comment or a memo: the summary and its figures, the
/// points of attention, the region's figures per quarter and per month, and the lots over the whole range (no charts:
/// the HTML has them).
/// </summary>
internal static class MonitoringMarkdownWriter
{
    public static void Write(MonitoringReport report, TextWriter output)
    {
        var md = new StringBuilder();
        md.Append(Invariant($"# Monitoringsrapportage jeugdhulp {Cell(report.Region)}\n\n{MonitoringSummary.Range(report)} · inkoopkader {ReportEscaping.MarkdownCode(report.DesignId)} · regelset {report.RuleSetHash}\n\n## Samenvatting\n\n"));
        var summary = MonitoringSummary.Of(report);
        md.Append(string.Join(' ', summary.Sentences.Select(Cell))).Append("\n\n");
        foreach (var figure in summary.Figures)
        {
            md.Append(Invariant($"- {Cell(figure.Label)}: **{Cell(figure.Text)}**\n"));
        }

        md.Append("\n### Aandachtspunten\n\n");
        var attention = MonitoringAttention.Of(report);
        md.Append(attention.Count == 0 ? $"Geen signalen op {MonitoringSummary.Date(report.Until)}.\n" : string.Concat(attention.Select(p => p.RuleId.Length == 0 ? $"- {Cell(p.Text)}\n" : $"- **{p.RuleId}** {Cell(p.Text)}\n")));
        md.Append("\n## Per kwartaal\n\n");
        Table(md, "Kwartaal", report.Quarters.Select(q => (q.Label, q.Region, (int?)q.FindingsPerRule.Sum(r => r.Count))));
        md.Append("\n## Per maand\n\n");
        Table(md, "Maand", report.Months.Select(m => (m.Label, m.Region, (int?)m.FindingsPerRule.Sum(r => r.Count))));
        md.Append("\n## Percelen over de hele periode\n\n");
        Table(md, "Perceel", report.Whole.Lots.Select(l => (l.Name, l, (int?)null)));
        output.Write(md.ToString());
    }

    private static void Table(StringBuilder md, string first, IEnumerable<(string Label, MonitoringFigures Figures, int? Signals)> rows)
    {
        var list = rows.ToList();
        var signals = list.Any(r => r.Signals is not null);
        md.Append(Invariant($"| {first} | ")).AppendJoin(" | ", MonitoringSummary.Columns.Select(c => c.Heading)).Append(signals ? " | Signalen |\n" : " |\n");
        md.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", MonitoringSummary.Columns.Count + (signals ? 1 : 0)))).Append('\n');
        foreach (var (label, figures, count) in list)
        {
            md.Append(Invariant($"| {Cell(label)} | ")).AppendJoin(" | ", MonitoringSummary.Columns.Select(c => Cell(c.Value(figures))));
            md.Append(signals ? Invariant($" | {count} |\n") : " |\n");
        }
    }

    private static string Cell(string text) => ReportEscaping.Markdown(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
