using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>
/// The one place where a design is linked and validated: ids become object references, every reference is checked,
/// and the lookups rules need (contracts by provider, lot and category; contracts by lot and municipality) are built once.
/// </summary>
internal sealed class DesignResolver(YamlFieldReader reader)
{
    private readonly Dictionary<string, MunicipalityDto> _municipalities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LotDto> _lots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProviderDto> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CooperativeDto> _cooperatives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CareProfileDto> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContractDto> _contracts = new(StringComparer.Ordinal);

    public TenderDesign? Resolve(DesignDto dto)
    {
        IndexIds(dto);
        CheckReferences(dto);

        // Any error, from reading fields or from resolving, leaves holes the model cannot be built over.
        if (reader.Errors.Count > 0 || dto.Id is null || dto.Region is null || dto.Period?.From is null)
        {
            return null;
        }

        return Build(dto);
    }

    private void IndexIds(DesignDto dto)
    {
        AddIds(dto.Municipalities, m => m.Id, _municipalities, "municipality");
        AddIds(dto.Lots, l => l.Id, _lots, "lot");
        var parties = new Dictionary<string, int>(StringComparer.Ordinal);
        AddIds(dto.Providers, p => p.Id, _providers, "provider", parties);
        AddIds(dto.Cooperatives, c => c.Id, _cooperatives, "provider or cooperative", parties);
        AddIds(dto.Contracts, c => c.Id, _contracts, "contract");
        AddIds(dto.CareProfiles, p => p.Id, _profiles, "care profile");
        AddIds(dto.Escalations, e => e.Id, new Dictionary<string, EscalationDto>(StringComparer.Ordinal), "escalation");
    }

    private void AddIds<T>(List<T> items, Func<T, Located<string>?> id, Dictionary<string, T> index, string kind, Dictionary<string, int>? shared = null)
    {
        foreach (var item in items)
        {
            if (id(item) is not { } located)
            {
                continue;
            }

            if (shared is not null && !shared.TryAdd(located.Value, located.Line))
            {
                reader.Error(located.Span, LoadErrorCodes.DuplicateId,
                    $"Id '{located.Value}' is used twice; providers and cooperatives share one set of ids (first at line {shared[located.Value]}).");
                continue;
            }

            if (!index.TryAdd(located.Value, item))
            {
                var first = id(index[located.Value])!.Value;
                reader.Error(located.Span, LoadErrorCodes.DuplicateId,
                    $"Duplicate {kind} id '{located.Value}' (first defined at line {first.Line}).");
            }
        }
    }

    private void CheckReferences(DesignDto dto)
    {
        foreach (var lot in dto.Lots)
        {
            if (lot.Scope == LotScope.Local)
            {
                if (lot.Municipality is null)
                {
                    reader.Error(lot.Span, LoadErrorCodes.MissingField, $"Local lot '{lot.Id?.Value}' must name the 'municipality' that buys it.");
                }
                else
                {
                    Check(lot.Municipality, _municipalities, "municipality");
                }
            }
            else if (lot.Municipality is { } municipality)
            {
                reader.Error(municipality.Span, LoadErrorCodes.BadValue,
                    $"Lot '{lot.Id?.Value}' is regional; only a local lot names the municipality that buys it.");
            }

            foreach (var excluded in lot.Excludes)
            {
                Check(excluded, _municipalities, "municipality");
            }
        }

        foreach (var provider in dto.Providers)
        {
            foreach (var subcontractor in provider.Subcontractors)
            {
                CheckProvider(subcontractor, "subcontractor");
            }
        }

        foreach (var cooperative in dto.Cooperatives)
        {
            foreach (var member in cooperative.Members)
            {
                CheckProvider(member, "member");
            }

            foreach (var municipality in cooperative.Region)
            {
                Check(municipality, _municipalities, "municipality");
            }
        }

        foreach (var contract in dto.Contracts)
        {
            if (contract.Party is { } party && !_providers.ContainsKey(party.Value) && !_cooperatives.ContainsKey(party.Value))
            {
                Dangling(party, "provider or cooperative");
            }

            Check(contract.Lot, _lots, "lot");
            foreach (var municipality in contract.Municipalities)
            {
                Check(municipality, _municipalities, "municipality");
            }
        }

        foreach (var profile in dto.CareProfiles)
        {
            Check(profile.Municipality, _municipalities, "municipality");
            Check(profile.Lot, _lots, "lot");
            CheckProvider(profile.MainContractor, "main contractor");
            CheckProvider(profile.TransferredTo, "provider");
            Check(profile.Contract, _contracts, "contract");
            foreach (var coProvider in profile.CoProviders)
            {
                CheckProvider(coProvider, "co-provider");
            }
        }

        foreach (var escalation in dto.Escalations)
        {
            Check(escalation.Profile, _profiles, "care profile");
            Check(escalation.ToLot, _lots, "lot");
        }
    }

