using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Packs;

/// <summary>
/// The shipped rule packs (rules/*.yaml): every rule passes on a design that keeps it and reports exactly the expected
/// findings (rule, subject, clause) on a design that breaks it. Designs are <see cref="PackDesigns.Base"/> with a few
/// snippets replaced.
/// </summary>
public sealed class ShippedPackTests
{
    private static readonly Lazy<RuleSet> Default = new(() =>
    {
        var result = RuleSet.LoadDefault();
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        return result.GetValueOrThrow();
    });

    // Snippets of the base design that several cases edit.
    private const string AmbulantHeavy = "heavy: { procurement: selective-tender, maxProviders: 3,";
    private const string AmbulantLight = "light: { procurement: open-house,";
    private const string ContractAL = "{ id: C-AL, party: jens, lot: ambulant, category: light, municipalities: [dordrecht, zwijndrecht],";
    private const string ContractAH1Value = "period: { from: 2023-01-01, until: 2026-12-31 }, value: 250000 }";
    private const string ContractAH2 = "{ id: C-AH2, party: mondriaan, lot: ambulant, category: heavy, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2026-12-31 },";
    private const string ContractBLPeriod = "category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2026-12-31 }, financing: task-oriented, value: 300000 }";
    private const string BeforeContractGL = "  - { id: C-GL,";
    private const string ContractGL = "  - { id: C-GL, party: jeugdteam, lot: dordrecht-ggz, category: light, municipalities: [dordrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 100000 }\n";
    private const string ContractGH = "  - { id: C-GH, party: jeugdteam, lot: dordrecht-ggz, category: heavy, municipalities: [dordrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 200000 }\n";
    private const string ProfileP1CoProviders = "mainContractor: xonar, coProviders: [mondriaan]";
    private const string ProfileP2Main = "mainContractor: radar, coProviders: [kindpraktijk]";
    private const string ProfileP2Size = "intensityHoursPerWeek: 2, durationMonths: 3, budget: 2500";
    private const string ProfileP3Transfer = "start: 2023-02-01, transferredTo: xonar }";
    private const string ProfileP4End = "budget: 3000, start: 2023-04-01 }";

    /// <summary>Splits basishulp light into two successive JenS contracts: 2023-2024 and 2025-2026.</summary>
    private static readonly (string, string)[] SplitBasishulpLight =
    [
        (ContractBLPeriod, "category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2024-12-31 }, financing: task-oriented, value: 300000 }"),
        (BeforeContractGL, "  - { id: C-BL2, party: jens, lot: basishulp, category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2025-01-01, until: 2026-12-31 }, financing: task-oriented, value: 300000 }\n" + BeforeContractGL),
    ];

