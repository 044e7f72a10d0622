namespace Procurement.Rules.Model;

/// <summary>Municipality (gemeente) taking part in the joint purchase.</summary>
public sealed class Municipality
{
    internal Municipality(string id, string name, DateOnly? from, DateOnly? until, string? accessTeam, SourceLocation location)
    {
        Id = id;
        Name = name;
        From = from;
        Until = until;
        AccessTeam = accessTeam;
        Location = location;
        Participation = new Period(from ?? DateOnly.MinValue, until);
    }

    /// <summary>Identifier of the municipality within the design.</summary>
    public string Id { get; }

    /// <summary>Name of the municipality.</summary>
    public string Name { get; }

    /// <summary>First day it takes part (deelname vanaf), or <see langword="null"/> when it always took part.</summary>
    public DateOnly? From { get; }

    /// <summary>Last day it takes part (deelname tot en met), e.g. the 31 December before it leaves; <see langword="null"/> when it stays.</summary>
    public DateOnly? Until { get; }

    /// <summary>Identifier of the municipality's access team (toegang), which issues profiles and approves escalations.</summary>
    public string? AccessTeam { get; }

    /// <summary>Where the municipality is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>The period in which the municipality takes part.</summary>
    public Period Participation { get; }

    /// <summary>Contracts on which the municipality is named, in file order.</summary>
    public IReadOnlyList<Contract> Contracts { get; internal set; } = [];

    /// <summary>Lots this municipality buys locally by itself (lokaal ingekocht).</summary>
    public IReadOnlyList<Lot> LocalLots { get; internal set; } = [];

    /// <summary>
    /// Care profiles with a stay (verblijf) this municipality is responsible for that run past its last day
    /// <see cref="Until"/>, in file order. Responsible means: named as the profile's
    /// <see cref="CareProfile.ResponsibleMunicipality"/>, or, when the profile names none, the municipality that issued it:
    /// when it leaves the region, these need a transfer arrangement. Empty for a municipality that stays.
    /// </summary>
    public IReadOnlyList<CareProfile> StaysAfterLeaving { get; internal set; } = [];

    internal int Index { get; set; }

    /// <summary>Whether the municipality takes part on <paramref name="date"/>.</summary>
    public bool ParticipatesOn(DateOnly date) => Participation.Contains(date);

    /// <summary>Whether the municipality takes part on every day of <paramref name="period"/>.</summary>
    public bool ParticipatesThroughout(Period period) => period.IsWithin(Participation);

    /// <inheritdoc/>
    public override string ToString() => Id;
}
