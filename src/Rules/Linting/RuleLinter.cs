using Procurement.Rules.Loading.Syntax;

namespace Procurement.Rules.Linting;

/// <summary>Checks rule files beyond loading: rules that can never apply, unused parameters, missing messages and more.</summary>
public static class RuleLinter
{
    /// <summary>Loads, vets and lints <paramref name="sources"/> as <see cref="RuleSet.Load(IEnumerable{RuleSource}, RuleLimits?)"/> would combine them.</summary>
    /// <param name="sources">Rule packs, then override files.</param>
    /// <param name="asOf">The date against which a rule's effective period counts as ended.</param>
    public static LintReport Lint(IEnumerable<RuleSource> sources, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = RuleSet.Checked(sources);
        var build = RuleSet.OnCompilerThread(() => RuleSet.Build(list, RuleLimits.Default));
        var issues = new List<LintIssue>();
        NeverApplies(build, asOf, issues);
        UnusedParameters(build.Syntax, issues);
        MissingTexts(build.Syntax, issues);
        DuplicateTitles(build.Syntax, issues);
        return new LintReport
        {
            Errors = build.Errors,
            RuleSetHash = RuleSet.HashOf(list),
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

    // A parameter is used when an expression of a rule or derived value that can see it names it (in a message, anywhere
    // in its text).
    private static void UnusedParameters(RuleSetSyntax syntax, List<LintIssue> issues)
    {
        foreach (var pack in syntax.Packs)
        {
            var users = syntax.Packs.Where(p => syntax.Chain(p).Contains(pack)).ToArray();
            var ancestors = syntax.Chain(pack).Where(p => p != pack).ToArray();
            var used = users
                .SelectMany(p => p.Rules.SelectMany(Names).Concat(p.Lets.SelectMany(l => l.Values.SelectMany(v => v.Expression.Names))))
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

    private static void MissingTexts(RuleSetSyntax syntax, List<LintIssue> issues)
    {
        foreach (var rule in syntax.Packs.SelectMany(p => p.Rules))
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

    private static void DuplicateTitles(RuleSetSyntax syntax, List<LintIssue> issues)
    {
        foreach (var group in syntax.Packs.SelectMany(p => p.Rules).Where(r => r.Title is not null).GroupBy(r => r.Title!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            foreach (var duplicate in group.Skip(1))
            {
                issues.Add(new LintIssue("duplicate-title", $"Rule {duplicate.Id.Value} has the same title as rule {group.First().Id.Value}: '{group.Key}'.", duplicate.Location));
            }
        }
    }

    private static IEnumerable<string> Names(RuleSyntax rule) =>
        (rule.When?.Names ?? []).Concat(rule.Message?.Names ?? []).Concat(rule.Clauses.SelectMany(c => c.Expression.Names));
}
