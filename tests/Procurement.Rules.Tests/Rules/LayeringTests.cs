using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

public sealed class LayeringTests
{
    private static TenderDesign Design() => EvaluationTests.Generated(7, 400, 0.3);

    private static string[] Keys(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.RuleId}|{f.Subject}|{f.Clause}|{f.Severity}|{f.Message}|{string.Join(";", f.Values)}").ToArray();

    [Fact]
    public void Override_Severity_IsAppliedAndItsFileIsKept()
    {
        const string region = """
            pack: region
            extends: oracle
            overrides:
              - id: O-1
                severity: warning
            """;

        var set = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack, region);
        var findings = set.Evaluate(Design()).Findings.Where(f => f.RuleId == "O-1").ToArray();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(findings, f => Assert.Equal(new SourceLocation("rules1.yaml", 4, 5), f.SeveritySetBy));
        Assert.Equal(new SourceLocation("rules1.yaml", 4, 5), set.Rules.Single(r => r.Id == "O-1").SeveritySetBy);
    }

    [Fact]
    public void Override_Disabled_RemovesExactlyThatRulesFindings()
    {
        const string region = """
            pack: region
            extends: oracle
            overrides:
              - { id: O-1, enabled: false }
            """;
        var design = Design();

        var before = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack).Evaluate(design);
        var after = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack, region).Evaluate(design);

        Assert.Equal(Keys(before.Findings.Where(f => f.RuleId != "O-1")), Keys(after.Findings));
        var summary = after.Rules.Single(r => r.RuleId == "O-1");
        Assert.Equal(RuleApplication.Disabled, summary.Application);
        Assert.Equal(new SourceLocation("rules1.yaml", 4, 5), summary.DisabledBy);
    }

    [Fact]
    public void Override_EffectiveAfterAsOf_RemovesExactlyThatRulesFindings()
    {
        const string region = """
            pack: region
            extends: oracle
            overrides:
              - { id: O-2, effective: { from: 2030-01-01 } }
            """;
        var design = Design();

        var before = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack).Evaluate(design);
        var after = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack, region).Evaluate(design);

        Assert.Equal(Keys(before.Findings.Where(f => f.RuleId != "O-2")), Keys(after.Findings));
        Assert.Equal(RuleApplication.NotEffective, after.Rules.Single(r => r.RuleId == "O-2").Application);
        Assert.Equal(RuleApplication.Applied, after.Rules.Single(r => r.RuleId == "O-1").Application);
    }

    [Fact]
    public void Override_PackParameter_ChangesTheLimitForEveryRuleOfThePack()
    {
        const string region = """
            pack: region
            extends: oracle
            parameters:
              maxLightBudget: 100000
            """;

        var findings = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack, region).Evaluate(Design()).Findings;

        Assert.DoesNotContain(findings, f => f.RuleId == "O-2" && f.Clause == "budget");
    }

    [Fact]
    public void Override_RuleParameter_ChangesOnlyThatRule()
    {
        const string region = """
            pack: region
            extends: oracle
            overrides:
              - id: O-2
                parameters: { maxDuration: 1000 }
            """;

        var set = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack, region);
        var findings = set.Evaluate(Design()).Findings;

        Assert.DoesNotContain(findings, f => f.RuleId == "O-2" && f.Clause == "duration");
        Assert.Equal(1000, set.Rules.Single(r => r.Id == "O-2").Parameters["maxDuration"]);
    }

    [Fact]
    public void ParametersSetBy_NamesThePackThatDefinesEachValueOrTheFileThatOverrodeItLast()
    {
        const string region = """
            pack: region
            extends: oracle
            parameters:
              maxLightBudget: 100000
            overrides:
              - id: O-2
                parameters: { maxDuration: 1000 }
            """;

        var set = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack, region);
        var o1 = set.Rules.Single(r => r.Id == "O-1").ParametersSetBy;
        var o2 = set.Rules.Single(r => r.Id == "O-2").ParametersSetBy;

        Assert.Equal(new SourceLocation("rules1.yaml", 4, 3), o1["maxLightBudget"]);
        Assert.Equal(new SourceLocation("rules0.yaml", 5, 3), o1["maxDuration"]);
        Assert.Equal(new SourceLocation("rules1.yaml", 4, 3), o2["maxLightBudget"]);
        Assert.Equal(new SourceLocation("rules1.yaml", 7, 19), o2["maxDuration"]);
    }

    [Fact]
    public void ParametersSetBy_WithoutOverrides_IsThePackForEveryParameter()
    {
        var rule = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack).Rules.Single(r => r.Id == "O-2");

        Assert.Equal(rule.Parameters.Keys.Order(StringComparer.Ordinal), rule.ParametersSetBy.Keys.Order(StringComparer.Ordinal));
        Assert.All(rule.ParametersSetBy.Values, l => Assert.Equal("rules0.yaml", l.File));
    }

    [Theory]
    [InlineData("extends: nothing", "overrides: []", RuleErrorCodes.UnknownTarget, 2, 10)]
    [InlineData("extends: oracle", "overrides:\n  - { id: O-9, enabled: false }", RuleErrorCodes.UnknownTarget, 4, 11)]
    [InlineData("extends: oracle", "overrides:\n  - { id: O-1, parameters: { nope: 1 } }", RuleErrorCodes.UnknownParameter, 4, 30)]
    public void Override_OfSomethingMissing_IsPositionedError(string extends, string overrides, string code, int line, int column)
    {
        var region = $"pack: region\n{extends}\n{overrides}\n";

        var error = Assert.Single(RuleFiles.Load(EvaluationTests.OraclePack, region).Errors);

        Assert.Equal((code, "rules1.yaml", line, column), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void RuleSet_Hash_DependsOnlyOnTheFiles()
    {
        var a = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack);
        var b = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack);
        var c = RuleFiles.LoadOrThrow(EvaluationTests.OraclePack.Replace("5000", "5001", StringComparison.Ordinal));

        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }
}
