using Procurement.Rules.Compiling;
using Procurement.Rules.Model;

namespace Procurement.Rules.Evaluating;

/// <summary>
/// Evaluates every subject of a batch against the rules flagged in <paramref name="watched"/> (batch order) part by
/// part (<see cref="RuleWalk"/>), telling <paramref name="observer"/> each outcome, and adds the same counts and
/// findings to <paramref name="result"/> as the fused scan would.
/// </summary>
internal sealed class ObservedEvaluation(TenderDesign design, DateOnly asOf, bool[] watched, BatchResult result, IEvaluationObserver observer, CancellationToken cancellationToken)
    : IRuleBatchVisitor<bool>
{
    private readonly OutcomeRecorder _outcome = new(observer);

    public bool Visit<T>(RuleBatch<T> batch)
        where T : class
    {
        var subjects = batch.Kind.Items(design);
        CancellationToken? bound = cancellationToken.CanBeCanceled || WorkMeter.IsCounting ? cancellationToken : null;
        var index = 0;
        try
        {
            for (; index < subjects.Length; index++)
            {
                WorkMeter.Check(cancellationToken, null);
                for (var rule = 0; rule < watched.Length; rule++)
                {
                    if (watched[rule])
                    {
                        Evaluate(batch.Members[rule], rule, subjects[index], bound);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            WorkMeter.BlameSubject(batch.Kind.Path(subjects[index]));
            throw;
        }

        return true;
    }

    private void Evaluate<T>(CompiledRule<T> rule, int position, T subject, CancellationToken? bound)
        where T : class
    {
        RuleWalk.Walk(rule, subject, design, asOf, _outcome, cancellationToken);
        if (_outcome.Applied)
        {
            result.Applied[position]++;
        }

        if (_outcome.Error is { } error)
        {
            // As in the fused scan: a rule that throws for a subject has one finding there, the evaluation error.
            result.Failed[position]++;
            result.Add(position, rule.EvaluationError(subject, _outcome.ThrowingPart, error));
        }
        else if (_outcome.FailedClauses != 0)
        {
            result.Failed[position]++;
            FusedEvaluation.AddFailures(rule, position, subject, _outcome.FailedClauses, design, asOf, result, bound);
        }
    }
}

/// <summary>
/// Explains one rule (<see cref="RuleSet.Explain"/>): walks every subject (or only <paramref name="onlySubject"/>) with
/// an <see cref="ExplainObserver"/>, whether or not the rule is enabled and effective.
/// </summary>
internal sealed class ExplainEvaluation(TenderDesign design, DateOnly asOf, string? onlySubject, CancellationToken cancellationToken)
    : ICompiledRuleVisitor<IReadOnlyList<SubjectExplanation>>
{
    public IReadOnlyList<SubjectExplanation> Visit<T>(CompiledRule<T> rule)
        where T : class
    {
        var observer = new ExplainObserver(rule.Info);
        foreach (var subject in rule.Kind.Items(design))
        {
            var path = rule.Kind.Path(subject);
            if (onlySubject is not null && !string.Equals(path, onlySubject, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                WorkMeter.CheckNow(cancellationToken, rule.Info.Id);
                RuleWalk.Walk(rule, subject, design, asOf, observer, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                WorkMeter.BlameSubject(path);
                throw;
            }
        }

        return observer.Subjects;
    }
}
