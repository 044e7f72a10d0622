using Procurement.Rules.Model;
using Procurement.Rules.RuleTests;
using Xunit;

namespace Procurement.Rules.Tests.Packs;

/// <summary>
/// The shipped rule packs (rules/*.yaml) and their YAML rule tests (rules/tests/*.yaml): every test passes and the tests
/// make every clause of every rule both hold and fail.
/// </summary>
public sealed class ShippedPackTests
{
    private static readonly string RulesFolder = Path.Combine(AppContext.BaseDirectory, "rules");

    private static readonly Lazy<RuleSet> Default = new(() =>
    {
        var result = RuleSet.LoadDefault();
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        return result.GetValueOrThrow();
    });

    private static readonly Lazy<RuleTestReport> Tests = new(() =>
        RuleTestRunner.Run(Default.Value, RuleTestRunner.FindTestFiles(Path.Combine(RulesFolder, "tests"))));

    public static TheoryData<string> TestNames => new(Tests.Value.Tests.Select(t => t.Name));

    private static string BaseDesign => File.ReadAllText(Path.Combine(RulesFolder, "tests", "designs", "base-design.yaml"));

    [Fact]
    public void DefaultRuleSet_LoadsWithoutErrors()
    {
        var result = RuleSet.LoadDefault();

        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(new[] { "contract-terms", "coverage", "eligibility", "escalation", "main-contractor" }, result.GetValueOrThrow().Rules.Select(r => r.Pack).Distinct().Order(StringComparer.Ordinal));
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
        var report = Evaluate(BaseDesign);

        Assert.Empty(report.Findings.Select(f => $"{f.RuleId} {f.Subject}#{f.Clause}: {f.Message}"));
    }

    [Fact]
    public void RuleTestFiles_HaveNoErrors()
    {
        Assert.Empty(Tests.Value.Errors.Select(e => e.ToString()));
        Assert.NotEmpty(Tests.Value.Tests);
    }

    [Theory]
    [MemberData(nameof(TestNames))]
    public void RuleTest_Passes(string name)
    {
        var result = Tests.Value.Tests.Single(t => t.Name == name);

        Assert.True(result.Passed, result.Describe());
    }

    [Fact]
    public void RuleTests_MakeEveryClauseOfEveryRuleHoldAndFail()
    {
        var uncovered = Tests.Value.Coverage.Where(c => !c.Covered).Select(c => $"{c.RuleId}#{c.Clause} held {c.Held}x, failed {c.Failed}x");

        Assert.Empty(uncovered);
        Assert.Equal(100, Tests.Value.CoveragePercent);
        Assert.Equal(Default.Value.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), Tests.Value.Coverage.Select(c => c.RuleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Messages_AreDutchAndNameTheDetails()
    {
        var lumpSum = Evaluate(Edit(
            ("  - { id: C-GL,", "  - { id: C-BL2, party: mondriaan, lot: basishulp, category: light, municipalities: [dordrecht], period: { from: 2025-01-01, until: 2026-12-31 }, financing: task-oriented, value: 100000 }\n  - { id: C-GL,")));
        Assert.Equal(
            "Lumpsumcontract C-BL (JenS, Basishulp, lichte categorie): in dezelfde periode hebben ook andere partijen een contract voor dezelfde gemeenten: [Mondriaan] (contracten [C-BL2]).",
            lumpSum.Findings.First(f => f.RuleId == "EL-010" && f.Subject == "contracts[C-BL]").Message);

        var uncovered = Evaluate(Edit(
            ("{ id: C-AL, party: jens, lot: ambulant, category: light, municipalities: [dordrecht, zwijndrecht],", "{ id: C-AL, party: jens, lot: ambulant, category: light, municipalities: [dordrecht],")));
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
        var design = TenderDesignLoader.LoadString(Edit(("value: 250000 }", "value: 500000 }")), "drempel.yaml").GetValueOrThrow();

        Assert.Contains(Default.Value.Evaluate(design).Findings, f => f.RuleId == "EL-011");
        Assert.DoesNotContain(result.GetValueOrThrow().Evaluate(design).Findings, f => f.RuleId == "EL-011");
    }

    private static string Edit(params (string Find, string Replace)[] edits)
    {
        var text = BaseDesign;
        foreach (var (find, replace) in edits)
        {
            Assert.Equal(1, text.Split(find).Length - 1);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }

        return text;
    }

    private static EvaluationReport Evaluate(string yaml) =>
        Default.Value.Evaluate(TenderDesignLoader.LoadString(yaml, "test.yaml").GetValueOrThrow());
}
