using Procurement.Rules.Model;
using RulesEngine.Models;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// A second oracle: the shipped rules re-expressed for Microsoft RulesEngine 6, over flat facts built from the
/// <see cref="DesignSpec"/> (ids joined to the data they name; no rule logic). One RulesEngine rule per clause, named
/// <c>rule#clause</c>, with the shipped rule's <c>when</c> folded in as <c>!(when) || (clause)</c>; one workflow per
/// kind of subject. All 43 shipped rules are expressible this way (see <see cref="Clauses"/>).
/// </summary>
internal static class RulesEngineOracle
{
    private const string ShareWhen = "terms.Category == \"Heavy\" && terms.Procurement != \"LumpSum\" && terms.Procurement != \"InHouse\" && terms.Profiles.Count() >= terms.MinProfilesForShare";

    private const string Running = "c.From <= design.AsOf && (c.Until == null || design.AsOf <= c.Until.Value)";

    private const string TimeUnits = "p.Unit == \"Minute\" || p.Unit == \"Hour\" || p.Unit == \"DayPart\" || p.Unit == \"Day\" || p.Unit == \"Week\" || p.Unit == \"Month\"";

    private const string Overlaps = "(c.Until == null || o.From <= c.Until.Value) && (o.Until == null || c.From <= o.Until.Value)";

    // Does the provider in <who> act under contract k on <date> for <municipality>? Party, or member of the cooperative that is.
    private static string HoldsAny(string lot, string category, string municipality, string date, string who) =>
        $"design.Contracts.Any(k => k.Lot == {lot}{(category.Length == 0 ? string.Empty : $" && k.Category == {category}")} && k.Municipalities.Contains({municipality}) "
        + $"&& k.From <= {date} && (k.Until == null || {date} <= k.Until.Value) && (k.Party == {who} || k.MemberIds.Contains({who})))";

