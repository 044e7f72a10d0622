using Procurement.Rules.Model;

namespace Procurement.Rules.Loading;

/// <summary>What a loading stage made, with the errors it found: an immutable value, handed on to the next stage.</summary>
/// <typeparam name="T">What the stage made.</typeparam>
/// <param name="Value">What the stage made; null when it could make nothing.</param>
/// <param name="Errors">The errors the stage found, in the order found.</param>
internal readonly record struct Diagnosed<T>(T? Value, IReadOnlyList<LoadError> Errors)
    where T : class;
