using System.Globalization;
using Procurement.Rules.Linting;
using Procurement.Rules.Model;

namespace Procurement.Rules.Cli;

/// <summary>
/// The waiver part of <c>lint</c>: waiver files are loaded against the rule set (their load errors are errors), and a
/// waiver that expired, expires within the warning days, or (with designs) matched no finding of any design is an issue.
/// </summary>
internal static class WaiverLint
{
    public static (IReadOnlyList<LoadError> Errors, IReadOnlyList<LintIssue> Issues) Check(
        IReadOnlyList<RuleSource> sources, IReadOnlyList<string> waiverFiles, IReadOnlyList<string> designFiles, DateOnly date, int warningDays)
    {
        var ruleSet = RuleSet.Load(sources);
        if (ruleSet.Value is not { } rules)
        {
            return (ruleSet.Errors, []);
        }

        var loaded = WaiverFile.LoadFiles(waiverFiles, rules);
        var errors = new List<LoadError>(loaded.Errors);
        var waivers = loaded.Value ?? [];
        var matched = new int[waivers.Count];
        var designs = new List<TenderDesign>();
        foreach (var file in designFiles)
        {
            var design = TenderDesignLoader.LoadFile(file);
            errors.AddRange(design.Errors);
            if (design.Value is { } value)
            {
                designs.Add(value);
                var report = rules.Evaluate(value, new EvaluationOptions { Waivers = waivers });
                var uses = report.Waivers!.ToList();
                for (var i = 0; i < waivers.Count; i++)
                {
                    matched[i] += uses.FirstOrDefault(u => ReferenceEquals(u.Waiver, waivers[i]))?.Matched ?? 0;
                }
            }
        }

        var issues = new List<LintIssue>();
        for (var i = 0; i < waivers.Count; i++)
        {
            var w = waivers[i];
            var at = w.Location ?? new SourceLocation("-", 1, 1);
            if (w.Expires < date)
            {
                issues.Add(new LintIssue("waiver-expired", string.Create(CultureInfo.InvariantCulture, $"Waiver {w.Name} expired on {w.Expires:yyyy-MM-dd}; its findings are open again. Renew it with a new decision or remove it."), at));
            }
            else if (w.Expires <= date.AddDays(warningDays))
            {
                issues.Add(new LintIssue("waiver-expiring", string.Create(CultureInfo.InvariantCulture, $"Waiver {w.Name} expires on {w.Expires:yyyy-MM-dd}, within {warningDays} days."), at));
            }

            if (designs.Count > 0 && matched[i] == 0)
            {
                issues.Add(new LintIssue("waiver-unmatched", $"Waiver {w.Name} matches no finding of the given design(s); it may be obsolete (the finding was fixed) or name the wrong subject.", at));
            }
        }

        return (errors, issues);
    }
}
