namespace Procurement.Rules.Model;

/// <summary>Tender design (inkoopkader): the whole configuration of a joint youth-care purchase, linked and indexed.</summary>
public sealed class TenderDesign
{
    private readonly Dictionary<string, Municipality> _municipalities;
    private readonly Dictionary<string, Lot> _lots;
    private readonly Dictionary<string, ContractParty> _parties;
    private readonly Dictionary<string, Contract> _contracts;
    private readonly Dictionary<string, CareProfile> _careProfiles;

    internal TenderDesign(
        string id,
        string region,
        string? purchasingOrganisation,
        Period period,
        IReadOnlyList<Municipality> municipalities,
        IReadOnlyList<Lot> lots,
        IReadOnlyList<Provider> providers,
        IReadOnlyList<Cooperative> cooperatives,
        IReadOnlyList<Contract> contracts,
        IReadOnlyList<CareProfile> careProfiles,
        IReadOnlyList<Escalation> escalations,
        ExpertTeam? expertTeam,
        string sourceFile,
        DesignIds ids)
    {
        Id = id;
        Region = region;
        PurchasingOrganisation = purchasingOrganisation;
        Period = period;
        MunicipalityArray = [.. municipalities];
        LotArray = [.. lots];
        CategoryArray = [.. lots.SelectMany(l => new[] { l.Light, l.Heavy })];
        ProviderArray = [.. providers];
        CooperativeArray = [.. cooperatives];
        ContractArray = [.. contracts];
        CareProfileArray = [.. careProfiles];
        EscalationArray = [.. escalations];
        ExpertTeam = expertTeam;
        SourceFile = sourceFile;
        (_municipalities, _lots, _parties, _contracts, _careProfiles) = ids;
    }

    /// <summary>Identifier of the design, e.g. <c>zuid-holland-zuid-2018</c>.</summary>
    public string Id { get; }

    /// <summary>The youth-care region (jeugdregio).</summary>
    public string Region { get; }

    /// <summary>The organisation that buys on the region's behalf (inkooporganisatie), if named.</summary>
    public string? PurchasingOrganisation { get; }

    /// <summary>The period of the purchasing framework (looptijd inkoopkader).</summary>
    public Period Period { get; }

    /// <summary>The region's expert team for complex cases (regionaal expertteam), or <see langword="null"/> when the design names none.</summary>
    public ExpertTeam? ExpertTeam { get; }

    /// <summary>Participating municipalities (gemeenten), in file order.</summary>
    public IReadOnlyList<Municipality> Municipalities => MunicipalityArray;

    /// <summary>Lots (percelen), in file order.</summary>
    public IReadOnlyList<Lot> Lots => LotArray;

    /// <summary>The light and heavy category terms of every lot, in lot order.</summary>
    public IReadOnlyList<CategoryTerms> Categories => CategoryArray;

    /// <summary>Providers (aanbieders), in file order.</summary>
    public IReadOnlyList<Provider> Providers => ProviderArray;

    /// <summary>Cooperatives (coöperaties), in file order.</summary>
    public IReadOnlyList<Cooperative> Cooperatives => CooperativeArray;

    /// <summary>Contracts (overeenkomsten), in file order.</summary>
    public IReadOnlyList<Contract> Contracts => ContractArray;

    /// <summary>Care profiles (zorgprofielen), in file order.</summary>
    public IReadOnlyList<CareProfile> CareProfiles => CareProfileArray;

    /// <summary>Escalations (op- en afschalingen), in file order.</summary>
    public IReadOnlyList<Escalation> Escalations => EscalationArray;

    /// <summary>What was realised per care profile per month (realisatie per maand), in file order; empty without period data.</summary>
    public IReadOnlyList<ProfileMonth> ProfileMonths { get; internal set; } = [];

    /// <summary>Outcomes of ended care profiles (uitkomsten), in file order; empty without period data.</summary>
    public IReadOnlyList<ProfileOutcome> Outcomes { get; internal set; } = [];

    /// <summary>What was spent per contract per month (bestedingen), in file order; empty without period data.</summary>
    public IReadOnlyList<ContractSpending> Spending { get; internal set; } = [];

    /// <summary>
    /// The first and last month its period data are about (verslagperiode): the months of <see cref="ProfileMonths"/> and
    /// <see cref="Spending"/> and the end dates of <see cref="Outcomes"/>, as the first day of each month; null without
    /// period data.
    /// </summary>
    public (DateOnly First, DateOnly Last)? PeriodDataMonths
    {
        get
        {
            var dates = ProfileMonths.Select(m => m.Month).Concat(Spending.Select(s => s.Month)).Concat(Outcomes.Select(o => o.Ended)).ToList();
            return dates.Count == 0 ? null : (FirstOfMonth(dates.Min()), FirstOfMonth(dates.Max()));
        }
    }

    // Arrays behind the lists: the evaluator iterates them without interface calls.
    internal Municipality[] MunicipalityArray { get; }

    internal Lot[] LotArray { get; }

    internal CategoryTerms[] CategoryArray { get; }

    internal Provider[] ProviderArray { get; }

    internal Cooperative[] CooperativeArray { get; }

    internal Contract[] ContractArray { get; }

    internal CareProfile[] CareProfileArray { get; }

    internal Escalation[] EscalationArray { get; }

    /// <summary>Path of the file the design was loaded from.</summary>
    public string SourceFile { get; }

    /// <summary>The municipality with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Municipality? FindMunicipality(string id) => _municipalities.GetValueOrDefault(id);

    /// <summary>The lot with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Lot? FindLot(string id) => _lots.GetValueOrDefault(id);

    /// <summary>The provider with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Provider? FindProvider(string id) => _parties.GetValueOrDefault(id) as Provider;

    /// <summary>The cooperative with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Cooperative? FindCooperative(string id) => _parties.GetValueOrDefault(id) as Cooperative;

    /// <summary>The contract with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public Contract? FindContract(string id) => _contracts.GetValueOrDefault(id);

    /// <summary>The care profile with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public CareProfile? FindCareProfile(string id) => _careProfiles.GetValueOrDefault(id);

    /// <inheritdoc/>
    public override string ToString() => Id;

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);
}

/// <summary>The design's objects by id, as the loader built them: the design's lookups use them as they are.</summary>
internal sealed record DesignIds(
    Dictionary<string, Municipality> Municipalities,
    Dictionary<string, Lot> Lots,
    Dictionary<string, ContractParty> Parties,
    Dictionary<string, Contract> Contracts,
    Dictionary<string, CareProfile> CareProfiles);
