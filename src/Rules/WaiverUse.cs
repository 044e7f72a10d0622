namespace Procurement.Rules;

/// <summary>How one waiver fared in one evaluation: its state, how many findings it matched, and whether it expires soon.</summary>
public sealed record WaiverUse
{
    /// <summary>The waiver.</summary>
    public required Waiver Waiver { get; init; }

    /// <summary>Whether it was active or expired on the reference date.</summary>
    public required WaiverState State { get; init; }

    /// <summary>The number of findings it matched (waived when active); 0 means it matched nothing and may be obsolete.</summary>
    public required int Matched { get; init; }

    /// <summary>Whether it is active but expires within <see cref="EvaluationOptions.WaiverExpiryWarningDays"/> of the reference date.</summary>
    public required bool ExpiresSoon { get; init; }
}