    private void CheckProvider(Located<string>? reference, string role)
    {
        if (reference is not { } id || _providers.ContainsKey(id.Value))
        {
            return;
        }

        if (_cooperatives.ContainsKey(id.Value))
        {
            reader.Error(id.Span, LoadErrorCodes.DanglingReference,
                $"'{id.Value}' is a cooperative; a {role} must be a provider (for a cooperative, name one of its members).");
        }
        else
        {
            Dangling(id, "provider");
        }
    }

    private void Check<T>(Located<string>? reference, Dictionary<string, T> index, string kind)
    {
        if (reference is { } id && !index.ContainsKey(id.Value))
        {
            Dangling(id, kind);
        }
    }

    private void Dangling(Located<string> id, string kind) =>
        reader.Error(id.Span, LoadErrorCodes.DanglingReference, $"No {kind} with id '{id.Value}' is defined in this design.");

    private SourceLocation At(SourceSpan span) => new(reader.File, span.StartLine, span.StartColumn);

    private TenderDesign Build(DesignDto dto)
    {
        var municipalities = new List<Municipality>(dto.Municipalities.Count);
        var municipalityById = new Dictionary<string, Municipality>(StringComparer.Ordinal);
        foreach (var m in dto.Municipalities)
        {
            var municipality = new Municipality(m.Id!.Value.Value, m.Name!, m.From, m.Until, m.AccessTeam, At(m.Span)) { Index = municipalities.Count };
            municipalities.Add(municipality);
            municipalityById.Add(municipality.Id, municipality);
        }

        var lots = new List<Lot>(dto.Lots.Count);
        var lotById = new Dictionary<string, Lot>(StringComparer.Ordinal);
        foreach (var l in dto.Lots)
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
                Municipality = l.Municipality is { } buyer ? municipalityById[buyer.Value] : null,
                ExcludedMunicipalities = l.Excludes.Select(m => municipalityById[m.Value]).Distinct().ToArray(),
            };
            lots.Add(lot);
            lotById.Add(lot.Id, lot);
        }

        foreach (var group in lots.Where(l => l.Municipality is not null).GroupBy(l => l.Municipality!))
        {
            group.Key.LocalLots = group.ToArray();
        }

        var providers = new List<Provider>(dto.Providers.Count);
        var partyById = new Dictionary<string, ContractParty>(StringComparer.Ordinal);
        foreach (var p in dto.Providers)
        {
            var provider = new Provider(p.Id!.Value.Value, p.Name!, p.Agb!.Value.Value, p.Qualifications.Select(q => q.Value).ToArray(), At(p.Span));
            providers.Add(provider);
            partyById.Add(provider.Id, provider);
        }

        for (var i = 0; i < providers.Count; i++)
        {
            providers[i].Subcontractors = dto.Providers[i].Subcontractors.Select(s => (Provider)partyById[s.Value]).ToArray();
        }

        var cooperatives = new List<Cooperative>(dto.Cooperatives.Count);
        var membership = new Dictionary<Provider, List<Cooperative>>();
        foreach (var c in dto.Cooperatives)
        {
            var cooperative = new Cooperative(c.Id!.Value.Value, c.Name!, At(c.Span))
            {
                Members = c.Members.Select(m => (Provider)partyById[m.Value]).Distinct().ToArray(),
                Region = c.Region.Select(m => municipalityById[m.Value]).Distinct().ToArray(),
            };
            cooperatives.Add(cooperative);
            partyById.Add(cooperative.Id, cooperative);
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

        var contracts = new List<Contract>(dto.Contracts.Count);
        var contractById = new Dictionary<string, Contract>(StringComparer.Ordinal);
        foreach (var c in dto.Contracts)
        {
            var contract = new Contract(
                c.Id!.Value.Value,
                partyById[c.Party!.Value.Value],
                lotById[c.Lot!.Value.Value],
                c.Category!.Value,
                c.Municipalities.Select(m => municipalityById[m.Value]).Distinct().ToArray(),
                new Period(c.Period!.From!.Value, c.Period.Until),
                c.Financing,
                c.Value!.Value,
                At(c.Span));
            contracts.Add(contract);
            contractById.Add(contract.Id, contract);
        }

        IndexContracts(municipalities, lots, providers, cooperatives, contracts);

        var profiles = new List<CareProfile>(dto.CareProfiles.Count);
        var profileById = new Dictionary<string, CareProfile>(StringComparer.Ordinal);
        foreach (var p in dto.CareProfiles)
        {
            var profile = new CareProfile(
                p.Id!.Value.Value,
                p.Client,
                municipalityById[p.Municipality!.Value.Value],
                lotById[p.Lot!.Value.Value],
                p.Category!.Value,
                p.MainContractor is { } main ? (Provider)partyById[main.Value] : null,
                p.CoProviders.Select(c => (Provider)partyById[c.Value]).ToArray(),
                p.IntensityHoursPerWeek!.Value,
                p.DurationMonths!.Value,
                p.Budget!.Value,
                p.Start!.Value,
                p.TransferredTo is { } transferred ? (Provider)partyById[transferred.Value] : null,
                At(p.Span))
            {
                Contract = p.Contract is { } stated ? contractById[stated.Value] : null,
            };
            profile.MainContract = profile.MainContractor?.ContractFor(profile.Lot, profile.Category, profile.Municipality, profile.Start);
            profiles.Add(profile);
            profileById.Add(profile.Id, profile);
        }

        var escalations = new List<Escalation>(dto.Escalations.Count);
        foreach (var e in dto.Escalations)
        {
            var profile = profileById[e.Profile!.Value.Value];
            escalations.Add(new Escalation(
                e.Id?.Value ?? $"{profile.Id}/{e.Date!.Value:yyyy-MM-dd}",
                profile,
                e.From!.Value,
                e.To!.Value,
                e.FromScope,
                e.ToScope,
                e.ToLot is { } toLot ? lotById[toLot.Value] : profile.Lot,
                e.Date!.Value,
                e.ApprovedBy,
                At(e.Span)));
        }

        foreach (var group in escalations.GroupBy(e => e.Profile))
        {
            group.Key.Escalations = group.OrderBy(e => e.Date).ToArray();
        }

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
            reader.File);
        foreach (var lot in lots)
        {
            lot.Design = design;
        }

        return design;

        CategoryTerms BuildTerms(CareCategory category, TermsDto t) => new(
            category,
            t.Procurement!.Value,
            t.MaxProviders,
            t.Qualifications.Select(q => q.Value).ToArray(),
            t.Financing,
            new CategoryLimits(t.Limits.IntensityHoursPerWeek, t.Limits.DurationMonths, t.Limits.Budget),
            At(t.Span));
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
