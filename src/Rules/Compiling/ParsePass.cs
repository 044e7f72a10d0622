using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using Procurement.Rules.Loading;

namespace Procurement.Rules.Compiling;

/// <summary>Parses an expression with Dynamic LINQ (<see cref="RuleParsing.Config"/>) into a typed lambda.</summary>
internal static class ParsePass
{
    public static Diagnosed<LambdaExpression> Parse(ExpressionInput input)
    {
        try
        {
            return Pass.Ok<LambdaExpression>(
                DynamicExpressionParser.ParseLambda(RuleParsing.Config, input.Parameters, input.ResultType, input.Text, input.Externals));
        }
        catch (ParseException ex)
        {
            return Pass.Failed<LambdaExpression>(input.ErrorAt(ex.Position, input.Code, $"{ex.Message.TrimEnd('.')}{Near(input.Text, ex.Position)}{NameSuggestions.For(ex.Message, input)}"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The parser is third-party code fed hostile text: whatever it throws is this expression's load error,
            // never a crash of the loading thread (which would end the process).
            return Pass.Failed<LambdaExpression>(input.ErrorAt(0, input.Code, $"The expression cannot be compiled: {ex.Message}"));
        }
    }

    private static string Near(string text, int position)
    {
        if (position < 0 || position >= text.Length)
        {
            return string.Empty;
        }

        var token = new string(text.Skip(position).TakeWhile(c => !char.IsWhiteSpace(c)).Take(24).ToArray());
        return token.Length == 0 ? string.Empty : $" (at '{token}')";
    }
}
