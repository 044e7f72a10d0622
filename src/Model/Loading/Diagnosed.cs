namespace Procurement.Rules.Model.Loading;

/// <summary>What a loading stage made, with the errors it found: an immutable value, handed on to the next stage.</summary>
/// <typeparam name="T">What the stage made.</typeparam>
/// <param name="Value">What the stage made; null when it could make nothing.</param>
/// <param name="Errors">The errors the stage found, in the order found.</param>
internal readonly record struct Diagnosed<T>(T? Value, IReadOnlyList<LoadError> Errors)
    where T : class
{
    /// <summary>Whether the stage stopped at the file's error cap: its last error is <c>too-many-errors</c>.</summary>
    public bool Stopped => Errors.Count > 0 && Errors[^1].Code == LoadErrorCodes.TooManyErrors;
}
