using Procurement.Rules.Model.Yaml;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary>
/// A misspelt name is a load error with its position and the nearest known names: parameters and rule ids in override
/// files, model members, parameters and derived values in expressions.
/// </summary>
public sealed class DidYouMeanTests
{
    private static string SingleError(string overrideFile)
    {
        var result = RuleSet.Load([.. RuleSource.DefaultPacks(), new RuleSource("zhz-2019.yaml", overrideFile)]);
        Assert.Null(result.Value);
        return Assert.Single(result.Errors).ToString();
    }

    [Fact]
    public void OverrideFile_MisspeltPackParameter_IsLoadErrorWithTheNearestName()
    {
        Assert.Equal(
            "zhz-2019.yaml:4:3: error unknown-parameter: Parameter 'minHeavyProvider' is not defined by 'coverage' or the packs it extends; did you mean 'minHeavyProviders'?",
            SingleError("pack: zhz-2019\nextends: coverage\nparameters:\n  minHeavyProvider: 3\n"));
    }

    [Fact]
    public void OverrideFile_ParameterNoBasePackHas_IsLoadErrorNamingTheKnownOnes()
    {
        Assert.Equal(
            "zhz-2019.yaml:4:3: error unknown-parameter: Parameter 'maxLightBudget' is not defined by 'eligibility' or the packs it extends; known: europeanThreshold.",
            SingleError("pack: zhz-2019\nextends: eligibility\nparameters:\n  maxLightBudget: 9000\n"));
    }

    [Fact]
    public void OverrideFile_MisspeltRuleId_IsLoadErrorWithTheNearestId()
    {
        Assert.Equal(
            "zhz-2019.yaml:4:11: error unknown-target: Override names rule 'MC-02', which no loaded pack defines; did you mean 'MC-002'?",
            SingleError("pack: zhz-2019\nextends: main-contractor\noverrides:\n  - { id: MC-02, severity: warning }\n"));
    }

    [Fact]
    public void OverrideFile_RuleOfAPackItDoesNotExtend_IsLoadError()
    {
        Assert.Equal(
            "zhz-2019.yaml:4:11: error unknown-target: Override names rule 'EL-005' of pack 'eligibility', which 'zhz-2019' does not extend; known: MC-001, MC-002, MC-003, MC-004, MC-005, MC-006.",
            SingleError("pack: zhz-2019\nextends: main-contractor\noverrides:\n  - { id: EL-005, enabled: false }\n"));
    }

    [Fact]
    public void OverrideFile_RuleOfAPackItDoesNotExtend_WithMoreThanEightKnownRules_ListsNone()
    {
        // Coverage has nine rules: listing them all would bury the message; the officer looks them up in docs/rules.md.
        Assert.Equal(
            "zhz-2019.yaml:4:11: error unknown-target: Override names rule 'EL-005' of pack 'eligibility', which 'zhz-2019' does not extend.",
            SingleError("pack: zhz-2019\nextends: coverage\noverrides:\n  - { id: EL-005, enabled: false }\n"));
    }

    [Fact]
    public void OverrideFile_MisspeltRuleParameter_IsLoadErrorWithTheNearestName()
    {
        Assert.Equal(
            "zhz-2019.yaml:4:33: error unknown-parameter: Rule 'CO-001' has no parameter 'minHeavyProvider'; did you mean 'minHeavyProviders'?",
            SingleError("pack: zhz-2019\nextends: coverage\noverrides:\n  - { id: CO-001, parameters: { minHeavyProvider: 3 } }\n"));
    }

    [Fact]
    public void Expression_MisspeltModelMember_SuggestsTheMemberOfThatType()
    {
        var error = Assert.Single(RuleFiles.Load(RuleFiles.WithClause("profile.DuratonMonths > 0")).Errors);

        Assert.Equal((RuleFiles.ClauseLine, RuleFiles.ClauseColumn + 8), (error.Line, error.Column));
        Assert.EndsWith("exists in type 'CareProfile' (at 'DuratonMonths'); did you mean 'DurationMonths'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expression_MisspeltParameter_SuggestsTheNameInScope()
    {
        const string pack = """
            pack: test
            version: 1.0.0
            parameters:
              maxBudget: 10
            rules:
              - id: T-1
                title: Test rule
                for: profile in CareProfiles
                require:
                  check: profile.Budget <= maxBudgte
            """;

        var error = Assert.Single(RuleFiles.Load(pack).Errors);

        Assert.Equal((10, 32), (error.Line, error.Column));
        Assert.Equal("Unknown identifier 'maxBudgte' (at 'maxBudgte'); did you mean 'maxBudget'?", error.Message);
    }

    [Fact]
    public void Expression_NameFarFromEveryKnownOne_SuggestsNothing()
    {
        var error = Assert.Single(RuleFiles.Load(RuleFiles.WithClause("profile.Zzzzzzzz > 0")).Errors);

        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DuratonMonths", "DurationMonths")]
    [InlineData("durationmonths", "DurationMonths")]
    [InlineData("Bugdet", "Budget")]
    public void NearestNames_FindsTheIntendedName(string written, string meant)
    {
        Assert.Equal(meant, NearestNames.Find(written, ["DurationMonths", "Budget", "Start", "Id"]).First());
    }

    [Fact]
    public void NearestNames_DidYouMean_ListsSeveralWithOr()
    {
        Assert.Equal("; did you mean 'a', 'b' or 'c'?", NearestNames.DidYouMean(["a", "b", "c"]));
        Assert.Equal(string.Empty, NearestNames.DidYouMean([]));
    }
}
