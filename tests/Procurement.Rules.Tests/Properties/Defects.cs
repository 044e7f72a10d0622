using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Properties;

/// <summary>One change to a design: a targeted defect aimed at one shipped rule, or noise aimed at none.</summary>
/// <param name="Rule">The rule the defect breaks, or <see langword="null"/> for noise.</param>
/// <param name="Name">What the change does, for counter-examples.</param>
/// <param name="Apply">The change; <see langword="null"/> when the design has nothing it applies to.</param>
internal sealed record Defect(string? Rule, string Name, Func<DesignSpec, Random, DesignSpec?> Apply)
{
    public override string ToString() => Rule is null ? Name : $"{Rule}: {Name}";
}

/// <summary>
/// The catalogue of changes. Each targeted defect turns a compliant design into a near-valid one that breaks its rule
/// (other rules may follow, as in real designs: a missing contract also leaves profiles without one). Noise makes
/// shapes the compliant builder never makes (open ends, missing access teams, duplicates) for the differential tests.
/// </summary>
internal static class Defects
{
    private static readonly CareCategory[] Categories = [CareCategory.Light, CareCategory.Heavy];

    /// <summary>iJw product categories a defect may put a product in that no generated lot buys.</summary>
    private static readonly string[] ForeignCategories = ["41", "42", "44", "49", "50", "51", "52", "53"];