    /// <summary>(workflow, rule, clause, when, clause expression) for every clause of every shipped rule.</summary>
    public static IReadOnlyList<(string Workflow, string Rule, string Clause, string? When, string Expression)> Clauses { get; } =
    [
        ("contract", "EL-001", "qualified", "!contract.PartyIsCooperative", "contract.RequiredQualifications.All(q => contract.PartyQualifications.Contains(q))"),
        ("contract", "EL-002", "members-qualified", "contract.PartyIsCooperative", "contract.Members.All(member => contract.RequiredQualifications.All(q => member.Qualifications.Contains(q)))"),
        ("terms", "EL-003", "heavy-procurement-form", "terms.Category == \"Heavy\"", "terms.Procurement == \"SelectiveTender\" || terms.Procurement == \"InHouse\" || terms.Procurement == \"LumpSum\""),
        ("terms", "EL-004", "has-maximum", "terms.Procurement == \"SelectiveTender\"", "terms.MaxProviders != null"),
        ("terms", "EL-004", "within-maximum", "terms.Procurement == \"SelectiveTender\"", "terms.MaxProviders == null || terms.Contracts.Select(c => c.Party).Distinct().Count() <= terms.MaxProviders.Value"),
        ("terms", "EL-005", "no-maximum", "terms.Procurement == \"OpenHouse\"", "terms.MaxProviders == null"),
        ("contract", "EL-006", "within-purchasing-period", null, "contract.From >= design.From && (design.Until == null || (contract.Until != null && contract.Until.Value <= design.Until.Value))"),
        ("contract", "EL-007", "municipalities-participate", null,
            "contract.Municipalities.All(id => design.Municipalities.Where(m => m.Id == id).All(m => (m.From == null || contract.From >= m.From.Value) && (m.Until == null || (contract.Until != null && contract.Until.Value <= m.Until.Value))))"),
        ("cooperative", "EL-008", "has-members", null, "cooperative.Members.Count() > 0"),
        ("contract", "EL-009", "within-region", "contract.PartyIsCooperative", "contract.Region.Count() == 0 || contract.Municipalities.All(m => contract.Region.Contains(m))"),
        ("contract", "EL-010", "single-party", "contract.Procurement == \"LumpSum\"",
            $"!design.Contracts.Any(o => o.Lot == contract.Lot && o.Category == contract.Category && o.Party != contract.Party && {Overlaps.Replace("c.", "contract.", StringComparison.Ordinal)} && o.Municipalities.Any(m => contract.Municipalities.Contains(m)))"),
        ("terms", "EL-011", "below-european-threshold", "(terms.Procurement == \"SelectiveTender\" || terms.Procurement == \"LumpSum\") && terms.Procedure == null && terms.Contracts.Any(c => c.Procedure == null)",
            "terms.Contracts.Sum(c => c.Value) <= terms.EuropeanThreshold"),
        ("terms", "EL-012", "european-publication", "(terms.Procurement == \"SelectiveTender\" || terms.Procurement == \"LumpSum\") && terms.Procedure != null",
            "terms.Contracts.Sum(c => c.Value) <= terms.EuropeanThreshold || terms.Procedure == \"European\""),
        ("contract", "EL-013", "european-publication", "(contract.Procurement == \"SelectiveTender\" || contract.Procurement == \"LumpSum\") && contract.Procedure != null",
            "design.Contracts.Where(o => o.Lot == contract.Lot && o.Category == contract.Category).Sum(o => o.Value) <= design.EuropeanThreshold || contract.Procedure == \"European\""),
        ("terms", "EL-014", "invitation-published", "terms.Procurement == \"OpenHouse\"", "terms.Procedure != null && terms.Procedure != \"None\" && terms.Notice != null"),
        ("profile", "MC-001", "has-main-contractor", null, "profile.Main != null"),
        ("profile", "MC-001", "not-also-co-provider", null, "profile.Main == null || !profile.CoProviders.Contains(profile.Main)"),
        ("profile", "MC-002", "contracted", "profile.Main != null", HoldsAny("profile.Lot", "profile.Category", "profile.Municipality", "profile.Start", "profile.Main")),
        ("profile", "MC-003", "co-providers-allowed", "profile.CoProviders.Count() > 0",
            $"profile.CoProviders.All(cp => {HoldsAny("profile.Lot", string.Empty, "profile.Municipality", "profile.Start", "cp")} || profile.MainSubcontractors.Contains(cp))"),
        ("profile", "MC-004", "member-of-contract-party", "profile.Contract != null && profile.Contract.PartyIsCooperative && profile.Main != null", "profile.Contract.MemberIds.Contains(profile.Main)"),
        ("profile", "MC-005", "within-budget", null, "profile.BudgetLimit == null || profile.Budget <= profile.BudgetLimit.Value"),
        ("profile", "MC-006", "same-lot", "profile.Contract != null", "profile.Contract.Lot == profile.Lot"),
        ("profile", "MC-006", "same-category", "profile.Contract != null", "profile.Contract.Category == profile.Category"),
        ("profile", "MC-006", "covers-municipality", "profile.Contract != null", "profile.Contract.Municipalities.Contains(profile.Municipality)"),
        ("profile", "MC-006", "in-period", "profile.Contract != null", "profile.Contract.From <= profile.Start && (profile.Contract.Until == null || profile.Start <= profile.Contract.Until.Value)"),
        ("profile", "ES-001", "within-intensity", "profile.Category == \"Light\"", "profile.LightIntensityLimit == null || profile.Intensity <= profile.LightIntensityLimit.Value"),
        ("profile", "ES-001", "within-duration", "profile.Category == \"Light\"", "profile.LightDurationLimit == null || profile.Duration <= profile.LightDurationLimit.Value"),
        ("profile", "ES-001", "within-budget", "profile.Category == \"Light\"", "profile.LightBudgetLimit == null || profile.Budget <= profile.LightBudgetLimit.Value"),
        ("escalation", "ES-002", "approved", null, "escalation.ApprovedBy != null"),
        ("escalation", "ES-002", "by-own-access-team", null,
            "escalation.ApprovedBy == null || escalation.ApprovedBy == escalation.AccessTeam || (escalation.ExpertTeam != null && escalation.ApprovedBy == escalation.ExpertTeam)"),
        ("escalation", "ES-003", "heavy-contract", "escalation.To == \"Heavy\"",
            "escalation.Responsible != null && " + HoldsAny("escalation.TargetLot", "\"Heavy\"", "escalation.Municipality", "escalation.Date", "escalation.Responsible")),
        ("escalation", "ES-004", "target-lot-regional", "escalation.FromScope == \"Local\" && escalation.ToScope == \"Regional\"", "escalation.TargetLotScope == \"Regional\""),
        ("escalation", "ES-005", "light-contract", "escalation.To == \"Light\"",
            "escalation.Responsible != null && " + HoldsAny("escalation.TargetLot", "\"Light\"", "escalation.Municipality", "escalation.Date", "escalation.Responsible")),
        ("design", "ES-006", "expert-team-named", null, "design.ExpertTeam != null"),
        ("lot", "CO-001", "light-contracted", null, "design.Contracts.Any(c => c.Lot == lot.Id && c.Category == \"Light\")"),
        ("lot", "CO-001", "heavy-contracted", null, "design.Contracts.Any(c => c.Lot == lot.Id && c.Category == \"Heavy\")"),
        ("lot", "CO-002", "all-municipalities-covered", null,
            "design.Municipalities.Where(m => lot.Scope == \"Regional\" || lot.Buyer == null || m.Id == lot.Buyer).All(m => "
            + "!((m.From == null || m.From.Value <= design.AsOf) && (m.Until == null || design.AsOf <= m.Until.Value)) || lot.Excludes.Contains(m.Id) || ("
            + Covered("Light") + " && " + Covered("Heavy") + "))"),
        ("terms", "CO-003", "enough-providers", "terms.Category == \"Heavy\" && terms.Procurement != \"LumpSum\" && terms.Procurement != \"InHouse\"",
            "terms.Contracts.Select(c => c.Party).Distinct().Count() >= terms.MinHeavyProviders"),
        ("contract", "CO-004", "no-overlap", "contract.Procurement == \"LumpSum\"",
            $"!design.Contracts.Any(o => o.Id != contract.Id && o.Lot == contract.Lot && o.Category == contract.Category && {Overlaps.Replace("c.", "contract.", StringComparison.Ordinal)} && o.Municipalities.Any(m => contract.Municipalities.Contains(m)))"),
        ("terms", "CO-005", "covers-period-start", "terms.Procurement == \"LumpSum\"", "terms.Contracts.Any(c => c.From <= design.From && (c.Until == null || design.From <= c.Until.Value))"),
        ("terms", "CO-005", "no-gap", "terms.Procurement == \"LumpSum\"",
            "!terms.Contracts.Any(c => c.Until != null && c.Until.Value >= design.From && (design.Until == null || c.Until.Value < design.Until.Value) "
            + "&& !terms.Contracts.Any(n => n.From <= c.Until.Value.AddDays(1) && (n.Until == null || c.Until.Value.AddDays(1) <= n.Until.Value)))"),
        ("terms", "CO-006", "profile-share", ShareWhen, "terms.Profiles.All(p => p.Party == null || terms.Profiles.Count(q => q.Party == p.Party) <= terms.MaxPartyShare * terms.Profiles.Count())"),
        ("terms", "CO-006", "budget-share", ShareWhen,
            "terms.Profiles.All(p => p.Party == null || terms.Profiles.Where(q => q.Party == p.Party).Sum(q => q.Budget) <= terms.MaxPartyShare * terms.Profiles.Sum(q => q.Budget))"),
        ("terms", "CO-007", "second-party", "terms.Category == \"Heavy\" && terms.ProductCategories.Any(c => c == \"43\" || c == \"44\" || c == \"46\")",
            $"!terms.Contracts.Where(c => {Running}).SelectMany(c => c.Municipalities).Any(m => terms.Contracts.Where(c => {Running} && c.Municipalities.Contains(m)).Select(c => c.Party).Distinct().Count() == 1)"),
        ("profile", "CO-008", "responsible-named", "profile.Stay", "profile.Responsible != null"),
        ("profile", "CO-008", "responsible-participates", "profile.Stay",
            "profile.Responsible == null || design.Municipalities.Where(m => m.Id == profile.Responsible).All(m => (m.From == null || m.From.Value <= profile.Start) && (m.Until == null || profile.Start <= m.Until.Value))"),
        ("municipality", "CO-009", "no-stays-after-leaving", "municipality.Until != null",
            "!design.Stays.Any(p => (p.Responsible == municipality.Id || (p.Responsible == null && p.Municipality == municipality.Id)) "
            + "&& iif(p.Duration <= 0, p.Start, p.Start.AddMonths(p.Duration).AddDays(-1)) > municipality.Until.Value)"),
        ("terms", "CT-001", "in-lot-categories", "terms.Products.Count() > 0", "terms.Products.All(p => terms.ProductCategories.Contains(p.Category))"),
        ("terms", "CT-002", "one-meaning", "terms.Products.Count() > 0",
            "terms.Products.All(p => p.SameCode.All(q => q.NameKey == p.NameKey && q.Category == p.Category && q.Standard == p.Standard))"),
        ("terms", "CT-003", "variant-fits-financing", "terms.Products.Count() > 0", "terms.Financing == null || terms.Products.All(p => p.Variant == terms.Financing)"),
        ("terms", "CT-003", "unit-fits-variant", "terms.Products.Count() > 0",
            $"terms.Products.All(p => (p.Variant == \"EffortBased\" && ({TimeUnits})) || (p.Variant == \"OutputBased\" && (p.Unit == \"Product\" || p.Unit == \"Trajectory\")) || p.Variant == \"TaskOriented\")"),
        ("terms", "CT-004", "certified-institution-required", "terms.Products.Any(p => p.Category == \"47\" || p.Category == \"48\")", "terms.Qualifications.Contains(design.CertifiedInstitution)"),
        ("terms", "CT-005", "build-up-stated", "design.From >= design.FairPriceFrom && terms.Products.Any(p => p.HasTariff)", "terms.Products.All(p => !p.HasTariff || p.Staff != null)"),
        ("terms", "CT-005", "build-up-adds-up", "design.From >= design.FairPriceFrom && terms.Products.Any(p => p.HasTariff)",
            "terms.Products.All(p => !p.HasTariff || p.Staff == null || p.Staff.Value + p.ClientRelated + p.Overhead == p.Amount)"),
        ("terms", "CT-006", "differentiation-stated", "terms.Products.Any(p => p.HasTariff)",
            "terms.Products.All(p => !p.HasTariff || p.Differentiation != null || !p.SameCode.Any(q => q.HasTariff && q.Differentiation == null && q.Amount != p.Amount))"),
        ("terms", "CT-007", "indexation-stated", "terms.Products.Any(p => p.HasTariff)", "terms.Products.All(p => !p.HasTariff || p.Indexation != null)"),
        ("contract", "CT-008", "budget-stated", "contract.Procurement == \"LumpSum\" || contract.Financing == \"TaskOriented\"", "contract.Budget != null"),
        ("contract", "CT-008", "duration-stated", "contract.Procurement == \"LumpSum\" || contract.Financing == \"TaskOriented\"", "contract.Until != null"),
        ("contract", "CT-008", "hardship-clause-stated", "contract.Procurement == \"LumpSum\" || contract.Financing == \"TaskOriented\"", "contract.HardshipClause != null"),
    ];

