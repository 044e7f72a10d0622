namespace Procurement.Rules.Comparing;

/// <summary>One finding of a comparison, with its version in the base and in the head report.</summary>
public sealed record FindingDiff
{
    /// <summary>How the finding changed.</summary>
    public required FindingChange Change { get; init; }

    /// <summary>The finding in the base report; null when <see cref="FindingChange.New"/>.</summary>
    public Finding? Base { get; init; }

    /// <summary>The finding in the head report; null when <see cref="FindingChange.Resolved"/>.</summary>
    public Finding? Head { get; init; }

    /// <summary>The head finding, or the base finding when it was resolved.</summary>
    public Finding Current => Head ?? Base!;
}
