namespace Procurement.Rules.Model;

/// <summary>Contract (overeenkomst) awarding one category of one lot to a provider or cooperative for some municipalities.</summary>
public sealed class Contract
{
    private bool[] _coversMunicipality = [];

    internal Contract(
        string id,
        ContractParty party,
        Lot lot,
        CareCategory category,
        IReadOnlyList<Municipality> municipalities,
        Period period,
        FinancingForm? financing,
        decimal value,
        SourceLocation location)
    {
        Id = id;
        Party = party;
        Lot = lot;
        Category = category;
        Municipalities = municipalities;
        Period = period;
        Financing = financing;
        Value = value;
        Location = location;
    }

    /// <summary>Identifier of the contract within the design.</summary>
    public string Id { get; }

    /// <summary>The contract party (contractpartij): a provider or a cooperative.</summary>
    public ContractParty Party { get; }

    /// <summary>The party when it is a provider; otherwise <see langword="null"/>.</summary>
    public Provider? Provider => Party as Provider;

    /// <summary>The party when it is a cooperative; otherwise <see langword="null"/>.</summary>
    public Cooperative? Cooperative => Party as Cooperative;

    /// <summary>The lot the contract is for.</summary>
    public Lot Lot { get; }

    /// <summary>The category of the lot the contract is for.</summary>
    public CareCategory Category { get; }

    /// <summary>The terms of the contracted category.</summary>
    public CategoryTerms Terms => Lot.Terms(Category);

    /// <summary>Municipalities the contract is for (gemeenten).</summary>
    public IReadOnlyList<Municipality> Municipalities { get; }

    /// <summary>Contract period (looptijd).</summary>
    public Period Period { get; }

    /// <summary>Financing form (bekostigingsvorm), or <see langword="null"/> when not stated.</summary>
    public FinancingForm? Financing { get; }

    /// <summary>Estimated contract value in euros, excluding VAT (geraamde waarde excl. btw).</summary>
    public decimal Value { get; }

    /// <summary>Where the contract is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>Whether <paramref name="municipality"/> is named on the contract.</summary>
    public bool Covers(Municipality? municipality) =>
        municipality is not null && (uint)municipality.Index < (uint)_coversMunicipality.Length && _coversMunicipality[municipality.Index];

    /// <summary>Whether every municipality on the contract takes part for the whole contract period.</summary>
    public bool MunicipalitiesParticipateThroughout()
    {
        for (var i = 0; i < Municipalities.Count; i++)
        {
            if (!Municipalities[i].ParticipatesThroughout(Period))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Names of the municipalities on the contract that do not take part for the whole contract period, comma-separated.</summary>
    public string MunicipalitiesNotParticipating() =>
        string.Join(", ", Municipalities.Where(m => !m.ParticipatesThroughout(Period)).Select(m => m.Name));

    internal void SetMunicipalityIndex(bool[] coversMunicipality) => _coversMunicipality = coversMunicipality;

    /// <inheritdoc/>
    public override string ToString() => Id;
}
