using Procurement.Rules.Model;

namespace Procurement.Rules.Benchmarks;

/// <summary>Receives the findings of <see cref="HandWrittenRules"/>: rule id, subject (the model object) and failing clause.</summary>
public interface IFindingSink
{
    /// <summary>Records that <paramref name="clause"/> of <paramref name="ruleId"/> failed for <paramref name="subject"/>.</summary>
    void Add(string ruleId, object subject, string clause);
}

/// <summary>Counts findings and nothing else: the sink of the measured floor.</summary>
public struct CountingSink : IFindingSink
{
    /// <summary>Number of findings so far.</summary>
    public int Count { get; private set; }

    /// <inheritdoc/>
    public void Add(string ruleId, object subject, string clause) => Count++;
}

/// <summary>Collects findings as (rule id, subject path, clause), the subject path written as the engine's report does.</summary>
public readonly struct CollectingSink(List<(string RuleId, string Subject, string Clause)> findings) : IFindingSink
{
    /// <inheritdoc/>
    public void Add(string ruleId, object subject, string clause) => findings.Add((ruleId, SubjectPath(subject), clause));

    /// <summary>The report's path of a subject, e.g. <c>careProfiles[P-000042]</c> or <c>lots[lot0].heavy</c>.</summary>
    public static string SubjectPath(object subject) => subject switch
    {
        CareProfile p => $"careProfiles[{p.Id}]",
        Contract c => $"contracts[{c.Id}]",
        Escalation e => $"escalations[{e.Id}]",
        Cooperative c => $"cooperatives[{c.Id}]",
        Lot l => $"lots[{l.Id}]",
        CategoryTerms t => $"lots[{t.Lot.Id}].{(t.Category == CareCategory.Heavy ? "heavy" : "light")}",
        Municipality m => $"municipalities[{m.Id}]",
        TenderDesign => "design",
        _ => throw new ArgumentException($"No subject path for {subject.GetType().Name}.", nameof(subject)),
    };
}

/// <summary>
/// The 43 shipped rules (rules/*.yaml) written by hand in C# over the loaded <see cref="TenderDesign"/>, as an application
/// developer would: plain loops over the model's lists with its own helpers (HoldsContract, Covers, HasQualifications,
/// CoversAllMunicipalities, ...), no LINQ, no allocation. Every failing <c>require</c> clause is one finding, as in the
/// engine's report; the pack parameters and the engine's default as-of date (the purchasing period's first day) apply.
/// Generic over a struct sink, so the counting floor pays nothing for reporting.
/// </summary>
public static class HandWrittenRules
{
    /// <summary>Family names, as the packs are named.</summary>
    public const string All = "all", Eligibility = "eligibility", MainContractor = "main-contractor", Escalation = "escalation", Coverage = "coverage",
        ContractTerms = "contract-terms";

    /// <summary>The family names other than <see cref="All"/>, one per shipped pack.</summary>
    public static readonly string[] Families = [Eligibility, MainContractor, Escalation, Coverage, ContractTerms];

    /// <summary><c>europeanThreshold</c> of the eligibility pack, in euros excl. VAT.</summary>
    public const decimal EuropeanThreshold = 750_000m;

    /// <summary><c>minHeavyProviders</c> of the coverage pack.</summary>
    public const int MinHeavyProviders = 2;

    /// <summary><c>maxPartyShare</c> of the coverage pack.</summary>
    public const decimal MaxPartyShare = 0.5m;

    /// <summary><c>minProfilesForShare</c> of the coverage pack.</summary>
    public const int MinProfilesForShare = 10;

    /// <summary><c>fairPriceFrom</c> of the contract-terms pack: frameworks starting on or after it state a cost build-up per tariff.</summary>
    public static readonly DateOnly FairPriceFrom = new(2024, 7, 1);

    /// <summary><c>certifiedInstitution</c> of the contract-terms pack.</summary>
    public const string CertifiedInstitution = "certified-institution";

    /// <summary>Runs the rules of <paramref name="family"/> (or all five families for <see cref="All"/>).</summary>
    public static void Run<TSink>(string family, TenderDesign design, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        switch (family)
        {
            case All:
                RunEligibility(design, ref sink);
                RunMainContractor(design, ref sink);
                RunEscalation(design, ref sink);
                RunCoverage(design, ref sink);
                RunContractTerms(design, ref sink);
                break;
            case Eligibility:
                RunEligibility(design, ref sink);
                break;
            case MainContractor:
                RunMainContractor(design, ref sink);
                break;
            case Escalation:
                RunEscalation(design, ref sink);
                break;
            case Coverage:
                RunCoverage(design, ref sink);
                break;
            case ContractTerms:
                RunContractTerms(design, ref sink);
                break;
            default:
                throw new ArgumentException($"Unknown rule family '{family}'.", nameof(family));
        }
    }

