using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// Builds a design that keeps every shipped rule, with the structure of a youth-care region: a purchasing period of a
/// few years; municipalities that stay, leave per 1 January or join later; regional lots and local lots (some bought
/// locally for the sector of a regional lot); light and heavy terms with open house, selective tender, lump sum and
/// in-house; providers with and without the heavy qualifications; cooperatives with members and a region; contracts
/// per group of municipalities with the same participation; care profiles under those contracts, often exactly at a
/// limit; escalations up, down and from local to regional with a transfer, some referred to the region's expert team.
/// Categories list iJw products whose execution variant and unit fit the financing form, one meaning and one price per
/// code (a different price with its reason), with tariffs that state their indexation and, in frameworks from
/// <see cref="FairPriceFrom"/>, their cost build-up; youth protection and probation only where a certified institution
/// is required; lump-sum contracts with a budget and a hardship clause; stays with a responsible municipality that
/// takes part when the stay begins and stays in the region while it runs.
/// </summary>
/// <remarks>
/// Randomness comes from a <see cref="Random"/> seeded by FsCheck (see <see cref="DesignGen"/>), so every design is
/// reproducible from the FsCheck seed; <paramref name="size"/> (FsCheck's size, 0..100) scales the counts.
/// </remarks>
internal sealed class CompliantDesignBuilder(Random random, int size)
{
    internal const string Vog = "vog";
    internal const string Skj = "skj-registered";
    /// <summary>The qualification of a certified institution: the contract-terms parameter <c>certifiedInstitution</c>.</summary>
    internal const string Certified = "certified-institution";

    /// <summary>From this day on a tariff states its cost build-up (the contract-terms parameter <c>fairPriceFrom</c>, CT-005).</summary>
    internal static readonly DateOnly FairPriceFrom = new(2024, 7, 1);

    /// <summary>iJw product categories of care with a stay (residential care and crisis shelter).</summary>
    private static readonly string[] StayCategories = ["43", "46"];

    /// <summary>Products per iJw category: standard codes of the national list and a few own codes, each with one meaning and one price.</summary>
    private static readonly CatalogueProduct[] ProductCatalogue =
    [
        new("45A48", "Ambulante jeugdhulp individueel", "45", true, 98.40m),
        new("45A53", "Ambulante jeugdhulp groep", "45", true, 42.10m),
        new("45X01", "Gezinsbegeleiding (eigen code)", "45", false, 76.00m),
        new("43A05", "Verblijf in een gezinshuis", "43", true, 165.00m),
        new("43X02", "Verblijf behandelgroep (eigen code)", "43", false, 310.50m),
        new("54001", "Jeugd-GGZ basis", "54", true, 112.30m),
        new("54X03", "Jeugd-GGZ specialistisch traject (eigen code)", "54", false, 2450.00m),
        new("46002", "Crisisopvang", "46", true, 285.00m),
        new("48A01", "Uitvoering ondertoezichtstelling", "48", true, 5200.00m),
        new("48A02", "Uitvoering voogdij", "48", true, 6100.00m),
        new("47A01", "Jeugdreclassering toezicht en begeleiding", "47", true, 3900.00m),
    ];

    private static readonly string[] Indexations = ["OVA", "OVA, jaarlijks per 1 januari", "CBS consumentenprijsindex", "OVA (loon) en CPI (materieel), 85/15"];

    private static readonly string[] Differentiations = ["zwaardere doelgroep", "inzet in de avond en het weekend", "kleinschalige groep"];

    private static readonly string[] HardshipClauses =
    [
        "Bij dreigende overschrijding van het budget overleggen partijen binnen vier weken over aanvullende middelen of bijsturing.",
        "Hardheidsclausule: bij onvoorziene volumegroei van meer dan 10% wordt het budget heroverwogen.",
    ];

    private static readonly string[] MunicipalityNames =
    [
        "Dordrecht", "Zwijndrecht", "Papendrecht", "Sliedrecht", "Gorinchem", "Alblasserdam", "Hendrik-Ido-Ambacht", "Molenlanden",
        "Heerlen", "Landgraaf", "Voerendaal", "Den Haag", "Delft", "Voorschoten", "Maastricht", "Sittard-Geleen", "'s-Gravenhage-Zuid", "Súdwest-Fryslân",
    ];

