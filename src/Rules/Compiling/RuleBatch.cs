using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Rules over the same subject collection, evaluated together in one compiled <see cref="SubjectScan{T}"/>: a subject is
/// read once for all of them, as a hand-written check would do, instead of once per rule. The evaluator
/// (<c>Evaluating</c>) runs it; <see cref="Accept{TResult}"/> hands it the batch with its subject type.
/// </summary>
internal interface IRuleBatch
{
    /// <summary>The positions of the batch's rules in the rule set, in batch order.</summary>
    int[] Rules { get; }

    int CountSubjects(TenderDesign design);

    /// <summary>Calls <paramref name="visitor"/> with the batch as its typed self.</summary>
    TResult Accept<TResult>(IRuleBatchVisitor<TResult> visitor);
}

/// <summary>Work on a batch that needs its subject type (see <see cref="IRuleBatch.Accept{TResult}"/>).</summary>
internal interface IRuleBatchVisitor<out TResult>
{
    TResult Visit<T>(RuleBatch<T> batch)
        where T : class;
}

/// <summary>Groups compiled rules into batches: by subject collection, in rule order, within a size the JIT optimises well.</summary>
internal static class RuleBatches
{
    // A scan method grows with every rule inlined into it, and the JIT optimises very large methods less (it falls back
    // to minimal optimisation for tens of thousands of bytes of IL), so larger groups are split well before that. The
    // shipped packs have at most 7 rules per collection. At most 31 fit the scan's active mask (one bit per rule).
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

/// <summary>The compiled pieces of one batch: its rules in batch order and the scan that evaluates them together.</summary>
internal sealed class RuleBatch<T>(SubjectKind<T> kind, CompiledRule<T>[] rules, int[] positions) : IRuleBatch
    where T : class
{
    public int[] Rules { get; } = positions;

    public SubjectKind<T> Kind { get; } = kind;

    /// <summary>The batch's rules, in batch order.</summary>
    public CompiledRule<T>[] Members { get; } = rules;

    /// <summary>The fused scan over all <see cref="Members"/>.</summary>
    public SubjectScan<T> Scan { get; } = SubjectScan.Compile<T>([.. rules.Select(r => r.Scan)]);

    public int CountSubjects(TenderDesign design) => Kind.Items(design).Length;

    public TResult Accept<TResult>(IRuleBatchVisitor<TResult> visitor) => visitor.Visit(this);
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
