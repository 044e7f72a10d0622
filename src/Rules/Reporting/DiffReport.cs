using Procurement.Rules.Comparing;

namespace Procurement.Rules.Reporting;

/// <summary>Everything a diff report shows: the per-design comparisons, both rule sets, and for a rule change the per-rule impact.</summary>
/// <param name="Diffs">One comparison per design.</param>
/// <param name="BaseRules">The rule set of the base (the same as <paramref name="HeadRules"/> for a design revision).</param>
/// <param name="HeadRules">The rule set of the head.</param>
/// <param name="Impact">For a rule change, what each changed rule does to the findings; null for a design revision.</param>
public sealed record DiffReport(IReadOnlyList<ReportDiff> Diffs, RuleSet BaseRules, RuleSet HeadRules, IReadOnlyList<RuleImpact>? Impact);
