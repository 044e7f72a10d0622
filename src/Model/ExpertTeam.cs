namespace Procurement.Rules.Model;

/// <summary>The region's expert team (regionaal expertteam), to which complex cases can be referred.</summary>
public sealed class ExpertTeam
{
    internal ExpertTeam(string id, string name, SourceLocation location)
    {
        Id = id;
        Name = name;
        Location = location;
    }

    /// <summary>Identifier of the expert team, used by escalations that refer a case to it.</summary>
    public string Id { get; }

    /// <summary>Name of the expert team.</summary>
    public string Name { get; }

    /// <summary>Where the expert team is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
