using System.Linq.Expressions;
using System.Reflection;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Rewrites the quantifiers of a vetted, guarded expression into plain loops over the model's lists, the way one would
/// write them by hand. <c>Any</c>, <c>All</c>, <c>Count</c> and <c>Sum</c> with a lambda, each optionally after a
/// <c>Where</c> and/or a <c>Select</c>, <c>Sum()</c> and <c>Contains</c> after a <c>Select</c>, and <c>Contains</c> of a
/// model item become an indexed <c>for</c> loop with the lambdas' bodies inlined:
/// no closure, no delegate and no enumerator per subject, so a passing subject allocates nothing. Semantics are those
/// of <see cref="Enumerable"/>: the same order, the same short-circuit, <see cref="ArgumentNullException"/> for a
/// missing list, checked integer sums. Anything else (a source that is not an indexed list, <c>Any()</c> or
/// <c>Count()</c> of a <c>Select</c>, <c>Min</c>, ...) is left as it is.
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
        if (visited is not MethodCallExpression { Method.DeclaringType: var declaring, Arguments.Count: > 0 } call || declaring != typeof(Enumerable))
        {
            return visited;
        }

        // Select(s, f).Any(q) is Any(s, x => q(f(x))); likewise for All, Count, Sum and Contains. Any() and Count() of a
        // Select are left to Enumerable, which calls f for some sources and not for others.
        var source = call.Arguments[0];
        var selector = Stage(ref source, nameof(Enumerable.Select));
        // Sum() of numbers is not generic: its element is the sum's type.
        var element = call.Method.IsGenericMethod ? call.Method.GetGenericArguments()[0] : call.Type;
        Quantifier? quantifier = call.Method.Name switch
        {
            _ when !call.Method.IsGenericMethod && selector is null => null,
            nameof(Enumerable.Any) => Quantifier.Any,
            nameof(Enumerable.All) => Quantifier.All,
            nameof(Enumerable.Count) => Quantifier.Count,
            nameof(Enumerable.Sum) when (call.Arguments.Count == 2 || selector is not null) && SumTypes.Contains(call.Type) => Quantifier.Sum,
            nameof(Enumerable.Contains) when call.Arguments.Count == 2 && (selector is not null || HasReferenceEquality(element)) => Quantifier.Contains,
            _ => null,
        };
        if (quantifier is not { } kind)
        {
            return visited;
        }

        var lambda = kind == Quantifier.Contains || call.Arguments.Count < 2 ? null : call.Arguments[1] as LambdaExpression;
        if ((call.Arguments.Count == 2 && lambda is null && kind != Quantifier.Contains) || (lambda is null && selector is not null && kind is Quantifier.Any or Quantifier.Count))
        {
            return visited;
        }

        // Where(s, p).Any(q) is Any(s, x => p(x) && q(x)); likewise for All, Count and Sum, and for any of them (and
        // Contains) after a Select.
        var filter = kind == Quantifier.Contains && selector is null ? null : Stage(ref source, nameof(Enumerable.Where));
        if (lambda is null && filter is null && selector is null && kind != Quantifier.Contains)
        {
            // Any() and Count() of a list read its count: nothing to loop over.
            return visited;
        }

        var item = selector?.Parameters[0].Type ?? element;
        var sought = kind == Quantifier.Contains ? call.Arguments[1] : null;
        return IndexedList.Find(source, item) is { } list ? Loop(kind, list, item, filter, selector, lambda, sought, call.Type) : visited;
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
                filter = Stage(ref source, nameof(Enumerable.Where));
                break;
            default:
                return null;
        }

        var element = call.Method.GetGenericArguments()[0];
        var list = IndexedList.Find(source, element);
        return list is null ? null : Loop(Quantifier.Preview, list, element, filter, null, selector, Expression.Constant(shown), typeof(List<>).MakeGenericType(selector?.ReturnType ?? element));
    }

    // The lambda of a Where(s, p) or Select(s, f) source (as `method` names), which then becomes s.
    private static LambdaExpression? Stage(ref Expression source, string method)
    {
        if (IsEnumerable(source, out var stage) && stage.Method.Name == method
            && stage.Arguments.Count == 2 && stage.Arguments[1] is LambdaExpression { Parameters.Count: 1 } lambda)
        {
            source = stage.Arguments[0];
            return lambda;
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
    // selector: a Select between them, whose value the body (or Sum and Contains) then sees;
    // argument: the item sought (Contains) or the number of items to keep (Preview).
    private static Expression Loop(Quantifier kind, IndexedList list, Type element, LambdaExpression? filter, LambdaExpression? selector, LambdaExpression? body, Expression? argument, Type resultType)
    {
        var items = Expression.Variable(list.Source.Type, "items");
        var count = Expression.Variable(typeof(int), "count");
        var index = Expression.Variable(typeof(int), "index");
        var item = Expression.Variable(element, "item");
        var mapped = Expression.Variable(selector?.ReturnType ?? element, "mapped");
        var result = Expression.Variable(resultType, "result");
        var sought = Expression.Variable(argument?.Type ?? typeof(object), "argument");
        var end = Expression.Label("end");

        static Expression? Inline(LambdaExpression? lambda, Expression on) =>
            lambda is null ? null : ParameterReplacer.Replace(lambda.Body, new Dictionary<ParameterExpression, Expression> { [lambda.Parameters[0]] = on });
        var seen = selector is null ? item : mapped;
        var value = Inline(body, seen) ?? (kind == Quantifier.Sum ? seen : null);

        var step = Step(kind, result, value ?? item, sought, end);
        var test = kind switch
        {
            Quantifier.All => Expression.Not(value!),
            Quantifier.Contains => AreEqual(seen, sought),
            Quantifier.Sum or Quantifier.Preview => null,
            _ => value,
        };

        // The filter, when there is one, decides whether an element counts at all; the selector maps those that do.
        var perItem = test is null ? step : Expression.IfThen(test, step);
        if (selector is not null)
        {
            perItem = Expression.Block(Expression.Assign(mapped, Inline(selector, item)!), perItem);
        }

        if (Inline(filter, item) is { } condition)
        {
            perItem = Expression.IfThen(condition, perItem);
        }

        // As Enumerable does: the arguments first, then the check of the list; but a Where or Select before the
        // quantifier is itself a call, which checks the list before the quantifier's argument is read.
        Expression assignArgument = argument is null ? Expression.Empty() : Expression.Assign(sought, argument);
        var checkList = Expression.IfThen(Expression.Equal(items, Expression.Constant(null, items.Type)), Expression.Throw(Expression.New(ArgumentNull, Expression.Constant("source"))));
        var listFirst = filter is not null || selector is not null;
        return Expression.Block(
            resultType,
            [items, count, index, item, mapped, result, sought],
            Expression.Assign(items, list.Source),
            listFirst ? checkList : assignArgument,
            listFirst ? assignArgument : checkList,
            Expression.Assign(count, list.Count(items)),
            Expression.Assign(index, Expression.Constant(0)),
            Expression.Assign(result, Initial(kind, resultType)),
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

    // What one element does to the result: `value` is what it adds (Sum) or keeps (Preview).
    private static Expression Step(Quantifier kind, ParameterExpression result, Expression value, ParameterExpression sought, LabelTarget end) => kind switch
    {
        Quantifier.Any or Quantifier.Contains => Expression.Block(Expression.Assign(result, Expression.Constant(true)), Expression.Break(end)),
        Quantifier.All => Expression.Block(Expression.Assign(result, Expression.Constant(false)), Expression.Break(end)),
        Quantifier.Count => Expression.AddAssignChecked(result, Expression.Constant(1)),
        Quantifier.Sum when result.Type == typeof(double) || result.Type == typeof(decimal) => Expression.AddAssign(result, value),
        Quantifier.Sum => Expression.AddAssignChecked(result, value),
        _ => Expression.Block(
            Expression.Call(result, result.Type.GetMethod(nameof(List<object>.Add))!, value),
            Expression.IfThen(Expression.GreaterThanOrEqual(Expression.Property(result, nameof(List<object>.Count)), sought), Expression.Break(end))),
    };

    private static Expression Initial(Quantifier kind, Type resultType) => kind switch
    {
        Quantifier.All => Expression.Constant(true),
        Quantifier.Any or Quantifier.Contains => Expression.Constant(false),
        Quantifier.Preview => Expression.New(resultType),
        _ => Expression.Constant(Activator.CreateInstance(resultType), resultType),
    };

    // Contains: the model's items by reference, anything else (a Select's values) as EqualityComparer<T>.Default does.
    private static Expression AreEqual(Expression item, Expression sought) =>
        HasReferenceEquality(item.Type)
            ? Expression.ReferenceEqual(item, sought)
            : Expression.Call(
                Expression.Property(null, typeof(EqualityComparer<>).MakeGenericType(item.Type), nameof(EqualityComparer<object>.Default)),
                typeof(EqualityComparer<>).MakeGenericType(item.Type).GetMethod(nameof(EqualityComparer<object>.Equals), [item.Type, item.Type])!,
                item,
                sought);

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