    private static readonly Lazy<RulesEngine.RulesEngine> Engine = new(() => new RulesEngine.RulesEngine(
        [.. Clauses.GroupBy(c => c.Workflow).Select(g => new Workflow
        {
            WorkflowName = g.Key,
            Rules = [.. g.Select(c => new Rule
            {
                RuleName = $"{c.Rule}#{c.Clause}",
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = c.When is null ? c.Expression : $"!({c.When}) || ({c.Expression})",
            })],
        })],
        new ReSettings { IsExpressionCaseSensitive = true }));

    public static IReadOnlyList<(string Rule, string Subject, string Clause)> Findings(DesignSpec design, DateOnly? asOf = null) =>
        Task.Run(() => FindingsAsync(design, asOf)).GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<(string Rule, string Subject, string Clause)>> FindingsAsync(DesignSpec spec, DateOnly? asOf)
    {
        var facts = Facts.From(spec.Normalized(), asOf);
        var found = new List<(string Rule, string Subject, string Clause)>();
        async Task Check(string workflow, string subject, params RuleParameter[] parameters)
        {
            foreach (var result in await Engine.Value.ExecuteAllRulesAsync(workflow, parameters))
            {
                if (!string.IsNullOrEmpty(result.ExceptionMessage))
                {
                    throw new InvalidOperationException($"RulesEngine could not evaluate {result.Rule.RuleName} for {subject}: {result.ExceptionMessage}");
                }

                if (!result.IsSuccess)
                {
                    var name = result.Rule.RuleName.Split('#');
                    found.Add((name[0], subject, name[1]));
                }
            }
        }

        var design = new RuleParameter("design", facts.Design);
        foreach (var c in facts.Design.Contracts)
        {
            await Check("contract", $"contracts[{c.Id}]", new RuleParameter("contract", c), design);
        }

        foreach (var t in facts.Terms)
        {
            await Check("terms", $"lots[{t.Lot}].{t.Category.ToLowerInvariant()}", new RuleParameter("terms", t), design);
        }

        foreach (var l in facts.Design.Lots)
        {
            await Check("lot", $"lots[{l.Id}]", new RuleParameter("lot", l), design);
        }

        foreach (var c in facts.Cooperatives)
        {
            await Check("cooperative", $"cooperatives[{c.Id}]", new RuleParameter("cooperative", c));
        }

        foreach (var m in facts.Design.Municipalities)
        {
            await Check("municipality", $"municipalities[{m.Id}]", new RuleParameter("municipality", m), design);
        }

        await Check("design", "design", design);

        foreach (var p in facts.Profiles)
        {
            await Check("profile", $"careProfiles[{p.Id}]", new RuleParameter("profile", p), design);
        }

        foreach (var e in facts.Escalations)
        {
            await Check("escalation", $"escalations[{e.Id}]", new RuleParameter("escalation", e), design);
        }

        return [.. found.OrderBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)];
    }

    // Covered for a category on the reference date by this lot's contracts, or, for a regional lot, by a local lot of the
    // same sector bought by the municipality itself.
    private static string Covered(string category) =>
        $"design.Contracts.Any(c => c.Category == \"{category}\" && c.Municipalities.Contains(m.Id) && c.From <= design.AsOf && (c.Until == null || design.AsOf <= c.Until.Value) "
        + "&& (c.Lot == lot.Id || (lot.Scope == \"Regional\" && c.LotScope == \"Local\" && c.LotBuyer == m.Id && c.LotSector == lot.Sector)))";

    private sealed record Facts(DesignFact Design, TermsFact[] Terms, CooperativeFact[] Cooperatives, ProfileFact[] Profiles, EscalationFact[] Escalations)
    {
        public static Facts From(DesignSpec d, DateOnly? asOf)
        {
            var providers = d.Providers.ToDictionary(p => p.Id, StringComparer.Ordinal);
            var cooperatives = d.Cooperatives.ToDictionary(c => c.Id, StringComparer.Ordinal);
            var lots = d.Lots.ToDictionary(l => l.Id, StringComparer.Ordinal);
            var municipalities = d.Municipalities.ToDictionary(m => m.Id, StringComparer.Ordinal);

            var contracts = d.Contracts.Select(c =>
            {
                var lot = lots[c.Lot];
                var terms = lot.Terms(c.Category);
                var cooperative = cooperatives.GetValueOrDefault(c.Party);
                return new ContractFact
                {
                    Id = c.Id,
                    Party = c.Party,
                    PartyIsCooperative = cooperative is not null,
                    PartyQualifications = providers.TryGetValue(c.Party, out var provider) ? provider.Qualifications : [],
                    MemberIds = cooperative?.Members ?? [],
                    Members = [.. (cooperative?.Members ?? []).Select(m => new MemberFact { Id = m, Qualifications = providers[m].Qualifications })],
                    Region = cooperative?.Region ?? [],
                    Lot = c.Lot,
                    LotScope = lot.Scope.ToString(),
                    LotBuyer = lot.Municipality,
                    LotSector = lot.Sector!,
                    Category = c.Category.ToString(),
                    Procurement = terms.Procurement.ToString(),
                    RequiredQualifications = terms.Qualifications,
                    Municipalities = c.Municipalities,
                    From = Day(c.Period.From),
                    Until = Day(c.Period.Until),
                    Value = c.Value,
                    Procedure = c.Publication?.Procedure.ToString(),
                    Financing = c.Financing?.ToString(),
                    Budget = c.Budget,
                    HardshipClause = c.HardshipClause,
                };
            }).ToArray();
            var contractById = contracts.ToDictionary(c => c.Id, StringComparer.Ordinal);

            var design = new DesignFact
            {
                From = Day(d.Period.From),
                Until = Day(d.Period.Until),
                AsOf = Day(asOf ?? d.Period.From),
                EuropeanThreshold = ShippedRulesOracle.EuropeanThreshold,
                Municipalities = [.. d.Municipalities.Select(m => new MunicipalityFact { Id = m.Id, From = Day(m.From), Until = Day(m.Until), AccessTeam = m.AccessTeam })],
                Lots = [.. d.Lots.Select(l => new LotFact { Id = l.Id, Scope = l.Scope.ToString(), Buyer = l.Municipality, Sector = l.Sector!, Excludes = l.Excludes })],
                Contracts = contracts,
                FairPriceFrom = Day(ShippedRulesOracle.FairPriceFrom),
                CertifiedInstitution = ShippedRulesOracle.CertifiedInstitution,
                ExpertTeam = d.ExpertTeam?.Id,
                Stays = [.. d.Profiles.Where(p => p.Stay).Select(p => new StayFact
                {
                    Municipality = p.Municipality,
                    Responsible = p.ResponsibleMunicipality,
                    Start = Day(p.Start),
                    Duration = p.Duration,
                })],
            };

            // Every product of the design with its code, to join each product to the others that share its code.
            var products = d.Lots.SelectMany(l => new[] { l.Light, l.Heavy }).SelectMany(t => t.ProductList).ToArray();

            var terms = d.Lots.SelectMany(l => new[] { CareCategory.Light, CareCategory.Heavy }.Select(k => new TermsFact
            {
                Lot = l.Id,
                Category = k.ToString(),
                Procurement = l.Terms(k).Procurement.ToString(),
                MaxProviders = l.Terms(k).MaxProviders,
                Contracts = [.. contracts.Where(c => c.Lot == l.Id && c.Category == k.ToString())],
                EuropeanThreshold = ShippedRulesOracle.EuropeanThreshold,
                MinHeavyProviders = ShippedRulesOracle.MinHeavyProviders,
                Procedure = l.Terms(k).Publication?.Procedure.ToString(),
                Notice = l.Terms(k).Publication?.Notice,
                ProductCategories = l.ProductCategories,
                Profiles = [.. d.Profiles.Where(p => p.Lot == l.Id && p.Category == k).Select(p => new ShareFact { Party = DeliveringParty(d, p), Budget = p.Budget })],
                MaxPartyShare = ShippedRulesOracle.MaxPartyShare,
                MinProfilesForShare = ShippedRulesOracle.MinProfilesForShare,
                Financing = l.Terms(k).Financing?.ToString(),
                Qualifications = l.Terms(k).Qualifications,
                Products = [.. l.Terms(k).ProductList.Select(p => Product(p, [.. products.Where(q => q.Code == p.Code).Select(q => Product(q, []))]))],
            })).ToArray();

            var profiles = d.Profiles.Select(p =>
            {
                var lot = lots[p.Lot];
                return new ProfileFact
                {
                    Id = p.Id,
                    Municipality = p.Municipality,
                    Lot = p.Lot,
                    Category = p.Category.ToString(),
                    Main = p.MainContractor,
                    MainSubcontractors = p.MainContractor is { } main ? providers[main].Subcontractors : [],
                    CoProviders = p.CoProviders,
                    Intensity = p.Intensity,
                    Duration = p.Duration,
                    Budget = p.Budget,
                    Start = Day(p.Start),
                    Contract = p.Contract is { } c ? contractById[c] : null,
                    BudgetLimit = lot.Terms(p.Category).Limits.Budget,
                    LightIntensityLimit = lot.Light.Limits.Intensity,
                    LightDurationLimit = lot.Light.Limits.Duration,
                    LightBudgetLimit = lot.Light.Limits.Budget,
                    Stay = p.Stay,
                    Responsible = p.ResponsibleMunicipality,
                };
            }).ToArray();
            var profileById = d.Profiles.ToDictionary(p => p.Id, StringComparer.Ordinal);

            var escalations = d.Escalations.Select(e =>
            {
                var profile = profileById[e.Profile];
                return new EscalationFact
                {
                    Id = e.Id!,
                    From = e.From.ToString(),
                    To = e.To.ToString(),
                    FromScope = e.FromScope?.ToString(),
                    ToScope = e.ToScope?.ToString(),
                    TargetLot = e.ToLot!,
                    TargetLotScope = lots[e.ToLot!].Scope.ToString(),
                    Date = Day(e.Date),
                    ApprovedBy = e.ApprovedBy,
                    Municipality = profile.Municipality,
                    AccessTeam = municipalities[profile.Municipality].AccessTeam,
                    Responsible = profile.TransferredTo ?? profile.MainContractor,
                    ExpertTeam = e.ExpertTeam,
                };
            }).ToArray();

            return new Facts(design, terms, [.. d.Cooperatives.Select(c => new CooperativeFact { Id = c.Id, Members = c.Members })], profiles, escalations);
        }

        // The party of the contract a profile's main contractor acts under on its start (a join: its own contract first,
        // else the first cooperative it belongs to that holds one), else the main contractor itself.
        private static string? DeliveringParty(DesignSpec d, ProfileSpec p)
        {
            bool Holds(string party) => d.Contracts.Any(c => c.Party == party && c.Lot == p.Lot && c.Category == p.Category
                && c.Municipalities.Contains(p.Municipality) && c.Period.From <= p.Start && (c.Period.Until is null || p.Start <= c.Period.Until));
            return p.MainContractor is not { } main || Holds(main)
                ? p.MainContractor
                : d.Cooperatives.FirstOrDefault(k => k.Members.Contains(main) && Holds(k.Id))?.Id ?? main;
        }

        // A product as the loader reads it: names compared ignoring case and surrounding white space (NameKey), a cost
        // build-up stated by its staff costs with the parts the YAML leaves out read as 0.
        private static ProductFact Product(ProductSpec p, ProductFact[] sameCode) => new()
        {
            Code = p.Code,
            NameKey = p.Name.Trim().ToUpperInvariant(),
            Category = p.Category,
            Standard = p.Standard,
            Variant = p.Variant.ToString(),
            Unit = p.Unit?.ToString(),
            HasTariff = p.Tariff is not null,
            Amount = p.Tariff?.Amount ?? 0,
            Staff = p.Tariff?.Staff,
            ClientRelated = p.Tariff?.ClientRelated ?? 0,
            Overhead = p.Tariff?.Overhead ?? 0,
            Indexation = p.Tariff?.Indexation,
            Differentiation = p.Tariff?.Differentiation,
            SameCode = sameCode,
        };

        private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

        private static DateTime? Day(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
    }
}

