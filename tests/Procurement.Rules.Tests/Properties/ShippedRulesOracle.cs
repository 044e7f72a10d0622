using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// A hand-written C# oracle of all 43 shipped rules, written from the rule texts and the domain notes, over the plain
/// <see cref="DesignSpec"/> (not the loaded model): it shares no code with the loader, the model's helpers
/// (HoldsContract, Covers, IsWithin, ...) or the rule compiler. It gives findings as (rule, subject, clause) in
/// report order: by rule id, then subject path, then clause order.
/// </summary>
internal static class ShippedRulesOracle
{
    public const decimal EuropeanThreshold = 750_000m;
    public const int MinHeavyProviders = 2;
    public const decimal MaxPartyShare = 0.5m;
    public const int MinProfilesForShare = 10;

    /// <summary>iJw product categories of residential care (43, 44) and crisis (46), for which CO-007 asks a second party.</summary>
    public static readonly string[] CrisisOrResidential = ["43", "44", "46"];

    /// <summary><c>fairPriceFrom</c> of the contract-terms pack: frameworks starting on or after it need a cost build-up (CT-005).</summary>
    public static readonly DateOnly FairPriceFrom = new(2024, 7, 1);

    /// <summary><c>certifiedInstitution</c> of the contract-terms pack: the qualification CT-004 asks for youth protection and probation.</summary>
    public const string CertifiedInstitution = "certified-institution";

    /// <summary>iJw product categories of youth probation (47) and child protection (48), for which CT-004 asks a certified institution.</summary>
    public static readonly string[] ProtectionOrProbation = ["47", "48"];

