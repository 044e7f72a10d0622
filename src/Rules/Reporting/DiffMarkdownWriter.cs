using Procurement.Rules.Comparing;

namespace Procurement.Rules.Reporting;

/// <summary>The Markdown diff, for a pull-request comment: a summary table, the changed findings, and the rule impact.</summary>
internal static class DiffMarkdownWriter
{
    private const int MaxRows = 200;

    public static void Write(DiffReport result, TextWriter output)
    {
        output.WriteLine("## procurement-rules diff");
        output.WriteLine();
        output.WriteLine("| design | new | resolved | changed | unchanged |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var diff in result.Diffs)
        {
            output.WriteLine($"| {ReportEscaping.MarkdownCode(diff.Head.DesignFile)} | {diff.Count(FindingChange.New)} | {diff.Count(FindingChange.Resolved)} | {diff.Count(FindingChange.Changed)} | {diff.Count(FindingChange.Unchanged)} |");
        }

        if (result.Impact is { Count: > 0 } impact)
        {
            output.WriteLine();
            output.WriteLine("### Rules");
            output.WriteLine();
            output.WriteLine("| rule | change | what | newly fail | newly pass | changed |");
            output.WriteLine("|---|---|---|---:|---:|---:|");
            foreach (var rule in impact)
            {
                output.WriteLine($"| {ReportEscaping.Markdown(rule.RuleId)} | {ReportNames.RuleChange(rule.Kind)} | {ReportEscaping.Markdown(string.Join(", ", rule.Aspects))} | {rule.NewlyFailing} | {rule.NewlyPassing} | {rule.Changed} |");
            }
        }

        foreach (var diff in result.Diffs)
        {
            WriteChanged(diff, output);
        }
    }

    private static void WriteChanged(ReportDiff diff, TextWriter output)
    {
        var changed = diff.Findings.Where(f => f.Change != FindingChange.Unchanged).ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"### {ReportEscaping.MarkdownCode(diff.Head.DesignFile)}");
        output.WriteLine();
        output.WriteLine("| | severity | rule | subject | clause | message |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var f in changed.Take(MaxRows))
        {
            var current = f.Current;
            var severity = f.Change == FindingChange.Changed && f.Base!.Severity != f.Head!.Severity
                ? $"{ReportNames.Severity(f.Base.Severity)} → {ReportNames.Severity(f.Head.Severity)}"
                : ReportNames.Severity(current.Severity);
            output.WriteLine($"| {ReportNames.Change(f.Change)} | {severity} | {ReportEscaping.Markdown(current.RuleId)} | {ReportEscaping.MarkdownCode(current.Subject)} | {ReportEscaping.Markdown(current.Clause)} | {ReportEscaping.Markdown(current.Message)} |");
        }

        if (changed.Length > MaxRows)
        {
            output.WriteLine();
            output.WriteLine($"… and {changed.Length - MaxRows} more; run `procurement-rules diff --format text` for all of them.");
        }
    }
}
