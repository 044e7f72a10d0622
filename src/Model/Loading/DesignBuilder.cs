namespace Procurement.Rules.Model.Loading;

/// <summary>Builds the model over records whose ids and references <see cref="DesignResolver"/> has checked.</summary>
internal sealed partial class DesignResolver
{
    private readonly Dictionary<string, Municipality> _municipalityById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lot> _lotById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContractParty> _partyById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Contract> _contractById = new(StringComparer.Ordinal);

    private TenderDesign Build(DesignDto dto)
    {
        var municipalities = BuildMunicipalities(dto.Municipalities);
        var lots = BuildLots(dto.Lots);
        var providers = BuildProviders(dto.Providers);
        var cooperatives = BuildCooperatives(dto.Cooperatives);
        var contracts = BuildContracts(dto.Contracts);
        IndexContracts(municipalities, lots, providers, cooperatives, contracts);
        var (profiles, profileById) = BuildProfiles(dto.CareProfiles);
        AssignProfilesToTerms(lots, profiles);

        var expertTeam = dto.ExpertTeam is { } team ? new ExpertTeam(team.Id!.Value.Value, team.Name!, At(team.Span)) : null;
        var escalations = BuildEscalations(dto.Escalations, profileById, expertTeam);
        IndexProducts(lots);
        IndexStays(municipalities, profiles);
        var design = new TenderDesign(
            dto.Id!,
            dto.Region!,
            dto.PurchasingOrganisation,
            new Period(dto.Period!.From!.Value, dto.Period.Until),
            municipalities,
            lots,
            providers,
            cooperatives,
            contracts,
            profiles,
            escalations,
            expertTeam,
            _reader.File,
            new DesignIds(_municipalityById, _lotById, _partyById, _contractById, profileById));
        foreach (var lot in lots)
        {
            lot.Design = design;
        }

        BuildPeriodData(dto, profileById, design);

        return design;
    }

    private List<Municipality> BuildMunicipalities(List<MunicipalityDto> items)
    {
        var municipalities = new List<Municipality>(items.Count);
        foreach (var m in items)
        {
            var municipality = new Municipality(m.Id!.Value.Value, m.Name!, m.From, m.Until, m.AccessTeam, At(m.Span)) { Index = municipalities.Count };
            municipalities.Add(municipality);
            _municipalityById.Add(municipality.Id, municipality);
        }

        return municipalities;
    }

    private List<Lot> BuildLots(List<LotDto> items)
    {
        var lots = new List<Lot>(items.Count);
        foreach (var l in items)
        {
            var lot = new Lot(
                l.Id!.Value.Value,
                l.Name!,
                l.Sector ?? l.Id.Value.Value,
                l.ProductCategories.Select(c => c.Value).ToArray(),
                l.Scope!.Value,
                BuildTerms(CareCategory.Light, l.Light!),
                BuildTerms(CareCategory.Heavy, l.Heavy!),
                At(l.Span))
            {
                Index = lots.Count,
                Municipality = l.Municipality is { } buyer ? _municipalityById[buyer.Value] : null,
                ExcludedMunicipalities = l.Excludes.Select(m => _municipalityById[m.Value]).Distinct().ToArray(),
            };
            lots.Add(lot);
            _lotById.Add(lot.Id, lot);
        }

        foreach (var group in lots.Where(l => l.Municipality is not null).GroupBy(l => l.Municipality!))
        {
            group.Key.LocalLots = group.ToArray();
        }

        return lots;
    }

    private CategoryTerms BuildTerms(CareCategory category, TermsDto t) => new(
        category,
        t.Procurement!.Value,
        t.MaxProviders,
        t.Qualifications.Select(q => q.Value).ToArray(),
        t.Financing,
        new CategoryLimits(t.Limits.IntensityHoursPerWeek, t.Limits.DurationMonths, t.Limits.Budget),
        BuildPublication(t.Publication),
        t.Products.Select(BuildProduct).ToArray(),
        At(t.Span));

