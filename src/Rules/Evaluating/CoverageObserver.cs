using Procurement.Rules.Model;

namespace Procurement.Rules.Evaluating;

/// <summary>
/// Counts how often each clause of the watched rules held and failed over any number of evaluations: clause coverage
/// for rule tests. A clause that threw counts as neither.
/// </summary>
internal sealed class CoverageObserver(IEnumerable<RuleInfo> rules) : IEvaluationObserver
{
    private readonly Dictionary<string, (int[] Held, int[] Failed)> _counts =
        rules.ToDictionary(r => r.Id, r => (new int[r.Clauses.Count], new int[r.Clauses.Count]), StringComparer.Ordinal);

    public bool ReadsValues => false;

    public bool Watches(RuleInfo rule) => _counts.ContainsKey(rule.Id);

    /// <summary>How often clause <paramref name="clause"/> (rule order) of rule <paramref name="ruleId"/> held.</summary>
    public int Held(string ruleId, int clause) => _counts[ruleId].Held[clause];

    /// <summary>How often clause <paramref name="clause"/> (rule order) of rule <paramref name="ruleId"/> failed.</summary>
    public int Failed(string ruleId, int clause) => _counts[ruleId].Failed[clause];

    public void SubjectEntered(RuleInfo rule, SubjectReference subject, SourceLocation location)
    {
    }

    public void WhenEvaluated(RuleInfo rule, ConditionOutcome outcome, Exception? error)
    {
    }

    public void ClauseEvaluated(RuleInfo rule, int clause, ConditionOutcome outcome, IReadOnlyList<FindingValue> values, Exception? error)
    {
        var (held, failed) = _counts[rule.Id];
        if (outcome == ConditionOutcome.Held)
        {
            held[clause]++;
        }
        else if (outcome == ConditionOutcome.Failed)
        {
            failed[clause]++;
        }
    }
}
