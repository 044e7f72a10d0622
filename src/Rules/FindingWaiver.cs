using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>
/// The waiver a finding matched (afwijking bij een bevinding), with its state on the reference date: when
/// <see cref="WaiverState.Active"/> the finding is waived, when <see cref="WaiverState.Expired"/> it is open and this
/// says which waiver expired when.
/// </summary>
public sealed record FindingWaiver
{
    /// <summary>Whether the waiver was active or expired on the reference date.</summary>
    public required WaiverState State { get; init; }

    /// <summary>The waiver's id, when it has one.</summary>
    public string? Id { get; init; }

    /// <summary>Why the deviation is accepted (onderbouwing).</summary>
    public required string Justification { get; init; }

    /// <summary>Who approved it (goedgekeurd door).</summary>
    public required string ApprovedBy { get; init; }

    /// <summary>The date of the decision, when given.</summary>
    public DateOnly? Decided { get; init; }

    /// <summary>The last day the deviation is accepted (vervaldatum).</summary>
    public required DateOnly Expires { get; init; }

    /// <summary>The decision number or document, when given.</summary>
    public string? Reference { get; init; }

    /// <summary>Where the waiver is written, when read from a file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The waiver's state on <paramref name="asOf"/>, as attached to a finding.</summary>
    /// <param name="waiver">The waiver.</param>
    /// <param name="asOf">The reference date.</param>
    public static FindingWaiver Of(Waiver waiver, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        return new FindingWaiver
        {
            State = waiver.StateOn(asOf),
            Id = waiver.Id,
            Justification = waiver.Justification,
            ApprovedBy = waiver.ApprovedBy,
            Decided = waiver.Decided,
            Expires = waiver.Expires,
            Reference = waiver.Reference,
            Location = waiver.Location,
        };
    }
}
