using System.Buffers;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Rules over the same subject collection, evaluated together in one compiled <see cref="SubjectScan{T}"/>: a subject is
/// read once for all of them, as a hand-written check would do, instead of once per rule.
/// </summary>
internal interface IRuleBatch
{
    /// <summary>The positions of the batch's rules in the rule set, in batch order.</summary>
    int[] Rules { get; }

    int CountSubjects(TenderDesign design);

    /// <summary>
    /// Evaluates subjects [<paramref name="from"/>, <paramref name="to"/>) against the rules flagged in
    /// <paramref name="active"/> (batch order) and adds to <paramref name="result"/>; when <paramref name="coverage"/>
    /// is given (per rule, batch order), also counts how often each clause held and failed.
    /// </summary>
    void Evaluate(TenderDesign design, DateOnly asOf, int from, int to, bool[] active, BatchResult result, CancellationToken cancellationToken, ClauseCounts?[]? coverage = null);
}

/// <summary>What one evaluation of a batch found, per rule in batch order.</summary>
internal sealed class BatchResult(int rules)
{
    /// <summary>Subjects for which the rule's <c>when</c> held.</summary>
    public int[] Applied { get; } = new int[rules];

    /// <summary>Subjects that failed the rule (or for which it could not be evaluated).</summary>
    public int[] Failed { get; } = new int[rules];

    /// <summary>The rule's findings in subject order, or null when it has none.</summary>
    public List<Finding>?[] Findings { get; } = new List<Finding>?[rules];

    public void Add(int rule, Finding finding) => (Findings[rule] ??= []).Add(finding);
}

/// <summary>Groups compiled rules into batches: by subject collection, in rule order, within a size the JIT optimises well.</summary>
internal static class RuleBatches
{
    // A scan method grows with every rule inlined into it, and the JIT optimises very large methods less (it falls back
    // to minimal optimisation for tens of thousands of bytes of IL), so larger groups are split well before that. The
    // shipped packs have at most 7 rules per collection.
    private const int MaxRules = 16;
    private const long MaxNodes = 4_000;

    public static IRuleBatch[] Create(IReadOnlyList<ICompiledRule> rules)
    {
        var batches = new List<IRuleBatch>();
        foreach (var group in Enumerable.Range(0, rules.Count).GroupBy(i => rules[i].Kind))
        {
            var members = new List<int>();
            long nodes = 0;
            foreach (var i in group)
            {
                var size = Size(rules[i].Scan);
                if (members.Count > 0 && (members.Count == MaxRules || nodes + size > MaxNodes))
                {
                    batches.Add(group.Key.Batch(rules, [.. members]));
                    members.Clear();
                    nodes = 0;
                }

                members.Add(i);
                nodes += size;
            }

            batches.Add(group.Key.Batch(rules, [.. members]));
        }

        return [.. batches];
    }

    private static long Size(SubjectScan.Source scan) =>
        scan.Clauses.Aggregate(scan.When is null ? 0 : ExpressionSize.Of(scan.When), (sum, clause) => sum + ExpressionSize.Of(clause));
}

internal sealed class RuleBatch<T>(SubjectKind<T> kind, CompiledRule<T>[] rules, int[] positions) : IRuleBatch
    where T : class
{
    private readonly SubjectScan<T> _scan = SubjectScan.Compile<T>([.. rules.Select(r => r.Scan)]);

    public int[] Rules { get; } = positions;

    public int CountSubjects(TenderDesign design) => kind.Items(design).Length;

    public void Evaluate(TenderDesign design, DateOnly asOf, int from, int to, bool[] active, BatchResult result, CancellationToken cancellationToken, ClauseCounts?[]? coverage = null)
    {
        var subjects = kind.Items(design);
        // A budget (a token that can stop the evaluation, or a memory meter) bounds the rendering of its findings too;
        // without one, they render on first read.
        CancellationToken? bound = cancellationToken.CanBeCanceled || WorkMeter.IsCounting ? cancellationToken : null;
        var appliedBefore = coverage is null ? null : (int[])result.Applied.Clone();
        // Room for a few thousand failures per call of the scan; it stops early and is called again when they fill it.
        var hits = ArrayPool<int>.Shared.Rent(3 * Math.Max(1024, 2 * rules.Length));
        var state = new int[2];
        var rendering = -1;
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
                    count = _scan(subjects, design, asOf, index, to, first, active, result.Applied, hits, state, cancellationToken);
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
                    var (subject, rule, mask) = (subjects[rendering], hits[(hit * 3) + 1], hits[(hit * 3) + 2]);
                    result.Failed[rule]++;
                    for (var clause = 0; clause < rules[rule].ClauseCount; clause++)
                    {
                        if ((mask & (1 << clause)) != 0)
                        {
                            result.Add(rule, rules[rule].Fail(subject, design, asOf, clause, bound));
                            if (bound is { } token)
                            {
                                // Rendering a message allocates: count it against the budget, finding by finding.
                                WorkMeter.CheckNow(token, rules[rule].Info.Id);
                            }

                            if (coverage?[rule] is { } counts)
                            {
                                counts.Held[clause]--;
                                counts.Failed[clause]++;
                            }
                        }
                    }
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
                var (failing, part) = Throwing(thrower, design, asOf, at == index ? first : 0, active, cancellationToken);
                result.Failed[failing]++;
                result.Add(failing, rules[failing].EvaluationError(thrower, part, error));
                (index, first) = failing + 1 < rules.Length ? (at, failing + 1) : (at + 1, 0);
            }
        }
        catch (OperationCanceledException)
        {
            // A budget ran out or the caller cancelled: say which subject was being evaluated or rendered.
            WorkMeter.BlameSubject(kind.Path(subjects[rendering >= 0 ? rendering : Math.Min(state[0], subjects.Length - 1)]));
            throw;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(hits);
        }

        if (coverage is not null)
        {
            for (var rule = 0; rule < rules.Length; rule++)
            {
                if (coverage[rule] is { } counts)
                {
                    for (var clause = 0; clause < counts.Held.Length; clause++)
                    {
                        counts.Held[clause] += result.Applied[rule] - appliedBefore![rule];
                    }
                }
            }
        }
    }

    private (int Rule, int Part) Throwing(T subject, TenderDesign design, DateOnly asOf, int first, bool[] active, CancellationToken cancellationToken)
    {
        var last = first;
        for (var rule = first; rule < rules.Length; rule++)
        {
            if (!active[rule])
            {
                continue;
            }

            if (rules[rule].ThrowingPart(subject, design, asOf, cancellationToken) is { } part)
            {
                return (rule, part);
            }

            last = rule;
        }

        // Nothing throws a second time (an expression that is not deterministic): blame the last rule evaluated.
        return (last, rules[last].ClauseCount - 1);
    }
}

internal abstract partial class SubjectKind
{
    /// <summary>A batch of the rules at <paramref name="positions"/>, which all range over this collection.</summary>
    public abstract IRuleBatch Batch(IReadOnlyList<ICompiledRule> rules, int[] positions);
}

internal sealed partial class SubjectKind<T>
{
    public override IRuleBatch Batch(IReadOnlyList<ICompiledRule> rules, int[] positions) =>
        new RuleBatch<T>(this, [.. positions.Select(i => (CompiledRule<T>)rules[i])], positions);
}
