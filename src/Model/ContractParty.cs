namespace Procurement.Rules.Model;

/// <summary>A party that can hold a contract (contractpartij): a provider or a cooperative.</summary>
public abstract class ContractParty
{
    // Up to this many contracts for one lot and category are scanned; more are looked up in an index.
    private const int ScannedContracts = 16;

    private Dictionary<int, Contract[]> _contractsBySlot = [];
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
    public IReadOnlyList<Contract> Contracts { get; private set; } = [];

    /// <summary>The party's own contracts for <paramref name="slot"/> (lot index × 2 + category), in file order.</summary>
    internal Contract[] ContractsIn(int slot) => _contractsBySlot.TryGetValue(slot, out var contracts) ? contracts : [];

    /// <summary>
    /// The first of the party's own contracts for <paramref name="slot"/>, in file order, that names
    /// <paramref name="municipality"/> and runs on <paramref name="date"/>: a scan of a few, an index lookup of many.
    /// </summary>
    internal Contract? FirstCovering(int slot, Municipality municipality, DateOnly date)
    {
        var candidates = ContractsIn(slot);
        if (candidates.Length > ScannedContracts)
        {
            var index = IndexFor(slot);
            var position = index.Next(municipality, -1, date.DayNumber, date.DayNumber, null);
            return position < 0 ? null : index[position];
        }

        for (var i = 0; i < candidates.Length; i++)
        {
            var contract = candidates[i];
            if (contract.Covers(municipality) && contract.Period.Contains(date))
            {
                return contract;
            }
        }

        return null;
    }

    /// <summary>The party's own contracts for <paramref name="slot"/>, indexed by municipality and period; built on first use.</summary>
    internal ContractPeriodIndex IndexFor(int slot)
    {
        var slots = LazyInitializer.EnsureInitialized(ref _slotIndexes, ref _slotIndexesLock, () =>
            _contractsBySlot.ToDictionary(s => s.Key, s => new Lazy<ContractPeriodIndex>(() => new ContractPeriodIndex(s.Value))));
        return slots.TryGetValue(slot, out var index) ? index.Value : ContractPeriodIndex.Empty;
    }

    /// <summary>Sets <see cref="Contracts"/> and groups them by lot and category.</summary>
    internal void SetContracts(Contract[] contracts)
    {
        Contracts = contracts;
        _contractsBySlot = contracts.GroupBy(c => c.Lot.TermsSlot(c.Category)).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