// The facts RulesEngine sees: public, flat, plain data.
#pragma warning disable SA1402, CA1819 // several small fact types in one file; arrays are what the expressions index
public sealed class DesignFact
{
    public DateTime From { get; init; }

    public DateTime? Until { get; init; }

    public DateTime AsOf { get; init; }

    public decimal EuropeanThreshold { get; init; }

    public MunicipalityFact[] Municipalities { get; init; } = [];

    public LotFact[] Lots { get; init; } = [];

    public ContractFact[] Contracts { get; init; } = [];

    public DateTime FairPriceFrom { get; init; }

    public required string CertifiedInstitution { get; init; }

    public string? ExpertTeam { get; init; }

    public StayFact[] Stays { get; init; } = [];
}

public sealed class StayFact
{
    public required string Municipality { get; init; }

    public string? Responsible { get; init; }

    public DateTime Start { get; init; }

    public int Duration { get; init; }
}

public sealed class ProductFact
{
    public required string Code { get; init; }

    public required string NameKey { get; init; }

    public required string Category { get; init; }

    public bool Standard { get; init; }

    public required string Variant { get; init; }

    public string? Unit { get; init; }

    public bool HasTariff { get; init; }

    public decimal Amount { get; init; }

    public decimal? Staff { get; init; }

    public decimal ClientRelated { get; init; }

