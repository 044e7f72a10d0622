namespace Procurement.Rules.Model;

/// <summary>Thrown by <see cref="LoadResult{T}.GetValueOrThrow"/> when a file did not load; carries every error.</summary>
public sealed class LoadException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public LoadException(IReadOnlyList<LoadError> errors)
        : base(errors.Count == 0 ? "Loading failed." : string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, with file, line and column.</summary>
    public IReadOnlyList<LoadError> Errors { get; }
}
