namespace Procurement.Rules.Model;

/// <summary>A party that can hold a contract (contractpartij): a provider or a cooperative.</summary>
public abstract class ContractParty
{
    private Dictionary<int, Lazy<ContractPeriodIndex>>? _slotIndexes;
    private object? _slotIndexesLock;

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

    /// <summary>
    /// The party's own contracts for <paramref name="slot"/> (lot index × 2 + category), in file order, indexed by
    /// municipality and period; built on first use, the contracts grouped by slot once for all slots.
    /// </summary>
    internal ContractPeriodIndex IndexFor(int slot)
    {
        var slots = LazyInitializer.EnsureInitialized(ref _slotIndexes, ref _slotIndexesLock, () =>
            Contracts.GroupBy(c => (c.Lot.Index * 2) + (int)c.Category).ToDictionary(g => g.Key, g => new Lazy<ContractPeriodIndex>(() => new ContractPeriodIndex([.. g]))));
        return slots.TryGetValue(slot, out var index) ? index.Value : ContractPeriodIndex.Empty;
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