    public decimal Overhead { get; init; }

    public string? Indexation { get; init; }

    public string? Differentiation { get; init; }

    public ProductFact[] SameCode { get; init; } = [];
}

public sealed class MunicipalityFact
{
    public required string Id { get; init; }

    public DateTime? From { get; init; }

    public DateTime? Until { get; init; }

    public string? AccessTeam { get; init; }
}

public sealed class LotFact
{
    public required string Id { get; init; }

    public required string Scope { get; init; }

    public string? Buyer { get; init; }

    public required string Sector { get; init; }

    public string[] Excludes { get; init; } = [];
}

public sealed class TermsFact
{
    public required string Lot { get; init; }

    public required string Category { get; init; }

    public required string Procurement { get; init; }

    public int? MaxProviders { get; init; }

    public ContractFact[] Contracts { get; init; } = [];

    public decimal EuropeanThreshold { get; init; }

    public int MinHeavyProviders { get; init; }

    public string? Procedure { get; init; }

    public string? Notice { get; init; }

    public string[] ProductCategories { get; init; } = [];

    public ShareFact[] Profiles { get; init; } = [];

    public decimal MaxPartyShare { get; init; }

    public int MinProfilesForShare { get; init; }

    public string? Financing { get; init; }

    public string[] Qualifications { get; init; } = [];

