using System.Linq.Expressions;

namespace Procurement.Rules.Compiling;

/// <summary>Puts expressions in place of parameters: inlining derived values, lambda bodies, or a rule into a shared scan.</summary>
internal sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
{
    public static Expression Replace(Expression body, IReadOnlyDictionary<ParameterExpression, Expression> replacements) =>
        replacements.Count == 0 ? body : new ParameterReplacer(replacements).Visit(body)!;

    protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
}
