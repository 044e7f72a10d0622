namespace Procurement.Rules.Model;

/// <summary>Escalation or de-escalation (op- of afschaling) of a care profile between categories or from local to regional care.</summary>
public sealed class Escalation
{
    internal Escalation(
        string id,
        CareProfile profile,
        CareCategory from,
        CareCategory to,
        LotScope? fromScope,
        LotScope? toScope,
        Lot targetLot,
        DateOnly date,
        string? approvedBy,
        ExpertTeam? expertTeam,
        SourceLocation location)
    {
        Id = id;
        Profile = profile;
        From = from;
        To = to;
        FromScope = fromScope;
        ToScope = toScope;
        TargetLot = targetLot;
        Date = date;
        ApprovedBy = approvedBy;
        ExpertTeam = expertTeam;
        Location = location;
    }

    /// <summary>Identifier of the escalation within the design.</summary>
    public string Id { get; }

    /// <summary>The profile being escalated.</summary>
    public CareProfile Profile { get; }

    /// <summary>Category before the escalation.</summary>
    public CareCategory From { get; }

    /// <summary>Category after the escalation.</summary>
    public CareCategory To { get; }

    /// <summary>Scope before the escalation (local or regional care), if the escalation changes scope.</summary>
    public LotScope? FromScope { get; }

    /// <summary>Scope after the escalation, if the escalation changes scope.</summary>
    public LotScope? ToScope { get; }

    /// <summary>The lot the profile is delivered under after the escalation; the profile's own lot unless stated.</summary>
    public Lot TargetLot { get; }

    /// <summary>Date the escalation takes effect.</summary>
    public DateOnly Date { get; }

    /// <summary>Identifier of the access team (toegang) that approved it, or <see langword="null"/> when not approved.</summary>
    public string? ApprovedBy { get; }

    /// <summary>The regional expert team (regionaal expertteam) the case was referred to, or <see langword="null"/>.</summary>
    public ExpertTeam? ExpertTeam { get; }

    /// <summary>Where the escalation is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>Whether this moves the profile from light to heavy (opschaling).</summary>
    public bool IsUpscaling => From == CareCategory.Light && To == CareCategory.Heavy;

    /// <summary>Whether this moves the profile from heavy back to light (afschaling).</summary>
    public bool IsDownscaling => From == CareCategory.Heavy && To == CareCategory.Light;

    /// <summary>Whether this moves the profile from local to regional care.</summary>
    public bool IsLocalToRegional => FromScope == LotScope.Local && ToScope == LotScope.Regional;

    /// <summary>The provider responsible after the escalation: the one the profile was transferred to, else its main contractor.</summary>
    public Provider? ResponsibleProvider => Profile.ResponsibleProvider;

    /// <inheritdoc/>
    public override string ToString() => Id;
}
