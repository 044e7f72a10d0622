using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Properties;

/// <summary>Lookups by id over a <see cref="DesignSpec"/>, and the plain date and contract relations the generators and the oracle share.</summary>
internal sealed class SpecIndex
{
    private readonly Dictionary<string, MunicipalitySpec> _municipalities;
    private readonly Dictionary<string, LotSpec> _lots;
    private readonly Dictionary<string, ProviderSpec> _providers;
    private readonly Dictionary<string, CooperativeSpec> _cooperatives;
    private readonly Dictionary<string, ContractSpec> _contracts;
    private readonly Dictionary<string, ProfileSpec> _profiles;

    public SpecIndex(DesignSpec design)
    {
        Design = design;
        _municipalities = First(design.Municipalities, m => m.Id);
        _lots = First(design.Lots, l => l.Id);
        _providers = First(design.Providers, p => p.Id);
        _cooperatives = First(design.Cooperatives, c => c.Id);
        _contracts = First(design.Contracts, c => c.Id);
        _profiles = First(design.Profiles, p => p.Id);
    }

    public DesignSpec Design { get; }

    public MunicipalitySpec Municipality(string id) => _municipalities[id];

    public LotSpec Lot(string id) => _lots[id];

    public ProviderSpec Provider(string id) => _providers[id];

    public CooperativeSpec Cooperative(string id) => _cooperatives[id];

    public ContractSpec Contract(string id) => _contracts[id];

    public ProfileSpec Profile(string id) => _profiles[id];

    public bool IsCooperative(string partyId) => _cooperatives.ContainsKey(partyId);

    public bool IsProvider(string partyId) => _providers.ContainsKey(partyId);

    /// <summary>Whether <paramref name="provider"/> may act under <paramref name="contract"/>: it is the party, or a member of the cooperative that is.</summary>
    public bool ActsUnder(string provider, ContractSpec contract) =>
        contract.Party == provider || (_cooperatives.TryGetValue(contract.Party, out var c) && c.Members.Contains(provider));

    /// <summary>Whether <paramref name="provider"/>, itself or through a cooperative, has a contract for the lot and category covering the municipality on the date.</summary>
    public bool HoldsContract(string? provider, string lot, CareCategory category, string municipality, DateOnly date) =>
        provider is not null && Design.Contracts.Any(c =>
            c.Lot == lot && c.Category == category && c.Municipalities.Contains(municipality) && Contains(c.Period, date) && ActsUnder(provider, c));

    public static bool Contains(PeriodSpec period, DateOnly date) => period.From <= date && (period.Until is null || date <= period.Until);

    private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            result.TryAdd(id(item), item);
        }

        return result;
    }
}
