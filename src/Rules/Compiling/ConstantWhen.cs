using System.Linq.Expressions;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Whether a <c>when</c> is constant and false, so that the rule can never apply (a lint finding). Only a <c>when</c> of
/// constants and operators is worked out at load, where no evaluation budget applies: a call (a format, a text function)
/// could take any time or memory, so such a <c>when</c> is left to evaluation.
/// </summary>
internal static class ConstantWhen
{
    public static bool IsFalse(Expression when, ParameterExpression[] parameters)
    {
        if (MemberChains.Uses(when, parameters) || CallFinder.HasCall(when))
        {
            return false;
        }

        try
        {
            return !Expression.Lambda<Func<bool>>(when).Compile(preferInterpretation: true)();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    private sealed class CallFinder : ExpressionVisitor
    {
        private bool _found;

        public static bool HasCall(Expression expression)
        {
            var finder = new CallFinder();
            finder.Visit(expression);
            return finder._found;
        }

        public override Expression? Visit(Expression? node)
        {
            _found |= node is MethodCallExpression or InvocationExpression or LambdaExpression
                || node is BinaryExpression { Method: not null } || node is UnaryExpression { Method: not null };
            return _found ? node : base.Visit(node);
        }
    }
}