    /// <summary>Designs on which a rule must report nothing, beyond the base design itself.</summary>
    private static readonly PassCase[] PassCases =
    [
        new("EL-001", "provider with exactly the required qualifications"),
        new("EL-002", "every cooperative member qualified"),
        new("EL-003", "heavy bought by selective tender, lump sum and in-house"),
        new("EL-004", "contracted parties exactly at the maximum", (AmbulantHeavy, "heavy: { procurement: selective-tender, maxProviders: 2,")),
        new("EL-005", "open house without a cap"),
        new("EL-006", "contract shorter than the purchasing period", (ContractAH2, ContractAH2.Replace("from: 2023-01-01", "from: 2024-01-01", StringComparison.Ordinal))),
        new("EL-007", "a municipality that joins later is on a contract from its first day",
            (ContractAH2, "{ id: C-AH2, party: mondriaan, lot: ambulant, category: heavy, municipalities: [dordrecht, zwijndrecht, papendrecht], period: { from: 2025-01-01, until: 2026-12-31 },")),
        new("EL-008", "cooperative with members"),
        new("EL-009", "a cooperative without a fixed region serves every municipality",
            ("members: [xonar, radar], region: [dordrecht, zwijndrecht] }", "members: [xonar, radar] }")),
        new("EL-010", "successive lump-sum partners in one lot and category",
            (ContractBLPeriod, "category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2024-12-31 }, financing: task-oriented, value: 300000 }"),
            (BeforeContractGL, "  - { id: C-BL2, party: mondriaan, lot: basishulp, category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2025-01-01, until: 2026-12-31 }, financing: task-oriented, value: 300000 }\n" + BeforeContractGL)),
        new("EL-011", "selective-tender category worth exactly the European threshold in all"),
        new("MC-001", "one main contractor, other providers as co-providers"),
        new("MC-002", "main contractor contracted through its cooperative", (ProfileP2Main, "mainContractor: xonar, coProviders: [radar]")),
        new("MC-003", "co-provider that is a registered subcontractor of the main contractor"),
        new("MC-004", "profile names the cooperative's contract and its main contractor is a member", (ProfileP4End, ProfileP4End.Replace(" }", ", contract: C-BL }", StringComparison.Ordinal))),
        new("MC-006", "profile names a contract for its own lot, category, municipality and date", (ProfileP4End, ProfileP4End.Replace(" }", ", contract: C-BL }", StringComparison.Ordinal))),
        new("MC-005", "budget exactly at the category limit", ("budget: 24000", "budget: 60000")),
        new("ES-001", "light profile exactly at every light limit", (ProfileP2Size, "intensityHoursPerWeek: 4, durationMonths: 6, budget: 8000")),
        new("ES-002", "escalations approved by the profile municipality's access team"),
        new("ES-003", "upscaled main contractor holds a heavy contract; local profile transferred to a regional heavy provider"),
        new("ES-004", "local-to-regional escalation to a regional lot"),
        new("ES-005", "de-escalated profile's main contractor holds a light contract through its cooperative"),
        new("CO-001", "every lot contracted in both categories"),
        new("CO-002", "Dordrecht covered for ambulant care by its own local lot of the same sector",
            ("    scope: local\n", "    sector: ambulant\n    scope: local\n"),
            (ContractAL, "{ id: C-AL, party: jens, lot: ambulant, category: light, municipalities: [zwijndrecht],"),
            ("{ id: C-AH1, party: xonar, lot: ambulant, category: heavy, municipalities: [dordrecht, zwijndrecht],", "{ id: C-AH1, party: xonar, lot: ambulant, category: heavy, municipalities: [zwijndrecht],"),
            (ContractAH2, ContractAH2.Replace("[dordrecht, zwijndrecht]", "[zwijndrecht]", StringComparison.Ordinal))),
        new("CO-003", "two heavy providers; one lump-sum partner and one in-house team need no minimum"),
        new("CO-004", "successive lump-sum contracts of one partner", SplitBasishulpLight),
        new("CO-005", "successive lump-sum contracts without a gap", SplitBasishulpLight),
    ];