    private Product BuildProduct(ProductDto p) => new(
        p.Code!,
        p.Name!,
        p.Category!,
        p.Variant!.Value,
        p.Unit,
        p.Standard ?? false,
        p.Tariff is { } t ? new Tariff(t.Amount!.Value, t.StaffCosts, t.ClientRelatedCosts, t.Overhead, t.Indexation, t.Differentiation) : null,
        At(p.Span));

    private static Publication? BuildPublication(PublicationDto? p) =>
        p is null ? null : new Publication(p.Procedure!.Value, p.Published, p.Notice);

    private List<Provider> BuildProviders(List<ProviderDto> items)
    {
        var providers = new List<Provider>(items.Count);
        foreach (var p in items)
        {
            var provider = new Provider(p.Id!.Value.Value, p.Name!, p.Agb!.Value.Value, p.Qualifications.Select(q => q.Value).ToArray(), At(p.Span));
            providers.Add(provider);
            _partyById.Add(provider.Id, provider);
        }

        for (var i = 0; i < providers.Count; i++)
        {
            providers[i].Subcontractors = items[i].Subcontractors.Select(s => (Provider)_partyById[s.Value]).ToArray();
        }

        return providers;
    }

    private List<Cooperative> BuildCooperatives(List<CooperativeDto> items)
    {
        var cooperatives = new List<Cooperative>(items.Count);
        var membership = new Dictionary<Provider, List<Cooperative>>();
        foreach (var c in items)
        {
            var cooperative = new Cooperative(c.Id!.Value.Value, c.Name!, At(c.Span))
            {
                Members = c.Members.Select(m => (Provider)_partyById[m.Value]).Distinct().ToArray(),
                Region = c.Region.Select(m => _municipalityById[m.Value]).Distinct().ToArray(),
            };
            cooperatives.Add(cooperative);
            _partyById.Add(cooperative.Id, cooperative);
            foreach (var member in cooperative.Members)
            {
                if (!membership.TryGetValue(member, out var list))
                {
                    membership[member] = list = [];
                }

                list.Add(cooperative);
            }
        }

        foreach (var (provider, list) in membership)
        {
            provider.Cooperatives = list.ToArray();
        }

        return cooperatives;
    }

    private List<Contract> BuildContracts(List<ContractDto> items)
    {
        var contracts = new List<Contract>(items.Count);
        foreach (var c in items)
        {
            var contract = new Contract(
                c.Id!.Value.Value,
                _partyById[c.Party!.Value.Value],
                _lotById[c.Lot!.Value.Value],
                c.Category!.Value,
                c.Municipalities.Select(m => _municipalityById[m.Value]).Distinct().ToArray(),
                new Period(c.Period!.From!.Value, c.Period.Until),
                c.Financing,
                c.Value!.Value,
                BuildPublication(c.Publication),
                c.Budget,
                c.HardshipClause,
                At(c.Span));
            contracts.Add(contract);
            _contractById.Add(contract.Id, contract);
        }

        return contracts;
    }

    private List<Escalation> BuildEscalations(List<EscalationDto> items, Dictionary<string, CareProfile> profileById, ExpertTeam? expertTeam)
    {
        var escalations = new List<Escalation>(items.Count);
        foreach (var e in items)
        {
            var profile = profileById[e.Profile!.Value.Value];
            escalations.Add(new Escalation(
                e.Id?.Value ?? $"{profile.Id}/{e.Date!.Value:yyyy-MM-dd}",
                profile,
                e.From!.Value,
                e.To!.Value,
                e.FromScope,
                e.ToScope,
                e.ToLot is { } toLot ? _lotById[toLot.Value] : profile.Lot,
                e.Date!.Value,
                e.ApprovedBy,
                e.ExpertTeam is null ? null : expertTeam,
                At(e.File, e.Span)));
        }

        foreach (var group in escalations.GroupBy(e => e.Profile))
        {
            group.Key.Escalations = group.OrderBy(e => e.Date).ToArray();
        }

        return escalations;
    }

    // The most products kept per product as other meanings or other prices: enough for a message, bounded for any design.
    private const int MaxRelatedProducts = 20;

