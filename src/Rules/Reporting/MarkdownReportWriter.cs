using System.Globalization;

namespace Procurement.Rules.Reporting;

/// <summary>Markdown for a pull-request comment: a summary table per design, then the findings grouped by lot and municipality.</summary>
internal static class MarkdownReportWriter
{
    public static void Write(IReadOnlyList<DesignReport> results, RuleSet ruleSet, TextWriter output)
    {
        foreach (var result in results)
        {
            var report = result.Report;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Design {ReportEscaping.MarkdownCode(report.DesignId)} ({ReportEscaping.Markdown(report.DesignFile)})"));
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

            foreach (var group in result.ByLotAndMunicipality())
            {
                output.WriteLine($"### Lot {ReportEscaping.Markdown(group.Key.Lot)}, municipality {ReportEscaping.Markdown(group.Key.Municipality)}");
                output.WriteLine();
                output.WriteLine("| severity | rule | subject | message | location |");
                output.WriteLine("|---|---|---|---|---|");
                foreach (var f in group)
                {
                    var icon = f.Severity switch { Severity.Error => "🔴", Severity.Warning => "🟠", _ => "🔵" };
                    output.WriteLine($"| {icon} {ReportNames.Severity(f.Severity)} | {ReportEscaping.Markdown(f.RuleId)} | {ReportEscaping.MarkdownCode(f.Subject)} | {ReportEscaping.Markdown(f.Message)} | {ReportEscaping.Markdown(ReportNames.Location(f.SubjectLocation))} |");
                }

                output.WriteLine();
            }
        }
    }
}
