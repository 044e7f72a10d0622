using System.Linq.Expressions;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Counts the nodes of an expression tree as the compiler and the evaluator see it: a subtree used twice counts twice.
/// Derived (<c>let</c>) values are shared subtrees, so a chain of values that each use the previous one twice is small
/// as written but doubles at every step once written out; counting with a memo per node costs only the written size.
/// </summary>
internal sealed class ExpressionSize : ExpressionVisitor
{
    private readonly Dictionary<Expression, long> _sizes = new(ReferenceEqualityComparer.Instance);
    private long _current;

    private ExpressionSize()
    {
    }

    /// <summary>The written-out node count of <paramref name="expression"/>, saturating at <see cref="long.MaxValue"/>.</summary>
    public static long Of(Expression expression)
    {
        var counter = new ExpressionSize();
        counter.Visit(expression);
        return counter._current;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        if (!_sizes.TryGetValue(node, out var size))
        {
            var outer = _current;
            _current = 1;
            base.Visit(node);
            size = _current;
            _sizes[node] = size;
            _current = outer;
        }

        _current = _current > long.MaxValue - size ? long.MaxValue : _current + size;
        return node;
    }
}
