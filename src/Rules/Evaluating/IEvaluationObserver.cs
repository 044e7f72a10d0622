using Procurement.Rules.Model;

namespace Procurement.Rules.Evaluating;

/// <summary>
/// Watches an evaluation part by part: the one way to see more of it than the report (coverage for rule tests,
/// explain, and which rule threw). The evaluator runs the rules an observer <see cref="Watches"/> part by part and
/// tells it each outcome, in order: <see cref="SubjectEntered"/>, <see cref="WhenEvaluated"/>, then (when
/// <c>when</c> held) <see cref="ClauseEvaluated"/> for every clause. Rules it does not watch, and every rule of an
/// evaluation without an observer, run in the fused scan, at no cost for observing.
/// </summary>
internal interface IEvaluationObserver
{
    /// <summary>Whether values should be read for <see cref="ClauseEvaluated"/> (a call and a formatted text per value); empty when not.</summary>
    bool ReadsValues { get; }

    /// <summary>Whether the observer watches <paramref name="rule"/>: the evaluator runs it part by part when it does.</summary>
    bool Watches(RuleInfo rule);

    /// <summary>The evaluation of <paramref name="rule"/> for <paramref name="subject"/> (defined at <paramref name="location"/>) begins.</summary>
    void SubjectEntered(RuleInfo rule, SubjectReference subject, SourceLocation location);

    /// <summary>
    /// The outcome of the rule's <c>when</c> for the subject (<see cref="ConditionOutcome.Held"/> when it has none);
    /// with the exception when it threw. Its clauses follow only when it held.
    /// </summary>
    void WhenEvaluated(RuleInfo rule, ConditionOutcome outcome, Exception? error);

    /// <summary>The outcome of clause <paramref name="clause"/> (rule order) for the subject, with the values it read and the exception when it threw.</summary>
    void ClauseEvaluated(RuleInfo rule, int clause, ConditionOutcome outcome, IReadOnlyList<FindingValue> values, Exception? error);
}
