using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// Differential tests for the rules added with products, stays and the expert team (CT-001..CT-008, CO-008, CO-009,
/// ES-006, and ES-002's approval by the expert team): on hand-built variants of <see cref="SampleDesigns.Valid"/>, loaded
/// through the library, the engine's findings equal those of <see cref="ShippedRulesOracle"/> and of
/// <see cref="RulesEngineOracle"/>. Each case names the clauses it must trip and the rules it must leave alone, so a
/// case that no longer trips what it was built for (or an oracle that ignores a rule and agrees by accident) fails.
/// </summary>
public sealed class ContractTermsDifferentialTests
{
    /// <summary>The rules these cases are about.</summary>
    private static readonly string[] NewRules =
        ["CT-001", "CT-002", "CT-003", "CT-004", "CT-005", "CT-006", "CT-007", "CT-008", "CO-008", "CO-009", "ES-002", "ES-006"];

    // Fragments of the sample design the cases edit.
    private const string HeavyProductCategory = "category: \"45\", variant: output-based";
    private const string HeavyTerms = "heavy: { procurement: selective-tender, maxProviders: 4, qualifications: [vog, skj-registered],";
    private const string LightTerms = "light: { procurement: open-house, qualifications: [vog],";
    private const string BuildUp = "costBuildUp: { staff: 3600, clientRelated: 240, overhead: 960 }, ";
    private const string Differentiation = ", differentiation: \"Hogere intensiteit\"";
    private const string DesignPeriod = "period: { from: 2023-01-01, until: 2026-12-31 }\nmunicipalities:";
    private const string StayResponsible = ", stay: true, responsibleMunicipality: dordrecht";
    private const string Voorschoten = "{ id: voorschoten, name: Voorschoten, until: 2024-12-31";
    private const string ProfileOne = "intensityHoursPerWeek: 6, durationMonths: 12, budget: 24000, start: 2023-03-01";
    private const string ProfileTwo = "intensityHoursPerWeek: 2, durationMonths: 3, budget: 2500, start: 2023-05-01";
    private const string Approval = "approvedBy: toegang-dordrecht, expertTeam: ret";
    private const string LightContract = "category: light, municipalities: [dordrecht, voorschoten], period: { from: 2023-01-01, until: 2024-12-31 }, value: 90000";

    /// <summary>A light product with the heavy product's code; <paramref name="fields"/> completes it.</summary>
    private static (string, string) LightProduct(string fields) => (LightTerms, $"{LightTerms} products: [{{ code: 45A54, {fields} }}],");

