namespace Procurement.Rules.Model;

/// <summary>Provider (zorgaanbieder), identified nationally by its AGB code.</summary>
public sealed class Provider : ContractParty
{
    // Contracts this provider can act under (its own and its cooperatives'), indexed by lot and category,
    // so that "does the main contractor hold a contract" is an array lookup rather than a scan.
    private Contract[][] _contractsByLotAndCategory = [];
    private readonly HashSet<string> _qualifications;

    // Memberships and subcontractors as sets: rules ask about them once per care profile.
    private HashSet<Cooperative> _cooperatives = [];
    private HashSet<Provider> _subcontractors = [];

    // Up to this many contracts for one lot and category are scanned; more are looked up in an index.
    private const int ScannedContracts = 16;

    internal Provider(string id, string name, string agb, IReadOnlyList<string> qualifications, SourceLocation location)
        : base(id, name, location)
    {
        Agb = agb;
        Qualifications = qualifications;
        _qualifications = new HashSet<string>(qualifications, StringComparer.Ordinal);
    }

    /// <summary>AGB code (AGB-code): the provider's eight-digit national registration code.</summary>
    public string Agb { get; }

    /// <inheritdoc/>
    public override bool IsCooperative => false;

    /// <summary>Qualifications the provider holds (kwalificaties), such as <c>vog</c> or <c>skj-registered</c>.</summary>
    public IReadOnlyList<string> Qualifications { get; }

    /// <summary>Cooperatives the provider is a member of (lidmaatschap coöperatie).</summary>
    public IReadOnlyList<Cooperative> Cooperatives
    {
        get;
        internal set
        {
            field = value;
            _cooperatives = [.. value];
        }
    } = [];

    /// <summary>Providers registered as this provider's subcontractors (onderaannemers).</summary>
    public IReadOnlyList<Provider> Subcontractors
    {
        get;
        internal set
        {
            field = value;
            _subcontractors = [.. value];
        }
    } = [];

    /// <summary>Whether the provider holds the named qualification.</summary>
    public bool HasQualification(string qualification) => _qualifications.Contains(qualification);

    /// <summary>Whether the provider holds every qualification in <paramref name="qualifications"/>.</summary>
    public bool HasQualifications(IReadOnlyList<string> qualifications)
    {
        for (var i = 0; i < qualifications.Count; i++)
        {
            if (!_qualifications.Contains(qualifications[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the provider is a member of <paramref name="cooperative"/>.</summary>
    public bool IsMemberOf(Cooperative? cooperative)
    {
        return cooperative is not null && _cooperatives.Contains(cooperative);
    }

    /// <summary>Whether <paramref name="provider"/> is registered as this provider's subcontractor.</summary>
    public bool HasSubcontractor(Provider? provider)
    {
        return provider is not null && _subcontractors.Contains(provider);
    }

    /// <summary>
    /// Whether the provider, itself or through a cooperative it is a member of, holds a contract for
    /// <paramref name="lot"/> and <paramref name="category"/> that covers <paramref name="municipality"/> on <paramref name="date"/>.
    /// </summary>
    public bool HoldsContract(Lot? lot, CareCategory category, Municipality? municipality, DateOnly date) =>
        ContractFor(lot, category, municipality, date) is not null;

    /// <summary>
    /// The contract under which the provider may deliver <paramref name="lot"/> and <paramref name="category"/> to
    /// <paramref name="municipality"/> on <paramref name="date"/>: its own first, then its cooperatives'; <see langword="null"/> if none.
    /// </summary>
    public Contract? ContractFor(Lot? lot, CareCategory category, Municipality? municipality, DateOnly date)
    {
        if (lot is null || municipality is null)
        {
            return null;
        }

        var slot = (lot.Index * 2) + (int)category;
        if ((uint)slot >= (uint)_contractsByLotAndCategory.Length)
        {
            return null;
        }

        var candidates = _contractsByLotAndCategory[slot];
        if (candidates.Length > ScannedContracts)
        {
            return IndexedContractFor(slot, municipality, date);
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

    // Many contracts for one lot and category (say consecutive lump sums): look the date up in the parties' indexes,
    // own contracts first, then each cooperative's, which is the order of the scan.
    private Contract? IndexedContractFor(int slot, Municipality municipality, DateOnly date)
    {
        var day = date.DayNumber;
        var own = IndexFor(slot);
        var position = own.Next(municipality, -1, day, day, null);
        if (position >= 0)
        {
            return own[position];
        }

        for (var i = 0; i < Cooperatives.Count; i++)
        {
            var index = Cooperatives[i].IndexFor(slot);
            position = index.Next(municipality, -1, day, day, null);
            if (position >= 0)
            {
                return index[position];
            }
        }

        return null;
    }

    /// <summary>Contracts, own or through a cooperative, for <paramref name="lot"/> and <paramref name="category"/> on any date.</summary>
    public IReadOnlyList<Contract> ContractsFor(Lot? lot, CareCategory category)
    {
        if (lot is null)
        {
            return [];
        }

        var slot = (lot.Index * 2) + (int)category;
        return (uint)slot < (uint)_contractsByLotAndCategory.Length ? _contractsByLotAndCategory[slot] : [];
    }

    internal void SetContractIndex(Contract[][] contractsByLotAndCategory) => _contractsByLotAndCategory = contractsByLotAndCategory;
}