    public ProductFact[] Products { get; init; } = [];
}

public sealed class ShareFact
{
    public string? Party { get; init; }

    public decimal Budget { get; init; }
}

public sealed class MemberFact
{
    public required string Id { get; init; }

    public string[] Qualifications { get; init; } = [];
}

public sealed class ContractFact
{
    public required string Id { get; init; }

    public required string Party { get; init; }

    public bool PartyIsCooperative { get; init; }

    public string[] PartyQualifications { get; init; } = [];

    public string[] MemberIds { get; init; } = [];

    public MemberFact[] Members { get; init; } = [];

    public string[] Region { get; init; } = [];

    public required string Lot { get; init; }

    public required string LotScope { get; init; }

    public string? LotBuyer { get; init; }

    public required string LotSector { get; init; }

    public required string Category { get; init; }

    public required string Procurement { get; init; }

    public string[] RequiredQualifications { get; init; } = [];

    public string[] Municipalities { get; init; } = [];

    public DateTime From { get; init; }

    public DateTime? Until { get; init; }

    public decimal Value { get; init; }

    public string? Procedure { get; init; }

    public string? Financing { get; init; }

    public decimal? Budget { get; init; }

    public string? HardshipClause { get; init; }
}

public sealed class CooperativeFact
{
    public required string Id { get; init; }