    private static readonly SampleVariant[] All =
    [
        new("sample as shipped", [], [], NewRules),

        new("product outside the lot's product categories", [(HeavyProductCategory, "category: \"41\", variant: output-based")], ["CT-001#in-lot-categories"], ["CT-002", "CT-003"]),
        new("product in a second product category of the lot", [("productCategories: [\"45\"]", "productCategories: [\"45\", \"41\"]"), (HeavyProductCategory, "category: \"41\", variant: output-based")], [], ["CT-001"]),

        new("code with another name elsewhere",
            [LightProduct("name: Lichte ambulante hulp, category: \"45\", variant: output-based, unit: trajectory, standard: true")],
            ["CT-002#one-meaning"], ["CT-001", "CT-003"]),
        new("code with the same name in other case and white space",
            [LightProduct("name: \"  SPECIALISTISCHE ambulante jeugdhulp \", category: \"45\", variant: output-based, unit: trajectory, standard: true")],
            [], ["CT-002"]),
        new("standard code reused as an own code", [LightProduct("name: Specialistische ambulante jeugdhulp, category: \"45\", variant: output-based, unit: trajectory")], ["CT-002#one-meaning"], []),
        new("code in another product category elsewhere", [LightProduct("name: Specialistische ambulante jeugdhulp, category: \"41\", variant: output-based, unit: trajectory, standard: true")], ["CT-002#one-meaning", "CT-001#in-lot-categories"], []),

        new("variant that does not follow the financing", [(HeavyTerms, HeavyTerms + " financing: effort-based,")], ["CT-003#variant-fits-financing"], []),
        new("variant that follows the financing", [(HeavyTerms, HeavyTerms + " financing: output-based,")], [], ["CT-003"]),
        new("output-based product paid per hour", [("unit: trajectory", "unit: hour")], ["CT-003#unit-fits-variant"], []),
        new("output-based product without a unit", [("unit: trajectory, ", string.Empty)], ["CT-003#unit-fits-variant"], []),
        new("effort-based product paid per hour under effort-based financing",
            [(HeavyTerms, HeavyTerms + " financing: effort-based,"), ("variant: output-based, unit: trajectory", "variant: effort-based, unit: hour")], [], ["CT-003"]),
        new("task-oriented product without a unit", [("variant: output-based, unit: trajectory, ", "variant: task-oriented, ")], [], ["CT-003#unit-fits-variant"]),

        new("child protection without a certified institution", [("productCategories: [\"45\"]", "productCategories: [\"45\", \"48\"]"), (HeavyProductCategory, "category: \"48\", variant: output-based")],
            ["CT-004#certified-institution-required"], ["CT-001"]),
        new("youth probation with a certified institution",
            [("productCategories: [\"45\"]", "productCategories: [\"45\", \"47\"]"), (HeavyProductCategory, "category: \"47\", variant: output-based"), ("qualifications: [vog, skj-registered], products", "qualifications: [vog, skj-registered, certified-institution], products")],
            [], ["CT-004"]),

        new("framework before the fair-price date without a build-up", [(BuildUp, string.Empty)], [], ["CT-005"]),
        new("framework from the fair-price date with a full build-up", [(DesignPeriod, "period: { from: 2024-07-01, until: 2026-12-31 }\nmunicipalities:")], [], ["CT-005"]),
        new("framework from the fair-price date without a build-up", [(DesignPeriod, "period: { from: 2024-07-01, until: 2026-12-31 }\nmunicipalities:"), (BuildUp, string.Empty)], ["CT-005#build-up-stated"], []),
        new("framework from the fair-price date with a build-up that does not add up",
            [(DesignPeriod, "period: { from: 2024-07-01, until: 2026-12-31 }\nmunicipalities:"), ("staff: 3600", "staff: 3599.99")], ["CT-005#build-up-adds-up"], []),
        new("framework from just before the fair-price date with a build-up that does not add up",
            [(DesignPeriod, "period: { from: 2024-06-30, until: 2026-12-31 }\nmunicipalities:"), ("staff: 3600", "staff: 3599.99")], [], ["CT-005"]),

        new("same code priced otherwise, both without a reason",
            [(Differentiation, string.Empty), LightProduct("name: Specialistische ambulante jeugdhulp, category: \"45\", variant: output-based, unit: trajectory, standard: true, tariff: { amount: 5000, indexation: OVA }")],
            ["CT-006#differentiation-stated"], ["CT-002", "CT-007"]),
        new("same code priced otherwise, one with a reason",
            [LightProduct("name: Specialistische ambulante jeugdhulp, category: \"45\", variant: output-based, unit: trajectory, standard: true, tariff: { amount: 5000, indexation: OVA }")],
            [], ["CT-006"]),
        new("same code priced the same, written otherwise",
            [(Differentiation, string.Empty), LightProduct("name: Specialistische ambulante jeugdhulp, category: \"45\", variant: output-based, unit: trajectory, standard: true, tariff: { amount: 4800.00, indexation: OVA }")],
            [], ["CT-006"]),

        new("tariff without indexation", [("indexation: OVA, ", string.Empty)], ["CT-007#indexation-stated"], ["CT-006"]),

        new("task-oriented contract without budget, end or hardship clause",
            [(LightContract, "category: light, municipalities: [dordrecht, voorschoten], period: { from: 2023-01-01 }, financing: task-oriented, value: 90000")],
            ["CT-008#budget-stated", "CT-008#duration-stated", "CT-008#hardship-clause-stated"], []),
        new("task-oriented contract with budget, end and hardship clause",
            [(LightContract, LightContract + ", financing: task-oriented, budget: 90000, hardshipClause: \"Bijbetaling na overleg\"")], [], ["CT-008"]),
        new("lump-sum contract without a budget",
            [(HeavyTerms, "heavy: { procurement: lump-sum, qualifications: [vog, skj-registered],"), ("budget: 450000, ", string.Empty)], ["CT-008#budget-stated"], []),
        new("output-based contract without budget or hardship clause", [(", budget: 450000, hardshipClause: \"Overleg bij overschrijding\"", string.Empty)], [], ["CT-008"]),

        new("stay without a responsible municipality", [(StayResponsible, ", stay: true")], ["CO-008#responsible-named"], ["CO-009"]),
        new("stay whose responsible municipality does not yet take part",
            [(Voorschoten, "{ id: voorschoten, name: Voorschoten, from: 2023-06-01, until: 2024-12-31"), (StayResponsible, ", stay: true, responsibleMunicipality: voorschoten")],
            ["CO-008#responsible-participates"], ["CO-009"]),
        new("stay whose responsible municipality takes part from its start",
            [(Voorschoten, "{ id: voorschoten, name: Voorschoten, from: 2023-03-01, until: 2024-12-31"), (StayResponsible, ", stay: true, responsibleMunicipality: voorschoten")],
            [], ["CO-008", "CO-009"]),
        new("no stay, no responsible municipality", [(StayResponsible, string.Empty)], [], ["CO-008"]),

        new("stay of a leaving responsible municipality ending on its last day",
            [(StayResponsible, ", stay: true, responsibleMunicipality: voorschoten"), (ProfileOne, "intensityHoursPerWeek: 6, durationMonths: 22, budget: 24000, start: 2023-03-01")], [], ["CO-008", "CO-009"]),
        new("stay of a leaving responsible municipality running a day past its last day",
            [(StayResponsible, ", stay: true, responsibleMunicipality: voorschoten"), (ProfileOne, "intensityHoursPerWeek: 6, durationMonths: 22, budget: 24000, start: 2023-03-02")], ["CO-009#no-stays-after-leaving"], ["CO-008"]),
        new("own stay of a leaving municipality running past its last day",
            [(ProfileTwo, "intensityHoursPerWeek: 2, durationMonths: 24, budget: 2500, start: 2023-05-01, stay: true")], ["CO-009#no-stays-after-leaving", "CO-008#responsible-named"], []),
        new("own stay of a leaving municipality, another municipality responsible",
            [(ProfileTwo, "intensityHoursPerWeek: 2, durationMonths: 24, budget: 2500, start: 2023-05-01, stay: true, responsibleMunicipality: dordrecht")], [], ["CO-008", "CO-009"]),
        new("care without a stay running past a leaving municipality's last day", [(ProfileTwo, "intensityHoursPerWeek: 2, durationMonths: 24, budget: 2500, start: 2023-05-01")], [], ["CO-009"]),

        new("no expert team", [("\nexpertTeam: { id: ret, name: Regionaal Expertteam }", string.Empty), (Approval, "approvedBy: toegang-dordrecht")], ["ES-006#expert-team-named"], ["ES-002"]),
        new("escalation referred to and approved by the expert team", [(Approval, "approvedBy: ret, expertTeam: ret")], [], ["ES-002", "ES-006"]),
        new("escalation approved by the expert team without a referral", [(Approval, "approvedBy: ret")], ["ES-002#by-own-access-team"], ["ES-006"]),
        new("referred escalation approved by another municipality's access team", [(Approval, "approvedBy: toegang-voorschoten, expertTeam: ret")], ["ES-002#by-own-access-team"], []),
        new("referred escalation not approved", [(Approval, "expertTeam: ret")], ["ES-002#approved"], []),
    ];

