namespace Procurement.Rules.Model;

/// <summary>A party that can hold a contract (contractpartij): a provider or a cooperative.</summary>
public abstract class ContractParty
{
    private protected ContractParty(string id, string name, SourceLocation location)
    {
        Id = id;
        Name = name;
        Location = location;
    }

    /// <summary>Identifier of the party within the design.</summary>
    public string Id { get; }

    /// <summary>Name of the party.</summary>
    public string Name { get; }

    /// <summary>Where the party is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>Whether the party is a cooperative (coöperatie) rather than a single provider.</summary>
    public abstract bool IsCooperative { get; }

    /// <summary>Contracts this party holds itself, in file order.</summary>
    public IReadOnlyList<Contract> Contracts { get; internal set; } = [];

    /// <inheritdoc/>
    public override string ToString() => Id;
}