    public static IReadOnlyList<Defect> Targeted { get; } =
    [
        new("EL-001", "a contracted provider lacks a required qualification", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => IsProvider(d, c.Party) && Terms(d, c).Qualifications.Length > 0));
            return c is null ? null : UpdateProvider(d, c.Party, p => p with { Qualifications = Except(p.Qualifications, Pick(r, Terms(d, c).Qualifications)!) });
        }),
        new("EL-002", "a member of a contracted cooperative lacks a required qualification", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => Cooperative(d, c.Party) is { Members.Length: > 0 } && Terms(d, c).Qualifications.Length > 0));
            return c is null ? null : UpdateProvider(d, Pick(r, Cooperative(d, c.Party)!.Members)!, p => p with { Qualifications = Except(p.Qualifications, Pick(r, Terms(d, c).Qualifications)!) });
        }),
        new("EL-003", "heavy care bought through open house", (d, r) =>
        {
            var lot = Pick(r, d.Lots);
            return lot is null ? null : UpdateLot(d, lot.Id, l => l with { Heavy = l.Heavy with { Procurement = ProcurementForm.OpenHouse } });
        }),
        new("EL-004", "a selective tender without a maximum", (d, r) => UpdateTerms(d, r, t => t.Procurement == ProcurementForm.SelectiveTender, (_, _, t) => t with { MaxProviders = null })),
        new("EL-004", "more contracted parties than the maximum", (d, r) => UpdateTerms(d, r,
            t => t.Procurement == ProcurementForm.SelectiveTender,
            (lot, category, t) => t with { MaxProviders = Math.Max(0, d.Contracts.Where(c => c.Lot == lot && c.Category == category).Select(c => c.Party).Distinct().Count() - 1) })),
        new("EL-005", "an open-house category with a cap", (d, r) => UpdateTerms(d, r, t => t.Procurement == ProcurementForm.OpenHouse, (_, _, t) => t with { MaxProviders = 1 + r.Next(10) })),
        new("EL-006", "a contract runs outside the purchasing period", (d, r) =>
        {
            var c = Pick(r, d.Contracts);
            if (c is null)
            {
                return null;
            }

            var late = d.Period.Until is { } until && r.Next(2) == 0;
            return UpdateContract(d, c.Id, k => late
                ? k with { Period = k.Period with { Until = d.Period.Until!.Value.AddDays(1 + r.Next(400)) } }
                : k with { Period = k.Period with { From = d.Period.From.AddDays(-1 - r.Next(400)) } });
        }),
        new("EL-007", "a municipality on a contract stops taking part during it", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => c.Municipalities.Length > 0 && (c.Period.Until is null || c.Period.Until > c.Period.From)));
            if (c is null)
            {
                return null;
            }

            var m = Pick(r, c.Municipalities)!;
            var last = (c.Period.Until ?? c.Period.From.AddYears(2)).AddDays(-1);
            var leaves = c.Period.From.AddDays(r.Next(last.DayNumber - c.Period.From.DayNumber + 1));
            return UpdateMunicipality(d, m, x => x with { Until = leaves, From = x.From is { } f && f > leaves ? leaves : x.From });
        }),
        new("EL-008", "a cooperative without members", (d, r) =>
            d with { Cooperatives = [.. d.Cooperatives, new CooperativeSpec(Fresh(d, "lege-cooperatie"), "Lege coöperatie", [], [])] }),
        new("EL-009", "a cooperative contracted outside its region", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => IsCooperative(d, c.Party) && c.Municipalities.Length > 0));
            if (c is null)
            {
                return null;
            }

            var outside = c.Municipalities[0];
            return UpdateCooperative(d, c.Party, x => x with { Region = x.Region.Length == 0 ? [.. d.Municipalities.Select(m => m.Id).Where(m => m != outside)] : Except(x.Region, outside) }) is { } changed
                && Cooperative(changed, c.Party)!.Region.Length > 0 ? changed : null;
        }),
        new("EL-010", "a second lump-sum party for the same municipality and period", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => Terms(d, c).Procurement == ProcurementForm.LumpSum && c.Municipalities.Length > 0));
            var rival = c is null ? null : Pick(r, d.Providers.Where(p => p.Id != c.Party));
            return c is null || rival is null ? null
                : d with { Contracts = [.. d.Contracts, c with { Id = Fresh(d, "C-rival"), Party = rival.Id, Municipalities = [Pick(r, c.Municipalities)!] }] };
        }),
        new("EL-011", "a tendered category worth more than the European threshold", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => Terms(d, c).Procurement is ProcurementForm.SelectiveTender or ProcurementForm.LumpSum));
            if (c is null)
            {
                return null;
            }

            // The procedure not recorded (for the category, nor for this contract): the reminder, not EL-012/EL-013.
            var unrecorded = UpdateLot(UpdateContract(d, c.Id, k => k with { Publication = null }), c.Lot, l => c.Category == CareCategory.Heavy
                ? l with { Heavy = l.Heavy with { Publication = null } } : l with { Light = l.Light with { Publication = null } });
            return OverThreshold(unrecorded, c, r);
        }),
        new("EL-012", "a tendered category above the threshold announced only nationally or not at all", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => Terms(d, c).Procurement is ProcurementForm.SelectiveTender or ProcurementForm.LumpSum));
            if (c is null)
            {
                return null;
            }

            var publication = new PublicationSpec(r.Next(2) == 0 ? PublicationProcedure.National : PublicationProcedure.None, null, r.Next(2) == 0 ? null : "TenderNed 123456");
            return OverThreshold(UpdateLot(d, c.Lot, l => c.Category == CareCategory.Heavy
                ? l with { Heavy = l.Heavy with { Publication = publication } } : l with { Light = l.Light with { Publication = publication } }), c, r);
        }),
        new("EL-013", "a tendered contract above the threshold announced on its own, nationally", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => Terms(d, c).Procurement is ProcurementForm.SelectiveTender or ProcurementForm.LumpSum));
            return c is null ? null
                : OverThreshold(UpdateContract(d, c.Id, k => k with { Publication = new PublicationSpec(PublicationProcedure.National, d.Period.From.AddDays(-90), "TenderNed 654321") }), c, r);
        }),
        new("EL-014", "an open-house category without a published invitation to join", (d, r) => UpdateTerms(d, r, t => t.Procurement == ProcurementForm.OpenHouse,
            (_, _, t) => t with
            {
                Publication = r.Next(3) switch
                {
                    0 => null,
                    1 => new PublicationSpec(PublicationProcedure.None, null, null),
                    _ => new PublicationSpec(PublicationProcedure.National, d.Period.From.AddDays(-30), null),
                },
            })),
        new("MC-001", "a profile without a main contractor", (d, r) => UpdateProfile(d, r, p => p.MainContractor is not null, p => p with { MainContractor = null })),
        new("MC-001", "the main contractor also listed as co-provider", (d, r) =>
            UpdateProfile(d, r, p => p.MainContractor is not null, p => p with { CoProviders = [.. p.CoProviders, p.MainContractor!] })),
        new("MC-002", "a main contractor without a contract for the lot and category", (d, r) =>
        {
            var p = Pick(r, d.Profiles);
            if (p is null)
            {
                return null;
            }

            var index = new SpecIndex(d);
            var other = Pick(r, d.Providers.Where(q => !index.HoldsContract(q.Id, p.Lot, p.Category, p.Municipality, p.Start)));
            var (design, provider) = other is null ? WithNewProvider(d) : (d, other.Id);
            return Update(design, p.Id, x => x with { MainContractor = provider, CoProviders = Except(x.CoProviders, provider) });
        }),
        new("MC-002", "a profile that starts before any contract of its main contractor", (d, r) =>
            UpdateProfile(d, r, p => p.MainContractor is not null, p => p with { Start = d.Period.From.AddDays(-1 - r.Next(300)) })),
        new("MC-003", "a co-provider neither contracted nor a registered subcontractor", (d, r) =>
        {
            var p = Pick(r, d.Profiles);
            if (p is null)
            {
                return null;
            }

            var index = new SpecIndex(d);
            var subcontractors = p.MainContractor is { } main && index.IsProvider(main) ? index.Provider(main).Subcontractors : [];
            var other = Pick(r, d.Providers.Where(q => q.Id != p.MainContractor && !subcontractors.Contains(q.Id)
                && !index.HoldsContract(q.Id, p.Lot, CareCategory.Light, p.Municipality, p.Start) && !index.HoldsContract(q.Id, p.Lot, CareCategory.Heavy, p.Municipality, p.Start)));
            var (design, provider) = other is null ? WithNewProvider(d) : (d, other.Id);
            return Update(design, p.Id, x => x with { CoProviders = [.. x.CoProviders, provider] });
        }),
        new("MC-004", "the main contractor is not a member of the cooperative whose contract the profile names", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => IsCooperative(d, c.Party)));
            var p = c is null ? null : Pick(r, d.Profiles.Where(p => p.Lot == c.Lot && p.Category == c.Category));
            var outsider = c is null ? null : Pick(r, d.Providers.Where(q => !Cooperative(d, c.Party)!.Members.Contains(q.Id)));
            return p is null || outsider is null ? null : Update(d, p.Id, x => x with { Contract = c!.Id, MainContractor = outsider.Id, CoProviders = Except(x.CoProviders, outsider.Id) });
        }),
        new("MC-005", "a profile budget above the category's budget limit", (d, r) =>
            UpdateProfile(d, r, p => Lot(d, p.Lot).Terms(p.Category).Limits.Budget is not null, p => p with { Budget = Lot(d, p.Lot).Terms(p.Category).Limits.Budget!.Value + Pick(r, [0.01m, 1m, 250m])! })),
        new("MC-006", "a profile names a contract that does not fit it", (d, r) =>
        {
            var p = Pick(r, d.Profiles);
            var c = p is null ? null : Pick(r, d.Contracts.Where(c => c.Lot != p.Lot || c.Category != p.Category || !c.Municipalities.Contains(p.Municipality) || !SpecIndex.Contains(c.Period, p.Start)));
            return c is null ? null : Update(d, p!.Id, x => x with { Contract = c.Id });
        }),
        new("ES-001", "a light profile over a light limit", (d, r) =>
        {
            var p = Pick(r, d.Profiles.Where(p => p.Category == CareCategory.Light && Lot(d, p.Lot).Light.Limits != LimitsSpec.None));
            if (p is null)
            {
                return null;
            }

            var limits = Lot(d, p.Lot).Light.Limits;
            var options = new List<Func<ProfileSpec, ProfileSpec>>();
            if (limits.Intensity is { } i)
            {
                options.Add(x => x with { Intensity = i + 0.5m });
            }

            if (limits.Duration is { } months)
            {
                options.Add(x => x with { Duration = months + 1 });
            }

            if (limits.Budget is { } b)
            {
                options.Add(x => x with { Budget = b + 1 });
            }

            return Update(d, p.Id, Pick(r, options)!);
        }),
        new("ES-002", "an escalation approved by another access team, or by none", (d, r) =>
        {
            var e = Pick(r, d.Escalations);
            return e is null ? null : UpdateEscalation(d, e, x => x with { ApprovedBy = r.Next(2) == 0 ? null : "toegang-elders" });
        }),
        new("ES-002", "an escalation approved by the expert team without being referred to it", (d, r) =>
        {
            var e = Pick(r, d.Escalations);
            return e is null || d.ExpertTeam is not { } team ? null : UpdateEscalation(d, e, x => x with { ApprovedBy = team.Id, ExpertTeam = null });
        }),
        new("ES-003", "escalated to heavy, the responsible provider holds no heavy contract", (d, r) => Responsible(d, r, CareCategory.Heavy)),
        new("ES-004", "a local-to-regional escalation to a lot that is not regional", (d, r) =>
        {
            var local = Pick(r, d.Lots.Where(l => l.Scope == LotScope.Local));
            var e = Pick(r, d.Escalations);
            return local is null || e is null ? null : UpdateEscalation(d, e, x => x with { FromScope = LotScope.Local, ToScope = LotScope.Regional, ToLot = local.Id });
        }),
        new("ES-005", "de-escalated to light, the responsible provider holds no light contract", (d, r) => Responsible(d, r, CareCategory.Light)),
        new("CO-001", "a lot without contracts in one category", (d, r) =>
        {
            var lot = Pick(r, d.Lots);
            var category = Pick(r, Categories);
            return lot is null ? null : DesignShrinker.RemoveContracts(d, d.Contracts.Where(c => c.Lot != lot.Id || c.Category != category).Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        }),
        new("CO-002", "a municipality joins without any contract", (d, r) =>
            d with { Municipalities = [.. d.Municipalities, new MunicipalitySpec(Fresh(d, "nieuwkoop"), "Nieuwkoop", null, null, "toegang-nieuwkoop")] }),
        new("CO-002", "a municipality taken off its only contract for a lot and category", (d, r) =>
        {
            var candidates = (from lot in d.Lots
                              from m in d.Municipalities
                              from category in Categories
                              let contracts = d.Contracts.Where(c => c.Lot == lot.Id && c.Category == category && c.Municipalities.Contains(m.Id)).ToArray()
                              where contracts.Length == 1 && ParticipatesOn(m, d.Period.From) && !lot.Excludes.Contains(m.Id)
                                  && (lot.Scope == LotScope.Local ? lot.Municipality == m.Id : !d.Lots.Any(o => o.Scope == LotScope.Local && o.Municipality == m.Id && o.EffectiveSector == lot.EffectiveSector))
                              select (Contract: contracts[0], Municipality: m.Id)).ToArray();
            if (candidates.Length == 0)
            {
                return null;
            }

            var (contract, municipality) = candidates[r.Next(candidates.Length)];
            return UpdateContract(d, contract.Id, c => c with { Municipalities = Except(c.Municipalities, municipality) });
        }),
        new("CO-003", "a heavy category with one contracted party", (d, r) =>
        {
            var lot = Pick(r, d.Lots.Where(l => l.Heavy.Procurement is not (ProcurementForm.LumpSum or ProcurementForm.InHouse)
                && d.Contracts.Any(c => c.Lot == l.Id && c.Category == CareCategory.Heavy)));
            if (lot is null)
            {
                return null;
            }

            var party = d.Contracts.First(c => c.Lot == lot.Id && c.Category == CareCategory.Heavy).Party;
            return d with { Contracts = [.. d.Contracts.Select(c => c.Lot == lot.Id && c.Category == CareCategory.Heavy ? c with { Party = party } : c)] };
        }),
        new("CO-004", "two lump-sum contracts of one party overlap", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => Terms(d, c).Procurement == ProcurementForm.LumpSum && c.Municipalities.Length > 0));
            return c is null ? null : d with { Contracts = [.. d.Contracts, c with { Id = Fresh(d, c.Id + "-bis"), Municipalities = [Pick(r, c.Municipalities)!] }] };
        }),
        new("CO-005", "lump-sum contracts leave a gap in the purchasing period", (d, r) =>
        {
            var lot = Pick(r, d.Lots.Where(l => Categories.Any(k => l.Terms(k).Procurement == ProcurementForm.LumpSum)));
            if (lot is null)
            {
                return null;
            }

            var category = Categories.First(k => lot.Terms(k).Procurement == ProcurementForm.LumpSum);
            var days = 1 + r.Next(300);
            var atStart = r.Next(3) == 0;
            var end = d.Period.Until ?? d.Period.From.AddYears(4);
            return d with
            {
                Contracts = [.. d.Contracts.Select(c => c.Lot != lot.Id || c.Category != category ? c
                    : atStart && c.Period.From <= d.Period.From && (c.Period.Until is null || c.Period.Until >= d.Period.From.AddDays(days))
                        ? c with { Period = c.Period with { From = d.Period.From.AddDays(days) } }
                    : !atStart && (c.Period.Until is null || c.Period.Until >= d.Period.Until) && end.AddDays(-days) >= c.Period.From
                        ? c with { Period = c.Period with { Until = end.AddDays(-days) } }
                    : c)],
            };
        }),
        new("CO-005", "a few days between successive lump-sum contracts", (d, r) =>
        {
            // A contract that ends inside the purchasing period while another of the same lump-sum category starts the
            // next day: the successor starts 1-3 days later, and whatever else ran through that day now ends before it.
            var pairs = (from c in d.Contracts
                         where c.Period.Until is { } end && end >= d.Period.From && (d.Period.Until is null || end < d.Period.Until)
                             && Terms(d, c).Procurement == ProcurementForm.LumpSum
                         from next in d.Contracts
                         where next.Lot == c.Lot && next.Category == c.Category && next.Period.From == c.Period.Until!.Value.AddDays(1)
                         select (c.Lot, c.Category, End: c.Period.Until!.Value)).Distinct().ToArray();
            if (pairs.Length == 0)
            {
                return null;
            }

            var (lot, category, end) = pairs[r.Next(pairs.Length)];
            var late = end.AddDays(1 + Pick(r, [1, 1, 2, 3]));
            return d with
            {
                Contracts = [.. d.Contracts.Select(c => c.Lot != lot || c.Category != category ? c
                    : c.Period.From == end.AddDays(1) ? c with { Period = c.Period with { From = c.Period.Until is { } u && u < late ? u : late } }
                    : SpecIndex.Contains(c.Period, end.AddDays(1)) ? c with { Period = c.Period with { Until = end } }
                    : c)],
            };
        }),
        // Continuity of care: one party for most heavy profiles, a crisis lot with one party for a municipality.
        new("CO-006", "ten more heavy profiles delivered by one party", (d, r) =>
        {
            var c = Pick(r, d.Contracts.Where(c => c.Category == CareCategory.Heavy && c.Municipalities.Length > 0 && c.Period.Until is not null
                && Terms(d, c).Procurement is not (ProcurementForm.LumpSum or ProcurementForm.InHouse)
                && (!IsCooperative(d, c.Party) || Cooperative(d, c.Party)!.Members.Length > 0)));
            if (c is null)
            {
                return null;
            }

            var main = IsCooperative(d, c.Party) ? Cooperative(d, c.Party)!.Members[0] : c.Party;
            var budget = Terms(d, c).Limits.Budget ?? 40_000m;
            var added = Enumerable.Range(0, ShippedRulesOracle.MinProfilesForShare).Select(i => new ProfileSpec(
                Fresh(d, $"P-dep-{i}"), null, c.Municipalities[0], c.Lot, CareCategory.Heavy, main, [], 4m, 12, r.Next(2) == 0 ? budget : 0m, c.Period.From, null, null));
            return d with { Profiles = [.. d.Profiles, .. added] };
        }),
        // Residence (woonplaatsbeginsel): the municipality responsible for a stay.
        new("CO-008", "a stay without a responsible municipality", (d, r) =>
            UpdateProfile(d, r, _ => true, p => p with { Stay = true, ResponsibleMunicipality = null })),
        new("CO-008", "a stay whose responsible municipality does not take part when it begins", (d, r) =>
        {
            var p = Pick(r, d.Profiles);
            if (p is null)
            {
                return null;
            }

            var absent = Pick(r, d.Municipalities.Where(m => !ParticipatesOn(m, p.Start)));
            if (absent is not null)
            {
                return Update(d, p.Id, x => x with { Stay = true, ResponsibleMunicipality = absent.Id });
            }

            // A municipality that left the region before the stay began, or joins after it.
            var id = Fresh(d, "oud-beijerland");
            var gone = r.Next(2) == 0
                ? new MunicipalitySpec(id, "Oud-Beijerland", null, p.Start.AddDays(-1 - r.Next(400)), "toegang-" + id)
                : new MunicipalitySpec(id, "Oud-Beijerland", p.Start.AddDays(1 + r.Next(400)), null, "toegang-" + id);
            return Update(d with { Municipalities = [.. d.Municipalities, gone] }, p.Id, x => x with { Stay = true, ResponsibleMunicipality = id });
        }),
        new("CO-009", "a municipality leaves the region while a stay it is responsible for runs on", (d, r) =>
        {
            var p = Pick(r, d.Profiles.Where(p => p.Duration > 0));
            if (p is null)
            {
                return null;
            }

            var end = p.Start.AddMonths(p.Duration).AddDays(-1);
            var leaving = Pick(r, d.Municipalities.Where(m => m.Until is { } until && ParticipatesOn(m, p.Start) && until < end));
            if (leaving is not null)
            {
                return Update(d, p.Id, x => x with { Stay = true, ResponsibleMunicipality = leaving.Id });
            }

            // The responsible municipality leaves on a day inside the stay, before its last day.
            var responsible = p.Stay && p.ResponsibleMunicipality is { } named && d.Municipalities.Any(m => m.Id == named) ? named : p.Municipality;
            var last = p.Start.AddDays(r.Next(Math.Max(1, end.DayNumber - p.Start.DayNumber)));
            return UpdateMunicipality(Update(d, p.Id, x => x with { Stay = true, ResponsibleMunicipality = responsible }), responsible, m => m with
            {
                From = m.From is { } f && f > last ? last : m.From,
                Until = last,
            });
        }),
        new("CO-007", "a lot of one party per municipality becomes a crisis lot", (d, r) =>
        {
            var lot = Pick(r, d.Lots.Where(l => l.Heavy.Procurement is ProcurementForm.LumpSum or ProcurementForm.InHouse
                && d.Contracts.Any(c => c.Lot == l.Id && c.Category == CareCategory.Heavy && SpecIndex.Contains(c.Period, d.Period.From) && c.Municipalities.Length > 0)));
            return lot is null ? null : UpdateLot(d, lot.Id, l => l with { ProductCategories = [Pick(r, ShippedRulesOracle.CrisisOrResidential)!] });
        }),
        new("ES-006", "the design names no expert team", (d, r) => d.ExpertTeam is not { } team ? null : d with
        {
            ExpertTeam = null,
            // Referrals go with the team; what the team approved, the access team now approves.
            Escalations = [.. d.Escalations.Select(e => e with
            {
                ExpertTeam = null,
                ApprovedBy = e.ApprovedBy == team.Id ? d.Profiles.FirstOrDefault(p => p.Id == e.Profile) is { } p ? d.Municipalities.FirstOrDefault(m => m.Id == p.Municipality)?.AccessTeam : null : e.ApprovedBy,
            })],
        }),

        // Contract terms: the products of a category and their tariffs, and lump-sum contracts.
        new("CT-001", "a product of an iJw category outside its lot's product categories", (d, r) => WithProduct(d, r, (lot, terms) =>
        {
            var category = Pick(r, ForeignCategories.Where(c => !lot.ProductCategories.Contains(c)))!;
            return terms with { Products = [.. terms.ProductList, ProductFor(terms, Fresh(d, category + "X99"), "Product buiten het perceel", category, r)] };
        })),
        new("CT-002", "a product code that means another product elsewhere", (d, r) =>
        {
            var source = Pick(r, AllTerms(d).SelectMany(x => x.Terms.ProductList.Select(p => (x.Lot, x.Category, Product: p))));
            if (source.Product is null)
            {
                return null;
            }

            var target = Pick(r, AllTerms(d).Where(x => (x.Lot.Id, x.Category) != (source.Lot.Id, source.Category) && x.Terms.ProductList.All(p => p.Code != source.Product.Code)));
            if (target.Lot is null)
            {
                return null;
            }

            var p = source.Product;
            var other = r.Next(2) == 0
                ? p with { Name = p.Name + " (andere betekenis)" }
                : p with { Standard = !p.Standard };
            var product = ProductFor(target.Terms, other.Code, other.Name, other.Category, r) with { Standard = other.Standard };
            return UpdateTermsOf(d, target.Lot.Id, target.Category, t => t with { Products = [.. t.ProductList, product] });
        }),
        new("CT-003", "a product in another execution variant than the category's financing form", (d, r) => WithProduct(d, r, (lot, terms) =>
        {
            var financing = terms.Financing ?? Pick(r, Enum.GetValues<FinancingForm>());
            var variant = Pick(r, Enum.GetValues<FinancingForm>().Where(f => f != financing));
            var terms2 = terms with { Financing = financing };
            var product = ProductFor(terms2, Fresh(d, "45X98"), "Product in een andere variant", lot.ProductCategories.FirstOrDefault() ?? "45", r);
            return terms2 with { Products = [.. terms.ProductList, product with { Variant = variant, Unit = UnitFor(variant, r) }] };
        })),
        new("CT-003", "a product whose unit does not fit its execution variant", (d, r) => WithProduct(d, r, (lot, terms) =>
        {
            var variant = terms.Financing is { } f && f != FinancingForm.TaskOriented ? f : Pick(r, [FinancingForm.EffortBased, FinancingForm.OutputBased]);
            var terms2 = terms with { Financing = terms.Financing == FinancingForm.TaskOriented ? variant : terms.Financing };
            var unit = variant == FinancingForm.EffortBased
                ? Pick(r, new ProductUnit?[] { null, ProductUnit.Product, ProductUnit.Trajectory })
                : Pick(r, new ProductUnit?[] { null, ProductUnit.Hour, ProductUnit.Day, ProductUnit.Month });
            var product = ProductFor(terms2, Fresh(d, "45X97"), "Product met een andere eenheid", lot.ProductCategories.FirstOrDefault() ?? "45", r);
            return terms2 with { Products = [.. terms.ProductList, product with { Variant = variant, Unit = unit }] };
        })),
        new("CT-004", "youth protection or probation in a category that requires no certified institution", (d, r) =>
        {
            var certified = Pick(r, AllTerms(d).Where(x => x.Terms.ProductList.Any(p => p.Category is "47" or "48")));
            if (certified.Lot is not null)
            {
                return UpdateTermsOf(d, certified.Lot.Id, certified.Category, t => t with { Qualifications = Except(t.Qualifications, CompliantDesignBuilder.Certified) });
            }

            // No such products yet: a lot of youth protection gets one in a category that does not ask for certification.
            return WithProduct(d, r, (lot, terms) =>
            {
                var category = Pick(r, ["47", "48"])!;
                var product = ProductFor(terms, Fresh(d, category + "X96"), category == "48" ? "Ondertoezichtstelling" : "Jeugdreclassering", category, r);
                return terms with { Qualifications = Except(terms.Qualifications, CompliantDesignBuilder.Certified), Products = [.. terms.ProductList, product] };
            }, lot => lot with { ProductCategories = [.. lot.ProductCategories, "48", "47"] });
        }),
        new("CT-005", "a tariff without a cost build-up in a framework from 1 July 2024", (d, r) =>
            WithTariff(FromFairPrice(d), r, t => t with { Staff = null, ClientRelated = null, Overhead = null })),
        new("CT-005", "a cost build-up that does not add up to the tariff", (d, r) =>
            WithTariff(FromFairPrice(d), r, t => t.Staff is { } staff
                ? t with { Staff = staff + Pick(r, [0.01m, -0.01m, 1m, 10m])! }
                : t with { Staff = t.Amount, ClientRelated = Pick(r, [0.01m, 5m])!, Overhead = 0m })),
        new("CT-006", "the same product code priced differently without a stated reason", Differently),
        new("CT-007", "a tariff without indexation", (d, r) => WithTariff(d, r, t => t with { Indexation = null })),
        new("CT-008", "a lump-sum contract without a budget", (d, r) => UpdateLumpSumContract(d, r, c => c with { Budget = null })),
        new("CT-008", "a lump-sum contract without an end date", (d, r) => UpdateLumpSumContract(d, r, c => c with { Period = c.Period with { Until = null } })),
        new("CT-008", "a lump-sum contract without a hardship clause", (d, r) => UpdateLumpSumContract(d, r, c => c with { HardshipClause = null })),
    ];

    /// <summary>
    /// A priced product (one is priced first if there is none) copied under its code into another category, preferably
    /// the other category of its own lot, at another price; neither states why.
    /// </summary>
    private static DesignSpec? Differently(DesignSpec design, Random r)
    {
        static (LotSpec Lot, CareCategory Category, ProductSpec Product)[] Priced(DesignSpec d) =>
            [.. AllTerms(d).SelectMany(x => x.Terms.ProductList.Where(p => p.Tariff is not null).Select(p => (x.Lot, x.Category, p)))];

        var d = Priced(design).Length > 0 ? design : WithTariff(design, r, t => t);
        if (d is null || Priced(d) is not { Length: > 0 } priced)
        {
            return null;
        }

        var (lot, category, p) = priced[r.Next(priced.Length)];
        var targets = AllTerms(d).Where(x => (x.Lot.Id, x.Category) != (lot.Id, category) && x.Terms.ProductList.All(q => q.Code != p.Code))
            .OrderBy(x => x.Lot.Id == lot.Id ? 0 : 1).ToArray();
        if (targets.Length == 0)
        {
            return null;
        }

        var target = targets[0].Lot.Id == lot.Id ? targets[0] : targets[r.Next(targets.Length)];
        var tariff = p.Tariff! with { Differentiation = null };
        var amount = tariff.Amount + Pick(r, [0.01m, 1m, 12.5m]);
        var copy = ProductFor(target.Terms, p.Code, p.Name, p.Category, r) with
        {
            Standard = p.Standard,
            Tariff = tariff.Staff is null ? tariff with { Amount = amount } : tariff with { Amount = amount, Overhead = amount - tariff.Staff - tariff.ClientRelated },
        };
        var unexplained = UpdateTermsOf(d, lot.Id, category, t => t with { Products = [.. t.ProductList.Select(x => x == p ? x with { Tariff = tariff } : x)] });
        return UpdateTermsOf(unexplained, target.Lot.Id, target.Category, t => t with { Products = [.. t.ProductList, copy] });
    }

    /// <summary>Every category of every lot.</summary>
    private static IEnumerable<(LotSpec Lot, CareCategory Category, TermsSpec Terms)> AllTerms(DesignSpec d) =>
        d.Lots.SelectMany(l => Categories.Select(k => (l, k, l.Terms(k))));

    /// <summary>Changes one category of a lot (chosen at random); <paramref name="lotChange"/> may change the lot itself too.</summary>
    private static DesignSpec? WithProduct(DesignSpec d, Random r, Func<LotSpec, TermsSpec, TermsSpec> change, Func<LotSpec, LotSpec>? lotChange = null)
    {
        var (lot, category, _) = Pick(r, AllTerms(d));
        if (lot is null)
        {
            return null;
        }

        var changed = lotChange is null ? lot : lotChange(lot);
        return UpdateLot(d, lot.Id, _ => category == CareCategory.Light
            ? changed with { Light = change(changed, changed.Light) }
            : changed with { Heavy = change(changed, changed.Heavy) });
    }

    /// <summary>
    /// Changes the tariff of a priced product; with none, first prices a product (fully built up and indexed), or adds
    /// a priced product of the lot's category to a category without products.
    /// </summary>
    private static DesignSpec? WithTariff(DesignSpec d, Random r, Func<TariffSpec, TariffSpec> change)
    {
        var priced = AllTerms(d).SelectMany(x => x.Terms.ProductList.Where(p => p.Tariff is not null).Select(p => (x.Lot, x.Category, Product: p))).ToArray();
        if (priced.Length > 0)
        {
            var (lot, category, product) = priced[r.Next(priced.Length)];
            return UpdateTermsOf(d, lot.Id, category, t => t with { Products = [.. t.ProductList.Select(p => p == product ? p with { Tariff = change(p.Tariff!) } : p)] });
        }

        return WithProduct(d, r, (lot, terms) =>
        {
            var product = ProductFor(terms, Fresh(d, "45X95"), "Geprijsd product", lot.ProductCategories.FirstOrDefault() ?? "45", r);
            return terms with { Products = [.. terms.ProductList, product with { Tariff = change(product.Tariff!) }] };
        });
    }

    /// <summary>A product that fits the category (variant of its financing form, a fitting unit), priced in full: 72/8/20 and indexed by OVA.</summary>
    private static ProductSpec ProductFor(TermsSpec terms, string code, string name, string category, Random r)
    {
        var variant = terms.Financing ?? FinancingForm.OutputBased;
        var amount = Pick(r, [75m, 98.4m, 1250m])!;
        var tariff = new TariffSpec(amount, amount * 0.72m, amount * 0.08m, amount * 0.2m, "OVA", null);
        return new ProductSpec(code, name, category, variant, UnitFor(variant, r), false, tariff);
    }

    private static ProductUnit? UnitFor(FinancingForm variant, Random r) => variant switch
    {
        FinancingForm.EffortBased => Pick(r, [ProductUnit.Hour, ProductUnit.Day]),
        FinancingForm.OutputBased => Pick(r, [ProductUnit.Product, ProductUnit.Trajectory]),
        _ => null,
    };

    /// <summary>
    /// The design moved by whole multiples of four years (same weekdays of the month, same leap days) until its
    /// purchasing period starts on or after the fair-price boundary, where tariffs must state their cost build-up.
    /// </summary>
    private static DesignSpec FromFairPrice(DesignSpec d)
    {
        var years = 0;
        while (d.Period.From.AddYears(years) < CompliantDesignBuilder.FairPriceFrom)
        {
            years += 4;
        }

        return years == 0 ? d : SpecTransforms.ShiftYears(d, years);
    }

    /// <summary>Changes a contract that CT-008 applies to: lump-sum procurement or task-oriented financing; with none, one contract becomes task-oriented first.</summary>
    private static DesignSpec? UpdateLumpSumContract(DesignSpec d, Random r, Func<ContractSpec, ContractSpec> change)
    {
        var c = Pick(r, d.Contracts.Where(c => Terms(d, c).Procurement == ProcurementForm.LumpSum || c.Financing == FinancingForm.TaskOriented));
        if (c is null && Pick(r, d.Contracts) is { } any)
        {
            c = any with { Financing = FinancingForm.TaskOriented, Budget = any.Value, HardshipClause = "Hardheidsclausule" };
        }

        return c is null ? null : d with { Contracts = [.. d.Contracts.Select(k => k.Id == c.Id ? change(c) : k)] };
    }

    private static DesignSpec UpdateTermsOf(DesignSpec d, string lot, CareCategory category, Func<TermsSpec, TermsSpec> change) =>
        UpdateLot(d, lot, l => category == CareCategory.Light ? l with { Light = change(l.Light) } : l with { Heavy = change(l.Heavy) });

    public static IReadOnlyList<Defect> Noise { get; } =
    [
        new(null, "a municipality without access team", (d, r) => Pick(r, d.Municipalities) is { } m ? UpdateMunicipality(d, m.Id, x => x with { AccessTeam = null }) : null),
        new(null, "an open-ended contract", (d, r) => Pick(r, d.Contracts) is { } c ? UpdateContract(d, c.Id, x => x with { Period = x.Period with { Until = null } }) : null),
        new(null, "an open-ended purchasing period", (d, r) => d with { Period = d.Period with { Until = null } }),
        new(null, "a co-provider listed twice", (d, r) => UpdateProfile(d, r, p => p.CoProviders.Length > 0, p => p with { CoProviders = [.. p.CoProviders, p.CoProviders[0]] })),
        new(null, "a second escalation without id on the same day", (d, r) => Pick(r, d.Escalations) is { } e
            ? d with { Escalations = [.. d.Escalations, e with { Id = null, To = e.From, From = e.To, ApprovedBy = r.Next(2) == 0 ? null : e.ApprovedBy }] }
            : null),
        new(null, "a profile in the other category", (d, r) => UpdateProfile(d, r, _ => true, p => p with { Category = p.Category == CareCategory.Light ? CareCategory.Heavy : CareCategory.Light })),
        new(null, "a profile under another lot", (d, r) => Pick(r, d.Lots) is { } lot ? UpdateProfile(d, r, _ => true, p => p with { Lot = lot.Id }) : null),
        new(null, "a profile for another municipality", (d, r) => Pick(r, d.Municipalities) is { } m ? UpdateProfile(d, r, _ => true, p => p with { Municipality = m.Id }) : null),
        new(null, "a profile starting on another day", (d, r) => UpdateProfile(d, r, _ => true, p => p with { Start = d.Period.From.AddDays(r.Next(-60, 1600)) })),
        new(null, "a profile transferred to some provider", (d, r) => Pick(r, d.Providers) is { } q ? UpdateProfile(d, r, _ => true, p => p with { TransferredTo = q.Id }) : null),
        new(null, "a profile with another main contractor", (d, r) => Pick(r, d.Providers) is { } q ? UpdateProfile(d, r, _ => true, p => p with { MainContractor = q.Id }) : null),
        new(null, "a contract for another party", (d, r) => Pick(r, d.Contracts) is { } c && Pick(r, [.. d.Providers.Select(p => p.Id), .. d.Cooperatives.Select(k => k.Id)]) is { } party
            ? UpdateContract(d, c.Id, x => x with { Party = party })
            : null),
        new(null, "a contract for one more municipality", (d, r) => Pick(r, d.Contracts) is { } c && Pick(r, d.Municipalities) is { } m
            ? UpdateContract(d, c.Id, x => x with { Municipalities = [.. x.Municipalities, m.Id] })
            : null),
        new(null, "a contract period shifted", (d, r) => Pick(r, d.Contracts) is { } c
            ? UpdateContract(d, c.Id, x => x with { Period = new PeriodSpec(x.Period.From.AddDays(r.Next(-100, 500)), x.Period.Until is { } u ? u.AddDays(r.Next(600, 1200)) : null) })
            : null),
        new(null, "a cooperative region emptied or narrowed", (d, r) => Pick(r, d.Cooperatives) is { } c
            ? UpdateCooperative(d, c.Id, x => x with { Region = r.Next(2) == 0 ? [] : [.. x.Region.Take(1)] })
            : null),
        new(null, "a cooperative member leaves", (d, r) => Pick(r, d.Cooperatives.Where(c => c.Members.Length > 0)) is { } c
            ? UpdateCooperative(d, c.Id, x => x with { Members = x.Members[1..] })
            : null),
        new(null, "an escalation in other directions and scopes", (d, r) => Pick(r, d.Escalations) is { } e
            ? UpdateEscalation(d, e, x => x with
            {
                From = Pick(r, Categories), To = Pick(r, Categories),
                FromScope = Pick(r, new LotScope?[] { null, LotScope.Local, LotScope.Regional }), ToScope = Pick(r, new LotScope?[] { null, LotScope.Local, LotScope.Regional }),
                ToLot = r.Next(2) == 0 ? null : Pick(r, d.Lots)?.Id,
            })
            : null),
        new(null, "another procurement form", (d, r) => UpdateTerms(d, r, _ => true, (_, _, t) => t with { Procurement = Pick(r, Enum.GetValues<ProcurementForm>()) })),
        new(null, "other limits", (d, r) => UpdateTerms(d, r, _ => true, (_, _, t) => t with
        {
            Limits = new LimitsSpec(Pick(r, new decimal?[] { null, 0m, 1.5m, 4m }), Pick(r, new int?[] { null, 0, 6 }), Pick(r, new decimal?[] { null, 0m, 2500m, 60000m })),
        })),
        new(null, "a municipality taking part for another period", (d, r) => Pick(r, d.Municipalities) is { } m
            ? UpdateMunicipality(d, m.Id, x => r.Next(2) == 0
                ? x with { From = d.Period.From.AddDays(r.Next(-30, 900)), Until = null }
                : x with { From = null, Until = d.Period.From.AddDays(r.Next(-30, 900)) })
            : null),
        new(null, "a lot excludes a municipality", (d, r) => Pick(r, d.Lots) is { } l && Pick(r, d.Municipalities) is { } m
            ? UpdateLot(d, l.Id, x => x with { Excludes = [.. x.Excludes, m.Id] })
            : null),
        new(null, "a stay or none, for some responsible municipality or none", (d, r) => UpdateProfile(d, r, _ => true, p => p with
        {
            Stay = r.Next(3) != 0,
            ResponsibleMunicipality = r.Next(4) == 0 ? null : Pick(r, d.Municipalities)?.Id,
        })),
        new(null, "an escalation referred to the expert team, approved by it, the access team or none", (d, r) => d.ExpertTeam is { } team && Pick(r, d.Escalations) is { } e
            ? UpdateEscalation(d, e, x => x with { ExpertTeam = team.Id, ApprovedBy = Pick(r, new[] { team.Id, x.ApprovedBy, null }) })
            : null),
        new(null, "a tariff at another price, its build-up as it was", (d, r) => WithTariff(d, r, t => t with { Amount = Math.Max(0m, t.Amount + Pick(r, [-10m, -0.01m, 0.01m, 25m])) })),
        new(null, "a product in another variant and unit, or without a tariff", (d, r) =>
        {
            var (lot, category, product) = Pick(r, AllTerms(d).SelectMany(x => x.Terms.ProductList.Select(p => (x.Lot, x.Category, Product: p))));
            return product is null ? null : UpdateTermsOf(d, lot.Id, category, t => t with
            {
                Products = [.. t.ProductList.Select(p => p != product ? p : r.Next(3) == 0
                    ? p with { Tariff = null }
                    : p with { Variant = Pick(r, Enum.GetValues<FinancingForm>()), Unit = Pick(r, new ProductUnit?[] { null, ProductUnit.Hour, ProductUnit.Week, ProductUnit.Product, ProductUnit.Trajectory }) })],
            });
        }),
        new(null, "a contract with or without a budget and a hardship clause", (d, r) => Pick(r, d.Contracts) is { } c
            ? UpdateContract(d, c.Id, x => x with { Budget = r.Next(2) == 0 ? null : x.Value, HardshipClause = r.Next(2) == 0 ? null : "Hardheidsclausule" })
            : null),
    ];

    public static IReadOnlyList<Defect> All { get; } = [.. Targeted, .. Noise];

    // Raises the contract's value until its lot and category are worth more than the European threshold in all.
    private static DesignSpec OverThreshold(DesignSpec d, ContractSpec c, Random r)
    {
        var total = d.Contracts.Where(k => k.Lot == c.Lot && k.Category == c.Category).Sum(k => k.Value);
        return UpdateContract(d, c.Id, k => k with { Value = k.Value + Math.Max(0, 750_001m - total) + (r.Next(3) == 0 ? r.Next(1, 500_000) : 0) });
    }

    private static DesignSpec? Responsible(DesignSpec d, Random r, CareCategory to)
    {
        var (design, stranger) = WithNewProvider(d);
        var e = Pick(r, d.Escalations.Where(e => e.To == to));
        if (e is null)
        {
            var p = Pick(r, d.Profiles);
            if (p is null)
            {
                return null;
            }

            e = new EscalationSpec(Fresh(d, "E-defect"), p.Id, to == CareCategory.Heavy ? CareCategory.Light : CareCategory.Heavy, to, null, null, null, p.Start,
                d.Municipalities.FirstOrDefault(m => m.Id == p.Municipality)?.AccessTeam);
            design = design with { Escalations = [.. design.Escalations, e] };
        }

        return Update(design, e.Profile, p => p with { TransferredTo = stranger });
    }

    private static (DesignSpec Design, string Provider) WithNewProvider(DesignSpec d)
    {
        var id = Fresh(d, "nieuwe-aanbieder");
        return (d with { Providers = [.. d.Providers, new ProviderSpec(id, "99999999", "Nieuwe aanbieder", [CompliantDesignBuilder.Vog], [])] }, id);
    }

    internal static string Fresh(DesignSpec d, string stem)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        used.UnionWith(d.Municipalities.Select(x => x.Id));
        used.UnionWith(d.Lots.Select(x => x.Id));
        used.UnionWith(d.Providers.Select(x => x.Id));
        used.UnionWith(d.Cooperatives.Select(x => x.Id));
        used.UnionWith(d.Contracts.Select(x => x.Id));
        used.UnionWith(d.Profiles.Select(x => x.Id));
        used.UnionWith(d.Escalations.Select(x => x.EffectiveId));
        used.UnionWith(d.Lots.SelectMany(l => l.Light.ProductList.Concat(l.Heavy.ProductList)).Select(p => p.Code));
        if (d.ExpertTeam is { } team)
        {
            used.Add(team.Id);
        }

        var id = stem;
        for (var n = 2; used.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }

    private static bool ParticipatesOn(MunicipalitySpec m, DateOnly date) => (m.From is null || m.From <= date) && (m.Until is null || date <= m.Until);

    private static TermsSpec Terms(DesignSpec d, ContractSpec c) => Lot(d, c.Lot).Terms(c.Category);

    private static LotSpec Lot(DesignSpec d, string id) => d.Lots.First(l => l.Id == id);

    private static bool IsProvider(DesignSpec d, string id) => d.Providers.Any(p => p.Id == id);

    private static bool IsCooperative(DesignSpec d, string id) => d.Cooperatives.Any(c => c.Id == id);

    private static CooperativeSpec? Cooperative(DesignSpec d, string id) => d.Cooperatives.FirstOrDefault(c => c.Id == id);

    private static DesignSpec UpdateProvider(DesignSpec d, string id, Func<ProviderSpec, ProviderSpec> change) =>
        d with { Providers = [.. d.Providers.Select(p => p.Id == id ? change(p) : p)] };

    private static DesignSpec UpdateCooperative(DesignSpec d, string id, Func<CooperativeSpec, CooperativeSpec> change) =>
        d with { Cooperatives = [.. d.Cooperatives.Select(c => c.Id == id ? change(c) : c)] };

    private static DesignSpec UpdateMunicipality(DesignSpec d, string id, Func<MunicipalitySpec, MunicipalitySpec> change) =>
        d with { Municipalities = [.. d.Municipalities.Select(m => m.Id == id ? change(m) : m)] };

    private static DesignSpec UpdateLot(DesignSpec d, string id, Func<LotSpec, LotSpec> change) =>
        d with { Lots = [.. d.Lots.Select(l => l.Id == id ? change(l) : l)] };

    private static DesignSpec UpdateContract(DesignSpec d, string id, Func<ContractSpec, ContractSpec> change) =>
        d with { Contracts = [.. d.Contracts.Select(c => c.Id == id ? change(c) : c)] };

    private static DesignSpec Update(DesignSpec d, string profile, Func<ProfileSpec, ProfileSpec> change) =>
        d with { Profiles = [.. d.Profiles.Select(p => p.Id == profile ? change(p) : p)] };

    private static DesignSpec UpdateEscalation(DesignSpec d, EscalationSpec e, Func<EscalationSpec, EscalationSpec> change) =>
        d with { Escalations = [.. d.Escalations.Select(x => ReferenceEquals(x, e) ? change(x) : x)] };

    private static DesignSpec? UpdateProfile(DesignSpec d, Random r, Func<ProfileSpec, bool> fits, Func<ProfileSpec, ProfileSpec> change) =>
        Pick(r, d.Profiles.Where(fits)) is { } p ? Update(d, p.Id, change) : null;

    private static DesignSpec? UpdateTerms(DesignSpec d, Random r, Func<TermsSpec, bool> fits, Func<string, CareCategory, TermsSpec, TermsSpec> change)
    {
        var options = d.Lots.SelectMany(l => Categories.Where(k => fits(l.Terms(k))).Select(k => (Lot: l, Category: k))).ToArray();
        if (options.Length == 0)
        {
            return null;
        }

        var (lot, category) = options[r.Next(options.Length)];
        return UpdateLot(d, lot.Id, l => category == CareCategory.Light ? l with { Light = change(l.Id, category, l.Light) } : l with { Heavy = change(l.Id, category, l.Heavy) });
    }

    private static string[] Except(string[] items, string id) => [.. items.Where(i => i != id)];

    private static T? Pick<T>(Random r, IEnumerable<T> items)
    {
        var array = items as T[] ?? items.ToArray();
        return array.Length == 0 ? default : array[r.Next(array.Length)];
    }
}
