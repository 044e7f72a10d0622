using System.Globalization;
using System.Text;
using System.Text.Json;
using Procurement.Rules.Comparing;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The section "Geaccepteerde afwijkingen" of the Markdown and HTML reports, written only for a design evaluated with
/// waivers: every waived finding with its approver, justification, expiry and decision; findings whose waiver expired
/// (open again); and waivers that matched no finding. The writers list only open findings among the findings.
/// </summary>
internal static class WaiverSection
{
    public static void Markdown(EvaluationReport report, TextWriter output)
    {
        if (report.Waivers is null)
        {
            return;
        }

        output.WriteLine("#### Geaccepteerde afwijkingen");
        output.WriteLine();
        var waived = report.Findings.Where(f => f.IsWaived).ToList();
        if (waived.Count == 0)
        {
            output.WriteLine("Geen bevinding is als afwijking geaccepteerd.");
            output.WriteLine();
        }
        else
        {
            output.WriteLine("| regel | onderwerp | kenmerk | goedgekeurd door | onderbouwing | geldig tot en met | besluit |");
            output.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var f in waived)
            {
                var w = f.Waiver!;
                output.WriteLine($"| {M(f.RuleId)} | {ReportEscaping.MarkdownCode(f.Subject)} | {M(w.Id ?? "-")} | {M(w.ApprovedBy)} | {M(w.Justification)} | {Expiry(report, w)} | {M(w.Reference ?? "-")} |");
            }

            output.WriteLine();
        }

        foreach (var line in Notes(report))
        {
            output.WriteLine($"- {M(line)}");
        }

        output.WriteLine();
    }

    public static string Html(IEnumerable<EvaluationReport> reports)
    {
        var html = new StringBuilder();
        foreach (var report in reports.Where(r => r.Waivers is not null))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Geaccepteerde afwijkingen — {E(report.DesignId)}</h2>\n");
            html.Append("<table class=\"waivers\"><thead><tr><th>regel</th><th>onderwerp</th><th>kenmerk</th><th>goedgekeurd door</th><th>onderbouwing</th><th>geldig tot en met</th><th>besluit</th></tr></thead><tbody>\n");
            foreach (var f in report.Findings.Where(f => f.IsWaived))
            {
                var w = f.Waiver!;
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(f.RuleId)}</td><td><code>{E(f.Subject)}</code></td><td>{E(w.Id ?? "-")}</td><td>{E(w.ApprovedBy)}</td><td>{E(w.Justification)}</td><td>{E(Expiry(report, w))}</td><td>{E(w.Reference ?? "-")}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
            var notes = Notes(report).ToList();
            if (notes.Count > 0)
            {
                html.Append("<ul class=\"waiver-notes\">\n");
                notes.ForEach(n => html.Append(CultureInfo.InvariantCulture, $"<li>{E(n)}</li>\n"));
                html.Append("</ul>\n");
            }
        }

        return html.ToString();
    }

    /// <summary>Inside a design of the JSON diff: the waivers added, removed or expired (nothing written when none changed).</summary>
    public static void DiffJson(Utf8JsonWriter json, ReportDiff diff)
    {
        var changes = diff.Waivers;
        if (changes.Count == 0)
        {
            return;
        }

        json.WriteStartArray("waivers");
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("change", ChangeName(change.Kind));
            if (change.Waiver.Id is { } id)
            {
                json.WriteString("id", id);
            }

            json.WriteString("ruleId", change.Waiver.RuleId);
            json.WriteString("subject", change.Waiver.Subject);
            json.WriteString("expires", change.Waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("approvedBy", change.Waiver.ApprovedBy);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>After a design's findings in the Markdown diff: the waivers added, removed or expired.</summary>
    public static void DiffMarkdown(ReportDiff diff, TextWriter output)
    {
        if (diff.Waivers.Count > 0)
        {
            output.WriteLine();
        }

        foreach (var change in diff.Waivers)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- {ReportEscaping.MarkdownCode(diff.Head.DesignId)}: afwijking {M(change.Waiver.Name)} ({M(change.Waiver.RuleId)} {ReportEscaping.MarkdownCode(change.Waiver.Subject)}, tot en met {change.Waiver.Expires:yyyy-MM-dd}): {DutchChange(change.Kind)}"));
        }
    }

    /// <summary>The name of a waiver change in JSON: <c>added</c>, <c>removed</c>, <c>expired</c>.</summary>
    public static string ChangeName(WaiverChangeKind kind) => kind switch
    {
        WaiverChangeKind.Added => "added",
        WaiverChangeKind.Removed => "removed",
        _ => "expired",
    };

    private static string DutchChange(WaiverChangeKind kind) => kind switch
    {
        WaiverChangeKind.Added => "toegevoegd",
        WaiverChangeKind.Removed => "verwijderd",
        _ => "verlopen",
    };

    /// <summary>Findings whose waiver expired, and waivers that matched nothing, as Dutch sentences.</summary>
    private static IEnumerable<string> Notes(EvaluationReport report)
    {
        foreach (var f in report.Findings.Where(f => f.Waiver is { State: WaiverState.Expired }))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Verlopen: afwijking {f.Waiver!.Id ?? f.RuleId} voor {f.RuleId} {f.Subject} gold tot en met {f.Waiver.Expires:yyyy-MM-dd}; de bevinding staat weer open.");
        }

        foreach (var use in report.Waivers!.Where(u => u.Matched == 0))
        {
            yield return $"Zonder bevinding: afwijking {use.Waiver.Name} ({use.Waiver.Location?.ToString() ?? "-"}) past op geen enkele bevinding; is zij nog nodig?";
        }
    }

    private static string Expiry(EvaluationReport report, FindingWaiver waiver)
    {
        var soon = report.Waivers!.Any(u => u.ExpiresSoon && u.Waiver.Expires == waiver.Expires && u.Waiver.Id == waiver.Id && u.Waiver.Justification == waiver.Justification);
        return waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (soon ? " (verloopt binnenkort)" : string.Empty);
    }

    private static string M(string text) => ReportEscaping.Markdown(text);

    private static string E(string text) => ReportEscaping.Html(text);
}
