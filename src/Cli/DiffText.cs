using Procurement.Rules.Comparing;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>
/// The plain-text diff: <c>+</c> new, <c>-</c> resolved, <c>~</c> changed; unchanged findings are only counted. Headings
/// in Dutch unless <see cref="ReportLanguage.English"/>; messages with amounts and dates as officers read them.
/// </summary>
internal static class DiffText
{
    public static void Write(DiffReport result, TextWriter output, ReportLanguage language = ReportLanguage.Dutch)
    {
        var text = ReportText.For(language);
        foreach (var diff in result.Diffs)
        {
            output.WriteLine(SafeText.Terminal(Header(diff, text)));
            foreach (var f in diff.Findings.Where(f => f.Change != FindingChange.Unchanged))
            {
                var mark = f.Change switch { FindingChange.New => '+', FindingChange.Resolved => '-', _ => '~' };
                var current = f.Current;
                output.WriteLine(SafeText.Terminal($"  {mark} {text.SeverityName(current.Severity),-12} {current.RuleId,-7} {current.Subject}  {text.Clause} {current.Clause}"));
                output.WriteLine(SafeText.Terminal($"          {ReportValues.Message(current.Message)}"));
                if (f.Change == FindingChange.Changed)
                {
                    output.WriteLine(SafeText.Terminal($"          {text.Was}: {text.SeverityName(f.Base!.Severity)}, {text.Clause} {f.Base.Clause}, {text.ValuesRead} {Values(f.Base)}"));
                    output.WriteLine(SafeText.Terminal($"          {text.Now}: {text.SeverityName(f.Head!.Severity)}, {text.Clause} {f.Head.Clause}, {text.ValuesRead} {Values(f.Head)}"));
                }
            }

            foreach (var change in diff.Waivers)
            {
                var kind = change.Kind switch { Comparing.WaiverChangeKind.Added => "toegevoegd", Comparing.WaiverChangeKind.Removed => "verwijderd", _ => "verlopen" };
                output.WriteLine(SafeText.Terminal($"  afwijking {change.Waiver.Name} ({change.Waiver.RuleId} {change.Waiver.Subject}, tot en met {change.Waiver.Expires:yyyy-MM-dd}): {kind}"));
            }

            output.WriteLine(Summary(diff, text));
        }

        if (result.Impact is { } impact)
        {
            output.WriteLine(impact.Count == 0 ? $"{text.Rules}: {text.NoRuleChanged}" : $"{text.Rules}:");
            foreach (var rule in impact)
            {
                output.WriteLine(SafeText.Terminal(
                    $"  {rule.RuleId,-7} {text.RuleChange(rule.Kind)}{(rule.Aspects.Count > 0 ? $" ({string.Join(", ", rule.Aspects)})" : "")}: "
                    + $"{rule.NewlyFailing} {text.NewlyFailing}, {rule.NewlyPassing} {text.NewlyPassing}, {rule.Changed} {text.Change(FindingChange.Changed)}"));
            }
        }
    }

    internal static string Header(ReportDiff diff, ReportText text) =>
        string.Equals(diff.Base.DesignFile, diff.Head.DesignFile, StringComparison.Ordinal)
            ? $"{diff.Head.DesignFile}: {text.Design} {diff.Head.DesignId}, {text.RuleSetName} {diff.Base.RuleSetHash} -> {diff.Head.RuleSetHash}"
            : $"{diff.Base.DesignFile} -> {diff.Head.DesignFile}: {text.Design} {diff.Head.DesignId}, {text.RuleSetName} {diff.Head.RuleSetHash}";

    internal static string Summary(ReportDiff diff, ReportText text) =>
        $"  {diff.Count(FindingChange.New)} {text.Change(FindingChange.New)}, {diff.Count(FindingChange.Resolved)} {text.Change(FindingChange.Resolved)}, "
        + $"{diff.Count(FindingChange.Changed)} {text.Change(FindingChange.Changed)}, {diff.Count(FindingChange.Unchanged)} {text.Change(FindingChange.Unchanged)}";

    internal static string Values(Finding finding) =>
        finding.Values.Count == 0 ? "-" : string.Join(", ", finding.Values.Select(v => $"{v.Expression} = {ReportValues.Value(v)}"));
}
