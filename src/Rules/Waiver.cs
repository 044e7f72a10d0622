using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>
/// An accepted deviation (geaccepteerde afwijking): a justified, approved exception to one rule for one subject (or the
/// subjects a pattern names), valid up to and including <see cref="Expires"/>. A finding it matches on the reference
/// date is waived: kept in the report with the waiver attached, but not counted as open.
/// </summary>
public sealed record Waiver
{
    /// <summary>The waiver's own id (kenmerk), e.g. <c>ZL-AFW-2024-01</c>; optional, unique within its file.</summary>
    public string? Id { get; init; }

    /// <summary>Id of the rule the deviation is from, e.g. <c>CO-003</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Only the design with this id (inkoopkader); every design when null.</summary>
    public string? DesignId { get; init; }

    /// <summary>
    /// The subject path as findings name it (<c>lots[crisis].heavy</c>), or a pattern in which <c>*</c> stands for any
    /// text (<c>careProfiles[zl-zp-*]</c>).
    /// </summary>
    public required string Subject { get; init; }

    /// <summary>Why the deviation is accepted (onderbouwing).</summary>
    public required string Justification { get; init; }

    /// <summary>Who approved it (goedgekeurd door), e.g. a board or an officer with mandate.</summary>
    public required string ApprovedBy { get; init; }

    /// <summary>The date of the decision (besluitdatum), when given.</summary>
    public DateOnly? Decided { get; init; }

    /// <summary>The last day the deviation is accepted (vervaldatum); from the day after it no longer waives.</summary>
    public required DateOnly Expires { get; init; }

    /// <summary>The decision number or document (besluitnummer), when given.</summary>
    public string? Reference { get; init; }

    /// <summary>Where the waiver is written (file, line and column of its entry), when read from a file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Its id, or its rule and subject when it has none: how reports and messages name it.</summary>
    public string Name => Id ?? $"{RuleId} {Subject}";

    /// <summary>Whether the waiver is active or expired on <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The reference date (peildatum).</param>
    public WaiverState StateOn(DateOnly asOf) => asOf <= Expires ? WaiverState.Active : WaiverState.Expired;
}
