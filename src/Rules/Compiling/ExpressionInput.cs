using System.Linq.Expressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// One expression to parse: <paramref name="Text"/> (the whole of <paramref name="Source"/>, or a message placeholder
/// starting at <paramref name="Offset"/>), the parameters and derived values it may use, the type it must have (null for
/// any) and the error code its parse errors get.
/// </summary>
internal sealed record ExpressionInput(
    ExpressionSource Source,
    string Text,
    int Offset,
    ParameterExpression[] Parameters,
    Type? ResultType,
    Dictionary<string, object> Externals,
    string Code)
{
    /// <summary>A load error at character <paramref name="index"/> of <see cref="Text"/>.</summary>
    public LoadError ErrorAt(int index, string code, string message) => ExpressionErrors.At(Source, Offset + index, code, message);
}