    /// <summary>
    /// Links the products that share a code: for each, one product per other meaning and one per other tariff amount
    /// without a stated differentiation (at most <see cref="MaxRelatedProducts"/> each). Work is bounded by products × that cap, whatever the design.
    /// </summary>
    private static void IndexProducts(List<Lot> lots)
    {
        var byCode = lots.SelectMany(l => new[] { l.Light, l.Heavy }).SelectMany(t => t.Products).GroupBy(p => p.Code, StringComparer.Ordinal);
        foreach (var group in byCode)
        {
            var products = group.ToArray();
            if (products.Length < 2)
            {
                continue;
            }

            // The first product of each meaning and of each amount, in file order.
            var meanings = products.DistinctBy(Meaning).ToArray();
            // A tariff that states why it differs explains the difference on both sides: only unexplained ones are kept.
            var amounts = products.Where(p => p.Tariff is { Differentiation: null }).DistinctBy(p => p.Tariff!.Amount).ToArray();
            foreach (var product in products)
            {
                var meaning = Meaning(product);
                if (meanings.Length > 1)
                {
                    product.OtherMeanings = meanings.Where(other => Meaning(other) != meaning).Take(MaxRelatedProducts).ToArray();
                }

                if (amounts.Length > 0 && product.Tariff is { } tariff)
                {
                    product.DifferentlyPriced = amounts.Where(other => other.Tariff!.Amount != tariff.Amount).Take(MaxRelatedProducts).ToArray();
                }
            }
        }

        static (string Name, string Category, bool Standard) Meaning(Product p) => (p.Name.Trim().ToUpperInvariant(), p.Category, p.IsStandard);
    }

    /// <summary>Gives each municipality that leaves the region the profiles with a stay it is responsible for that run past its last day.</summary>
    private static void IndexStays(List<Municipality> municipalities, List<CareProfile> profiles)
    {
        if (!municipalities.Any(m => m.Until is not null))
        {
            return;
        }

        var stays = profiles
            .Where(p => p.Stay && (p.ResponsibleMunicipality ?? p.Municipality).Until is { } last && p.End > last)
            .ToLookup(p => p.ResponsibleMunicipality ?? p.Municipality);
        foreach (var municipality in municipalities)
        {
            if (stays.Contains(municipality))
            {
                municipality.StaysAfterLeaving = stays[municipality].ToArray();
            }
        }
    }

    private static void IndexContracts(
        List<Municipality> municipalities,
        List<Lot> lots,
        List<Provider> providers,
        List<Cooperative> cooperatives,
        List<Contract> contracts)
    {
        var byParty = contracts.ToLookup(c => c.Party);
        foreach (var provider in providers)
        {
            provider.SetContracts(byParty[provider].ToArray());
        }

        foreach (var cooperative in cooperatives)
        {
            cooperative.SetContracts(byParty[cooperative].ToArray());
        }

        foreach (var contract in contracts)
        {
            contract.IndexMunicipalities(municipalities.Count);
        }

        var byLot = contracts.ToLookup(c => c.Lot);
        foreach (var lot in lots)
        {
            var lotContracts = byLot[lot].ToArray();
            lot.Contracts = lotContracts;
            foreach (var terms in new[] { lot.Light, lot.Heavy })
            {
                terms.Contracts = lotContracts.Where(c => c.Category == terms.Category).ToArray();
                terms.ContractedPartyCount = terms.Contracts.Select(c => c.Party).Distinct().Count();
                terms.TotalValue = terms.Contracts.Sum(c => c.Value);
            }

            lot.SetContractIndex(lotContracts
                .SelectMany(c => c.Municipalities.Select(m => (Municipality: m, Contract: c)))
                .GroupBy(x => x.Municipality.Index)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Contract).ToArray()));
        }

        var byMunicipalityAll = contracts.SelectMany(c => c.Municipalities.Select(m => (Municipality: m, Contract: c))).ToLookup(x => x.Municipality, x => x.Contract);
        foreach (var municipality in municipalities)
        {
            municipality.Contracts = byMunicipalityAll[municipality].ToArray();
        }
    }
}
