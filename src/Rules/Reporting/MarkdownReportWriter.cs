using System.Globalization;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Markdown for a pull-request comment, for procurement officers: a summary table (with a total over several designs),
/// then per design the findings by severity (errors, then warnings, then the info findings in a closed details block),
/// each with the rule's title and reference, the plain-language message and clause name first, and the expression and
/// values read in a details block.
/// </summary>
internal static class MarkdownReportWriter
{
    public static void Write(IReadOnlyList<DesignReport> results, RuleSet ruleSet, TextWriter output, ReportText text)
    {
        output.WriteLine($"## {ReportEscaping.Markdown(text.Title)}");
        output.WriteLine();
        output.WriteLine($"{ReportText.Capital(text.RuleSet($"`{ruleSet.Hash}`", ruleSet.Rules.Count))}.");
        output.WriteLine();
        Summary(results, text, output);
        foreach (var result in results)
        {
            output.WriteLine();
            output.WriteLine($"### {ReportText.Capital(text.Design)} {ReportEscaping.MarkdownCode(result.Report.DesignId)} ({ReportEscaping.Markdown(result.Report.DesignFile)})");
            output.WriteLine();
            OpenFindings(result, text, output);
            WaiverSection.Markdown(result.Report, output);
        }
    }

    /// <summary>The findings not waived: errors, then warnings, then the info findings in a closed details block.</summary>
    private static void OpenFindings(DesignReport result, ReportText text, TextWriter output)
    {
        var open = result.ByLotAndMunicipality().SelectMany(g => g).Where(f => !f.IsWaived).ToList();
        if (open.Count == 0)
        {
            output.WriteLine(text.NoFindings);
            output.WriteLine();
            return;
        }

        foreach (var severity in new[] { Severity.Error, Severity.Warning })
        {
            var findings = open.Where(f => f.Severity == severity).ToList();
            if (findings.Count > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#### {text.SeverityHeading(severity)} ({findings.Count})"));
                output.WriteLine();
                findings.ForEach(f => Finding(result, f, text, output));
            }
        }

        var info = open.Where(f => f.Severity == Severity.Info).ToList();
        if (info.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<details><summary><strong>{text.SeverityHeading(Severity.Info)} ({info.Count})</strong></summary>"));
            output.WriteLine();
            info.ForEach(f => Finding(result, f, text, output));
            output.WriteLine("</details>");
            output.WriteLine();
        }
    }

    private static void Summary(IReadOnlyList<DesignReport> results, ReportText text, TextWriter output)
    {
        output.WriteLine($"| {text.Design} | {text.File} | {text.AsOf} | {text.SeverityHeading(Severity.Error).ToLowerInvariant()} | {text.SeverityHeading(Severity.Warning).ToLowerInvariant()} | info | {text.RulesChecked.ToLowerInvariant()} |");
        output.WriteLine("|---|---|---|---:|---:|---:|---|");
        foreach (var report in results.Select(r => r.Report))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {ReportEscaping.MarkdownCode(report.DesignId)} | {ReportEscaping.Markdown(report.DesignFile)} | {text.Date(report.AsOf)} | {report.ErrorCount} | {report.WarningCount} | {report.InfoCount} | {text.RulesApplied(report.Rules.Count(r => r.Application == RuleApplication.Applied), report.Rules.Count)} |"));
        }

        if (results.Count > 1)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| **{text.Total}** ({text.Designs(results.Count)}) | | | **{results.Sum(r => r.Report.ErrorCount)}** | **{results.Sum(r => r.Report.WarningCount)}** | **{results.Sum(r => r.Report.InfoCount)}** | |"));
        }
    }

    private static void Finding(DesignReport result, Finding f, ReportText text, TextWriter output)
    {
        var icon = f.Severity switch { Severity.Error => "🔴", Severity.Warning => "🟠", _ => "🔵" };
        var (lot, municipality) = result.Group(f);
        var location = ReportNames.Location(f.SubjectLocation);
        output.WriteLine($"{icon} **{ReportEscaping.Markdown(f.RuleId)}** · **{ReportEscaping.Markdown(f.Title)}**  ");
        if (!string.IsNullOrEmpty(f.Reference))
        {
            output.WriteLine($"{ReportText.Capital(text.Reference)}: *{ReportEscaping.Markdown(f.Reference)}*  ");
        }

        output.WriteLine($"{ReportEscaping.Markdown(ReportValues.Message(f.Message))}  ");
        output.WriteLine(
            $"{ReportText.Capital(text.Clause)} **{ReportEscaping.Markdown(f.Clause)}** · {text.Subject} {ReportEscaping.MarkdownCode(f.Subject)} · "
            + ReportEscaping.Markdown(text.Place(lot, municipality))
            + (location.Length > 0 ? $" · {text.Location} {ReportEscaping.MarkdownCode(location)}" : ""));
        output.WriteLine();
        output.WriteLine($"<details><summary>{text.ExpressionAndValues}</summary>");
        output.WriteLine();
        output.WriteLine($"{ReportEscaping.MarkdownCode(f.ClauseExpression)}");
        if (f.Values.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"| {text.ValuesRead} | |");
            output.WriteLine("|---|---|");
            foreach (var v in f.Values)
            {
                output.WriteLine($"| {ReportEscaping.MarkdownCode(v.Expression)} | {ReportEscaping.Markdown(ReportValues.Value(v))} |");
            }
        }

        output.WriteLine();
        output.WriteLine("</details>");
        output.WriteLine();
    }
}
