using Procurement.Rules.Compiling;
using Procurement.Rules.Loading;
using Procurement.Rules.Model;

namespace Procurement.Rules.Linting;

/// <summary>Checks rule files beyond loading: rules that can never apply, unused parameters, missing messages and more.</summary>
public static class RuleLinter
{
    /// <summary>Loads, vets and lints <paramref name="sources"/> as <see cref="RuleSet.Load"/> would combine them.</summary>
    /// <param name="sources">Rule packs, then override files.</param>
    /// <param name="asOf">The date against which a rule's effective period counts as ended.</param>
    public static LintReport Lint(IEnumerable<RuleSource> sources, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = RuleSet.Checked(sources);
        var build = RuleSet.OnCompilerThread(() => RuleSet.Build(list, RuleLimits.Default));
        var issues = new List<LintIssue>();
        NeverApplies(build, asOf, issues);
        UnusedParameters(build.Packs, issues);
        MissingTexts(build.Packs, issues);
        DuplicateTitles(build.Packs, issues);
        return new LintReport
        {
            Errors = build.Errors,
            Issues = issues.OrderBy(i => i.Location.File, StringComparer.Ordinal).ThenBy(i => i.Location.Line).ThenBy(i => i.Location.Column).ToArray(),
        };
    }

    private static void NeverApplies(RuleSetBuild build, DateOnly asOf, List<LintIssue> issues)
    {
        foreach (var rule in build.Compiled.Select(c => c.Info))
        {
            if (rule.WhenIsAlwaysFalse)
            {
                issues.Add(new LintIssue("never-applies", $"Rule {rule.Id} can never apply: its 'when' ({rule.When}) is always false.", rule.Location));
            }

            if (rule.Effective is { Until: { } until } && until < asOf)
            {
                issues.Add(new LintIssue("expired", $"Rule {rule.Id} stopped being effective on {until:yyyy-MM-dd}; remove it or extend its period.", rule.Location));
            }
        }
    }

    // A parameter is used when an expression of a rule or derived value that can see it names it.
    private static void UnusedParameters(List<PackDto> packs, List<LintIssue> issues)
    {
        var byName = packs.GroupBy(p => p.Name.Value).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var chains = PackFlattener.Chains(packs, byName, errors: null);
        foreach (var pack in packs)
        {
            var users = packs.Where(p => chains[p].Contains(pack)).ToArray();
            var ancestors = chains[pack].Where(p => p != pack).ToArray();
            var used = users
                .SelectMany(p => p.Rules.SelectMany(r => Texts(r)).Concat(p.Lets.SelectMany(l => l.Values.Select(v => v.Expression.Text))))
                .SelectMany(text => ExpressionText.Identifiers(text).Select(t => text.Substring(t.Start, t.Length)))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var parameter in pack.Parameters)
            {
                var overridesAncestor = ancestors.Any(a => a.Parameters.Any(p => p.Name == parameter.Name));
                if (!overridesAncestor && !used.Contains(parameter.Name))
                {
                    issues.Add(new LintIssue("unused-parameter", $"Parameter '{parameter.Name}' of pack '{pack.Name.Value}' is read by no rule.", parameter.Location));
                }
            }
        }
    }

    private static void MissingTexts(List<PackDto> packs, List<LintIssue> issues)
    {
        foreach (var rule in packs.SelectMany(p => p.Rules))
        {
            if (rule.Message is null)
            {
                issues.Add(new LintIssue("missing-message", $"Rule {rule.Id.Value} has no message; its findings will only show the title.", rule.Location));
            }

            if (string.IsNullOrWhiteSpace(rule.Reference))
            {
                issues.Add(new LintIssue("missing-reference", $"Rule {rule.Id.Value} has no policy reference.", rule.Location));
            }
        }
    }

    private static void DuplicateTitles(List<PackDto> packs, List<LintIssue> issues)
    {
        foreach (var group in packs.SelectMany(p => p.Rules).Where(r => r.Title is not null).GroupBy(r => r.Title!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            foreach (var duplicate in group.Skip(1))
            {
                issues.Add(new LintIssue("duplicate-title", $"Rule {duplicate.Id.Value} has the same title as rule {group.First().Id.Value}: '{group.Key}'.", duplicate.Location));
            }
        }
    }

    private static IEnumerable<string> Texts(RuleDto rule) =>
        new[] { rule.When?.Text, rule.Message?.Text }.Concat(rule.Require.Select(c => c.Expression.Text)).OfType<string>();
}