    /// <summary>Designs on which a rule must report exactly the expected findings, as "subject#clause".</summary>
    private static readonly FailCase[] FailCases =
    [
        new("EL-001", "provider lacks skj-registered", ["contracts[C-AH2]#qualified"],
            ("name: Mondriaan, qualifications: [vog, skj-registered]", "name: Mondriaan, qualifications: [vog]")),
        new("EL-002", "cooperative member lacks skj-registered", ["contracts[C-BH]#members-qualified"],
            ("name: Radar, qualifications: [vog, skj-registered]", "name: Radar, qualifications: [vog]")),
        new("EL-003", "heavy bought as open house", ["lots[ambulant].heavy#heavy-procurement-form"],
            (AmbulantHeavy, "heavy: { procurement: open-house,")),
        new("EL-004", "more parties than the maximum", ["lots[ambulant].heavy#within-maximum"],
            (AmbulantHeavy, "heavy: { procurement: selective-tender, maxProviders: 1,")),
        new("EL-004", "selective tender without a maximum", ["lots[ambulant].heavy#has-maximum"],
            (AmbulantHeavy, "heavy: { procurement: selective-tender,")),
        new("EL-005", "open house with a cap", ["lots[ambulant].light#no-maximum"],
            (AmbulantLight, "light: { procurement: open-house, maxProviders: 5,")),
        new("EL-006", "contract runs past the purchasing period", ["contracts[C-AH2]#within-purchasing-period"],
            (ContractAH2, ContractAH2.Replace("until: 2026-12-31", "until: 2027-06-30", StringComparison.Ordinal))),
        new("EL-007", "municipality on a contract before it joins", ["contracts[C-AH2]#municipalities-participate"],
            (ContractAH2, ContractAH2.Replace("[dordrecht, zwijndrecht]", "[dordrecht, zwijndrecht, papendrecht]", StringComparison.Ordinal))),
        new("EL-008", "cooperative without members", ["cooperatives[leeg]#has-members"],
            ("region: [dordrecht, zwijndrecht] }\n", "region: [dordrecht, zwijndrecht] }\n  - { id: leeg, name: Lege coöperatie, members: [] }\n")),
        new("EL-009", "cooperative contracted outside its region", ["contracts[C-AL]#within-region"],
            (ContractAL, "{ id: C-AL, party: jens, lot: ambulant, category: light, municipalities: [dordrecht, zwijndrecht, papendrecht],")),
        new("EL-010", "two lump-sum partners for Dordrecht at the same time", ["contracts[C-BL]#single-party", "contracts[C-BL2]#single-party"],
            (BeforeContractGL, "  - { id: C-BL2, party: mondriaan, lot: basishulp, category: light, municipalities: [dordrecht], period: { from: 2025-01-01, until: 2026-12-31 }, financing: task-oriented, value: 100000 }\n" + BeforeContractGL)),
        new("EL-011", "selective-tender category worth more than the European threshold in all", ["lots[ambulant].heavy#below-european-threshold"],
            (ContractAH1Value, "period: { from: 2023-01-01, until: 2026-12-31 }, value: 250001 }")),
        new("MC-001", "profile without a main contractor", ["careProfiles[P-4]#has-main-contractor"],
            ("mainContractor: xonar, coProviders: [radar]", "coProviders: [radar]")),
        new("MC-001", "main contractor also listed as co-provider", ["careProfiles[P-1]#not-also-co-provider"],
            (ProfileP1CoProviders, "mainContractor: xonar, coProviders: [mondriaan, xonar]")),
        new("MC-002", "main contractor holds no contract for the lot and category", ["careProfiles[P-1]#contracted"],
            (ProfileP1CoProviders, "mainContractor: radar, coProviders: [mondriaan]")),
        new("MC-002", "profile starts before the contract for its municipality does", ["careProfiles[P-2]#contracted"],
            (ContractAL, "{ id: C-AL, party: jens, lot: ambulant, category: light, municipalities: [dordrecht],"),
            (BeforeContractGL, "  - { id: C-AL2, party: jens, lot: ambulant, category: light, municipalities: [zwijndrecht], period: { from: 2023-06-01, until: 2026-12-31 }, value: 100000 }\n" + BeforeContractGL)),
        new("MC-003", "co-provider neither contracted nor a registered subcontractor", ["careProfiles[P-1]#co-providers-allowed"],
            (ProfileP1CoProviders, "mainContractor: xonar, coProviders: [kindpraktijk]")),
        new("MC-004", "main contractor is not a member of the cooperative whose contract the profile names", ["careProfiles[P-4]#member-of-contract-party"],
            ("mainContractor: xonar, coProviders: [radar]", "mainContractor: mondriaan, coProviders: [radar]"),
            (ProfileP4End, ProfileP4End.Replace(" }", ", contract: C-BL }", StringComparison.Ordinal))),
        new("MC-006", "profile names a contract of another lot", ["careProfiles[P-4]#same-lot"],
            (ProfileP4End, ProfileP4End.Replace(" }", ", contract: C-AL }", StringComparison.Ordinal))),
        new("MC-006", "profile names a contract of the other category", ["careProfiles[P-4]#same-category"],
            (ProfileP4End, ProfileP4End.Replace(" }", ", contract: C-BH }", StringComparison.Ordinal))),
        new("MC-006", "profile names a contract not for its municipality", ["careProfiles[P-1]#covers-municipality"],
            ("budget: 24000, start: 2023-03-01 }", "budget: 24000, start: 2023-03-01, contract: C-AH1 }"),
            ("{ id: C-AH1, party: xonar, lot: ambulant, category: heavy, municipalities: [dordrecht, zwijndrecht],", "{ id: C-AH1, party: xonar, lot: ambulant, category: heavy, municipalities: [zwijndrecht],")),
        new("MC-005", "budget above the category limit", ["careProfiles[P-1]#within-budget"],
            ("budget: 24000", "budget: 60001")),
        new("ES-001", "light profile over the intensity limit", ["careProfiles[P-2]#within-intensity"],
            (ProfileP2Size, "intensityHoursPerWeek: 4.5, durationMonths: 3, budget: 2500")),
        new("ES-001", "light profile over the duration limit", ["careProfiles[P-2]#within-duration"],
            (ProfileP2Size, "intensityHoursPerWeek: 2, durationMonths: 7, budget: 2500")),
        new("ES-001", "light profile over the budget limit", ["careProfiles[P-2]#within-budget"],
            (ProfileP2Size, "intensityHoursPerWeek: 2, durationMonths: 3, budget: 8001")),
        new("ES-002", "escalation approved by another municipality's access team", ["escalations[E-1]#by-own-access-team"],
            ("date: 2023-03-01, approvedBy: toegang-dordrecht }", "date: 2023-03-01, approvedBy: toegang-zwijndrecht }")),
        new("ES-002", "escalation not approved", ["escalations[E-2]#approved"],
            ("date: 2023-05-01, approvedBy: toegang-zwijndrecht }", "date: 2023-05-01 }")),
        new("ES-003", "local profile escalated to a regional lot without a transfer", ["escalations[E-3]#heavy-contract"],
            (ProfileP3Transfer, "start: 2023-02-01 }")),
        new("ES-003", "transferred to a provider without a heavy contract", ["escalations[E-3]#heavy-contract"],
            (ProfileP3Transfer, "start: 2023-02-01, transferredTo: radar }")),
        new("ES-003", "upscaled before the heavy contract starts", ["escalations[E-1]#heavy-contract"],
            ("{ id: C-AH1, party: xonar, lot: ambulant, category: heavy, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01,",
             "{ id: C-AH1, party: xonar, lot: ambulant, category: heavy, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-04-01,")),
        new("ES-004", "local-to-regional escalation to a local lot", ["escalations[E-3]#target-lot-regional"],
            ("toScope: regional, toLot: ambulant,", "toScope: regional, toLot: dordrecht-ggz,")),
        new("ES-005", "de-escalated profile transferred to a provider without a light contract", ["escalations[E-2]#light-contract"],
            ("budget: 2500, start: 2023-05-01 }", "budget: 2500, start: 2023-05-01, transferredTo: mondriaan }")),
        new("CO-001", "local lot without a light contract", ["lots[dordrecht-ggz]#light-contracted"],
            (ContractGL, string.Empty)),
        new("CO-001", "local lot without a heavy contract", ["lots[dordrecht-ggz]#heavy-contracted"],
            (ContractGH, string.Empty)),
        new("CO-002", "Zwijndrecht not covered for light ambulant care", ["lots[ambulant]#all-municipalities-covered"],
            (ContractAL, "{ id: C-AL, party: jens, lot: ambulant, category: light, municipalities: [dordrecht],")),
        new("CO-003", "only one heavy provider", ["lots[ambulant].heavy#enough-providers"],
            ("  - " + ContractAH2 + " value: 500000 }\n", string.Empty)),
        new("CO-004", "two lump-sum contracts of one partner overlap for Dordrecht", ["contracts[C-BL]#no-overlap", "contracts[C-BL2]#no-overlap"],
            (BeforeContractGL, "  - { id: C-BL2, party: jens, lot: basishulp, category: light, municipalities: [dordrecht], period: { from: 2025-01-01, until: 2026-12-31 }, financing: task-oriented, value: 100000 }\n" + BeforeContractGL)),
        new("CO-005", "a month without a lump-sum contract", ["lots[basishulp].light#no-gap"],
            (ContractBLPeriod, "category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2024-12-31 }, financing: task-oriented, value: 300000 }"),
            (BeforeContractGL, "  - { id: C-BL2, party: jens, lot: basishulp, category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2025-02-01, until: 2026-12-31 }, financing: task-oriented, value: 300000 }\n" + BeforeContractGL)),
        new("CO-005", "lump-sum contract ends before the purchasing period", ["lots[basishulp].light#no-gap"],
            (ContractBLPeriod, "category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2026-06-30 }, financing: task-oriented, value: 300000 }")),
        new("CO-005", "lump-sum contract starts after the purchasing period", ["lots[basishulp].light#covers-period-start"],
            (ContractBLPeriod, "category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-02-01, until: 2026-12-31 }, financing: task-oriented, value: 300000 }")),
    ];

