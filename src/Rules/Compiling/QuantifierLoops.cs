using System.Linq.Expressions;
using System.Reflection;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Rewrites the quantifiers of a vetted, guarded expression into plain loops over the model's lists, the way one would
/// write them by hand. <c>Any</c>, <c>All</c>, <c>Count</c> and <c>Sum</c> with a lambda, each optionally after a
/// <c>Where</c>, and <c>Contains</c> of a model item become an indexed <c>for</c> loop with the lambda's body inlined:
/// no closure, no delegate and no enumerator per subject, so a passing subject allocates nothing. Semantics are those
/// of <see cref="Enumerable"/>: the same order, the same short-circuit, <see cref="ArgumentNullException"/> for a
/// missing list, checked integer sums. Anything else (a source that is not an indexed list, <c>Select</c>, <c>Min</c>,
/// ...) is left as it is.
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
        Contains,
        Preview,
    }

    public static Expression Apply(Expression body) => new QuantifierLoops().Visit(body)!;

    /// <summary>
    /// Like <see cref="Apply"/>, for a value that is only shown: a list it ends in (<c>Where</c> and/or <c>Select</c>
    /// over a model list) is built by a loop that stops after the <paramref name="shown"/> items a report shows, just
    /// as the lazy <see cref="Enumerable"/> chain would be read, so no delegate is made for its lambdas.
    /// </summary>
    public static Expression ApplyForDisplay(Expression body, int shown)
    {
        var lowered = Apply(body);
        return Preview(lowered, shown) is { } preview ? Expression.Convert(preview, lowered.Type) : lowered;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // Inner quantifiers first, so that an outer loop inlines bodies that are loops already.
        var visited = base.VisitMethodCall(node);
        if (!IsEnumerable(visited, out var call))
        {
            return visited;
        }

        Quantifier? quantifier = call.Method.Name switch
        {
            nameof(Enumerable.Any) => Quantifier.Any,
            nameof(Enumerable.All) => Quantifier.All,
            nameof(Enumerable.Count) => Quantifier.Count,
            nameof(Enumerable.Sum) when call.Arguments.Count == 2 && SumTypes.Contains(call.Type) => Quantifier.Sum,
            nameof(Enumerable.Contains) when call.Arguments.Count == 2 && HasReferenceEquality(call.Method.GetGenericArguments()[0]) => Quantifier.Contains,
            _ => null,
        };
        if (quantifier is not { } kind)
        {
            return visited;
        }

        var source = call.Arguments[0];
        var lambda = kind == Quantifier.Contains || call.Arguments.Count < 2 ? null : call.Arguments[1] as LambdaExpression;
        if (call.Arguments.Count == 2 && lambda is null && kind != Quantifier.Contains)
        {
            return visited;
        }

        // Where(s, p).Any(q) is Any(s, x => p(x) && q(x)); likewise for All, Count and Sum.
        var filter = kind == Quantifier.Contains ? null : Where(ref source);
        if (lambda is null && filter is null && kind != Quantifier.Contains)
        {
            // Any() and Count() of a list read its count: nothing to loop over.
            return visited;
        }

        var element = call.Method.GetGenericArguments()[0];
        var sought = kind == Quantifier.Contains ? call.Arguments[1] : null;
        return IndexedList.Find(source, element) is { } list ? Loop(kind, list, element, filter, lambda, sought, call.Type) : visited;
    }

    private static Expression? Preview(Expression root, int shown)
    {
        if (!IsEnumerable(root, out var call) || call.Arguments.Count != 2 || call.Arguments[1] is not LambdaExpression { Parameters.Count: 1 } lambda)
        {
            return null;
        }

        var source = call.Arguments[0];
        LambdaExpression? filter;
        LambdaExpression? selector = null;
        switch (call.Method.Name)
        {
            case nameof(Enumerable.Where):
                filter = lambda;
                break;
            case nameof(Enumerable.Select):
                selector = lambda;
                filter = Where(ref source);
                break;
            default:
                return null;
        }

        var element = call.Method.GetGenericArguments()[0];
        var list = IndexedList.Find(source, element);
        return list is null ? null : Loop(Quantifier.Preview, list, element, filter, selector, Expression.Constant(shown), typeof(List<>).MakeGenericType(selector?.ReturnType ?? element));
    }

    // The filter of a Where(s, p) source, which then becomes s.
    private static LambdaExpression? Where(ref Expression source)
    {
        if (IsEnumerable(source, out var where) && where.Method.Name == nameof(Enumerable.Where)
            && where.Arguments.Count == 2 && where.Arguments[1] is LambdaExpression { Parameters.Count: 1 } condition)
        {
            source = where.Arguments[0];
            return condition;
        }

        return null;
    }

    private static bool IsEnumerable(Expression expression, out MethodCallExpression call)
    {
        call = (expression as MethodCallExpression)!;
        return call is not null && call.Method.DeclaringType == typeof(Enumerable) && call.Method.IsGenericMethod;
    }

    // Model items compare by reference (EqualityComparer<T>.Default then does the same); other types keep Enumerable.
    private static bool HasReferenceEquality(Type type) =>
        type is { IsClass: true, IsSealed: true } && type.Assembly == typeof(Model.TenderDesign).Assembly
        && type.GetMethod(nameof(Equals), [typeof(object)])!.DeclaringType == typeof(object);

    // body: the lambda that decides (Any, All, Count), adds (Sum) or maps (Preview); filter: a Where before it;
    // argument: the item sought (Contains) or the number of items to keep (Preview).
    private static Expression Loop(Quantifier kind, IndexedList list, Type element, LambdaExpression? filter, LambdaExpression? body, Expression? argument, Type resultType)
    {
        var items = Expression.Variable(list.Source.Type, "items");
        var count = Expression.Variable(typeof(int), "count");
        var index = Expression.Variable(typeof(int), "index");
        var item = Expression.Variable(element, "item");
        var result = Expression.Variable(resultType, "result");
        var sought = Expression.Variable(argument?.Type ?? typeof(object), "argument");
        var end = Expression.Label("end");

        Expression? Inline(LambdaExpression? lambda) => lambda is null ? null : ParameterReplacer.Replace(lambda.Body, new Dictionary<ParameterExpression, Expression> { [lambda.Parameters[0]] = item });
        var condition = Inline(filter);
        var value = Inline(body);

        // What one element does to the result; the filter, when there is one, decides whether it counts at all.
        Expression step = kind switch
        {
            Quantifier.Any or Quantifier.Contains => Expression.Block(Expression.Assign(result, Expression.Constant(true)), Expression.Break(end)),
            Quantifier.All => Expression.Block(Expression.Assign(result, Expression.Constant(false)), Expression.Break(end)),
            Quantifier.Count => Expression.AddAssignChecked(result, Expression.Constant(1)),
            Quantifier.Sum when resultType == typeof(double) || resultType == typeof(decimal) => Expression.AddAssign(result, value!),
            Quantifier.Sum => Expression.AddAssignChecked(result, value!),
            _ => Expression.Block(
                Expression.Call(result, resultType.GetMethod(nameof(List<object>.Add))!, value ?? item),
                Expression.IfThen(Expression.GreaterThanOrEqual(Expression.Property(result, nameof(List<object>.Count)), sought), Expression.Break(end))),
        };
        var test = kind switch
        {
            Quantifier.All => Expression.Not(value!),
            Quantifier.Contains => Expression.ReferenceEqual(item, sought),
            Quantifier.Sum or Quantifier.Preview => null,
            _ => value,
        };
        if (condition is not null)
        {
            test = test is null ? condition : Expression.AndAlso(condition, test);
        }

        Expression initial = kind switch
        {
            Quantifier.All => Expression.Constant(true),
            Quantifier.Any or Quantifier.Contains => Expression.Constant(false),
            Quantifier.Preview => Expression.New(resultType),
            _ => Expression.Constant(Activator.CreateInstance(resultType), resultType),
        };
        var perItem = test is null ? step : Expression.IfThen(test, step);
        return Expression.Block(
            resultType,
            [items, count, index, item, result, sought],
            // As Enumerable does: the arguments first, then the check of the list.
            Expression.Assign(items, list.Source),
            argument is null ? Expression.Empty() : Expression.Assign(sought, argument),
            Expression.IfThen(Expression.Equal(items, Expression.Constant(null, items.Type)), Expression.Throw(Expression.New(ArgumentNull, Expression.Constant("source")))),
            Expression.Assign(count, list.Count(items)),
            Expression.Assign(index, Expression.Constant(0)),
            Expression.Assign(result, initial),
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
