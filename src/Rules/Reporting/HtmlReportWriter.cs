using System.Globalization;
using System.Net;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>
/// One self-contained HTML file: a summary, a bar chart of findings per rule (inline SVG), and the findings grouped by
/// lot and severity in a table that filters by severity and free text. The filter can be set from the URL hash
/// (<c>#severity=error&amp;q=text</c>); the table element carries the number of visible rows in <c>data-visible-rows</c>.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Head = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>procurement-rules report</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
        h1{font-size:1.4rem} h2{font-size:1.15rem;margin-top:2rem} h3{font-size:1rem}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f0f0f0}
        .sev{font-weight:600;border-radius:3px;padding:0 .3rem}
        .sev-error{background:#fdd;color:#900} .sev-warning{background:#fec;color:#850} .sev-info{background:#def;color:#035}
        .summary td{text-align:right}
        .filters{margin:1rem 0;display:flex;gap:1rem;align-items:center}
        tr.group th{background:#e6ecf5}
        tr[hidden]{display:none}
        code{font-size:.85em}
        @media print{.filters{display:none} tr[hidden]{display:table-row} body{margin:0} h2{page-break-before:auto} tr{page-break-inside:avoid}}
        </style></head><body>
        <h1>procurement-rules report</h1>

        """;

    private const string FindingsHead = """
        <h2>Findings</h2>
        <div class="filters">
        <label>Severity <select id="severity"><option value="">all</option><option value="error">error</option><option value="warning">warning</option><option value="info">info</option></select></label>
        <label>Search <input id="q" type="search" placeholder="rule, subject, text"></label>
        <span id="count"></span>
        </div>
        <table id="findings"><thead><tr><th>severity</th><th>rule</th><th>subject</th><th>message</th><th>clause and values</th><th>location</th></tr></thead><tbody>

        """;

    private const string Tail = """
        </tbody></table>
        <script>
        (function () {
          var table = document.getElementById('findings');
          var sev = document.getElementById('severity'), q = document.getElementById('q'), count = document.getElementById('count');
          function apply() {
            var s = sev.value, text = q.value.toLowerCase(), visible = 0;
            var rows = table.tBodies[0].rows, groupRow = null, groupVisible = 0;
            function closeGroup() { if (groupRow) { groupRow.hidden = groupVisible === 0; } }
            for (var i = 0; i < rows.length; i++) {
              var row = rows[i];
              if (row.classList.contains('group')) { closeGroup(); groupRow = row; groupVisible = 0; continue; }
              var show = (!s || row.dataset.severity === s) && (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
              row.hidden = !show;
              if (show) { visible++; groupVisible++; }
            }
            closeGroup();
            table.setAttribute('data-visible-rows', String(visible));
            count.textContent = visible + ' shown';
            var hash = [];
            if (s) hash.push('severity=' + encodeURIComponent(s));
            if (text) hash.push('q=' + encodeURIComponent(q.value));
            history.replaceState(null, '', hash.length ? '#' + hash.join('&') : location.pathname + location.search);
          }
          var params = new URLSearchParams(location.hash.replace(/^#/, ''));
          if (params.get('severity')) sev.value = params.get('severity');
          if (params.get('q')) q.value = params.get('q');
          sev.addEventListener('change', apply); q.addEventListener('input', apply);
          apply();
        })();
        </script>
        </body></html>

        """;

    public static void Write(IReadOnlyList<DesignReport> results, RuleSet ruleSet, TextWriter output)
    {
        var html = new StringBuilder();
        html.Append(Head);
        html.Append(CultureInfo.InvariantCulture, $"<p>Rules <code>{E(ruleSet.Hash)}</code>, {ruleSet.Rules.Count} rules.</p>\n");

        html.Append("<table class=\"summary\"><thead><tr><th>design</th><th>file</th><th>as of</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody>\n");
        foreach (var r in results.Select(r => r.Report))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td style=\"text-align:left\">{E(r.DesignId)}</td><td style=\"text-align:left\">{E(r.DesignFile)}</td><td>{r.AsOf:yyyy-MM-dd}</td><td>{r.ErrorCount}</td><td>{r.WarningCount}</td><td>{r.InfoCount}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        html.Append("<h2>Findings per rule</h2>\n");
        html.Append(Chart(results));

        html.Append(FindingsHead);
        foreach (var result in results)
        {
            var byLot = result.Report.Findings
                .OrderBy(f => result.Group(f).Lot, StringComparer.Ordinal)
                .ThenByDescending(f => f.Severity)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .GroupBy(f => (result.Group(f).Lot, f.Severity));
            foreach (var group in byLot)
            {
                var sev = ReportNames.Severity(group.Key.Severity);
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr class=\"group\" data-severity=\"{sev}\"><th colspan=\"6\">{E(result.Report.DesignId)} — lot {E(group.Key.Lot)} — {sev} ({group.Count()})</th></tr>\n");
                foreach (var f in group)
                {
                    var values = string.Join("<br>", f.Values.Select(v => $"<code>{E(v.Expression)}</code> = {E(v.Value)}"));
                    html.Append(CultureInfo.InvariantCulture,
                        $"<tr class=\"finding\" data-severity=\"{sev}\"><td><span class=\"sev sev-{sev}\">{sev}</span></td><td>{E(f.RuleId)}</td><td><code>{E(f.Subject)}</code><br>{E(result.Group(f).Municipality)}</td><td>{E(f.Message)}</td><td><code>{E(f.Clause)}</code>: <code>{E(f.ClauseExpression)}</code>{(values.Length > 0 ? "<br>" + values : "")}</td><td>{E(ReportNames.Location(f.SubjectLocation))}</td></tr>\n");
                }
            }
        }

        html.Append(Tail);
        output.Write(html.ToString());
    }

    private static string Chart(IReadOnlyList<DesignReport> results)
    {
        var perRule = results.SelectMany(r => r.Report.Findings)
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => (Rule: g.Key, Count: g.Count(), Severity: g.Max(f => f.Severity)))
            .OrderBy(x => x.Rule, StringComparer.Ordinal)
            .ToList();
        if (perRule.Count == 0)
        {
            return "<p>No findings.</p>\n";
        }

        const int BarHeight = 18, LabelWidth = 80, ChartWidth = 420;
        var max = perRule.Max(x => x.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"chart\" role=\"img\" aria-label=\"findings per rule\" width=\"{LabelWidth + ChartWidth + 40}\" height=\"{perRule.Count * (BarHeight + 4)}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">\n");
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
    private static string E(string text) => WebUtility.HtmlEncode(ReportEscaping.Controls(text));
}