    public static TheoryData<string> PassCaseNames => new(PassCases.Select(c => c.Name));

    public static TheoryData<string> FailCaseNames => new(FailCases.Select(c => c.Name));

    public static TheoryData<string> ExampleNames => new(
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal));

    [Fact]
    public void DefaultRuleSet_LoadsWithoutErrors()
    {
        var result = RuleSet.LoadDefault();

        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(new[] { "coverage", "eligibility", "escalation", "main-contractor" }, result.GetValueOrThrow().Rules.Select(r => r.Pack).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultRuleSet_EveryRuleHasAPassingAndAFailingTest()
    {
        var ids = Default.Value.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ids.Order(StringComparer.Ordinal), PassCases.Select(c => c.RuleId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ids.Order(StringComparer.Ordinal), FailCases.Select(c => c.RuleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DefaultRuleSet_EveryRuleHasTitleReferenceAndDutchMessage()
    {
        foreach (var rule in Default.Value.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Reference), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Message), rule.Id);
            Assert.True(rule.Enabled, rule.Id);
        }
    }

    [Fact]
    public void BaseDesign_PassesEveryRule()
    {
        var report = Evaluate(PackDesigns.Base);

        Assert.Empty(report.Findings.Select(Describe));
    }

    [Theory]
    [MemberData(nameof(PassCaseNames))]
    public void Rule_PassingDesign_GivesNoFinding(string name)
    {
        var test = PassCases.Single(c => c.Name == name);
        var report = Evaluate(PackDesigns.With(test.Edits));

        Assert.Empty(report.Findings.Where(f => f.RuleId == test.RuleId).Select(Describe));
        Assert.Equal(RuleApplication.Applied, report.Rules.Single(r => r.RuleId == test.RuleId).Application);
    }

    [Theory]
    [MemberData(nameof(FailCaseNames))]
    public void Rule_FailingDesign_GivesExactlyTheExpectedFindings(string name)
    {
        var test = FailCases.Single(c => c.Name == name);
        var report = Evaluate(PackDesigns.With(test.Edits));

        var findings = report.Findings.Where(f => f.RuleId == test.RuleId).ToArray();
        Assert.Equal(test.Expected.Order(StringComparer.Ordinal), findings.Select(f => $"{f.Subject}#{f.Clause}").Order(StringComparer.Ordinal));
        Assert.All(findings, f =>
        {
            Assert.DoesNotContain("evaluation-error", f.Clause, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
            Assert.DoesNotContain("{", f.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Messages_AreDutchAndNameTheDetails()
    {
        var lumpSum = Evaluate(PackDesigns.With(FailCases.Single(c => c.Name.StartsWith("EL-010", StringComparison.Ordinal)).Edits));
        var finding = lumpSum.Findings.First(f => f.RuleId == "EL-010" && f.Subject == "contracts[C-BL]");
        Assert.Equal(
            "Lumpsumcontract C-BL (JenS, Basishulp, lichte categorie): in dezelfde periode hebben ook andere partijen een contract voor dezelfde gemeenten: [Mondriaan] (contracten [C-BL2]).",
            finding.Message);

        var gap = Evaluate(PackDesigns.With(FailCases.Single(c => c.Name.Contains("a month without", StringComparison.Ordinal)).Edits));
        Assert.Contains("gat vanaf: [2025-01-01]", gap.Findings.Single(f => f.RuleId == "CO-005").Message, StringComparison.Ordinal);

        var uncovered = Evaluate(PackDesigns.With(FailCases.Single(c => c.Name.Contains("Zwijndrecht not covered", StringComparison.Ordinal)).Edits));
        Assert.Equal(
            "Perceel Ambulante jeugdhulp: op 2023-01-01 niet gedekt voor Zwijndrecht (licht); elke deelnemende gemeente moet regionaal of lokaal gecontracteerd zijn.",
            uncovered.Findings.Single(f => f.RuleId == "CO-002").Message);
    }

    [Fact]
    public void EuropeanThreshold_IsAParameterAFileCanOverride()
    {
        const string Override = """
            pack: hoge-drempel
            extends: eligibility
            parameters:
              europeanThreshold: 1000000
            """;
        var result = RuleSet.Load([.. RuleSource.DefaultPacks(), new RuleSource("hoge-drempel.yaml", Override)]);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        var design = TenderDesignLoader.LoadString(PackDesigns.With((ContractAH1Value, "period: { from: 2023-01-01, until: 2026-12-31 }, value: 500000 }")), "drempel.yaml").GetValueOrThrow();

        var report = result.GetValueOrThrow().Evaluate(design);

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "EL-011");
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void ExampleDesign_IsEvaluatedWithoutEvaluationErrors(string file)
    {
        var design = TenderDesignLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "examples", file)).GetValueOrThrow();

        var report = Default.Value.Evaluate(design);

        // The findings are recorded, not asserted: which deliberate violations the examples carry is decided elsewhere.
        var lines = report.Findings.Select(Describe).ToArray();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{file}: {lines.Length} finding(s) as of {report.AsOf:yyyy-MM-dd}");
        foreach (var line in lines)
        {
            output?.WriteLine(line);
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "example-findings");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, Path.ChangeExtension(file, ".txt")), [$"{file}: {lines.Length} finding(s) as of {report.AsOf:yyyy-MM-dd}", .. lines]);
        Assert.DoesNotContain(report.Findings, f => f.Clause == "evaluation-error");
    }

    private static EvaluationReport Evaluate(string yaml)
    {
        var design = TenderDesignLoader.LoadString(yaml, "test.yaml").GetValueOrThrow();
        return Default.Value.Evaluate(design);
    }

    private static string Describe(Finding f) => $"{f.Severity} {f.RuleId} {f.Subject}#{f.Clause}: {f.Message}";

    private sealed record PassCase(string RuleId, string Description, params (string Find, string Replace)[] Edits)
    {
        public string Name => $"{RuleId} passes: {Description}";
    }

    private sealed record FailCase(string RuleId, string Description, string[] Expected, params (string Find, string Replace)[] Edits)
    {
        public string Name => $"{RuleId} fails: {Description}";
    }
}
