using System.Globalization;

namespace Procurement.Rules.Cli;

/// <summary>Markdown for a pull-request comment: a summary table per design, then the findings grouped by lot and municipality.</summary>
internal static class MarkdownReport
{
    public static void Write(IReadOnlyList<DesignResult> results, RuleSet ruleSet, TextWriter output)
    {
        foreach (var result in results)
        {
            var report = result.Report;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Design `{report.DesignId}` ({Cell(report.DesignFile)})"));
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"As of {report.AsOf:yyyy-MM-dd}, rules `{ruleSet.Hash}`."));
            output.WriteLine();
            output.WriteLine("| errors | warnings | info | rules applied |");
            output.WriteLine("|---:|---:|---:|---:|");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {report.ErrorCount} | {report.WarningCount} | {report.InfoCount} | {report.Rules.Count(r => r.Application == RuleApplication.Applied)} of {report.Rules.Count} |"));
            output.WriteLine();
            if (report.Findings.Count == 0)
            {
                output.WriteLine("No findings.");
                output.WriteLine();
                continue;
            }

            foreach (var group in ReportText.ByLotAndMunicipality(result))
            {
                output.WriteLine($"### Lot {Cell(group.Key.Lot)}, municipality {Cell(group.Key.Municipality)}");
                output.WriteLine();
                output.WriteLine("| severity | rule | subject | message | location |");
                output.WriteLine("|---|---|---|---|---|");
                foreach (var f in group)
                {
                    var icon = f.Severity switch { Severity.Error => "🔴 error", Severity.Warning => "🟠 warning", _ => "🔵 info" };
                    output.WriteLine($"| {icon} | {f.RuleId} | `{Cell(f.Subject)}` | {Cell(f.Message)} | {Cell(ReportText.Location(f.SubjectLocation))} |");
                }

                output.WriteLine();
            }
        }
    }

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
