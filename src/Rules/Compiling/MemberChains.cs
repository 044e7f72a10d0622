using System.Linq.Expressions;

namespace Procurement.Rules.Compiling;

/// <summary>Finds the member paths a clause reads (e.g. <c>profile.Lot.Heavy.Limits.Budget</c>) so a finding can show their values.</summary>
internal static class MemberChains
{
    private const int MaxValues = 12;

    public static List<Expression> Collect(Expression body, ParameterExpression[] parameters)
    {
        var collector = new Collector(parameters);
        collector.Visit(body);
        return collector.Chains;
    }

    public static string Render(Expression chain, ParameterExpression subject, ParameterExpression design) => chain switch
    {
        ParameterExpression p when p == design => "design",
        ParameterExpression p => p.Name ?? "?",
        MemberExpression m => $"{Render(m.Expression!, subject, design)}.{m.Member.Name}",
        _ => chain.ToString(),
    };

    /// <summary>
    /// A null-safe reader of a member path: a missing link gives null. It is compiled on first use, because values are
    /// read only for failing subjects: a rule that never fails never pays for compiling its readers.
    /// </summary>
    public static Func<T, Model.TenderDesign, DateOnly, object?> Reader<T>(Expression chain, ParameterExpression[] parameters) =>
        Lazily(() => Expression.Lambda<Func<T, Model.TenderDesign, DateOnly, object?>>(NullSafe(chain), parameters).Compile());

    /// <summary>A delegate that compiles itself on its first call, once, from whichever thread gets there first.</summary>
    public static Func<T, Model.TenderDesign, DateOnly, TResult> Lazily<T, TResult>(Func<Func<T, Model.TenderDesign, DateOnly, TResult>> compile)
    {
        var compiled = new Lazy<Func<T, Model.TenderDesign, DateOnly, TResult>>(compile, LazyThreadSafetyMode.ExecutionAndPublication);
        return (subject, design, asOf) => compiled.Value(subject, design, asOf);
    }

    // profile.MainContractor.Name becomes: t1 = profile.MainContractor; t1 == null ? null : (object)t1.Name
    private static Expression NullSafe(Expression chain)
    {
        var links = new List<MemberExpression>();
        var root = chain;
        while (root is MemberExpression member)
        {
            links.Insert(0, member);
            root = member.Expression!;
        }

        var variables = new List<ParameterExpression>();
        var current = root;
        var steps = new List<(ParameterExpression Variable, Expression Value)>();
        foreach (var link in links)
        {
            var variable = Expression.Variable(link.Type);
            steps.Add((variable, Expression.MakeMemberAccess(current, link.Member)));
            variables.Add(variable);
            current = variable;
        }

        Expression result = Expression.Convert(current, typeof(object));
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var owner = i == 0 ? root : steps[i - 1].Variable;
            var assignAndContinue = Expression.Block(Expression.Assign(steps[i].Variable, steps[i].Value), result);
            result = CanBeNull(owner.Type)
                ? Expression.Condition(Expression.Equal(owner, Expression.Constant(null, owner.Type)), Expression.Constant(null, typeof(object)), assignAndContinue)
                : assignAndContinue;
        }

        return Expression.Block(typeof(object), variables, result);
    }

    private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    /// <summary>Whether <paramref name="body"/> reads any of <paramref name="parameters"/>.</summary>
    public static bool Uses(Expression body, ParameterExpression[] parameters)
    {
        var collector = new Collector(parameters);
        collector.Visit(body);
        return collector.Chains.Count > 0 || collector.SawDesign;
    }

    private static bool IsRooted(Expression expression, ParameterExpression[] parameters)
    {
        while (expression is MemberExpression member && member.Expression is not null)
        {
            expression = member.Expression;
        }

        return expression is ParameterExpression p && parameters.Contains(p);
    }

    private sealed class Collector(ParameterExpression[] parameters) : ExpressionVisitor
    {
        private readonly HashSet<string> _seen = [];

        public List<Expression> Chains { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (IsRooted(node, parameters))
            {
                Add(node);
                return node;
            }

            return base.VisitMember(node);
        }

        public bool SawDesign { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (parameters.Contains(node) && node.Type != typeof(Model.TenderDesign))
            {
                Add(node);
            }

            SawDesign |= parameters.Contains(node);
            return node;
        }

        private void Add(Expression chain)
        {
            if (Chains.Count < MaxValues && _seen.Add(chain.ToString()))
            {
                Chains.Add(chain);
            }
        }
    }
}