    public string[] Members { get; init; } = [];
}

public sealed class ProfileFact
{
    public required string Id { get; init; }

    public required string Municipality { get; init; }

    public required string Lot { get; init; }

    public required string Category { get; init; }

    public string? Main { get; init; }

    public string[] MainSubcontractors { get; init; } = [];

    public string[] CoProviders { get; init; } = [];

    public decimal Intensity { get; init; }

    public int Duration { get; init; }

    public decimal Budget { get; init; }

    public DateTime Start { get; init; }

    public ContractFact? Contract { get; init; }

    public decimal? BudgetLimit { get; init; }

    public decimal? LightIntensityLimit { get; init; }

    public int? LightDurationLimit { get; init; }

    public decimal? LightBudgetLimit { get; init; }

    public bool Stay { get; init; }

    public string? Responsible { get; init; }
}

public sealed class EscalationFact
{
    public required string Id { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public string? FromScope { get; init; }

    public string? ToScope { get; init; }

    public required string TargetLot { get; init; }

    public required string TargetLotScope { get; init; }

    public DateTime Date { get; init; }

    public string? ApprovedBy { get; init; }

    public required string Municipality { get; init; }

    public string? AccessTeam { get; init; }

    public string? Responsible { get; init; }

    public string? ExpertTeam { get; init; }
}
#pragma warning restore SA1402, CA1819
