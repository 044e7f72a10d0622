using Procurement.Rules.Comparing;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>The plain-text diff: <c>+</c> new, <c>-</c> resolved, <c>~</c> changed; unchanged findings are only counted.</summary>
internal static class DiffText
{
    public static void Write(DiffReport result, TextWriter output)
    {
        foreach (var diff in result.Diffs)
        {
            output.WriteLine(SafeText.Terminal(Header(diff)));
            foreach (var f in diff.Findings.Where(f => f.Change != FindingChange.Unchanged))
            {
                var mark = f.Change switch { FindingChange.New => '+', FindingChange.Resolved => '-', _ => '~' };
                var current = f.Current;
                output.WriteLine(SafeText.Terminal($"  {mark} {ReportNames.Severity(current.Severity),-7} {current.RuleId,-7} {current.Subject}  clause {current.Clause}"));
                output.WriteLine(SafeText.Terminal($"          {current.Message}"));
                if (f.Change == FindingChange.Changed)
                {
                    output.WriteLine(SafeText.Terminal($"          was: {ReportNames.Severity(f.Base!.Severity)}, clause {f.Base.Clause}, values {Values(f.Base)}"));
                    output.WriteLine(SafeText.Terminal($"          now: {ReportNames.Severity(f.Head!.Severity)}, clause {f.Head.Clause}, values {Values(f.Head)}"));
                }
            }

            output.WriteLine(Summary(diff));
        }

        if (result.Impact is { } impact)
        {
            output.WriteLine(impact.Count == 0 ? "rules: no rule changed and no subject moved" : "rules:");
            foreach (var rule in impact)
            {
                output.WriteLine(SafeText.Terminal(
                    $"  {rule.RuleId,-7} {ReportNames.RuleChange(rule.Kind)}{(rule.Aspects.Count > 0 ? $" ({string.Join(", ", rule.Aspects)})" : "")}: "
                    + $"{rule.NewlyFailing} newly fail, {rule.NewlyPassing} newly pass, {rule.Changed} changed"));
            }
        }
    }

    internal static string Header(ReportDiff diff) =>
        string.Equals(diff.Base.DesignFile, diff.Head.DesignFile, StringComparison.Ordinal)
            ? $"{diff.Head.DesignFile}: design {diff.Head.DesignId}, rules {diff.Base.RuleSetHash} -> {diff.Head.RuleSetHash}"
            : $"{diff.Base.DesignFile} -> {diff.Head.DesignFile}: design {diff.Head.DesignId}, rules {diff.Head.RuleSetHash}";

    internal static string Summary(ReportDiff diff) =>
        $"  {diff.Count(FindingChange.New)} new, {diff.Count(FindingChange.Resolved)} resolved, "
        + $"{diff.Count(FindingChange.Changed)} changed, {diff.Count(FindingChange.Unchanged)} unchanged";

    internal static string Values(Finding finding) =>
        finding.Values.Count == 0 ? "-" : string.Join(", ", finding.Values.Select(v => $"{v.Expression} = {v.Value}"));
}
