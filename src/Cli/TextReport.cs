using System.Globalization;
using Procurement.Rules.Reporting;
using Spectre.Console;

namespace Procurement.Rules.Cli;

/// <summary>
/// The plain-text report, written through a Spectre.Console <see cref="IAnsiConsole"/> on the given writer: per design
/// the findings grouped by lot and municipality, a table of findings per rule, and a summary line. Severities are
/// coloured only when asked to (a terminal, not redirected, no NO_COLOR).
/// </summary>
internal static class TextReport
{
    public static void Write(IReadOnlyList<DesignReport> results, RuleSet ruleSet, TextWriter output, bool colour = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });

        // Wrap at the terminal's width; never wrap a redirected report (tools read it line by line).
        console.Profile.Width = colour ? Math.Max(SafeWindowWidth(), 80) : 10_000;
        foreach (var result in results)
        {
            var report = result.Report;
            console.WriteLine(SafeText.Terminal(string.Create(CultureInfo.InvariantCulture, $"{report.DesignFile}: design {report.DesignId}, as of {report.AsOf:yyyy-MM-dd}, rules {ruleSet.Hash}")));
            foreach (var group in result.ByLotAndMunicipality())
            {
                console.MarkupLine($"  [bold]lot {Escape(group.Key.Lot)}, municipality {Escape(group.Key.Municipality)}[/]");
                foreach (var finding in group)
                {
                    var label = ReportNames.Severity(finding.Severity);
                    console.MarkupLine(
                        $"  [{Style(finding.Severity)}]{label}[/]{new string(' ', Math.Max(1, 8 - label.Length))}{Escape($"{finding.RuleId,-7} {finding.Subject}  ({ReportNames.Location(finding.SubjectLocation)})")}");
                    console.WriteLine(SafeText.Terminal($"          {finding.Message}"));
                    console.WriteLine(SafeText.Terminal($"          clause {finding.Clause}: {finding.ClauseExpression}"));
                    if (finding.Values.Count > 0)
                    {
                        console.WriteLine(SafeText.Terminal($"          values: {string.Join(", ", finding.Values.Select(v => $"{v.Expression} = {v.Value}"))}"));
                    }
                }
            }

            var perRule = report.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (perRule.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple)
                    .AddColumn("rule").AddColumn(new TableColumn("error").RightAligned())
                    .AddColumn(new TableColumn("warning").RightAligned()).AddColumn(new TableColumn("info").RightAligned())
                    .AddColumn("title");
                foreach (var g in perRule)
                {
                    table.AddRow(
                        Escape(g.Key),
                        Count(g.Count(f => f.Severity == Severity.Error), Severity.Error),
                        Count(g.Count(f => f.Severity == Severity.Warning), Severity.Warning),
                        Count(g.Count(f => f.Severity == Severity.Info), Severity.Info),
                        Escape(g.First().Title));
                }

                table.AddRow("total", Count(report.ErrorCount, Severity.Error), Count(report.WarningCount, Severity.Warning), Count(report.InfoCount, Severity.Info), "");
                console.Write(table);
            }

            var applied = report.Rules.Count(r => r.Application == RuleApplication.Applied);
            var skipped = report.Rules.Where(r => r.Application is RuleApplication.NotEffective or RuleApplication.Disabled).ToArray();
            console.WriteLine(SafeText.Terminal(
                $"  {report.ErrorCount} error(s), {report.WarningCount} warning(s), {report.InfoCount} info; "
                + $"{report.Rules.Count} rules, {applied} applied"
                + (skipped.Length == 0 ? "" : $", not applied: {string.Join(", ", skipped.Select(s => $"{s.RuleId} ({(s.Application == RuleApplication.Disabled ? "disabled" : "not effective")})"))}")));
        }
    }

    /// <summary>Whether to colour: only when writing to the real, non-redirected console and NO_COLOR is not set.</summary>
    public static bool UseColour(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    // Text from the design or rules inside markup: neither its control characters nor its [brackets] take effect.
    private static string Escape(string text) => Markup.Escape(SafeText.Terminal(text));

    private static string Style(Severity severity) => severity switch
    {
        Severity.Error => "red bold",
        Severity.Warning => "yellow",
        _ => "cyan",
    };

    private static string Count(int count, Severity severity) =>
        count == 0 ? "[grey]0[/]" : $"[{Style(severity)}]{count.ToString(CultureInfo.InvariantCulture)}[/]";
}
