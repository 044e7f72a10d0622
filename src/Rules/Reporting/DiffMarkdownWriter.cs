using Procurement.Rules.Comparing;

namespace Procurement.Rules.Reporting;

/// <summary>The Markdown diff, for a pull-request comment: a summary table, the changed findings, and the rule impact.</summary>
internal static class DiffMarkdownWriter
{
    private const int MaxRows = 200;

    public static void Write(DiffReport result, TextWriter output, ReportText text)
    {
        output.WriteLine($"## {text.DiffTitle}");
        output.WriteLine();
        output.WriteLine($"| {text.Design} | {text.Change(FindingChange.New)} | {text.Change(FindingChange.Resolved)} | {text.Change(FindingChange.Changed)} | {text.Change(FindingChange.Unchanged)} |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var diff in result.Diffs)
        {
            output.WriteLine($"| {ReportEscaping.MarkdownCode(diff.Head.DesignFile)} | {diff.Count(FindingChange.New)} | {diff.Count(FindingChange.Resolved)} | {diff.Count(FindingChange.Changed)} | {diff.Count(FindingChange.Unchanged)} |");
        }

        if (result.Impact is { Count: > 0 } impact)
        {
            output.WriteLine();
            output.WriteLine($"### {ReportText.Capital(text.Rules)}");
            output.WriteLine();
            output.WriteLine($"| {text.Rule} | {text.ChangeHeading} | {text.Aspects} | {text.NewlyFailing} | {text.NewlyPassing} | {text.Change(FindingChange.Changed)} |");
            output.WriteLine("|---|---|---|---:|---:|---:|");
            foreach (var rule in impact)
            {
                output.WriteLine($"| {RuleId(rule.RuleId)} | {text.RuleChange(rule.Kind)} | {ReportEscaping.Markdown(string.Join(", ", rule.Aspects))} | {rule.NewlyFailing} | {rule.NewlyPassing} | {rule.Changed} |");
            }
        }

        foreach (var diff in result.Diffs)
        {
            WriteChanged(diff, output, text);
            WaiverSection.DiffMarkdown(diff, output);
        }
    }

    private static void WriteChanged(ReportDiff diff, TextWriter output, ReportText text)
    {
        var changed = diff.Findings.Where(f => f.Change != FindingChange.Unchanged).ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"### {ReportEscaping.MarkdownCode(diff.Head.DesignFile)}");
        output.WriteLine();
        output.WriteLine($"| | {text.Severity} | {text.Rule} | {text.Subject} | {text.Clause} | {text.Message} |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var f in changed.Take(MaxRows))
        {
            var current = f.Current;
            var severity = f.Change == FindingChange.Changed && f.Base!.Severity != f.Head!.Severity
                ? $"{text.SeverityName(f.Base.Severity)} → {text.SeverityName(f.Head.Severity)}"
                : text.SeverityName(current.Severity);
            output.WriteLine($"| {text.Change(f.Change)} | {severity} | {RuleId(current.RuleId)} | {ReportEscaping.MarkdownCode(current.Subject)} | {ReportEscaping.Markdown(current.Clause)} | {ReportEscaping.Markdown(ReportValues.Message(current.Message))} |");
        }

        if (changed.Length > MaxRows)
        {
            output.WriteLine();
            output.WriteLine(text.More(changed.Length - MaxRows));
        }
    }

    // A table cell wraps at a hyphen in a narrow column; a non-breaking hyphen (U+2011) keeps a rule id on one line.
    private static string RuleId(string id) => ReportEscaping.Markdown(id).Replace('-', '\u2011');
}
