using System.Buffers;
using Procurement.Rules.Compiling;
using Procurement.Rules.Model;

namespace Procurement.Rules.Evaluating;

/// <summary>
/// Evaluates subjects [<paramref name="from"/>, <paramref name="to"/>) of a batch against the rules flagged in
/// <paramref name="active"/> (batch order) in the batch's fused scan, and adds what it finds to <paramref name="result"/>:
/// the path of an evaluation without an observer. Findings are built afterwards for the failures only; when a rule
/// throws, <see cref="OutcomeRecorder"/> finds which one, and the scan goes on after it.
/// </summary>
internal sealed class FusedEvaluation(TenderDesign design, DateOnly asOf, int from, int to, bool[] active, BatchResult result, CancellationToken cancellationToken)
    : IRuleBatchVisitor<bool>
{
    public bool Visit<T>(RuleBatch<T> batch)
        where T : class
    {
        var rules = batch.Members;
        var subjects = batch.Kind.Items(design);
        // A budget (a token that can stop the evaluation, or a memory meter) bounds the rendering of its findings too;
        // without one, they render on first read.
        CancellationToken? bound = cancellationToken.CanBeCanceled || WorkMeter.IsCounting ? cancellationToken : null;
        // Room for a few thousand failures per call of the scan; it stops early and is called again when they fill it.
        var hits = ArrayPool<int>.Shared.Rent(3 * Math.Max(1024, 2 * rules.Length));
        var state = new int[2];
        var rendering = -1;
        var mask = 0;
        for (var rule = 0; rule < active.Length; rule++)
        {
            mask |= active[rule] ? 1 << rule : 0;
        }

        try
        {
            var index = from;
            var first = 0;
            while (index < to)
            {
                state[1] = 0;
                int count;
                Exception? error = null;
                try
                {
                    // The first subject runs the rules from `first` on (after one that threw), the others all active ones.
                    count = batch.Scan(subjects, design, asOf, index, to, mask & (-1 << first), mask, result.Applied, hits, state, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A rule threw for subject state[0]: keep what the scan found before it, report it, go on after it.
                    count = state[1];
                    error = ex;
                }

                for (var hit = 0; hit < count; hit++)
                {
                    rendering = hits[hit * 3];
                    var rule = hits[(hit * 3) + 1];
                    result.Failed[rule]++;
                    AddFailures(rules[rule], rule, subjects[rendering], hits[(hit * 3) + 2], design, asOf, result, bound);
                }

                rendering = -1;
                if (error is null)
                {
                    (index, first) = (state[0], 0);
                    continue;
                }

                // Which rule threw: the first active one, from where this subject's evaluation began, that throws again.
                var at = state[0];
                var thrower = subjects[at];
                var (failing, part) = Throwing(rules, thrower, at == index ? first : 0);
                result.Failed[failing]++;
                result.Add(failing, rules[failing].EvaluationError(thrower, part, error));
                (index, first) = failing + 1 < rules.Length ? (at, failing + 1) : (at + 1, 0);
            }
        }
        catch (OperationCanceledException)
        {
            // A budget ran out or the caller cancelled: say which subject was being evaluated or rendered.
            WorkMeter.BlameSubject(batch.Kind.Path(subjects[rendering >= 0 ? rendering : Math.Min(state[0], subjects.Length - 1)]));
            throw;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(hits);
        }

        return true;
    }

    /// <summary>
    /// Adds a finding for every clause flagged in <paramref name="failed"/> (a bitmask in rule order) of
    /// <paramref name="rule"/> (at <paramref name="position"/> in the batch) for <paramref name="subject"/>.
    /// </summary>
    internal static void AddFailures<T>(CompiledRule<T> rule, int position, T subject, int failed, TenderDesign design, DateOnly asOf, BatchResult result, CancellationToken? bound)
        where T : class
    {
        for (var clause = 0; clause < rule.ClauseCount; clause++)
        {
            if ((failed & (1 << clause)) != 0)
            {
                result.Add(position, rule.Fail(subject, design, asOf, clause, bound));
                if (bound is { } token)
                {
                    // Rendering a message allocates: count it against the budget, finding by finding.
                    WorkMeter.CheckNow(token, rule.Info.Id);
                }
            }
        }
    }

    private (int Rule, int Part) Throwing<T>(CompiledRule<T>[] rules, T subject, int first)
        where T : class
    {
        // Only ever done for a subject whose scan threw: each rule again, part by part, until one throws.
        var blame = new OutcomeRecorder(null);
        var last = first;
        for (var rule = first; rule < rules.Length; rule++)
        {
            if (!active[rule])
            {
                continue;
            }

            RuleWalk.Walk(rules[rule], subject, design, asOf, blame, cancellationToken);
            if (blame.Error is not null)
            {
                return (rule, blame.ThrowingPart);
            }

            last = rule;
        }

        // Nothing throws a second time (an expression that is not deterministic): blame the last rule evaluated.
        return (last, rules[last].ClauseCount - 1);
    }
}