    private static readonly (string Id, string Name, string Code)[] LotTemplates =
    [
        ("ambulant", "Ambulante jeugdhulp", "45"), ("dagbehandeling", "Dagbehandeling", "45"), ("verblijf", "Jeugdhulp met verblijf", "43"),
        ("jeugd-ggz", "Jeugd-GGZ", "54"), ("crisis", "Crisisopvang", "46"), ("jeugdbescherming", "Jeugdbescherming", "48"),
        ("jeugdreclassering", "Jeugdreclassering", "47"), ("basishulp", "Basishulp", "45"),
    ];

    private static readonly string[] ProviderNames =
    [
        "Xonar", "Radar", "Mondriaan", "Koraal", "MeanderGroep Zuid-Limburg", "Alcander Heerlen", "Welsun Landgraaf", "Kindpraktijk",
        "Jeugdteam", "Yulius", "Youz", "Pluryn", "Lindenhout", "Horizon", "Prokino", "Stichting \"Het Kompas\"",
    ];

    private static readonly (string Id, string Name)[] CooperativeNames = [("jens", "JenS"), ("samen-jeugd", "Coöperatie Samen Jeugd")];

    private readonly Random _r = random;
    private readonly int _size = Math.Clamp(size, 0, 100);
    private int _contractNumber;
    private bool _fairPrice;

    public DesignSpec Build()
    {
        var year = 2019 + _r.Next(8);
        var years = 2 + _r.Next(4);
        // A third of the frameworks of 2024 start in the middle of the year, on either side of the fair-price boundary (CT-005).
        var from = year == 2024 && _r.Next(3) == 0 ? Pick([FairPriceFrom.AddDays(-1), FairPriceFrom]) : new DateOnly(year, 1, 1);
        var period = new PeriodSpec(from, new DateOnly(year + years - 1, 12, 31));
        _fairPrice = from >= FairPriceFrom;
        var municipalities = Municipalities(period, year, years);
        var providers = Providers();
        var cooperatives = Cooperatives(providers, municipalities);
        var (lots, needs) = Lots(municipalities);
        var contracts = new List<ContractSpec>();
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = lots[i];
            var light = Contracts(lot, CareCategory.Light, needs[i], period, municipalities, providers, cooperatives, contracts);
            var heavy = Contracts(lot, CareCategory.Heavy, needs[i], period, municipalities, providers, cooperatives, contracts);
            lots[i] = lot with { Light = light, Heavy = heavy };
        }

