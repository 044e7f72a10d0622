using System.Collections.Immutable;
using Procurement.Rules.Loading;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// What a compiler pass returns: its value, or null when the pass failed, and the diagnostics it found. A pass can fail
/// without a diagnostic of its own (the expression budget is spent and was reported once already).
/// </summary>
internal sealed class PassResult<T>
    where T : class
{
    private PassResult(T? value, ImmutableArray<LoadError> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
    }

    public T? Value { get; }

    public ImmutableArray<LoadError> Diagnostics { get; }

    public static PassResult<T> Ok(T value) => new(value, []);

    public static PassResult<T> Failed(params ImmutableArray<LoadError> diagnostics) => new(null, diagnostics);

    /// <summary>A value together with diagnostics; the caller decides whether the diagnostics fail it.</summary>
    public static PassResult<T> Of(T? value, ImmutableArray<LoadError> diagnostics) => new(value, diagnostics);

    /// <summary>Runs <paramref name="next"/> on the value; a failure stops here and keeps its diagnostics.</summary>
    public PassResult<TNext> Then<TNext>(Func<T, PassResult<TNext>> next)
        where TNext : class
    {
        if (Value is null)
        {
            return PassResult<TNext>.Failed(Diagnostics);
        }

        var result = next(Value);
        return Diagnostics.IsEmpty ? result : PassResult<TNext>.Of(result.Value, Diagnostics.AddRange(result.Diagnostics));
    }
}

/// <summary>Positions diagnostics inside expression text.</summary>
internal static class ExpressionErrors
{
    /// <summary>A load error at character <paramref name="index"/> of <paramref name="source"/>'s text.</summary>
    public static LoadError At(ExpressionSource source, int index, string code, string message)
    {
        var (line, column) = source.Locate(index);
        return new LoadError(code, message, source.File, line, column);
    }
}
