using System.Globalization;
using Procurement.Rules.Reporting;
using Spectre.Console;

namespace Procurement.Rules.Cli;

/// <summary>
/// The plain-text report, written through a Spectre.Console <see cref="IAnsiConsole"/> on the given writer: per design
/// the findings by severity (errors, then warnings, then info in short), grouped by lot and municipality, each with the
/// rule's title and reference, the message and clause first and the expression and values read after; a table of
/// findings per rule, a summary line, a total over several designs and the caller's footer. Lines wrap at the
/// terminal's width (100 columns when redirected) with hanging indents, so a wrapped line never returns to column 0,
/// and end without blanks. Severities are coloured only when asked to (a terminal, not redirected, no NO_COLOR).
/// Headings are Dutch unless <see cref="ReportLanguage.English"/>.
/// </summary>
internal static class TextReport
{
    /// <summary>The width of a report that is not written to a terminal.</summary>
    public const int RedirectedWidth = 100;

    private const int FindingIndent = 6;
    private const int DetailIndent = 8;

    public static void Write(IReadOnlyList<DesignReport> results, RuleSet ruleSet, TextWriter output, bool colour = false, ReportLanguage language = ReportLanguage.Dutch, string? footer = null)
    {
        var text = ReportText.For(language);
        var width = Width(output);
        using var trimmed = new TrailingSpaceTrimmer(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(trimmed),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        var lines = new TextWrapper(console, width);
        foreach (var result in results)
        {
            var report = result.Report;
            lines.Plain(0, 2, $"{report.DesignFile}: {text.Design} {report.DesignId}, {text.AsOf} {text.Date(report.AsOf)}, {text.RuleSet(ruleSet.Hash, ruleSet.Rules.Count)}");
            foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Info })
            {
                Section(lines, result, severity, text);
            }

            WaiverText.Lines(report).ToList().ForEach(line => console.WriteLine(SafeText.Terminal(line)));
            PerRule(console, report, text);
            Summary(lines, report, text);
        }

        if (results.Count > 1)
        {
            lines.Plain(0, 2,
                $"{ReportText.Capital(text.Total)} ({text.Designs(results.Count)}): "
                + text.Counts(results.Sum(r => r.Report.ErrorCount), results.Sum(r => r.Report.WarningCount), results.Sum(r => r.Report.InfoCount)));
        }

        if (footer is not null && results.Count > 0)
        {
            lines.Plain(0, 2, footer);
        }
    }

    /// <summary>Whether to colour: only when writing to the real, non-redirected console and NO_COLOR is not set.</summary>
    public static bool UseColour(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The terminal's width when writing to the real, non-redirected console; otherwise <see cref="RedirectedWidth"/>.</summary>
    public static int Width(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return RedirectedWidth;
        }

        try
        {
            return Console.WindowWidth >= 40 ? Console.WindowWidth : RedirectedWidth;
        }
        catch (IOException)
        {
            return RedirectedWidth;
        }
    }

    private static void Section(TextWrapper lines, DesignReport result, Severity severity, ReportText text)
    {
        var count = result.Report.Findings.Count(f => f.Severity == severity && !f.IsWaived);
        if (count == 0)
        {
            return;
        }

        lines.Markup(2, 4, $"[bold]{Markup.Escape(text.SeverityHeading(severity))} ({count.ToString(CultureInfo.InvariantCulture)})[/]", $"{text.SeverityHeading(severity)} ({count})");
        foreach (var group in result.ByLotAndMunicipality())
        {
            var findings = group.Where(f => f.Severity == severity && !f.IsWaived).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            lines.Plain(4, FindingIndent, text.Place(group.Key.Lot, group.Key.Municipality));
            foreach (var finding in findings)
            {
                Finding(lines, finding, text);
            }
        }
    }

    private static void Finding(TextWrapper lines, Finding finding, ReportText text)
    {
        var label = text.SeverityName(finding.Severity);
        var head = $"{label,-13}{finding.RuleId,-8}";
        lines.Labelled(FindingIndent, $"[{Style(finding.Severity)}]{Markup.Escape(label)}[/]", head, finding.Title);
        if (!string.IsNullOrEmpty(finding.Reference))
        {
            lines.Plain(DetailIndent, DetailIndent + 2, $"{ReportText.Capital(text.Reference)}: {finding.Reference}");
        }

        lines.Plain(DetailIndent, DetailIndent + 2, ReportValues.Message(finding.Message));
        var location = ReportNames.Location(finding.SubjectLocation);
        lines.Plain(DetailIndent, DetailIndent + 2, $"{text.Clause} {finding.Clause} · {finding.Subject}{(location.Length > 0 ? $" ({location})" : "")}");
        if (finding.Severity == Severity.Info)
        {
            return;
        }

        lines.Plain(DetailIndent, DetailIndent + 2, $"{text.Expression}: {finding.ClauseExpression}");
        if (finding.Values.Count > 0)
        {
            lines.Plain(DetailIndent, DetailIndent + 2, $"{text.ValuesRead}:");
            foreach (var value in finding.Values)
            {
                lines.Plain(DetailIndent + 2, DetailIndent + 4, $"{value.Expression} = {ReportValues.Value(value)}");
            }
        }
    }

    private static void PerRule(IAnsiConsole console, EvaluationReport report, ReportText text)
    {
        var perRule = report.Findings.Where(f => !f.IsWaived).GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (perRule.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn(Markup.Escape(text.Rule)).NoWrap())
            .AddColumn(new TableColumn(Markup.Escape(text.SeverityName(Severity.Error))).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape(text.SeverityName(Severity.Warning))).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape(text.SeverityName(Severity.Info))).RightAligned())
            .AddColumn(Markup.Escape(text.RuleTitle));
        foreach (var g in perRule)
        {
            table.AddRow(
                Escape(g.Key),
                Count(g.Count(f => f.Severity == Severity.Error), Severity.Error),
                Count(g.Count(f => f.Severity == Severity.Warning), Severity.Warning),
                Count(g.Count(f => f.Severity == Severity.Info), Severity.Info),
                Escape(g.First().Title));
        }

        table.AddRow(Markup.Escape(text.Total), Count(report.ErrorCount, Severity.Error), Count(report.WarningCount, Severity.Warning), Count(report.InfoCount, Severity.Info), "");
        console.Write(table);
    }

    private static void Summary(TextWrapper lines, EvaluationReport report, ReportText text)
    {
        var applied = report.Rules.Count(r => r.Application == RuleApplication.Applied);
        var skipped = report.Rules.Where(r => r.Application is RuleApplication.NotEffective or RuleApplication.Disabled).ToArray();
        lines.Plain(2, 4,
            $"{text.Counts(report.ErrorCount, report.WarningCount, report.InfoCount)}; {text.RulesApplied(applied, report.Rules.Count)}"
            + (skipped.Length == 0 ? "" : $"; {text.NotApplied}: {string.Join(", ", skipped.Select(s => $"{s.RuleId} ({text.Application(s.Application)})"))}"));
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