    /// <summary>EL-001..EL-014: may this provider or cooperative hold this contract, and is each category bought properly.</summary>
    public static void RunEligibility<TSink>(TenderDesign design, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        var contracts = design.Contracts;
        for (var i = 0; i < contracts.Count; i++)
        {
            var contract = contracts[i];
            var terms = contract.Terms;
            if (contract.Provider is { } provider && !provider.HasQualifications(terms.Qualifications))
            {
                sink.Add("EL-001", contract, "qualified");
            }

            if (contract.Cooperative is { } cooperative)
            {
                if (!AllMembersQualified(cooperative, terms.Qualifications))
                {
                    sink.Add("EL-002", contract, "members-qualified");
                }

                if (!ServesAll(cooperative, contract.Municipalities))
                {
                    sink.Add("EL-009", contract, "within-region");
                }
            }

            if (!contract.Period.IsWithin(design.Period))
            {
                sink.Add("EL-006", contract, "within-purchasing-period");
            }

            if (!contract.MunicipalitiesParticipateThroughout())
            {
                sink.Add("EL-007", contract, "municipalities-participate");
            }

            if (terms.Procurement == ProcurementForm.LumpSum && HasRival(contract))
            {
                sink.Add("EL-010", contract, "single-party");
            }
        }

        var categories = design.Categories;
        for (var i = 0; i < categories.Count; i++)
        {
            var terms = categories[i];
            var procurement = terms.Procurement;
            if (terms.Category == CareCategory.Heavy && procurement is not (ProcurementForm.SelectiveTender or ProcurementForm.InHouse or ProcurementForm.LumpSum))
            {
                sink.Add("EL-003", terms, "heavy-procurement-form");
            }

            if (procurement == ProcurementForm.SelectiveTender)
            {
                if (terms.MaxProviders is not { } maximum)
                {
                    sink.Add("EL-004", terms, "has-maximum");
                }
                else if (terms.ContractedPartyCount > maximum)
                {
                    sink.Add("EL-004", terms, "within-maximum");
                }
            }

            if (procurement == ProcurementForm.OpenHouse && terms.MaxProviders is not null)
            {
                sink.Add("EL-005", terms, "no-maximum");
            }

            var tendered = procurement is ProcurementForm.SelectiveTender or ProcurementForm.LumpSum;
            if (tendered && terms.Publication is null && AnyUnrecorded(terms.Contracts) && TotalValue(terms.Contracts) > EuropeanThreshold)
            {
                sink.Add("EL-011", terms, "below-european-threshold");
            }

            if (tendered && terms.Publication is { } publication && terms.TotalValue > EuropeanThreshold && publication.Procedure != PublicationProcedure.European)
            {
                sink.Add("EL-012", terms, "european-publication");
            }

            if (procurement == ProcurementForm.OpenHouse && (terms.Publication is null || terms.Publication.Procedure == PublicationProcedure.None || terms.Publication.Notice is null))
            {
                sink.Add("EL-014", terms, "invitation-published");
            }
        }

        for (var i = 0; i < contracts.Count; i++)
        {
            var contract = contracts[i];
            var terms = contract.Terms;
            if (terms.Procurement is ProcurementForm.SelectiveTender or ProcurementForm.LumpSum && contract.Publication is { } publication
                && terms.TotalValue > EuropeanThreshold && publication.Procedure != PublicationProcedure.European)
            {
                sink.Add("EL-013", contract, "european-publication");
            }
        }

        var cooperatives = design.Cooperatives;
        for (var i = 0; i < cooperatives.Count; i++)
        {
            if (cooperatives[i].Members.Count == 0)
            {
                sink.Add("EL-008", cooperatives[i], "has-members");
            }
        }
    }

    /// <summary>MC-001..MC-006: one contracted main contractor per profile, allowed co-providers, budget, the named contract.</summary>
    public static void RunMainContractor<TSink>(TenderDesign design, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        var profiles = design.CareProfiles;
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            var main = profile.MainContractor;
            if (main is null)
            {
                sink.Add("MC-001", profile, "has-main-contractor");
            }
            else
            {
                if (Contains(profile.CoProviders, main))
                {
                    sink.Add("MC-001", profile, "not-also-co-provider");
                }

                if (!main.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start))
                {
                    sink.Add("MC-002", profile, "contracted");
                }
            }

