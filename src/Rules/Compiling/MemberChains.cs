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

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (parameters.Contains(node) && node.Type != typeof(Model.TenderDesign))
            {
                Add(node);
            }

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
