using System.Linq.Expressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Loading.Syntax;

namespace Procurement.Rules.Compiling;

/// <summary>Holds a parsed expression against the allow-list (<see cref="ExpressionVetter"/>), pointing at what it refuses.</summary>
internal static class VetPass
{
    public static Diagnosed<LambdaExpression> Vet(ExpressionInput input, LambdaExpression lambda, RuleLimits limits)
    {
        Rejection? rejection;
        try
        {
            rejection = ExpressionVetter.Vet(lambda.Body, limits.MaxQuantifierDepth);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An expression the vetter cannot walk is not vetted, so it is refused.
            return Pass.Failed<LambdaExpression>(input.ErrorAt(0, RuleErrorCodes.RejectedExpression, $"The expression cannot be checked against the allow-list: {ex.Message}"));
        }

        if (rejection is null)
        {
            return Pass.Ok<LambdaExpression>(lambda);
        }

        var at = ExpressionText.FindIdentifier(input.Text, rejection.Token);
        return Pass.Failed<LambdaExpression>(input.ErrorAt(Math.Max(0, at), rejection.Code, $"'{rejection.Token}' is not allowed: {rejection.Reason}."));
    }
}
