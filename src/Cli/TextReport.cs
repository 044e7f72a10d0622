using System.Globalization;

namespace Procurement.Rules.Cli;

/// <summary>
/// The plain-text report: per design the findings grouped by lot and municipality, a table of findings per rule,
/// and a summary line. Severity labels are coloured (ANSI) only when asked to.
/// </summary>
internal static class TextReport
{
    public static void Write(IReadOnlyList<DesignResult> results, RuleSet ruleSet, TextWriter output, bool colour = false)
    {
        foreach (var result in results)
        {
            var report = result.Report;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.DesignFile}: design {report.DesignId}, as of {report.AsOf:yyyy-MM-dd}, rules {ruleSet.Hash}"));
            foreach (var group in ReportText.ByLotAndMunicipality(result))
            {
                output.WriteLine(Paint($"  lot {group.Key.Lot}, municipality {group.Key.Municipality}", "1", colour));
                foreach (var finding in group)
                {
                    var label = ReportText.Label(finding.Severity);
                    output.WriteLine($"  {Paint(label, Code(finding.Severity), colour)}{new string(' ', Math.Max(1, 8 - label.Length))}{finding.RuleId,-7} {finding.Subject}  ({ReportText.Location(finding.SubjectLocation)})");
                    output.WriteLine($"          {finding.Message}");
                    output.WriteLine($"          clause {finding.Clause}: {finding.ClauseExpression}");
                    if (finding.Values.Count > 0)
                    {
                        output.WriteLine($"          values: {string.Join(", ", finding.Values.Select(v => $"{v.Expression} = {v.Value}"))}");
                    }
                }
            }

            var perRule = report.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (perRule.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("  rule     error  warning  info");
                foreach (var g in perRule)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {g.Key,-7} {g.Count(f => f.Severity == Severity.Error),6} {g.Count(f => f.Severity == Severity.Warning),8} {g.Count(f => f.Severity == Severity.Info),5}"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {"total",-7} {report.ErrorCount,6} {report.WarningCount,8} {report.InfoCount,5}"));
            }

            var applied = report.Rules.Count(r => r.Application == RuleApplication.Applied);
            var skipped = report.Rules.Where(r => r.Application is RuleApplication.NotEffective or RuleApplication.Disabled).ToArray();
            output.WriteLine(
                $"  {report.ErrorCount} error(s), {report.WarningCount} warning(s), {report.InfoCount} info; "
                + $"{report.Rules.Count} rules, {applied} applied"
                + (skipped.Length == 0 ? "" : $", not applied: {string.Join(", ", skipped.Select(s => $"{s.RuleId} ({(s.Application == RuleApplication.Disabled ? "disabled" : "not effective")})"))}"));
        }
    }

    /// <summary>Whether to colour: only when writing to the real, non-redirected console and NO_COLOR is not set.</summary>
    public static bool UseColour(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static string Code(Severity severity) => severity switch
    {
        Severity.Error => "31;1",
        Severity.Warning => "33",
        _ => "36",
    };

    private static string Paint(string text, string code, bool colour) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
