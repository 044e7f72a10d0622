using System.Globalization;
using Procurement.Rules.Compiling;
using Procurement.Rules.Model;

namespace Procurement.Rules.Evaluating;

/// <summary>Runs compiled rules over a design: sequentially or in parallel chunks, with the same, ordered report either way.</summary>
internal static class Evaluator
{
    private const int ParallelChunk = 4096;

    /// <summary>
    /// Evaluates <paramref name="rules"/> (ordered by id), grouped into <paramref name="batches"/> (<see cref="RuleBatches"/>);
    /// the rules <paramref name="observer"/> watches part by part (and sequentially), telling it every outcome.
    /// </summary>
    public static EvaluationReport Evaluate(
        ICompiledRule[] rules, IRuleBatch[] batches, string hash, TenderDesign design, EvaluationOptions options, CancellationToken cancellationToken, IEvaluationObserver? observer = null)
    {
        var asOf = options.AsOf ?? design.Period.From;
        var subjects = new int[rules.Length];
        var outcome = new BatchResult(rules.Length);
        WithinBudget(design, options, cancellationToken, token =>
        {
            var context = new BatchContext(design, asOf, options, observer, token);
            foreach (var batch in batches)
            {
                EvaluateBatch(rules, batch, context, subjects, outcome);
            }

            return true;
        });

        var findings = new List<Finding>();
        var summaries = new RuleSummary[rules.Length];
        for (var rule = 0; rule < rules.Length; rule++)
        {
            summaries[rule] = Summary(rules[rule].Info, asOf, subjects[rule], outcome.Applied[rule], outcome.Failed[rule]);
            if (outcome.Findings[rule] is { } found)
            {
                // Subjects come in design order; the report orders them by path (stable: clauses keep their order).
                IEnumerable<Finding> ordered = IsOrderedBySubject(found) ? found : found.OrderBy(f => f.Subject, StringComparer.Ordinal);
                findings.AddRange(ordered.Where(f => f.Severity >= options.MinimumSeverity));
            }
        }

        return new EvaluationReport
        {
            DesignId = design.Id,
            DesignFile = design.SourceFile,
            AsOf = asOf,
            RuleSetHash = hash,
            Findings = [.. findings],
            Rules = summaries,
        };
    }

    /// <summary>
    /// Explains <paramref name="rule"/> (<see cref="RuleSet.Explain"/>) within the budgets of <paramref name="options"/>:
    /// every subject (or only <paramref name="onlySubject"/>) walked part by part with an <see cref="ExplainObserver"/>.
    /// </summary>
    public static RuleExplanation Explain(ICompiledRule rule, TenderDesign design, string? onlySubject, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var asOf = options.AsOf ?? design.Period.From;
        var subjects = WithinBudget(design, options, cancellationToken, token => rule.Accept(new ExplainEvaluation(design, asOf, onlySubject, token)));
        return new RuleExplanation { RuleId = rule.Info.Id, AsOf = asOf, Subjects = subjects };
    }

    private static void EvaluateBatch(ICompiledRule[] rules, IRuleBatch batch, BatchContext context, int[] subjects, BatchResult outcome)
    {
        var count = batch.CountSubjects(context.Design);
        var active = new bool[batch.Rules.Length];
        bool[]? watched = null;
        for (var i = 0; i < batch.Rules.Length; i++)
        {
            var info = rules[batch.Rules[i]].Info;
            subjects[batch.Rules[i]] = count;
            active[i] = info.Enabled && (info.Effective is not { } effective || effective.Contains(context.AsOf));
            if (active[i] && context.Observer?.Watches(info) == true)
            {
                // A watched rule is walked part by part instead of in the scan.
                (watched ??= new bool[active.Length])[i] = true;
                active[i] = false;
            }
        }

        if (count == 0)
        {
            return;
        }

        var results = active.Contains(true) ? Scan(batch, count, active, context) : [];
        if (watched is not null)
        {
            var observed = new BatchResult(batch.Rules.Length);
            batch.Accept(new ObservedEvaluation(context.Design, context.AsOf, watched, observed, context.Observer!, context.Token));
            results = [.. results, observed];
        }

        Merge(batch, results, outcome);
    }

