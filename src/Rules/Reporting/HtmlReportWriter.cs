using System.Globalization;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>
/// One self-contained, printable HTML file for procurement officers: a summary per design (with a total over several), a
/// bar chart of findings per rule (inline SVG), the findings by severity (errors, then warnings, then the info findings
/// collapsed), each with the rule's title and reference, the plain-language message and clause name first and the
/// expression and values read behind a toggle, and the list of rules checked. A filter by severity and free text can be
/// set from the URL hash (<c>#severity=error&amp;q=text</c>); see <see cref="HtmlReportAssets"/>.
/// </summary>
internal static class HtmlReportWriter
{
    private static readonly Severity[] Order = [Severity.Error, Severity.Warning, Severity.Info];

    public static void Write(IReadOnlyList<DesignReport> results, RuleSet ruleSet, TextWriter output, ReportText text)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{(text.Language == ReportLanguage.English ? "en" : "nl")}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(text.Title)}</title>\n").Append(HtmlReportAssets.Style).Append("</head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(text.Title)}</h1>\n<p>{E(ReportText.Capital(text.RuleSet(ruleSet.Hash, ruleSet.Rules.Count)))}.</p>\n");
        Summary(html, results, text);
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(text.FindingsPerRule)}</h2>\n").Append(Chart(results, text));
        Findings(html, results, text);
        html.Append(WaiverSection.Html(results.Select(r => r.Report)));
        Rules(html, results, ruleSet, text);
        html.Append(HtmlReportAssets.Script).Append("</body></html>\n");
        output.Write(html.ToString());
    }

    private static void Summary(StringBuilder html, IReadOnlyList<DesignReport> results, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<table class=\"summary\"><thead><tr><th>{E(ReportText.Capital(text.Design))}</th><th>{E(ReportText.Capital(text.File))}</th><th>{E(ReportText.Capital(text.AsOf))}</th><th>{E(text.SeverityHeading(Severity.Error))}</th><th>{E(text.SeverityHeading(Severity.Warning))}</th><th>{E(text.SeverityHeading(Severity.Info))}</th></tr></thead><tbody>\n");
        foreach (var r in results.Select(r => r.Report))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(r.DesignId)}</td><td>{E(r.DesignFile)}</td><td>{E(text.Date(r.AsOf))}</td><td class=\"n\">{r.ErrorCount}</td><td class=\"n\">{r.WarningCount}</td><td class=\"n\">{r.InfoCount}</td></tr>\n");
        }

        if (results.Count > 1)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"total\"><td colspan=\"3\">{E(ReportText.Capital(text.Total))} ({E(text.Designs(results.Count))})</td><td class=\"n\">{results.Sum(r => r.Report.ErrorCount)}</td><td class=\"n\">{results.Sum(r => r.Report.WarningCount)}</td><td class=\"n\">{results.Sum(r => r.Report.InfoCount)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Findings(StringBuilder html, IReadOnlyList<DesignReport> results, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(text.Findings)}</h2>\n<div class=\"filters\">\n<label>{E(ReportText.Capital(text.Severity))} <select id=\"severity\"><option value=\"\">{E(text.All)}</option>");
        foreach (var severity in Order)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{ReportNames.Severity(severity)}\">{E(text.SeverityName(severity))}</option>");
        }

        html.Append(CultureInfo.InvariantCulture,
            $"</select></label>\n<label>{E(ReportText.Capital(text.Search))} <input id=\"q\" type=\"search\" placeholder=\"{E(text.SearchHint)}\"></label>\n<span id=\"count\" data-shown=\"{E(text.Shown)}\"></span>\n</div>\n<div id=\"findings\">\n");
        if (results.All(r => r.Report.Findings.All(f => f.IsWaived)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(text.NoFindings)}</p>\n");
        }

        foreach (var severity in Order)
        {
            var count = results.Sum(r => r.Report.Findings.Count(f => f.Severity == severity && !f.IsWaived));
            if (count == 0)
            {
                continue;
            }

            var name = ReportNames.Severity(severity);
            var heading = string.Create(CultureInfo.InvariantCulture, $"<h3>{E(text.SeverityHeading(severity))} ({count})</h3>");
            html.Append(severity == Severity.Info
                ? $"<details class=\"severity\" id=\"info-findings\" data-severity=\"{name}\"><summary>{heading}</summary>\n"
                : $"<section class=\"severity\" id=\"{name}-findings\" data-severity=\"{name}\">{heading}\n");
            foreach (var result in results)
            {
                foreach (var group in result.ByLotAndMunicipality())
                {
                    Group(html, result, group, severity, results.Count > 1, text);
                }
            }

            html.Append(severity == Severity.Info ? "</details>\n" : "</section>\n");
        }

        html.Append("</div>\n");
    }

    private static void Group(StringBuilder html, DesignReport result, IGrouping<(string Lot, string Municipality), Finding> group, Severity severity, bool nameDesign, ReportText text)
    {
        var findings = group.Where(f => f.Severity == severity && !f.IsWaived).ToList();
        if (findings.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<div class=\"group\"><h4>{E(ReportText.Capital(text.Place(group.Key.Lot, group.Key.Municipality)))}");
        html.Append(nameDesign ? $" <small>({E(result.Report.DesignId)})</small></h4>\n" : "</h4>\n");
        foreach (var f in findings)
        {
            Finding(html, f, text);
        }

        html.Append("</div>\n");
    }

    private static void Finding(StringBuilder html, Finding f, ReportText text)
    {
        var severity = ReportNames.Severity(f.Severity);
        html.Append(CultureInfo.InvariantCulture,
            $"<article class=\"finding\" data-severity=\"{severity}\">\n<p class=\"head\"><span class=\"sev sev-{severity}\">{E(text.SeverityName(f.Severity))}</span> <span class=\"rule-id\">{E(f.RuleId)}</span> <strong class=\"rule-title\">{E(f.Title)}</strong></p>\n");
        if (!string.IsNullOrEmpty(f.Reference))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"ref\">{E(ReportText.Capital(text.Reference))}: <cite>{E(f.Reference)}</cite></p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"message\">{E(ReportValues.Message(f.Message))}</p>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">{E(ReportText.Capital(text.Clause))} <strong>{E(f.Clause)}</strong> · {E(text.Subject)} <code>{E(f.Subject)}</code>");
        var location = ReportNames.Location(f.SubjectLocation);
        html.Append(location.Length > 0 ? $" · {E(text.Location)} <code>{E(location)}</code></p>\n" : "</p>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<details class=\"expression\"><summary>{E(text.ExpressionAndValues)}</summary>\n<pre><code>{E(f.ClauseExpression)}</code></pre>\n");
        if (f.Values.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<table class=\"values\"><thead><tr><th>{E(ReportText.Capital(text.ValuesRead))}</th><th></th></tr></thead><tbody>\n");
            foreach (var v in f.Values)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(v.Expression)}</code></td><td>{E(ReportValues.Value(v))}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("</details>\n</article>\n");
    }

    private static void Rules(StringBuilder html, IReadOnlyList<DesignReport> results, RuleSet ruleSet, ReportText text)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<h2>{E(text.RulesChecked)}</h2>\n<table class=\"rules\"><thead><tr><th>{E(ReportText.Capital(text.Rule))}</th><th>{E(ReportText.Capital(text.RuleTitle))}</th><th>{E(ReportText.Capital(text.Reference))}</th><th>{E(ReportText.Capital(text.Severity))}</th>");
        foreach (var result in results)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(ReportText.Capital(text.Status))}{(results.Count > 1 ? $" {E(result.Report.DesignId)}" : "")}</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var rule in ruleSet.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"rule-id\">{E(rule.Id)}</td><td>{E(rule.Title)}</td><td>{E(rule.Reference ?? "")}</td><td>{E(text.SeverityName(rule.Severity))}</td>");
            foreach (var result in results)
            {
                var summary = result.Report.Rules.FirstOrDefault(s => s.RuleId == rule.Id);
                html.Append(CultureInfo.InvariantCulture, $"<td>{(summary is null ? "" : E(text.Application(summary.Application)))}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static string Chart(IReadOnlyList<DesignReport> results, ReportText text)
    {
        var perRule = results.SelectMany(r => r.Report.Findings.Where(f => !f.IsWaived))
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => (Rule: g.Key, Count: g.Count(), Severity: g.Max(f => f.Severity)))
            .OrderByDescending(x => x.Severity)
            .ThenBy(x => x.Rule, StringComparer.Ordinal)
            .ToList();
        if (perRule.Count == 0)
        {
            return $"<p>{E(text.NoFindings)}</p>\n";
        }

        const int BarHeight = 18, LabelWidth = 80, ChartWidth = 420;
        var max = perRule.Max(x => x.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"chart\" role=\"img\" aria-label=\"{E(text.FindingsPerRule)}\" width=\"{LabelWidth + ChartWidth + 40}\" height=\"{perRule.Count * (BarHeight + 4)}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n");
        for (var i = 0; i < perRule.Count; i++)
        {
            var (rule, count, severity) = perRule[i];
            var y = i * (BarHeight + 4);
            var w = Math.Max(2, count * ChartWidth / max);
            var colour = severity switch { Severity.Error => "#c33", Severity.Warning => "#d80", _ => "#37a" };
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + 13}\">{E(rule)}</text><rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{w}\" height=\"{BarHeight}\" fill=\"{colour}\"/><text x=\"{LabelWidth + w + 4}\" y=\"{y + 13}\">{count}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    // Control characters are shown escaped (\x1B), as on a terminal, so an odd name is visible rather than hidden.
    private static string E(string text) => ReportEscaping.Html(text);
}
