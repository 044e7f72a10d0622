using System.Globalization;

namespace Procurement.Rules.Cli;

/// <summary>The plain-text report: one block per finding, then a summary per design.</summary>
internal static class TextReport
{
    public static void Write(IReadOnlyList<EvaluationReport> reports, RuleSet ruleSet, TextWriter output)
    {
        foreach (var report in reports)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.DesignFile}: design {report.DesignId}, as of {report.AsOf:yyyy-MM-dd}, rules {ruleSet.Hash}"));
            foreach (var finding in report.Findings)
            {
                output.WriteLine($"  {Label(finding.Severity),-7} {finding.RuleId,-7} {finding.Subject}  ({finding.SubjectLocation})");
                output.WriteLine($"          {finding.Message}");
                output.WriteLine($"          clause {finding.Clause}: {finding.ClauseExpression}");
                if (finding.Values.Count > 0)
                {
                    output.WriteLine($"          values: {string.Join(", ", finding.Values.Select(v => $"{v.Expression} = {v.Value}"))}");
                }
            }

            var applied = report.Rules.Count(r => r.Application == RuleApplication.Applied);
            var skipped = report.Rules.Where(r => r.Application is RuleApplication.NotEffective or RuleApplication.Disabled).ToArray();
            output.WriteLine(
                $"  {report.ErrorCount} error(s), {report.WarningCount} warning(s), {report.InfoCount} info; "
                + $"{report.Rules.Count} rules, {applied} applied"
                + (skipped.Length == 0 ? "" : $", not applied: {string.Join(", ", skipped.Select(s => $"{s.RuleId} ({(s.Application == RuleApplication.Disabled ? "disabled" : "not effective")})"))}"));
        }
    }

    private static string Label(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