    public static TheoryData<string> Cases => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Engine_findings_equal_both_oracles(string name)
    {
        var variant = All.Single(v => v.Name == name);
        var design = variant.Load();
        var spec = DesignSpec.FromModel(design);

        var engine = DifferentialProperties.EngineFindings(Shipped.Rules, design);
        var oracle = ShippedRulesOracle.Findings(spec);
        Assert.True(engine.SequenceEqual(oracle), DifferentialProperties.Difference("engine", engine, "oracle", oracle));
        var rulesEngine = RulesEngineOracle.Findings(spec);
        Assert.True(engine.SequenceEqual(rulesEngine), DifferentialProperties.Difference("engine", engine, "RulesEngine", rulesEngine));

        var found = oracle.Select(f => $"{f.Rule}#{f.Clause}").ToHashSet(StringComparer.Ordinal);
        Assert.All(variant.Trips, clause => Assert.Contains(clause, found));
        Assert.All(variant.Clean, rule => Assert.DoesNotContain(oracle, f => f.Rule == rule || $"{f.Rule}#{f.Clause}" == rule));
    }

    [Fact]
    public void Every_clause_of_the_new_rules_is_tripped_by_some_case()
    {
        var tripped = All.SelectMany(c => c.Trips).ToHashSet(StringComparer.Ordinal);
        var clauses = Shipped.Rules.Rules.Where(r => NewRules.Contains(r.Id)).SelectMany(r => r.Clauses.Select(k => $"{r.Id}#{k.Key}")).ToArray();

        Assert.Equal(NewRules.Length, Shipped.Rules.Rules.Count(r => NewRules.Contains(r.Id)));
        Assert.All(clauses, clause => Assert.Contains(clause, tripped));
    }

    [Fact]
    public void Every_case_edits_the_sample_and_loads()
    {
        Assert.Equal(All.Length, All.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(All.Where(c => c.Edits.Length > 0), c => Assert.NotEqual(SampleDesigns.Valid, c.Yaml));
        Assert.All(All, c => Assert.NotNull(c.Load()));
    }

    /// <summary>
    /// A variant of the sample design: <see cref="Edits"/> (find, replace) applied in order, each to the first occurrence
    /// (failing when a fragment is missing); <see cref="Trips"/> are <c>rule#clause</c> it must fail, <see cref="Clean"/>
    /// rules (or <c>rule#clause</c>) it must not.
    /// </summary>
    private sealed record SampleVariant(string Name, (string Find, string Replace)[] Edits, string[] Trips, string[] Clean)
    {
        public string Yaml => Edits.Aggregate(SampleDesigns.Valid.ReplaceLineEndings("\n"), (yaml, edit) =>
        {
            var index = yaml.IndexOf(edit.Find, StringComparison.Ordinal);
            return index < 0
                ? throw new InvalidOperationException($"{Name}: the sample design does not contain '{edit.Find}'.")
                : string.Concat(yaml.AsSpan(0, index), edit.Replace, yaml.AsSpan(index + edit.Find.Length));
        });

        public TenderDesign Load() => TenderDesignLoader.LoadString(Yaml, Name + ".yaml").GetValueOrThrow();

        public override string ToString() => Name;
    }
}
