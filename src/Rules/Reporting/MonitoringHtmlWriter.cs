using System.Globalization;
using System.Text;
using Procurement.Rules.Monitoring;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The monitoring report as one self-contained, printable Dutch HTML file for colleges and councils: the one-page
/// summary (<see cref="MonitoringSummary"/>) with the points that need attention, trend charts in inline SVG
/// (<see cref="SvgChart"/>), the figures per quarter for the region, each lot and the largest parties, and per month the
/// figures and the signals of that month behind a toggle.
/// </summary>
internal static class MonitoringHtmlWriter
{
    /// <summary>The most contract parties the quarter table shows (the largest by spend, then by care); the JSON has them all.</summary>
    public const int MaxParties = 25;

    private static readonly string[] ShortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    private const string Style = """
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;max-width:72rem;line-height:1.4}
        h1{font-size:1.45rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem} h3{font-size:1.05rem}
        .sub{color:#555;margin-top:0}
        table{border-collapse:collapse;font-size:.88rem;max-width:100%;margin:.5rem 0}
        th,td{border:1px solid #ccc;padding:.25rem .45rem;text-align:left;vertical-align:top} th{background:#f0f0f0} td.n{text-align:right;white-space:nowrap}
        #summary{border:1px solid #bbb;border-radius:6px;padding:.2rem 1.2rem 1rem}
        dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.6rem;margin:1rem 0}
        dl.figures div{background:#f4f7fb;border-radius:4px;padding:.4rem .6rem} dl.figures dt{font-size:.82rem;color:#444} dl.figures dd{margin:0;font-size:1.2rem;font-weight:600}
        figure.chart{margin:1rem 0} svg.chart{max-width:100%;height:auto} .legend span{margin-right:1rem;font-size:.85rem} .legend i{display:inline-block;width:1.6rem;margin-right:.3rem;vertical-align:middle}
        .rule-id{font-family:ui-monospace,monospace;font-weight:600;white-space:nowrap}
        details.month{margin:.3rem 0} details.month summary{cursor:pointer}
        @media print{#summary{break-after:page;border:none} details.month{break-inside:avoid} h2{break-after:avoid}}
        </style>

        """;

    public static void Write(MonitoringReport report, RuleSet ruleSet, TextWriter output)
    {
        var html = new StringBuilder();
        var title = $"Monitoringsrapportage jeugdhulp {report.Region}";
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(Invariant($"<title>{E(title)}</title>\n")).Append(Style).Append("</head><body>\n");
        html.Append(Invariant($"<h1>{E(title)}</h1>\n<p class=\"sub\">{E(MonitoringSummary.Range(report))} · inkoopkader <code>{E(report.DesignId)}</code> · regelset {E(report.RuleSetHash)}</p>\n"));
        Summary(html, report);
        Charts(html, report);
        QuarterTables(html, report);
        MonthTable(html, report);
        Rules(html, ruleSet);
        html.Append("</body></html>\n");
        output.Write(html.ToString());
    }

