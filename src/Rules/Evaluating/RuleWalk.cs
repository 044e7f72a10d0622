using Procurement.Rules.Compiling;
using Procurement.Rules.Model;

namespace Procurement.Rules.Evaluating;

/// <summary>
/// Evaluates one rule for one subject part by part (its <c>when</c>, then every clause, each on its own) and tells an
/// <see cref="IEvaluationObserver"/> every outcome: the one walk behind observed evaluation (coverage), explain and
/// the search for the rule that threw. Slower than the fused scan, and only taken when someone watches.
/// </summary>
internal static class RuleWalk
{
    public static void Walk<T>(CompiledRule<T> rule, T subject, TenderDesign design, DateOnly asOf, IEvaluationObserver observer, CancellationToken cancellationToken)
        where T : class
    {
        var info = rule.Info;
        observer.SubjectEntered(info, rule.Kind.Reference(subject), rule.Kind.Location(subject));
        var held = true;
        try
        {
            held = rule.When is not { } when || when(subject, design, asOf, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            observer.WhenEvaluated(info, ConditionOutcome.Threw, ex);
            return;
        }

        observer.WhenEvaluated(info, held ? ConditionOutcome.Held : ConditionOutcome.Failed, null);
        if (!held)
        {
            return;
        }

        for (var index = 0; index < rule.Clauses.Count; index++)
        {
            var clause = rule.Clauses[index];
            Exception? error = null;
            var outcome = ConditionOutcome.Threw;
            try
            {
                outcome = clause.Holds(subject, design, asOf, cancellationToken) ? ConditionOutcome.Held : ConditionOutcome.Failed;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = ex;
            }

            IReadOnlyList<FindingValue> values = observer.ReadsValues ? CompiledRule<T>.ReadValues(subject, design, asOf, clause, cancellationToken) : [];
            observer.ClauseEvaluated(info, index, outcome, values, error);
        }
    }
}

/// <summary>
/// Records how one walk of a rule for a subject went, for the evaluator to count and build findings (or, for the rule
/// that threw in a fused scan, to name the part), and passes every outcome on to the observer it wraps, if any.
/// </summary>
internal sealed class OutcomeRecorder(IEvaluationObserver? inner) : IEvaluationObserver
{
    /// <summary>Whether <c>when</c> held (or the rule has none), so the rule applied to the subject.</summary>
    public bool Applied { get; private set; }

    /// <summary>The clauses that failed, as a bitmask in rule order.</summary>
    public int FailedClauses { get; private set; }

    /// <summary>The first part that threw: -1 for <c>when</c>, else the clause; see <see cref="Error"/>.</summary>
    public int ThrowingPart { get; private set; }

    /// <summary>What the first part that threw threw, or null when nothing did.</summary>
    public Exception? Error { get; private set; }

    public bool ReadsValues => inner?.ReadsValues ?? false;

    public bool Watches(RuleInfo rule) => inner?.Watches(rule) ?? true;

    public void SubjectEntered(RuleInfo rule, SubjectReference subject, SourceLocation location)
    {
        (Applied, FailedClauses, ThrowingPart, Error) = (false, 0, 0, null);
        inner?.SubjectEntered(rule, subject, location);
    }

    public void WhenEvaluated(RuleInfo rule, ConditionOutcome outcome, Exception? error)
    {
        Applied = outcome == ConditionOutcome.Held;
        Threw(-1, error);
        inner?.WhenEvaluated(rule, outcome, error);
    }

    public void ClauseEvaluated(RuleInfo rule, int clause, ConditionOutcome outcome, IReadOnlyList<FindingValue> values, Exception? error)
    {
        if (outcome == ConditionOutcome.Failed)
        {
            FailedClauses |= 1 << clause;
        }

        Threw(clause, error);
        inner?.ClauseEvaluated(rule, clause, outcome, values, error);
    }

    private void Threw(int part, Exception? error)
    {
        if (error is not null && Error is null)
        {
            (ThrowingPart, Error) = (part, error);
        }
    }
}
