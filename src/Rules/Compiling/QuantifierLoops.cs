using System.Linq.Expressions;
using System.Reflection;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Rewrites the quantifiers of a vetted, guarded expression into plain loops over the model's lists, the way one would
/// write them by hand. <c>Any</c>, <c>All</c>, <c>Count</c> and <c>Sum</c> with a lambda, each optionally after a
/// <c>Where</c>, become an indexed <c>for</c> loop with the lambda's body inlined: no closure, no delegate and no
/// enumerator per subject, so a passing subject allocates nothing. Semantics are those of <see cref="Enumerable"/>:
/// the same order, the same short-circuit, <see cref="ArgumentNullException"/> for a missing list, checked integer sums.
/// Anything else (a source that is not an indexed list, <c>Select</c>, <c>Min</c>, ...) is left as it is.
/// </summary>
internal sealed class QuantifierLoops : ExpressionVisitor
{
    private static readonly ConstructorInfo ArgumentNull = typeof(ArgumentNullException).GetConstructor([typeof(string)])!;

    private static readonly HashSet<Type> SumTypes = [typeof(int), typeof(long), typeof(decimal), typeof(double)];

    private QuantifierLoops()
    {
    }

    private enum Quantifier
    {
        Any,
        All,
        Count,
        Sum,
    }

    public static Expression Apply(Expression body) => new QuantifierLoops().Visit(body)!;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // Inner quantifiers first, so that an outer loop inlines bodies that are loops already.
        var visited = base.VisitMethodCall(node);
        if (visited is not MethodCallExpression call || call.Method.DeclaringType != typeof(Enumerable) || !call.Method.IsGenericMethod)
        {
            return visited;
        }

        Quantifier? quantifier = call.Method.Name switch
        {
            nameof(Enumerable.Any) => Quantifier.Any,
            nameof(Enumerable.All) => Quantifier.All,
            nameof(Enumerable.Count) => Quantifier.Count,
            nameof(Enumerable.Sum) when call.Arguments.Count == 2 && SumTypes.Contains(call.Type) => Quantifier.Sum,
            _ => null,
        };
        if (quantifier is not { } kind)
        {
            return visited;
        }

        var source = call.Arguments[0];
        var lambda = call.Arguments.Count == 2 ? call.Arguments[1] as LambdaExpression : null;
        if (call.Arguments.Count == 2 && lambda is null)
        {
            return visited;
        }

        // Where(s, p).Any(q) is Any(s, x => p(x) && q(x)); likewise for All, Count and Sum.
        LambdaExpression? filter = null;
        if (source is MethodCallExpression where && where.Method is { Name: nameof(Enumerable.Where), IsGenericMethod: true } && where.Method.DeclaringType == typeof(Enumerable)
            && where.Arguments.Count == 2 && where.Arguments[1] is LambdaExpression { Parameters.Count: 1 } condition)
        {
            source = where.Arguments[0];
            filter = condition;
        }

        if (lambda is null && filter is null)
        {
            // Any() and Count() of a list read its count: nothing to loop over.
            return visited;
        }

        var element = call.Method.GetGenericArguments()[0];
        return IndexedList.Find(source, element) is { } list ? Loop(kind, list, element, filter, lambda, call.Type) : visited;
    }

    private static Expression Loop(Quantifier kind, IndexedList list, Type element, LambdaExpression? filter, LambdaExpression? body, Type resultType)
    {
        var items = Expression.Variable(list.Source.Type, "items");
        var count = Expression.Variable(typeof(int), "count");
        var index = Expression.Variable(typeof(int), "index");
        var item = Expression.Variable(element, "item");
        var result = Expression.Variable(resultType, "result");
        var end = Expression.Label("end");

        Expression? Inline(LambdaExpression? lambda) => lambda is null ? null : ParameterReplacer.Replace(lambda.Body, new Dictionary<ParameterExpression, Expression> { [lambda.Parameters[0]] = item });
        var condition = Inline(filter);
        var value = Inline(body);

        // What one element does to the result; the filter, when there is one, decides whether it counts at all.
        Expression step = kind switch
        {
            Quantifier.Any => Expression.Block(Expression.Assign(result, Expression.Constant(true)), Expression.Break(end)),
            Quantifier.All => Expression.Block(Expression.Assign(result, Expression.Constant(false)), Expression.Break(end)),
            Quantifier.Count => Expression.AddAssignChecked(result, Expression.Constant(1)),
            _ => resultType == typeof(double) || resultType == typeof(decimal)
                ? Expression.AddAssign(result, value!)
                : Expression.AddAssignChecked(result, value!),
        };
        var test = kind switch
        {
            Quantifier.All => Expression.Not(value!),
            Quantifier.Sum => null,
            _ => value,
        };
        if (condition is not null)
        {
            test = test is null ? condition : Expression.AndAlso(condition, test);
        }

        var perItem = test is null ? step : Expression.IfThen(test, step);
        return Expression.Block(
            resultType,
            [items, count, index, item, result],
            Expression.Assign(items, list.Source),
            Expression.IfThen(Expression.Equal(items, Expression.Constant(null, items.Type)), Expression.Throw(Expression.New(ArgumentNull, Expression.Constant("source")))),
            Expression.Assign(count, list.Count(items)),
            Expression.Assign(index, Expression.Constant(0)),
            Expression.Assign(result, Expression.Constant(kind == Quantifier.All ? true : kind == Quantifier.Any ? false : Activator.CreateInstance(resultType), resultType)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.GreaterThanOrEqual(index, count),
                    Expression.Break(end),
                    Expression.Block(
                        Expression.Assign(item, list.Item(items, index, element)),
                        perItem,
                        Expression.PreIncrementAssign(index))),
                end),
            result);
    }

    /// <summary>A source with a count and an indexer: an array, or a type that is (or implements) <see cref="IReadOnlyList{T}"/>.</summary>
    private sealed record IndexedList(Expression Source, Func<Expression, Expression> Count, Func<Expression, Expression, Type, Expression> Item)
    {
        public static IndexedList? Find(Expression source, Type element)
        {
            // Dynamic LINQ may hand the list over as IEnumerable<T>: look through such a widening conversion.
            while (source is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.TypeAs } convert
                && !convert.Operand.Type.IsValueType && convert.Type.IsAssignableFrom(convert.Operand.Type))
            {
                source = convert.Operand;
            }

            var type = source.Type;
            if (type.IsArray && type.GetArrayRank() == 1 && element.IsAssignableFrom(type.GetElementType()))
            {
                return new IndexedList(source, Expression.ArrayLength, (items, index, as_) => As(Expression.ArrayIndex(items, index), as_));
            }

            var readOnlyList = (type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && element.IsAssignableFrom(i.GetGenericArguments()[0]));
            if (readOnlyList is null)
            {
                return null;
            }

            var itemType = readOnlyList.GetGenericArguments()[0];
            var countProperty = typeof(IReadOnlyCollection<>).MakeGenericType(itemType).GetProperty(nameof(IReadOnlyCollection<object>.Count))!;
            var indexer = readOnlyList.GetProperty("Item")!;
            var typed = type == readOnlyList ? source : Expression.Convert(source, readOnlyList);
            return new IndexedList(
                typed,
                items => Expression.Property(items, countProperty),
                (items, index, as_) => As(Expression.Property(items, indexer, index), as_));
        }

        private static Expression As(Expression item, Type type) => item.Type == type ? item : Expression.Convert(item, type);
    }
}