    public static IReadOnlyList<(string Rule, string Subject, string Clause)> Findings(DesignSpec design, DateOnly? asOf = null)
    {
        var d = design.Normalized();
        var o = new Run(d, asOf ?? d.Period.From);
        o.Eligibility();
        o.MainContractor();
        o.Escalation();
        o.Coverage();
        o.Continuity();
        o.Residence();
        o.ContractTerms();
        return [.. o.Found.OrderBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)];
    }

    private sealed class Run(DesignSpec d, DateOnly asOf)
    {
        private static readonly CareCategory[] Categories = [CareCategory.Light, CareCategory.Heavy];

        private readonly Dictionary<string, MunicipalitySpec> _municipality = d.Municipalities.ToDictionary(m => m.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, LotSpec> _lot = d.Lots.ToDictionary(l => l.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, ProviderSpec> _provider = d.Providers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, CooperativeSpec> _cooperative = d.Cooperatives.ToDictionary(c => c.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, ContractSpec> _contract = d.Contracts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, ProfileSpec> _profile = d.Profiles.ToDictionary(p => p.Id, StringComparer.Ordinal);

        public List<(string Rule, string Subject, string Clause)> Found { get; } = [];

        public void Eligibility()
        {
            foreach (var c in d.Contracts)
            {
                var terms = _lot[c.Lot].Terms(c.Category);
                if (_provider.TryGetValue(c.Party, out var provider) && !terms.Qualifications.All(q => provider.Qualifications.Contains(q)))
                {
                    Add("EL-001", c, "qualified");
                }

                if (_cooperative.TryGetValue(c.Party, out var cooperative)
                    && !cooperative.Members.All(member => terms.Qualifications.All(q => _provider[member].Qualifications.Contains(q))))
                {
                    Add("EL-002", c, "members-qualified");
                }
            }

            foreach (var (lot, category, terms) in AllTerms())
            {
                if (category == CareCategory.Heavy && terms.Procurement is not (ProcurementForm.SelectiveTender or ProcurementForm.InHouse or ProcurementForm.LumpSum))
                {
                    Add("EL-003", lot, category, "heavy-procurement-form");
                }
            }

            foreach (var (lot, category, terms) in AllTerms())
            {
                if (terms.Procurement == ProcurementForm.SelectiveTender)
                {
                    if (terms.MaxProviders is null)
                    {
                        Add("EL-004", lot, category, "has-maximum");
                    }
                    else if (Parties(lot, category) > terms.MaxProviders)
                    {
                        Add("EL-004", lot, category, "within-maximum");
                    }
                }
            }

            foreach (var (lot, category, terms) in AllTerms())
            {
                if (terms.Procurement == ProcurementForm.OpenHouse && terms.MaxProviders is not null)
                {
                    Add("EL-005", lot, category, "no-maximum");
                }
            }

            foreach (var c in d.Contracts)
            {
                if (!Inside(c.Period, d.Period))
                {
                    Add("EL-006", c, "within-purchasing-period");
                }
            }

            foreach (var c in d.Contracts)
            {
                if (c.Municipalities.Any(m => !Inside(c.Period, Participation(_municipality[m]))))
                {
                    Add("EL-007", c, "municipalities-participate");
                }
            }

            foreach (var cooperative in d.Cooperatives)
            {
                if (cooperative.Members.Length == 0)
                {
                    Found.Add(("EL-008", $"cooperatives[{cooperative.Id}]", "has-members"));
                }
            }

            foreach (var c in d.Contracts)
            {
                if (_cooperative.TryGetValue(c.Party, out var cooperative) && cooperative.Region.Length > 0 && c.Municipalities.Any(m => !cooperative.Region.Contains(m)))
                {
                    Add("EL-009", c, "within-region");
                }
            }

            foreach (var c in d.Contracts)
            {
                if (_lot[c.Lot].Terms(c.Category).Procurement == ProcurementForm.LumpSum
                    && d.Contracts.Any(other => other.Lot == c.Lot && other.Category == c.Category && other.Party != c.Party && Overlap(other.Period, c.Period) && Share(other, c)))
                {
                    Add("EL-010", c, "single-party");
                }
            }

            foreach (var (lot, category, terms) in AllTerms())
            {
                // The reminder only while no procedure is recorded: not for the category, and not for every one of its contracts.
                if (Tendered(terms) && terms.Publication is null && d.Contracts.Any(c => c.Lot == lot.Id && c.Category == category && c.Publication is null)
                    && Value(lot, category) > EuropeanThreshold)
                {
                    Add("EL-011", lot, category, "below-european-threshold");
                }
            }

            foreach (var (lot, category, terms) in AllTerms())
            {
                if (Tendered(terms) && terms.Publication is { } publication && Value(lot, category) > EuropeanThreshold && publication.Procedure != PublicationProcedure.European)
                {
                    Add("EL-012", lot, category, "european-publication");
                }
            }

            foreach (var c in d.Contracts)
            {
                if (Tendered(_lot[c.Lot].Terms(c.Category)) && c.Publication is { } publication
                    && Value(_lot[c.Lot], c.Category) > EuropeanThreshold && publication.Procedure != PublicationProcedure.European)
                {
                    Add("EL-013", c, "european-publication");
                }
            }

            foreach (var (lot, category, terms) in AllTerms())
            {
                if (terms.Procurement == ProcurementForm.OpenHouse
                    && terms.Publication is not { Procedure: not PublicationProcedure.None, Notice: not null })
                {
                    Add("EL-014", lot, category, "invitation-published");
                }
            }
        }

        public void MainContractor()
        {
            foreach (var p in d.Profiles)
            {
                if (p.MainContractor is null)
                {
                    Add("MC-001", p, "has-main-contractor");
                }
                else if (p.CoProviders.Contains(p.MainContractor))
                {
                    Add("MC-001", p, "not-also-co-provider");
                }
            }

            foreach (var p in d.Profiles)
            {
                if (p.MainContractor is { } main && !Holds(main, p.Lot, p.Category, p.Municipality, p.Start))
                {
                    Add("MC-002", p, "contracted");
                }
            }

            foreach (var p in d.Profiles)
            {
                var subcontractors = p.MainContractor is { } main ? _provider[main].Subcontractors : [];
                if (p.CoProviders.Any(c => !Categories.Any(k => Holds(c, p.Lot, k, p.Municipality, p.Start)) && !subcontractors.Contains(c)))
                {
                    Add("MC-003", p, "co-providers-allowed");
                }
            }

            foreach (var p in d.Profiles)
            {
                if (p.Contract is { } named && _cooperative.TryGetValue(_contract[named].Party, out var cooperative)
                    && p.MainContractor is { } main && !cooperative.Members.Contains(main))
                {
                    Add("MC-004", p, "member-of-contract-party");
                }
            }

            foreach (var p in d.Profiles)
            {
                if (_lot[p.Lot].Terms(p.Category).Limits.Budget is { } limit && p.Budget > limit)
                {
                    Add("MC-005", p, "within-budget");
                }
            }

            foreach (var p in d.Profiles)
            {
                if (p.Contract is not { } named)
                {
                    continue;
                }

                var c = _contract[named];
                if (c.Lot != p.Lot)
                {
                    Add("MC-006", p, "same-lot");
                }

                if (c.Category != p.Category)
                {
                    Add("MC-006", p, "same-category");
                }

                if (!c.Municipalities.Contains(p.Municipality))
                {
                    Add("MC-006", p, "covers-municipality");
                }

                if (!Contains(c.Period, p.Start))
                {
                    Add("MC-006", p, "in-period");
                }
            }
        }

        public void Escalation()
        {
            foreach (var p in d.Profiles.Where(p => p.Category == CareCategory.Light))
            {
                var limits = _lot[p.Lot].Light.Limits;
                if (limits.Intensity is { } intensity && p.Intensity > intensity)
                {
                    Add("ES-001", p, "within-intensity");
                }

                if (limits.Duration is { } duration && p.Duration > duration)
                {
                    Add("ES-001", p, "within-duration");
                }

                if (limits.Budget is { } budget && p.Budget > budget)
                {
                    Add("ES-001", p, "within-budget");
                }
            }

            foreach (var e in d.Escalations)
            {
                var team = _municipality[_profile[e.Profile].Municipality].AccessTeam;
                if (e.ApprovedBy is null)
                {
                    Add("ES-002", e, "approved");
                }
                else if (e.ApprovedBy != team && !(e.ExpertTeam is { } expertTeam && e.ApprovedBy == expertTeam))
                {
                    // The own access team approves; after a referral to the regional expert team, that team may too.
                    Add("ES-002", e, "by-own-access-team");
                }
            }

            foreach (var e in d.Escalations.Where(e => e.To == CareCategory.Heavy))
            {
                if (!ResponsibleHolds(e, CareCategory.Heavy))
                {
                    Add("ES-003", e, "heavy-contract");
                }
            }

            foreach (var e in d.Escalations)
            {
                if (e.FromScope == LotScope.Local && e.ToScope == LotScope.Regional && _lot[e.ToLot!].Scope != LotScope.Regional)
                {
                    Add("ES-004", e, "target-lot-regional");
                }
            }

            foreach (var e in d.Escalations.Where(e => e.To == CareCategory.Light))
            {
                if (!ResponsibleHolds(e, CareCategory.Light))
                {
                    Add("ES-005", e, "light-contract");
                }
            }

            if (d.ExpertTeam is null)
            {
                Found.Add(("ES-006", "design", "expert-team-named"));
            }
        }

        public void Coverage()
        {
            foreach (var lot in d.Lots)
            {
                foreach (var (category, clause) in new[] { (CareCategory.Light, "light-contracted"), (CareCategory.Heavy, "heavy-contracted") })
                {
                    if (!d.Contracts.Any(c => c.Lot == lot.Id && c.Category == category))
                    {
                        Found.Add(("CO-001", $"lots[{lot.Id}]", clause));
                    }
                }
            }

            foreach (var lot in d.Lots)
            {
                // A local lot answers for its buyer only; a regional lot for every municipality, which its own contracts
                // cover or a local lot of the same sector that the municipality buys itself.
                var checkedMunicipalities = lot.Scope == LotScope.Local && lot.Municipality is { } buyer ? [_municipality[buyer]] : d.Municipalities;
                var uncovered = checkedMunicipalities.Any(m =>
                    Contains(Participation(m), asOf) && !lot.Excludes.Contains(m.Id) && !Categories.All(k => Covered(lot, m.Id, k)));
                if (uncovered)
                {
                    Found.Add(("CO-002", $"lots[{lot.Id}]", "all-municipalities-covered"));
                }
            }

            foreach (var (lot, category, terms) in AllTerms())
            {
                if (category == CareCategory.Heavy && terms.Procurement is not (ProcurementForm.LumpSum or ProcurementForm.InHouse) && Parties(lot, category) < MinHeavyProviders)
                {
                    Add("CO-003", lot, category, "enough-providers");
                }
            }

            foreach (var c in d.Contracts)
            {
                if (_lot[c.Lot].Terms(c.Category).Procurement == ProcurementForm.LumpSum
                    && d.Contracts.Any(other => other.Id != c.Id && other.Lot == c.Lot && other.Category == c.Category && Overlap(other.Period, c.Period) && Share(other, c)))
                {
                    Add("CO-004", c, "no-overlap");
                }
            }

            foreach (var (lot, category, terms) in AllTerms())
            {
                if (terms.Procurement != ProcurementForm.LumpSum)
                {
                    continue;
                }

                var contracts = d.Contracts.Where(c => c.Lot == lot.Id && c.Category == category).ToArray();
                if (!contracts.Any(c => Contains(c.Period, d.Period.From)))
                {
                    Add("CO-005", lot, category, "covers-period-start");
                }

                // A contract that ends inside the purchasing period (before its last day) must be followed the next day.
                var gap = contracts.Any(c => c.Period.Until is { } end && end >= d.Period.From && (d.Period.Until is null || end < d.Period.Until)
                    && !contracts.Any(next => Contains(next.Period, end.AddDays(1))));
                if (gap)
                {
                    Add("CO-005", lot, category, "no-gap");
                }
            }
        }

        public void Continuity()
        {
            foreach (var lot in d.Lots)
            {
                var terms = lot.Heavy;
                var profiles = d.Profiles.Where(p => p.Lot == lot.Id && p.Category == CareCategory.Heavy).ToArray();
                if (terms.Procurement is ProcurementForm.LumpSum or ProcurementForm.InHouse || profiles.Length < MinProfilesForShare)
                {
                    continue;
                }

                // Per delivering party: how many profiles, how much budget; the largest share of each is compared.
                var parties = profiles.Select(p => (Party: DeliveringParty(p), p.Budget)).Where(p => p.Party is not null).ToArray();
                var largestCount = parties.Length == 0 ? 0 : parties.GroupBy(p => p.Party).Max(g => g.Count());
                var largestBudget = parties.Length == 0 ? 0m : parties.GroupBy(p => p.Party).Max(g => g.Sum(p => p.Budget));
                var totalBudget = profiles.Sum(p => p.Budget);
                if ((decimal)largestCount / profiles.Length > MaxPartyShare)
                {
                    Add("CO-006", lot, CareCategory.Heavy, "profile-share");
                }

                if (totalBudget > 0 && largestBudget / totalBudget > MaxPartyShare)
                {
                    Add("CO-006", lot, CareCategory.Heavy, "budget-share");
                }
            }

            foreach (var lot in d.Lots.Where(l => l.ProductCategories.Any(CrisisOrResidential.Contains)))
            {
                var running = d.Contracts.Where(c => c.Lot == lot.Id && c.Category == CareCategory.Heavy && Contains(c.Period, asOf)).ToArray();
                if (running.SelectMany(c => c.Municipalities).Distinct().Any(m => running.Where(c => c.Municipalities.Contains(m)).Select(c => c.Party).Distinct().Count() == 1))
                {
                    Add("CO-007", lot, CareCategory.Heavy, "second-party");
                }
            }
        }

        /// <summary>CO-008 and CO-009: the residence rule (woonplaatsbeginsel) for care with a stay.</summary>
        public void Residence()
        {
            foreach (var p in d.Profiles.Where(p => p.Stay))
            {
                if (p.ResponsibleMunicipality is not { } responsible)
                {
                    Add("CO-008", p, "responsible-named");
                }
                else if (!Contains(Participation(_municipality[responsible]), p.Start))
                {
                    Add("CO-008", p, "responsible-participates");
                }
            }

            foreach (var m in d.Municipalities)
            {
                // A leaving municipality answers for the stays it is responsible for (named, else its own profiles) that
                // run past its last day.
                if (m.Until is { } last && d.Profiles.Any(p => p.Stay && (p.ResponsibleMunicipality ?? p.Municipality) == m.Id && LastDay(p) > last))
                {
                    Found.Add(("CO-009", $"municipalities[{m.Id}]", "no-stays-after-leaving"));
                }
            }
        }

        /// <summary>CT-001..CT-008: products, tariffs and lump-sum contracts.</summary>
        public void ContractTerms()
        {
            var all = AllTerms().SelectMany(t => t.Terms.ProductList).ToArray();

            // A code means one product: the same name (ignoring case and surrounding white space), product category and
            // standard-or-own throughout the design.
            var ambiguous = all.GroupBy(p => p.Code, StringComparer.Ordinal)
                .Where(g => g.Select(p => (p.Name.Trim().ToUpperInvariant(), p.Category, p.Standard)).Distinct().Count() > 1)
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal);

            // A tariff without a stated differentiation whose code is priced otherwise by another tariff without one.
            bool DifferentlyPriced(ProductSpec p) => p.Tariff is { Differentiation: null } tariff
                && all.Any(q => q.Code == p.Code && q.Tariff is { Differentiation: null } other && other.Amount != tariff.Amount);

            foreach (var (lot, category, terms) in AllTerms())
            {
                var products = terms.ProductList;
                if (products.Length == 0)
                {
                    continue;
                }

                if (products.Any(p => !lot.ProductCategories.Contains(p.Category)))
                {
                    Add("CT-001", lot, category, "in-lot-categories");
                }

                if (products.Any(p => ambiguous.Contains(p.Code)))
                {
                    Add("CT-002", lot, category, "one-meaning");
                }

                if (terms.Financing is { } financing && products.Any(p => p.Variant != financing))
                {
                    Add("CT-003", lot, category, "variant-fits-financing");
                }

                if (products.Any(p => !UnitFitsVariant(p)))
                {
                    Add("CT-003", lot, category, "unit-fits-variant");
                }

                if (products.Any(p => ProtectionOrProbation.Contains(p.Category)) && !terms.Qualifications.Contains(CertifiedInstitution))
                {
                    Add("CT-004", lot, category, "certified-institution-required");
                }

                var tariffs = products.Where(p => p.Tariff is not null).Select(p => p.Tariff!).ToArray();
                if (tariffs.Length == 0)
                {
                    continue;
                }

                if (d.Period.From >= FairPriceFrom)
                {
                    // The YAML states the build-up in full or not at all; a part it leaves out reads as 0.
                    if (tariffs.Any(t => t.Staff is null))
                    {
                        Add("CT-005", lot, category, "build-up-stated");
                    }

                    if (tariffs.Any(t => t.Staff is { } staff && staff + (t.ClientRelated ?? 0) + (t.Overhead ?? 0) != t.Amount))
                    {
                        Add("CT-005", lot, category, "build-up-adds-up");
                    }
                }

                if (products.Any(DifferentlyPriced))
                {
                    Add("CT-006", lot, category, "differentiation-stated");
                }

                if (tariffs.Any(t => t.Indexation is null))
                {
                    Add("CT-007", lot, category, "indexation-stated");
                }
            }

            foreach (var c in d.Contracts)
            {
                if (_lot[c.Lot].Terms(c.Category).Procurement != ProcurementForm.LumpSum && c.Financing != FinancingForm.TaskOriented)
                {
                    continue;
                }

                if (c.Budget is null)
                {
                    Add("CT-008", c, "budget-stated");
                }

                if (c.Period.Until is null)
                {
                    Add("CT-008", c, "duration-stated");
                }

                if (c.HardshipClause is null)
                {
                    Add("CT-008", c, "hardship-clause-stated");
                }
            }
        }

        /// <summary>Effort-based is paid per unit of time, output-based per product or trajectory; task-oriented in any unit or none.</summary>
        private static bool UnitFitsVariant(ProductSpec p) => p.Variant switch
        {
            FinancingForm.EffortBased => p.Unit is ProductUnit.Minute or ProductUnit.Hour or ProductUnit.DayPart or ProductUnit.Day or ProductUnit.Week or ProductUnit.Month,
            FinancingForm.OutputBased => p.Unit is ProductUnit.Product or ProductUnit.Trajectory,
            _ => true,
        };

        /// <summary>The profile's last day: the day before its start plus its duration in months (its start for no duration); open past the calendar.</summary>
        private static DateOnly LastDay(ProfileSpec p)
        {
            if (p.Duration <= 0)
            {
                return p.Start;
            }

            var monthIndex = ((long)p.Start.Year * 12) + p.Start.Month - 1 + p.Duration;
            return monthIndex > (9999L * 12) + 11 ? DateOnly.MaxValue : p.Start.AddMonths(p.Duration).AddDays(-1);
        }

        /// <summary>
        /// The party of the contract the main contractor delivers the profile under on its start: its own first (in file
        /// order), then one of the cooperatives it is a member of (cooperatives in file order); else the main contractor.
        /// </summary>
        private string? DeliveringParty(ProfileSpec p)
        {
            if (p.MainContractor is not { } main)
            {
                return null;
            }

            bool Delivers(ContractSpec c, string party) => c.Party == party && c.Lot == p.Lot && c.Category == p.Category && c.Municipalities.Contains(p.Municipality) && Contains(c.Period, p.Start);
            if (d.Contracts.Any(c => Delivers(c, main)))
            {
                return main;
            }

            return d.Cooperatives.Where(k => k.Members.Contains(main)).FirstOrDefault(k => d.Contracts.Any(c => Delivers(c, k.Id)))?.Id ?? main;
        }

        private decimal Value(LotSpec lot, CareCategory category) => d.Contracts.Where(c => c.Lot == lot.Id && c.Category == category).Sum(c => c.Value);

        private static bool Tendered(TermsSpec terms) => terms.Procurement is ProcurementForm.SelectiveTender or ProcurementForm.LumpSum;

        private bool ResponsibleHolds(EscalationSpec e, CareCategory category)
        {
            var profile = _profile[e.Profile];
            var responsible = profile.TransferredTo ?? profile.MainContractor;
            return responsible is not null && Holds(responsible, e.ToLot!, category, profile.Municipality, e.Date);
        }

        /// <summary>The provider is the party of such a contract, or a member of the cooperative that is.</summary>
        private bool Holds(string provider, string lot, CareCategory category, string municipality, DateOnly date) =>
            d.Contracts.Any(c => c.Lot == lot && c.Category == category && c.Municipalities.Contains(municipality) && Contains(c.Period, date)
                && (c.Party == provider || (_cooperative.TryGetValue(c.Party, out var cooperative) && cooperative.Members.Contains(provider))));

        private bool Covered(LotSpec lot, string municipality, CareCategory category)
        {
            bool ByContract(LotSpec l) => d.Contracts.Any(c => c.Lot == l.Id && c.Category == category && c.Municipalities.Contains(municipality) && Contains(c.Period, asOf));
            return ByContract(lot)
                || (lot.Scope == LotScope.Regional && d.Lots.Any(local => local.Municipality == municipality && local.Sector == lot.Sector && ByContract(local)));
        }

        private int Parties(LotSpec lot, CareCategory category) =>
            d.Contracts.Where(c => c.Lot == lot.Id && c.Category == category).Select(c => c.Party).Distinct(StringComparer.Ordinal).Count();

        private IEnumerable<(LotSpec Lot, CareCategory Category, TermsSpec Terms)> AllTerms() =>
            d.Lots.SelectMany(l => Categories.Select(k => (l, k, l.Terms(k))));

        private static bool Share(ContractSpec a, ContractSpec b) => a.Municipalities.Any(b.Municipalities.Contains);

        private static PeriodSpec Participation(MunicipalitySpec m) => new(m.From ?? DateOnly.MinValue, m.Until);

        private static bool Contains(PeriodSpec p, DateOnly date) => p.From <= date && (p.Until is null || date <= p.Until);

        private static bool Inside(PeriodSpec inner, PeriodSpec outer) =>
            inner.From >= outer.From && (outer.Until is null || (inner.Until is { } until && until <= outer.Until));

        private static bool Overlap(PeriodSpec a, PeriodSpec b) =>
            (a.Until is null || b.From <= a.Until) && (b.Until is null || a.From <= b.Until);

        private void Add(string rule, ContractSpec c, string clause) => Found.Add((rule, $"contracts[{c.Id}]", clause));

        private void Add(string rule, ProfileSpec p, string clause) => Found.Add((rule, $"careProfiles[{p.Id}]", clause));

        private void Add(string rule, EscalationSpec e, string clause) => Found.Add((rule, $"escalations[{e.Id}]", clause));

        private void Add(string rule, LotSpec lot, CareCategory category, string clause) =>
            Found.Add((rule, $"lots[{lot.Id}].{(category == CareCategory.Heavy ? "heavy" : "light")}", clause));
    }
}