            if (profile.CoProviders.Count > 0 && HasUnauthorisedCoProvider(profile))
            {
                sink.Add("MC-003", profile, "co-providers-allowed");
            }

            if (profile.Terms.Limits.Budget is { } limit && profile.Budget > limit)
            {
                sink.Add("MC-005", profile, "within-budget");
            }

            if (profile.Contract is not { } named)
            {
                continue;
            }

            if (named.Cooperative is { } cooperative && main is not null && !cooperative.HasMember(main))
            {
                sink.Add("MC-004", profile, "member-of-contract-party");
            }

            if (named.Lot != profile.Lot)
            {
                sink.Add("MC-006", profile, "same-lot");
            }

            if (named.Category != profile.Category)
            {
                sink.Add("MC-006", profile, "same-category");
            }

            if (!named.Covers(profile.Municipality))
            {
                sink.Add("MC-006", profile, "covers-municipality");
            }

            if (!named.Period.Contains(profile.Start))
            {
                sink.Add("MC-006", profile, "in-period");
            }
        }
    }

    /// <summary>ES-001..ES-006: light profiles within the light limits, approved escalations, contracted after the escalation, an expert team.</summary>
    public static void RunEscalation<TSink>(TenderDesign design, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        var profiles = design.CareProfiles;
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            if (profile.Category != CareCategory.Light)
            {
                continue;
            }

            var limits = profile.Lot.Light.Limits;
            if (limits.IntensityHoursPerWeek is { } intensity && profile.IntensityHoursPerWeek > intensity)
            {
                sink.Add("ES-001", profile, "within-intensity");
            }

            if (limits.DurationMonths is { } duration && profile.DurationMonths > duration)
            {
                sink.Add("ES-001", profile, "within-duration");
            }

            if (limits.Budget is { } budget && profile.Budget > budget)
            {
                sink.Add("ES-001", profile, "within-budget");
            }
        }

        var escalations = design.Escalations;
        for (var i = 0; i < escalations.Count; i++)
        {
            var escalation = escalations[i];
            var municipality = escalation.Profile.Municipality;
            if (escalation.ApprovedBy is null)
            {
                sink.Add("ES-002", escalation, "approved");
            }
            else if (!string.Equals(escalation.ApprovedBy, municipality.AccessTeam, StringComparison.Ordinal)
                && !(escalation.ExpertTeam is { } expertTeam && string.Equals(escalation.ApprovedBy, expertTeam.Id, StringComparison.Ordinal)))
            {
                sink.Add("ES-002", escalation, "by-own-access-team");
            }

            if (escalation.To == CareCategory.Heavy && !ResponsibleHoldsContract(escalation, municipality))
            {
                sink.Add("ES-003", escalation, "heavy-contract");
            }

            if (escalation.IsLocalToRegional && escalation.TargetLot.Scope != LotScope.Regional)
            {
                sink.Add("ES-004", escalation, "target-lot-regional");
            }

            if (escalation.To == CareCategory.Light && !ResponsibleHoldsContract(escalation, municipality))
            {
                sink.Add("ES-005", escalation, "light-contract");
            }
        }

        if (design.ExpertTeam is null)
        {
            sink.Add("ES-006", design, "expert-team-named");
        }
    }

    /// <summary>
    /// CO-001..CO-009: both categories contracted, every municipality covered, enough heavy providers, lump sums without
    /// overlap or gap, continuity of care, and the responsible municipality of stays (named, taking part, transfer on leaving).
    /// </summary>
    public static void RunCoverage<TSink>(TenderDesign design, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        var asOf = design.Period.From;
        var lots = design.Lots;
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = lots[i];
            if (lot.Light.Contracts.Count == 0)
            {
                sink.Add("CO-001", lot, "light-contracted");
            }

            if (lot.Heavy.Contracts.Count == 0)
            {
                sink.Add("CO-001", lot, "heavy-contracted");
            }

            if (!lot.CoversAllMunicipalities(asOf))
            {
                sink.Add("CO-002", lot, "all-municipalities-covered");
            }
        }

        var categories = design.Categories;
        for (var i = 0; i < categories.Count; i++)
        {
            var terms = categories[i];
            if (terms.Category == CareCategory.Heavy && terms.Procurement is not (ProcurementForm.LumpSum or ProcurementForm.InHouse)
                && terms.ContractedPartyCount < MinHeavyProviders)
            {
                sink.Add("CO-003", terms, "enough-providers");
            }

            if (terms.Category == CareCategory.Heavy && terms.Procurement is not (ProcurementForm.LumpSum or ProcurementForm.InHouse)
                && terms.CareProfiles.Count >= MinProfilesForShare)
            {
                if (terms.LargestProfileShare > MaxPartyShare)
                {
                    sink.Add("CO-006", terms, "profile-share");
                }

                if (terms.LargestBudgetShare > MaxPartyShare)
                {
                    sink.Add("CO-006", terms, "budget-share");
                }
            }

            if (terms.Category == CareCategory.Heavy && IsCrisisOrResidential(terms.Lot) && terms.MunicipalitiesWithOneParty(asOf).Count > 0)
            {
                sink.Add("CO-007", terms, "second-party");
            }

            if (terms.Procurement != ProcurementForm.LumpSum)
            {
                continue;
            }

            if (!AnyContains(terms.Contracts, design.Period.From))
            {
                sink.Add("CO-005", terms, "covers-period-start");
            }

            if (HasGap(terms, design.Period))
            {
                sink.Add("CO-005", terms, "no-gap");
            }
        }

        var contracts = design.Contracts;
        for (var i = 0; i < contracts.Count; i++)
        {
            var contract = contracts[i];
            if (contract.Terms.Procurement == ProcurementForm.LumpSum && HasOverlap(contract))
            {
                sink.Add("CO-004", contract, "no-overlap");
            }
        }

        var profiles = design.CareProfiles;
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            if (!profile.Stay)
            {
                continue;
            }

            if (profile.ResponsibleMunicipality is not { } responsible)
            {
                sink.Add("CO-008", profile, "responsible-named");
            }
            else if (!responsible.ParticipatesOn(profile.Start))
            {
                sink.Add("CO-008", profile, "responsible-participates");
            }
        }

        var municipalities = design.Municipalities;
        for (var i = 0; i < municipalities.Count; i++)
        {
            var municipality = municipalities[i];
            if (municipality.Until is not null && municipality.StaysAfterLeaving.Count > 0)
            {
                sink.Add("CO-009", municipality, "no-stays-after-leaving");
            }
        }
    }

    /// <summary>
    /// CT-001..CT-008: products in the lot's product categories with one meaning per code, variant and unit fitting the
    /// financing, protection and probation only with a certified institution, tariffs with a cost build-up (from
    /// <see cref="FairPriceFrom"/>), a stated differentiation and indexation, lump-sum contracts with budget, end and hardship clause.
    /// </summary>
    public static void RunContractTerms<TSink>(TenderDesign design, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        var fairPrice = design.Period.From >= FairPriceFrom;
        var categories = design.Categories;
        for (var i = 0; i < categories.Count; i++)
        {
            var terms = categories[i];
            var products = terms.Products;
            if (products.Count == 0)
            {
                continue;
            }

            bool outsideLot = false, otherMeaning = false, wrongVariant = false, wrongUnit = false, protection = false;
            bool anyTariff = false, noBuildUp = false, notAddingUp = false, undifferentiated = false, noIndexation = false;
            for (var j = 0; j < products.Count; j++)
            {
                var product = products[j];
                outsideLot |= !Contains(terms.Lot.ProductCategories, product.Category);
                otherMeaning |= product.OtherMeanings.Count > 0;
                wrongVariant |= terms.Financing is { } financing && product.Variant != financing;
                wrongUnit |= !product.UnitFitsVariant;
                protection |= product.Category is "47" or "48";
                if (product.Tariff is not { } tariff)
                {
                    continue;
                }

                anyTariff = true;
                noBuildUp |= !tariff.HasCostBuildUp;
                notAddingUp |= tariff.HasCostBuildUp && tariff.CostBuildUpTotal != tariff.Amount;
                undifferentiated |= tariff.Differentiation is null && product.DifferentlyPriced.Count > 0;
                noIndexation |= tariff.Indexation is null;
            }

            if (outsideLot)
            {
                sink.Add("CT-001", terms, "in-lot-categories");
            }

            if (otherMeaning)
            {
                sink.Add("CT-002", terms, "one-meaning");
            }

            if (wrongVariant)
            {
                sink.Add("CT-003", terms, "variant-fits-financing");
            }

            if (wrongUnit)
            {
                sink.Add("CT-003", terms, "unit-fits-variant");
            }

            if (protection && !Contains(terms.Qualifications, CertifiedInstitution))
            {
                sink.Add("CT-004", terms, "certified-institution-required");
            }

            if (fairPrice && noBuildUp)
            {
                sink.Add("CT-005", terms, "build-up-stated");
            }

            if (fairPrice && notAddingUp)
            {
                sink.Add("CT-005", terms, "build-up-adds-up");
            }

            if (anyTariff && undifferentiated)
            {
                sink.Add("CT-006", terms, "differentiation-stated");
            }

            if (anyTariff && noIndexation)
            {
                sink.Add("CT-007", terms, "indexation-stated");
            }
        }

        var contracts = design.Contracts;
        for (var i = 0; i < contracts.Count; i++)
        {
            var contract = contracts[i];
            if (contract.Terms.Procurement != ProcurementForm.LumpSum && contract.Financing != FinancingForm.TaskOriented)
            {
                continue;
            }

            if (contract.Budget is null)
            {
                sink.Add("CT-008", contract, "budget-stated");
            }

            if (contract.Period.Until is null)
            {
                sink.Add("CT-008", contract, "duration-stated");
            }

            if (contract.HardshipClause is null)
            {
                sink.Add("CT-008", contract, "hardship-clause-stated");
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> items, string item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (string.Equals(items[i], item, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>EL-002: no member lacks a qualification (from the model's holder index, as the pack asks).</summary>
    private static bool AllMembersQualified(Cooperative cooperative, IReadOnlyList<string> qualifications) =>
        !cooperative.MembersLacking(qualifications).Any();

    private static bool ServesAll(Cooperative cooperative, IReadOnlyList<Municipality> municipalities)
    {
        for (var i = 0; i < municipalities.Count; i++)
        {
            if (!cooperative.ServesMunicipality(municipalities[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>EL-010: a contract of another party, same lot and category, overlapping in time, for a shared municipality (from the model's index, as the pack asks).</summary>
    private static bool HasRival(Contract contract) => contract.RivalContracts.Any();

    /// <summary>CO-004: another contract of the same lot and category, overlapping in time, for a shared municipality (from the model's index, as the pack asks).</summary>
    private static bool HasOverlap(Contract contract) => contract.OverlappingContracts.Any();

    /// <summary>EL-011: a contract of the category that records no procedure of its own.</summary>
    private static bool AnyUnrecorded(IReadOnlyList<Contract> contracts)
    {
        for (var i = 0; i < contracts.Count; i++)
        {
            if (contracts[i].Publication is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CO-007: the lot holds residential care (iJw product categories 43, 44) or crisis care (46).</summary>
    private static bool IsCrisisOrResidential(Lot lot)
    {
        var codes = lot.ProductCategories;
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] is "43" or "44" or "46")
            {
                return true;
            }
        }

        return false;
    }

    private static decimal TotalValue(IReadOnlyList<Contract> contracts)
    {
        var total = 0m;
        for (var i = 0; i < contracts.Count; i++)
        {
            total += contracts[i].Value;
        }

        return total;
    }

    private static bool Contains(IReadOnlyList<Provider> providers, Provider provider)
    {
        for (var i = 0; i < providers.Count; i++)
        {
            if (ReferenceEquals(providers[i], provider))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MC-003: a co-provider with no contract of either category for the profile's lot, municipality and start, nor a registered subcontractor of the main contractor.</summary>
    private static bool HasUnauthorisedCoProvider(CareProfile profile)
    {
        var coProviders = profile.CoProviders;
        for (var i = 0; i < coProviders.Count; i++)
        {
            var co = coProviders[i];
            if (!co.HoldsContract(profile.Lot, CareCategory.Light, profile.Municipality, profile.Start)
                && !co.HoldsContract(profile.Lot, CareCategory.Heavy, profile.Municipality, profile.Start)
                && !(profile.MainContractor is { } main && main.HasSubcontractor(co)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ES-003/ES-005: the responsible provider holds a contract of the escalation's new category for its target lot on its date.</summary>
    private static bool ResponsibleHoldsContract(Escalation escalation, Municipality municipality) =>
        escalation.ResponsibleProvider is { } responsible && responsible.HoldsContract(escalation.TargetLot, escalation.To, municipality, escalation.Date);

    private static bool AnyContains(IReadOnlyList<Contract> contracts, DateOnly date)
    {
        for (var i = 0; i < contracts.Count; i++)
        {
            if (contracts[i].Period.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CO-005: a contract ending inside the purchasing period (before its last day) with no contract running the next day (from the model's sorted periods, as the pack asks).</summary>
    private static bool HasGap(CategoryTerms terms, Period purchasing) => terms.GapStarts(purchasing).Count > 0;
}