    private static void Summary(StringBuilder html, MonitoringReport report)
    {
        var summary = MonitoringSummary.Of(report);
        html.Append("<section id=\"summary\">\n<h2>Samenvatting</h2>\n");
        foreach (var sentence in summary.Sentences)
        {
            html.Append(Invariant($"<p>{E(sentence)}</p>\n"));
        }

        html.Append("<dl class=\"figures\">\n");
        foreach (var figure in summary.Figures)
        {
            var value = figure.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;
            html.Append(Invariant($"<div><dt>{E(figure.Label)}</dt><dd data-figure=\"{figure.Key}\" data-value=\"{value}\">{E(figure.Text)}</dd></div>\n"));
        }

        html.Append("</dl>\n<h3>Aandachtspunten</h3>\n");
        var attention = MonitoringAttention.Of(report);
        if (attention.Count == 0)
        {
            html.Append(Invariant($"<p>Geen signalen op {E(MonitoringSummary.Date(report.Until))}.</p>\n"));
        }
        else
        {
            html.Append("<ul class=\"attention\">\n");
            foreach (var point in attention)
            {
                html.Append(Invariant($"<li><span class=\"rule-id\">{E(point.RuleId)}</span> {E(point.Text)}</li>\n"));
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    private static void Charts(StringBuilder html, MonitoringReport report)
    {
        var labels = report.Months.Select(m => ShortMonth(m.First)).ToList();
        html.Append("<h2>Verloop per maand</h2>\n");
        var spend = report.Whole.Lots.Where(l => l.Spend != 0)
            .Select(lot => new ChartSeries(lot.Name, report.Months.Select(m => (decimal?)m.Lots.First(l => l.Id == lot.Id).Spend).ToList()))
            .ToList();
        html.Append("<h3>Besteding per perceel</h3>\n").Append(SvgChart.Lines("chart-spend", "Besteding per maand per perceel", labels, spend, MonitoringSummary.Money));
        if (report.Whole.Region.LumpSumBudget is not null)
        {
            html.Append("<h3>Lumpsum: besteding en budget naar rato</h3>\n").Append(SvgChart.Lines("chart-lump-sum", "Lumpsumbesteding en lumpsumbudget naar rato per maand", labels,
            [
                new ChartSeries("lumpsumbesteding", report.Months.Select(m => (decimal?)m.Region.LumpSumSpend).ToList()),
                new ChartSeries("lumpsumbudget naar rato", report.Months.Select(m => m.Region.LumpSumBudget).ToList(), Dashed: true),
            ], MonitoringSummary.Money));
        }

        html.Append("<h3>Zorgprofielen met zorg</h3>\n").Append(SvgChart.Lines("chart-profiles", "Zorgprofielen met zorg per maand", labels,
            [new ChartSeries("regio", report.Months.Select(m => (decimal?)m.Region.ProfilesInCare).ToList())], v => MonitoringSummary.Decimal(v)));
        html.Append("<h3>Signalen</h3>\n").Append(SvgChart.Bars("chart-findings", "Signalen van de monitoringsregels aan het eind van elke maand", labels,
            new ChartSeries("signalen", report.Months.Select(m => (decimal?)m.FindingsPerRule.Sum(r => r.Count)).ToList()), v => MonitoringSummary.Decimal(v)));
    }

    private static void QuarterTables(StringBuilder html, MonitoringReport report)
    {
        html.Append("<h2>Per kwartaal</h2>\n<h3>Regio</h3>\n");
        FigureTable(html, "Kwartaal", report.Quarters.Select(q => (q.Label, q.Region, (int?)q.FindingsPerRule.Sum(r => r.Count))));
        foreach (var lot in report.Whole.Lots)
        {
            html.Append(Invariant($"<h3>Perceel {E(lot.Name)}</h3>\n"));
            FigureTable(html, "Kwartaal", report.Quarters.Select(q => (q.Label, q.Lots.First(l => l.Id == lot.Id), (int?)null)));
        }

        var parties = report.Whole.Parties.OrderByDescending(p => p.Spend).ThenByDescending(p => p.ProfilesInCare).ThenBy(p => p.Id, StringComparer.Ordinal).Take(MaxParties).ToList();
        html.Append(Invariant($"<h3>Aanbieders en coöperaties over de hele periode</h3>\n"));
        if (report.Whole.Parties.Count > parties.Count)
        {
            html.Append(Invariant($"<p>De {parties.Count} grootste van {report.Whole.Parties.Count}; de JSON-uitvoer (<code>--format json</code>) bevat ze allemaal.</p>\n"));
        }

        FigureTable(html, "Aanbieder of coöperatie", parties.Select(p => (p.Name, p, (int?)null)));
    }

    private static void MonthTable(StringBuilder html, MonitoringReport report)
    {
        html.Append("<h2>Per maand</h2>\n");
        FigureTable(html, "Maand", report.Months.Select(m => (m.Label, m.Region, (int?)m.FindingsPerRule.Sum(r => r.Count))));
        foreach (var month in report.Months.Where(m => m.Findings!.Count > 0))
        {
            html.Append(Invariant($"<details class=\"month\" data-month=\"{month.Label}\"><summary>Signalen op {E(MonitoringSummary.Date(month.Last))} ({month.FindingsPerRule.Sum(r => r.Count)})</summary>\n<ul>\n"));
            foreach (var finding in month.Findings!)
            {
                var waived = finding.IsWaived ? $" <em>({E($"geaccepteerde afwijking{(finding.Waiver!.Id is { } id ? " " + id : "")}, goedgekeurd door {finding.Waiver.ApprovedBy}")})</em>" : string.Empty;
                html.Append(Invariant($"<li><span class=\"rule-id\">{E(finding.RuleId)}</span> {E(ReportValues.Message(finding.Message))}{waived}</li>\n"));
            }

            html.Append("</ul></details>\n");
        }
    }

    private static void FigureTable(StringBuilder html, string first, IEnumerable<(string Label, MonitoringFigures Figures, int? Signals)> rows)
    {
        var list = rows.ToList();
        var signals = list.Any(r => r.Signals is not null);
        html.Append(Invariant($"<table class=\"figures\"><thead><tr><th>{E(first)}</th>"));
        html.AppendJoin(string.Empty, MonitoringSummary.Columns.Select(c => $"<th>{E(c.Heading)}</th>"));
        html.Append(signals ? "<th>Signalen</th></tr></thead><tbody>\n" : "</tr></thead><tbody>\n");
        foreach (var (label, figures, count) in list)
        {
            html.Append(Invariant($"<tr><td>{E(label)}</td>"));
            html.AppendJoin(string.Empty, MonitoringSummary.Columns.Select(c => $"<td class=\"n\">{E(c.Value(figures))}</td>"));
            html.Append(signals ? Invariant($"<td class=\"n\">{count}</td></tr>\n") : "</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Rules(StringBuilder html, RuleSet ruleSet)
    {
        html.Append("<h2>Regels</h2>\n<table><thead><tr><th>Regel</th><th>Titel</th><th>Bron</th></tr></thead><tbody>\n");
        foreach (var rule in ruleSet.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            html.Append(Invariant($"<tr><td class=\"rule-id\">{E(rule.Id)}</td><td>{E(rule.Title)}</td><td>{E(rule.Reference ?? "")}</td></tr>\n"));
        }

        html.Append("</tbody></table>\n");
    }

    private static string ShortMonth(DateOnly month) =>
        ShortMonths[month.Month - 1] + (month.Month == 1 ? " " + month.Year.ToString(CultureInfo.InvariantCulture) : string.Empty);

    private static string E(string text) => ReportEscaping.Html(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
