using System.Globalization;
using System.Linq.Expressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Loading.Syntax;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The shape limits of <see cref="RuleLimits"/>: on the text before it is parsed (length, nesting, operator runs, and no
/// <c>new</c>), and on the parsed tree before anything walks it (its size with derived values written out).
/// </summary>
internal static class ShapeLimits
{
    /// <summary>The text within the limits that protect the recursive parser, or the first breach.</summary>
    public static Diagnosed<ExpressionInput> CheckText(ExpressionInput input, RuleLimits limits)
    {
        if (ExpressionText.CheckShape(input.Text, limits) is { } shape)
        {
            return Pass.Failed<ExpressionInput>(input.ErrorAt(shape.Index, RuleErrorCodes.ExpressionTooComplex, $"The expression is too complex: {shape.Reason}."));
        }

        var newAt = ExpressionText.FindIdentifier(input.Text, "new");
        return newAt >= 0
            ? Pass.Failed<ExpressionInput>(input.ErrorAt(newAt, RuleErrorCodes.RejectedExpression, "'new' is not allowed: rules may not create objects."))
            : Pass.Ok<ExpressionInput>(input);
    }

    /// <summary>
    /// The parsed tree within <see cref="RuleLimits.MaxExpressionNodes"/>: derived values used twice over make it grow
    /// with the power of their chain. A breach is placed at the first derived value the text uses.
    /// </summary>
    public static Diagnosed<LambdaExpression> CheckNodes(ExpressionInput input, LambdaExpression lambda, RuleLimits limits)
    {
        var size = ExpressionSize.Of(lambda.Body);
        if (size <= limits.MaxExpressionNodes)
        {
            return Pass.Ok<LambdaExpression>(lambda);
        }

        var text = input.Text;
        var at = ExpressionText.Identifiers(text).Select(t => (t.Start, Name: text.Substring(t.Start, t.Length)))
            .FirstOrDefault(t => input.Externals.TryGetValue(t.Name, out var value) && value is Expression).Start;
        var shown = size == long.MaxValue ? "more than 9 quintillion" : size.ToString("N0", CultureInfo.InvariantCulture);
        return Pass.Failed<LambdaExpression>(input.ErrorAt(at, RuleErrorCodes.ExpressionTooComplex,
            $"The expression is too complex: {shown} nodes once the derived values it uses are written out, over {limits.MaxExpressionNodes:N0} (limit MaxExpressionNodes)."));
    }
}
