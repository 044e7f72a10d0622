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
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Design {SafeText.MarkdownCode(report.DesignId)} ({SafeText.Markdown(report.DesignFile)})"));
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
                output.WriteLine($"### Lot {SafeText.Markdown(group.Key.Lot)}, municipality {SafeText.Markdown(group.Key.Municipality)}");
                output.WriteLine();
                output.WriteLine("| severity | rule | subject | message | location |");
                output.WriteLine("|---|---|---|---|---|");
                foreach (var f in group)
                {
                    var icon = f.Severity switch { Severity.Error => "🔴 error", Severity.Warning => "🟠 warning", _ => "🔵 info" };
                    output.WriteLine($"| {icon} | {SafeText.Markdown(f.RuleId)} | {SafeText.MarkdownCode(f.Subject)} | {SafeText.Markdown(f.Message)} | {SafeText.Markdown(ReportText.Location(f.SubjectLocation))} |");
                }

                output.WriteLine();
            }
        }
    }
}