    /// <summary>Evaluates the <paramref name="active"/> rules of <paramref name="batch"/> in its fused scan, in parallel chunks when asked.</summary>
    private static BatchResult[] Scan(IRuleBatch batch, int count, bool[] active, BatchContext context)
    {
        var (design, asOf, token) = (context.Design, context.AsOf, context.Token);
        if (!context.Options.Parallel || context.Observer is not null || count <= ParallelChunk)
        {
            var result = new BatchResult(batch.Rules.Length);
            batch.Accept(new FusedEvaluation(design, asOf, 0, count, active, result, token));
            return [result];
        }

        var results = new BatchResult[(count + ParallelChunk - 1) / ParallelChunk];
        var meter = WorkMeter.Current;
        try
        {
            Parallel.For(0, results.Length, new ParallelOptions { CancellationToken = token }, chunk =>
            {
                // A worker counts its allocations against the evaluation's meter while it works on a chunk.
                using var scope = meter?.Enter();
                var result = new BatchResult(batch.Rules.Length);
                var from = chunk * ParallelChunk;
                batch.Accept(new FusedEvaluation(design, asOf, from, Math.Min(count, from + ParallelChunk), active, result, token));
                results[chunk] = result;
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<OperationCanceledException>().FirstOrDefault() is { } stop)
        {
            // A spent budget in a worker: rethrow it as if the work had run on this thread.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(stop);
        }

        return results;
    }

    /// <summary>Adds the batch's results (in batch order, chunk by chunk in subject order) to the rule set's <paramref name="outcome"/>.</summary>
    private static void Merge(IRuleBatch batch, BatchResult[] results, BatchResult outcome)
    {
        foreach (var result in results)
        {
            for (var i = 0; i < batch.Rules.Length; i++)
            {
                var rule = batch.Rules[i];
                outcome.Applied[rule] += result.Applied[i];
                outcome.Failed[rule] += result.Failed[i];
                if (result.Findings[i] is { } found)
                {
                    if (outcome.Findings[rule] is { } all)
                    {
                        all.AddRange(found);
                    }
                    else
                    {
                        outcome.Findings[rule] = found;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> within the budgets of <paramref name="options"/>: the token it is given is cancelled
    /// when the time budget runs out, and the calling thread (and every worker thread that enters the same meter, see
    /// <see cref="EvaluateBatch"/>) counts its allocations against the memory budget. A spent budget becomes an
    /// <see cref="EvaluationBudgetExceededException"/> naming the rule and subject being evaluated.
    /// </summary>
    public static T WithinBudget<T>(TenderDesign design, EvaluationOptions options, CancellationToken cancellationToken, Func<CancellationToken, T> work)
    {
        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked?.Token ?? cancellationToken;
        // Without a memory budget the thread still enters a meter when there is a time budget: to learn where it stopped,
        // and to check the deadline itself rather than only wait for the timer to cancel the token.
        var meter = options.MaxAllocatedBytes is not null || timeout is not null ? new WorkMeter(options.MaxAllocatedBytes ?? long.MaxValue, options.Timeout) : null;
        var scope = meter?.Enter();
        try
        {
            return work(token);
        }
        catch (OperationCanceledException ex) when (meter is not null && Exhausted(ex, timeout, cancellationToken) is { } budget)
        {
            var shown = budget == EvaluationBudget.Time
                ? string.Create(CultureInfo.InvariantCulture, $"{options.Timeout!.Value.TotalSeconds:0.###} s")
                : string.Create(CultureInfo.InvariantCulture, $"{options.MaxAllocatedBytes!.Value / (1024.0 * 1024):0.#} MiB");
            throw new EvaluationBudgetExceededException(budget, shown, design.Id, meter.Rule, meter.Subject);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            // Cancelled by the caller through the linked token: say so with the caller's own token.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        finally
        {
            scope?.Dispose();
        }
    }

    // Which budget stopped the work, or null when the caller cancelled it.
    private static EvaluationBudget? Exhausted(OperationCanceledException ex, CancellationTokenSource? timeout, CancellationToken caller) =>
        ex is WorkBudgetExhausted spent ? spent.Budget
        : timeout is { IsCancellationRequested: true } && !caller.IsCancellationRequested ? EvaluationBudget.Time
        : null;

    private static RuleSummary Summary(RuleInfo info, DateOnly asOf, int subjects, int applied, int failed)
    {
        if (!info.Enabled)
        {
            return new RuleSummary { RuleId = info.Id, Application = RuleApplication.Disabled, Subjects = subjects, DisabledBy = info.DisabledBy };
        }

        if (info.Effective is { } effective && !effective.Contains(asOf))
        {
            return new RuleSummary { RuleId = info.Id, Application = RuleApplication.NotEffective, Subjects = subjects };
        }

        return new RuleSummary
        {
            RuleId = info.Id,
            Application = applied > 0 ? RuleApplication.Applied : RuleApplication.NoMatchingSubjects,
            Subjects = subjects,
            Applied = applied,
            Failed = failed,
        };
    }

    /// <summary>What every batch of one evaluation shares.</summary>
    private sealed record BatchContext(TenderDesign Design, DateOnly AsOf, EvaluationOptions Options, IEvaluationObserver? Observer, CancellationToken Token);

    private static bool IsOrderedBySubject(List<Finding> findings)
    {
        for (var i = 1; i < findings.Count; i++)
        {
            if (string.CompareOrdinal(findings[i - 1].Subject, findings[i].Subject) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
