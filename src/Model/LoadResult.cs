namespace Procurement.Rules.Model;

/// <summary>The outcome of loading a file: the value when it loaded, and every error found otherwise.</summary>
/// <typeparam name="T">What was loaded.</typeparam>
public sealed class LoadResult<T>
    where T : class
{
    /// <summary>A result of <paramref name="value"/> and <paramref name="errors"/>; with any error, the value is dropped.</summary>
    /// <param name="value">The loaded value, or null when it could not be loaded.</param>
    /// <param name="errors">The errors found, in the order they are to be reported.</param>
    public LoadResult(T? value, IReadOnlyList<LoadError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Value = errors.Count == 0 ? value : null;
        Errors = errors;
    }

    /// <summary>The loaded value, or <see langword="null"/> when there were errors.</summary>
    public T? Value { get; }

    /// <summary>All errors, ordered by file, line and column; empty on success.</summary>
    public IReadOnlyList<LoadError> Errors { get; }

    /// <summary>Whether the file loaded without errors.</summary>
    public bool Succeeded => Errors.Count == 0 && Value is not null;

    /// <summary>The loaded value, or a <see cref="LoadException"/> carrying every error.</summary>
    public T GetValueOrThrow() => Value ?? throw new LoadException(Errors);
}
