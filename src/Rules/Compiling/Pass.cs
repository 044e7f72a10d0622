using Procurement.Rules.Loading;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The compiler's passes return <see cref="Diagnosed{T}"/> like the loading stages: a value, or null when the pass failed,
/// and the errors it found. A pass can fail without an error of its own (the expression budget is spent and was
/// reported once already).
/// </summary>
internal static class Pass
{
    public static Diagnosed<T> Ok<T>(T value)
        where T : class => new(value, []);

    public static Diagnosed<T> Failed<T>(params IReadOnlyList<LoadError> errors)
        where T : class => new(null, errors);

    /// <summary>Runs <paramref name="next"/> on the value; a failure stops here and keeps its errors.</summary>
    public static Diagnosed<TNext> Then<T, TNext>(this Diagnosed<T> result, Func<T, Diagnosed<TNext>> next)
        where T : class
        where TNext : class
    {
        if (result.Value is null)
        {
            return new Diagnosed<TNext>(null, result.Errors);
        }

        var after = next(result.Value);
        return result.Errors.Count == 0 ? after : new Diagnosed<TNext>(after.Value, [.. result.Errors, .. after.Errors]);
    }
}

/// <summary>Positions errors inside expression text.</summary>
internal static class ExpressionErrors
{
    /// <summary>A load error at character <paramref name="index"/> of <paramref name="source"/>'s text.</summary>
    public static LoadError At(ExpressionSource source, int index, string code, string message)
    {
        var (line, column) = source.Locate(index);
        return new LoadError(code, message, source.File, line, column);
    }
}
