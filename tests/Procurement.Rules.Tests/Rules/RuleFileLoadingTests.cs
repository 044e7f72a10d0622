using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

public sealed class RuleFileLoadingTests
{
    private const string Pack = """
        pack: base
        version: 1.0.0
        parameters:
          maxBudget: 20000
        rules:
          - id: B-1
            title: Budget within limit
            severity: warning
            reference: "Inkoopkader, par. 1"
            effective: { from: 2020-01-01 }
            for: profile in CareProfiles
            require:
              budget: profile.Budget <= maxBudget
            message: "Zorgprofiel {profile.Id} heeft budget {profile.Budget}"
            reason: "3"
        """;

    [Theory]
    [InlineData("    reference:", "    referance:", LoadErrorCodes.UnknownField, 9, 5)]
    [InlineData("effective: { from: 2020-01-01 }", "effective: { from: 2020-13-01 }", LoadErrorCodes.BadDate, 10, 24)]
    [InlineData("severity: warning", "severity: fatal", LoadErrorCodes.BadValue, 8, 15)]
    [InlineData("budget: profile.Budget <= maxBudget", "budget: # TODO", LoadErrorCodes.MissingField, 13, 7)]
    [InlineData("require:\n      budget: profile.Budget <= maxBudget", "require: {}", LoadErrorCodes.MissingField, 12, 5)]
    [InlineData("for: profile in CareProfiles", "for: profile in Children", RuleErrorCodes.UnknownSubject, 11, 10)]
    [InlineData("budget: profile.Budget <= maxBudget", "budget: profile.Budget <= maxBudgt", RuleErrorCodes.InvalidExpression, 13, 33)]
    [InlineData("message: \"Zorgprofiel {profile.Id}", "message: \"Zorgprofiel {profile.Idd}", RuleErrorCodes.InvalidPlaceholder, 14, 36)]
    public void Load_BrokenRuleFile_ReportsCodeLineAndColumn(string find, string replace, string code, int line, int column)
    {
        Assert.Contains(find, Pack, StringComparison.Ordinal);

        var result = RuleFiles.Load(Pack.Replace(find, replace, StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal((code, "rules0.yaml", line, column), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void Load_DuplicateRuleIdAcrossFiles_IsAnErrorAtTheSecond()
    {
        var second = Pack.Replace("pack: base", "pack: other", StringComparison.Ordinal);

        var error = Assert.Single(RuleFiles.Load(Pack, second).Errors);

        Assert.Equal((LoadErrorCodes.DuplicateId, "rules1.yaml", 6, 9), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void Load_YamlSyntaxError_IsPositioned()
    {
        var error = Assert.Single(RuleFiles.Load("pack: x\nrules: [\n  - id: ").Errors);

        Assert.Equal(LoadErrorCodes.YamlSyntax, error.Code);
        Assert.True(error.Line >= 1 && error.Column >= 1);
    }

    [Fact]
    public void Load_LetCycle_IsAnErrorNamingTheCycle()
    {
        const string yaml = """
            pack: lets
            version: 1.0.0
            let:
              - for: profile in CareProfiles
                values:
                  a: b + 1
                  b: c + 1
                  c: a + 1
            rules:
              - id: L-1
                title: Uses a
                for: profile in CareProfiles
                require:
                  check: a > 0
            """;

        var errors = RuleFiles.Load(yaml).Errors;

        var cycle = Assert.Single(errors, e => e.Code == RuleErrorCodes.LetCycle);
        Assert.Equal((6, 7), (cycle.Line, cycle.Column));
        Assert.Contains("a -> b -> c -> a", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LetValues_AreInlinedInDependencyOrder()
    {
        const string yaml = """
            pack: lets
            version: 1.0.0
            let:
              - for: p in CareProfiles
                values:
                  doubled: base * 2
                  base: p.Budget
            rules:
              - id: L-1
                title: Doubled budget over 40000
                for: profile in CareProfiles
                require:
                  check: doubled <= 40000
            """;
        var design = TenderDesignLoader.LoadString(Tests.Model.SampleDesigns.Valid, "sample.yaml").GetValueOrThrow();

        var report = RuleFiles.LoadOrThrow(yaml).Evaluate(design);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("careProfiles[P-0001]", finding.Subject);
        Assert.Contains(finding.Values, v => v.Expression == "profile.Budget" && v.Value == "24000");
    }
}