        providers = Subcontractors(providers);
        var id = $"generated-{year}-{_r.Next(1000):D3}";
        var region = Pick(["Zuid-Holland Zuid", "Zuid-Limburg", "Haaglanden", "Testregio"]);
        var design = new DesignSpec(
            id,
            region,
            period,
            [.. municipalities],
            [.. lots],
            [.. providers],
            [.. cooperatives],
            [.. contracts],
            [],
            [],
            new ExpertTeamSpec("expertteam-" + Slug(region), "Regionaal expertteam " + region));
        return ProfilesAndEscalations(design);
    }

    private List<MunicipalitySpec> Municipalities(PeriodSpec period, int year, int years)
    {
        var count = 1 + _r.Next(1 + Math.Min(7, _size / 12));
        var names = Shuffled(MunicipalityNames).Take(count).ToArray();
        var result = new List<MunicipalitySpec>();
        for (var i = 0; i < names.Length; i++)
        {
            var id = Slug(names[i]);
            DateOnly? from = null;
            DateOnly? until = null;
            var roll = _r.Next(100);
            if (i > 0 && roll < 12 && years >= 2)
            {
                until = new DateOnly(year + _r.Next(years - 1), 12, 31); // leaves per 1 January
            }
            else if (i > 0 && roll < 24 && years >= 2)
            {
                from = new DateOnly(year + 1 + _r.Next(years - 1), 1, 1); // joins later
            }
            else if (i > 0 && roll < 30 && years >= 3)
            {
                var join = year + 1 + _r.Next(years - 2);
                from = new DateOnly(join, 1, 1);
                until = new DateOnly(join + _r.Next(year + years - 1 - join), 12, 31);
            }
            else if (roll >= 90)
            {
                from = period.From.AddYears(-1 - _r.Next(5)); // took part before this framework already
            }

            result.Add(new MunicipalitySpec(id, names[i], from, until, "toegang-" + id));
        }

        return result;
    }

    private List<ProviderSpec> Providers()
    {
        var count = 2 + _r.Next(2 + Math.Min(10, _size / 8));
        var names = Shuffled(ProviderNames).Take(count).ToArray();
        var result = new List<ProviderSpec>();
        for (var i = 0; i < names.Length; i++)
        {
            string[] qualifications = i < 2
                ? [Vog, Skj, Certified]
                : _r.Next(4) switch
                {
                    0 => [Vog],
                    1 => [Vog, Skj, Certified],
                    _ => [Vog, Skj],
                };
            if (_r.Next(8) == 0)
            {
                qualifications = [.. qualifications, "big-registered"];
            }

            var agb = _r.Next(10) == 0 ? "0" + _r.Next(1_000_000, 10_000_000) : _r.Next(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.Add(new ProviderSpec(Slug(names[i]), agb, names[i], qualifications, []));
        }

        return result;
    }

    private List<CooperativeSpec> Cooperatives(List<ProviderSpec> providers, List<MunicipalitySpec> municipalities)
    {
        var roll = _r.Next(100);
        var count = roll < 45 ? 0 : roll < 85 ? 1 : 2;
        var result = new List<CooperativeSpec>();
        for (var i = 0; i < count; i++)
        {
            var members = Shuffled(providers).Take(Math.Min(providers.Count, 2 + _r.Next(2))).Select(p => p.Id).ToArray();
            var region = _r.Next(2) == 0
                ? []
                : Shuffled(municipalities).Take(1 + _r.Next(municipalities.Count)).Select(m => m.Id).ToArray();
            result.Add(new CooperativeSpec(CooperativeNames[i].Id, CooperativeNames[i].Name, members, region));
        }

        return result;
    }

    /// <summary>Lots with their terms (contracts are added later), and per lot the municipalities its contracts must cover.</summary>
    private (List<LotSpec> Lots, List<string[]> Needs) Lots(List<MunicipalitySpec> municipalities)
    {
        var lots = new List<LotSpec>();
        var needs = new List<string[]>();
        var count = 1 + _r.Next(1 + Math.Min(3, _size / 20));
        var templates = Shuffled(LotTemplates).Take(count).ToArray();
        var always = municipalities.Where(m => m.From is null || m.From < new DateOnly(2019, 1, 1)).Where(m => m.Until is null).ToArray();
        foreach (var (id, name, code) in templates)
        {
            var needed = municipalities.Select(m => m.Id).ToList();
            string[] excludes = [];
            if (municipalities.Count > 1 && _r.Next(10) == 0)
            {
                var excluded = municipalities[1 + _r.Next(municipalities.Count - 1)].Id;
                excludes = [excluded];
                needed.Remove(excluded);
            }

            lots.Add(new LotSpec(id, name, _r.Next(6) == 0 ? id : null, [code], LotScope.Regional, null, excludes, Terms(CareCategory.Light, LotScope.Regional, code), Terms(CareCategory.Heavy, LotScope.Regional, code)));
            needs.Add([.. needed]);
        }

        // A municipality that buys a part itself: a local lot, sometimes for the sector of a regional lot, which then
        // need not cover that municipality (it is covered locally, as Den Haag in Haaglanden).
        if (_r.Next(10) < 4)
        {
            var buyer = Pick(always.Length > 0 ? always : [municipalities[0]]);
            var regional = Pick(lots.ToArray());
            var sameSector = _r.Next(2) == 0;
            var template = Pick(LotTemplates);
            var id = $"{buyer.Id}-{template.Id}";
            if (lots.All(l => l.Id != id))
            {
                lots.Add(new LotSpec(
                    id, $"{template.Name} {buyer.Name}", sameSector ? regional.EffectiveSector : null, [template.Code], LotScope.Local, buyer.Id, [],
                    Terms(CareCategory.Light, LotScope.Local, template.Code), Terms(CareCategory.Heavy, LotScope.Local, template.Code)));
                needs.Add([buyer.Id]);
                var regionalIndex = lots.IndexOf(regional);
                if (sameSector && buyer.Id != municipalities[0].Id && _r.Next(5) != 0)
                {
                    needs[regionalIndex] = [.. needs[regionalIndex].Where(m => m != buyer.Id)];
                }
            }
        }

        return (lots, needs);
    }

    private TermsSpec Terms(CareCategory category, LotScope scope, string code)
    {
        var roll = _r.Next(100);
        var procurement = (category, scope) switch
        {
            (CareCategory.Light, LotScope.Regional) => roll < 50 ? ProcurementForm.OpenHouse : roll < 70 ? ProcurementForm.SelectiveTender : roll < 90 ? ProcurementForm.LumpSum : ProcurementForm.InHouse,
            (CareCategory.Light, _) => roll < 50 ? ProcurementForm.InHouse : roll < 80 ? ProcurementForm.LumpSum : ProcurementForm.OpenHouse,
            (_, LotScope.Regional) => roll < 65 ? ProcurementForm.SelectiveTender : roll < 90 ? ProcurementForm.LumpSum : ProcurementForm.InHouse,
            _ => roll < 50 ? ProcurementForm.InHouse : roll < 80 ? ProcurementForm.LumpSum : ProcurementForm.SelectiveTender,
        };
        if (category == CareCategory.Heavy && IsCrisisOrResidential(code))
        {
            // Crisis and residential care keep a second party able to take over everywhere (CO-007): a selective tender.
            procurement = ProcurementForm.SelectiveTender;
        }

        // Youth protection (48) and youth probation (47) only by a certified institution, in both categories (CT-004).
        string[] qualifications = (category, code) switch
        {
            (CareCategory.Light, "47" or "48") => _r.Next(2) == 0 ? [Vog, Certified] : [Vog, Skj, Certified],
            (CareCategory.Light, _) => _r.Next(10) switch { 0 => [], 1 => [Vog, Skj], _ => [Vog] },
            (_, "47" or "48") => [Vog, Skj, Certified],
            _ => [Vog, Skj],
        };
        FinancingForm? financing = procurement == ProcurementForm.LumpSum
            ? (_r.Next(5) == 0 ? null : FinancingForm.TaskOriented)
            : _r.Next(3) switch { 0 => null, 1 => FinancingForm.OutputBased, _ => FinancingForm.EffortBased };
        var limits = category == CareCategory.Light
            ? new LimitsSpec(
                _r.Next(5) == 0 ? null : Pick([2m, 3m, 4m, 4.5m, 6m]),
                _r.Next(5) == 0 ? null : Pick([3, 6, 9, 12]),
                _r.Next(5) == 0 ? null : Pick([5000m, 6000m, 8000m, 10000m]))
            : new LimitsSpec(
                _r.Next(3) == 0 ? Pick([20m, 32m, 40m]) : null,
                _r.Next(3) == 0 ? Pick([12, 24, 36]) : null,
                _r.Next(4) == 0 ? null : Pick([30000m, 60000m, 90000m]));
        if (_r.Next(8) == 0)
        {
            limits = LimitsSpec.None;
        }

        return new TermsSpec(procurement, null, qualifications, financing, limits, Products: Products(code, financing));
    }

    /// <summary>
    /// Some products of the lot's iJw category (none for a fifth of the categories) in the execution variant of the
    /// financing form, any variant where the category states none, with a unit that fits the variant.
    /// </summary>
    private ProductSpec[]? Products(string code, FinancingForm? financing)
    {
        var catalogue = ProductCatalogue.Where(p => p.Category == code).ToArray();
        if (catalogue.Length == 0 || _r.Next(5) == 0)
        {
            return null;
        }

        return [.. Shuffled(catalogue).Take(1 + _r.Next(catalogue.Length)).Select(p => NewProduct(p, financing ?? Pick([FinancingForm.EffortBased, FinancingForm.OutputBased]), _r.Next(4) != 0))];
    }

    private ProductSpec NewProduct(CatalogueProduct p, FinancingForm variant, bool priced)
    {
        ProductUnit? unit = variant switch
        {
            FinancingForm.EffortBased => StayCategories.Contains(p.Category) ? ProductUnit.Day : Pick([ProductUnit.Minute, ProductUnit.Hour, ProductUnit.DayPart, ProductUnit.Day, ProductUnit.Week, ProductUnit.Month]),
            FinancingForm.OutputBased => Pick([ProductUnit.Product, ProductUnit.Trajectory]),
            _ => _r.Next(2) == 0 ? null : ProductUnit.Month,
        };
        return new ProductSpec(p.Code, p.Name, p.Category, variant, unit, p.Standard, priced ? Tariff(p.Price) : null);
    }

    /// <summary>
    /// The catalogue price, or another one with the reason for the differentiation (CT-006); always indexed (CT-007); the
    /// cost build-up adds up to the cent, and is left out only in frameworks before <see cref="FairPriceFrom"/> (CT-005).
    /// </summary>
    private TariffSpec Tariff(decimal price)
    {
        var differentiated = _r.Next(6) == 0;
        var amount = differentiated ? Math.Round(price * Pick([0.9m, 1.15m, 1.25m]), 2) : price;
        if (!_fairPrice && _r.Next(3) == 0)
        {
            return new TariffSpec(amount, null, null, null, Pick(Indexations), differentiated ? Pick(Differentiations) : null);
        }

        var staff = Math.Round(amount * 0.72m, 2);
        var clientRelated = Math.Round(amount * 0.08m, 2);
        return new TariffSpec(amount, staff, clientRelated, amount - staff - clientRelated, Pick(Indexations), differentiated ? Pick(Differentiations) : null);
    }

    private TermsSpec Contracts(
        LotSpec lot,
        CareCategory category,
        string[] needed,
        PeriodSpec period,
        List<MunicipalitySpec> municipalities,
        List<ProviderSpec> providers,
        List<CooperativeSpec> cooperatives,
        List<ContractSpec> contracts)
    {
        var terms = lot.Terms(category);
        var byId = municipalities.ToDictionary(m => m.Id, StringComparer.Ordinal);

        // Municipalities with the same participation inside the purchasing period share a contract period, so every
        // municipality on a contract takes part throughout it; the group of those taking part throughout comes first.
        var groups = needed
            .Select(id => byId[id])
            .GroupBy(m => (From: Max(m.From, period.From), Until: Min(m.Until, period.Until!.Value)))
            .Where(g => g.Key.From <= g.Key.Until)
            .OrderBy(g => g.Key.From).ThenByDescending(g => g.Key.Until)
            .Select(g => (Period: new PeriodSpec(g.Key.From, g.Key.Until), Municipalities: g.Select(m => m.Id).ToArray()))
            .ToArray();

        bool Qualified(ProviderSpec p) => terms.Qualifications.All(q => p.Qualifications.Contains(q));
        string[] Eligible(string[] group) =>
        [
            .. providers.Where(Qualified).Select(p => p.Id),
            .. cooperatives
                .Where(c => c.Members.Length > 0 && c.Members.All(m => Qualified(providers.First(p => p.Id == m))))
                .Where(c => c.Region.Length == 0 || group.All(c.Region.Contains))
                .Select(c => c.Id),
        ];

        var added = new List<ContractSpec>();
        void Add(string party, (PeriodSpec Period, string[] Municipalities) group) =>
            added.Add(new ContractSpec($"C-{++_contractNumber:D3}", party, lot.Id, category, group.Municipalities, group.Period,
                terms.Financing ?? (_r.Next(3) == 0 ? FinancingForm.OutputBased : null), 0));

        int? maxProviders = null;
        switch (terms.Procurement)
        {
            case ProcurementForm.SelectiveTender:
                {
                    // A pool of parties eligible for every group; at least two for heavy care (covering care landscape).
                    var pool = providers.Where(Qualified).Select(p => p.Id).ToArray();
                    var minimum = category == CareCategory.Heavy ? 2 : 1;
                    var chosen = Shuffled(pool).Take(minimum + _r.Next(Math.Max(1, Math.Min(3, pool.Length - minimum + 1)))).ToArray();
                    var everyoneEverywhere = category == CareCategory.Heavy && lot.ProductCategories.Any(IsCrisisOrResidential);
                    for (var g = 0; g < groups.Length; g++)
                    {
                        var parties = g == 0 || everyoneEverywhere ? chosen : Shuffled(chosen).Take(1 + _r.Next(chosen.Length)).ToArray();
                        foreach (var party in parties)
                        {
                            Add(party, groups[g]);
                        }
                    }

                    maxProviders = chosen.Length + _r.Next(3);
                    break;
                }

            case ProcurementForm.OpenHouse:
                foreach (var group in groups)
                {
                    foreach (var party in Shuffled(Eligible(group.Municipalities)).Take(1 + _r.Next(3)))
                    {
                        Add(party, group);
                    }
                }

                break;

            default:
                // Lump sum and in-house: one party per group; groups share no municipality, so no overlap. The group
                // taking part throughout is sometimes served by two successive contracts (split per 1 January), with
                // the same or another party.
                var single = _r.Next(2) == 0 ? null : Pick(Eligible(groups[0].Municipalities));
                foreach (var group in groups)
                {
                    var eligible = Eligible(group.Municipalities);
                    var party = single is not null && eligible.Contains(single) ? single : Pick(eligible);
                    var (from, until) = (group.Period.From, group.Period.Until!.Value);
                    if (group == groups[0] && until.Year > from.Year && _r.Next(3) == 0)
                    {
                        var split = new DateOnly(from.Year + _r.Next(until.Year - from.Year), 12, 31);
                        Add(party, (new PeriodSpec(from, split), group.Municipalities));
                        Add(_r.Next(2) == 0 ? party : Pick(eligible), (new PeriodSpec(split.AddDays(1), until), group.Municipalities));
                    }
                    else
                    {
                        Add(party, group);
                    }
                }

                if (_r.Next(5) == 0)
                {
                    maxProviders = 1;
                }

                break;
        }

        // Estimated values; a tendered category stays within the European threshold in all, sometimes exactly at it.
        var tendered = terms.Procurement is ProcurementForm.SelectiveTender or ProcurementForm.LumpSum;
        var exact = tendered && _r.Next(5) == 0;
        var remaining = 750_000m;
        for (var i = 0; i < added.Count; i++)
        {
            decimal value;
            if (!tendered)
            {
                value = 1000m * _r.Next(10, 2000);
            }
            else if (exact && i == added.Count - 1)
            {
                value = remaining;
            }
            else
            {
                var share = Math.Max(10, (int)(750_000m / added.Count / 1000m));
                value = exact ? share * 1000m : 1000m * _r.Next(10, share + 1);
            }

            remaining -= value;
            var own = tendered && _r.Next(6) == 0 ? Publication(terms.Procurement) : null;
            // A lump-sum contract states its budget (here its value, or a round sum below it) and a hardship clause (CT-008).
            var lumpSum = terms.Procurement == ProcurementForm.LumpSum || added[i].Financing == FinancingForm.TaskOriented;
            contracts.Add(added[i] with
            {
                Value = value,
                Publication = own,
                Budget = lumpSum ? (_r.Next(3) == 0 ? Math.Max(1000m, Math.Floor(value * 0.9m / 1000m) * 1000m) : value) : null,
                HardshipClause = lumpSum ? Pick(HardshipClauses) : null,
            });
        }

        return terms with { MaxProviders = maxProviders, Publication = Publication(terms.Procurement) };
    }

    private static bool IsCrisisOrResidential(string code) => ShippedRulesOracle.CrisisOrResidential.Contains(code);

    /// <summary>
    /// An open-house category records where its invitation was published (EL-014); a tendered one, within the threshold,
    /// records any procedure or none (EL-011 then reminds, EL-012 accepts any procedure below the threshold).
    /// </summary>
    private PublicationSpec? Publication(ProcurementForm procurement)
    {
        var date = _r.Next(3) == 0 ? (DateOnly?)null : new DateOnly(2018 + _r.Next(6), 1 + _r.Next(12), 1 + _r.Next(28));
        var notice = $"TenderNed {_r.Next(100_000, 1_000_000)}";
        return procurement switch
        {
            ProcurementForm.OpenHouse => new PublicationSpec(_r.Next(4) == 0 ? PublicationProcedure.European : PublicationProcedure.National, date, notice),
            ProcurementForm.SelectiveTender or ProcurementForm.LumpSum => _r.Next(4) switch
            {
                0 => null,
                1 => new PublicationSpec(PublicationProcedure.European, date, $"TED 2022/S {_r.Next(1, 250)}-{_r.Next(100_000, 999_999)}"),
                2 => new PublicationSpec(PublicationProcedure.National, date, _r.Next(2) == 0 ? null : notice),
                _ => new PublicationSpec(PublicationProcedure.None, null, null),
            },
            _ => null,
        };
    }

    private List<ProviderSpec> Subcontractors(List<ProviderSpec> providers) =>
        [.. providers.Select(p => _r.Next(4) != 0 || providers.Count < 2
            ? p
            : p with { Subcontractors = [.. Shuffled(providers.Where(o => o.Id != p.Id)).Take(1 + _r.Next(2)).Select(o => o.Id)] })];

    private DesignSpec ProfilesAndEscalations(DesignSpec design)
    {
        var count = _r.Next(1 + (_size * 2 / 3));
        var profiles = new List<ProfileSpec>();
        var escalations = new List<EscalationSpec>();
        var index = new SpecIndex(design);
        for (var i = 0; i < count && design.Contracts.Length > 0; i++)
        {
            var contract = Pick(design.Contracts);
            if (contract.Category == CareCategory.Heavy && index.Lot(contract.Lot).Heavy.Procurement is not (ProcurementForm.LumpSum or ProcurementForm.InHouse)
                && profiles.Count(p => p.Lot == contract.Lot && p.Category == CareCategory.Heavy) >= ShippedRulesOracle.MinProfilesForShare - 1)
            {
                // Below the number of profiles from which one party's share counts (CO-006).
                continue;
            }

            var municipality = Pick(contract.Municipalities);
            var start = DateIn(contract.Period.From, contract.Period.Until!.Value);
            var main = index.IsCooperative(contract.Party) ? Pick(index.Cooperative(contract.Party).Members) : contract.Party;
            var lot = index.Lot(contract.Lot);
            var (intensity, duration, budget) = Size(lot, contract.Category);
            var id = $"P-{i + 1:D4}";

            // Co-providers: contracted themselves for this lot (either category), or registered subcontractors of the main contractor.
            string[] coProviders = [];
            if (_r.Next(10) < 3)
            {
                var candidates = design.Providers
                    .Where(p => p.Id != main)
                    .Where(p => index.HoldsContract(p.Id, lot.Id, CareCategory.Light, municipality, start)
                        || index.HoldsContract(p.Id, lot.Id, CareCategory.Heavy, municipality, start)
                        || index.Provider(main).Subcontractors.Contains(p.Id))
                    .Select(p => p.Id)
                    .ToArray();
                coProviders = [.. Shuffled(candidates).Take(_r.Next(1, 3))];
            }

            var profile = new ProfileSpec(
                id, _r.Next(10) < 3 ? $"K{_r.Next(10000, 100000)}" : null, municipality, lot.Id, contract.Category, main, coProviders,
                intensity, duration, budget, start, null, _r.Next(10) < 4 ? contract.Id : null);
            profile = Stay(design, lot, profile);

            if (_r.Next(5) == 0)
            {
                var approvedBy = index.Municipality(municipality).AccessTeam;
                string? expertTeam = null;
                if (design.ExpertTeam is { } team && _r.Next(4) == 0)
                {
                    // Referred to the region's expert team, which approves it or leaves that to the access team (ES-002).
                    expertTeam = team.Id;
                    approvedBy = _r.Next(2) == 0 ? team.Id : approvedBy;
                }

                var escalationId = _r.Next(10) < 7 ? $"E-{escalations.Count + 1}" : null;
                var regional = design.Contracts
                    .Where(c => c.Category == CareCategory.Heavy && index.Lot(c.Lot).Scope == LotScope.Regional && c.Municipalities.Contains(municipality))
                    .Where(c => !index.IsCooperative(c.Party) || index.Cooperative(c.Party).Members.Length > 0)
                    .ToArray();
                if (lot.Scope == LotScope.Local && contract.Category == CareCategory.Heavy && regional.Length > 0)
                {
                    // From local to regional care: transferred to a provider with a heavy contract for the regional lot.
                    var target = Pick(regional);
                    var transferTo = index.IsCooperative(target.Party) ? Pick(index.Cooperative(target.Party).Members) : target.Party;
                    profile = profile with { TransferredTo = transferTo };
                    escalations.Add(new EscalationSpec(escalationId, id, CareCategory.Heavy, CareCategory.Heavy, LotScope.Local, LotScope.Regional, target.Lot,
                        DateIn(target.Period.From, target.Period.Until!.Value), approvedBy, expertTeam));
                }
                else
                {
                    var up = contract.Category == CareCategory.Heavy;
                    escalations.Add(new EscalationSpec(escalationId, id, up ? CareCategory.Light : CareCategory.Heavy, contract.Category, null, null, null,
                        DateIn(start, contract.Period.Until!.Value), approvedBy, expertTeam));
                }
            }

            profiles.Add(profile);
        }

        return design with { Profiles = [.. profiles], Escalations = [.. escalations] };
    }

    /// <summary>
    /// Half of the profiles of residential and crisis lots, and a few others (foster care), are a stay. The responsible
    /// municipality (woonplaatsbeginsel) is mostly the profile's own, else another: one that takes part when the stay
    /// begins (CO-008) and, if it leaves the region, not before the stay ends (CO-009; at times on its last day). No
    /// such municipality: no stay.
    /// </summary>
    private ProfileSpec Stay(DesignSpec design, LotSpec lot, ProfileSpec profile)
    {
        if (_r.Next(10) >= (lot.ProductCategories.Any(StayCategories.Contains) ? 5 : 1))
        {
            return profile;
        }

        var end = EndOf(profile.Start, profile.Duration);
        var fits = design.Municipalities
            .Where(m => (m.From is null || m.From <= profile.Start) && (m.Until is null || (profile.Start <= m.Until && end <= m.Until)))
            .Select(m => m.Id)
            .ToArray();
        if (fits.Length == 0)
        {
            return profile;
        }

        var responsible = fits.Contains(profile.Municipality) && _r.Next(3) != 0 ? profile.Municipality : Pick(fits);
        return profile with { Stay = true, ResponsibleMunicipality = responsible };
    }

    /// <summary>Intensity, duration and budget within the category's limits; a quarter of the values lie exactly on a limit.</summary>
    private (decimal Intensity, int Duration, decimal Budget) Size(LotSpec lot, CareCategory category)
    {
        var light = category == CareCategory.Light;
        var limits = lot.Terms(category).Limits;
        var intensity = light ? Upto(limits.Intensity, 8m, 0.5m) : Upto(limits.Intensity, 24m, 0.5m);
        var duration = (int)(light ? Upto(limits.Duration, 12m, 1m) : Upto(limits.Duration, 36m, 1m));
        var budget = light ? Upto(limits.Budget, 9000m, 50m) : Upto(limits.Budget, 95000m, 50m);
        return (intensity, duration, budget);
    }

    private decimal Upto(decimal? limit, decimal fallback, decimal step)
    {
        var top = limit ?? fallback;
        if (limit is not null && _r.Next(4) == 0)
        {
            return top;
        }

        var steps = (int)(top / step);
        return step * (1 + _r.Next(Math.Max(1, steps)));
    }

    private DateOnly DateIn(DateOnly from, DateOnly until) => from.AddDays(_r.Next(until.DayNumber - from.DayNumber + 1));

    private T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];

    private T[] Shuffled<T>(IEnumerable<T> items)
    {
        var array = items.ToArray();
        _r.Shuffle(array);
        return array;
    }

    private static DateOnly EndOf(DateOnly start, int months) => months <= 0 ? start : start.AddMonths(months).AddDays(-1);

    private static DateOnly Max(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    private static DateOnly Min(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;

    // The build runs with invariant globalization, where Normalize does not decompose accents: map the few in the names.
    internal static string Slug(string name) =>
        new string([.. name.ToLowerInvariant()
            .Select(c => c switch { 'á' or 'â' => 'a', 'é' or 'ë' => 'e', 'í' or 'ï' => 'i', 'ó' or 'ö' => 'o', 'ú' or 'û' => 'u', ' ' => '-', _ => c })
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]).Trim('-');
}

/// <summary>A product of the catalogue the builder draws from: its code has this one meaning and this one price.</summary>
internal sealed record CatalogueProduct(string Code, string Name, string Category, bool Standard, decimal Price);
