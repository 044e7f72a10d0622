using Procurement.Rules.Linting;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Linting;

public sealed class RuleLinterTests
{
    private const string BadPack = """
        pack: bad
        version: 1.0.0
        parameters:
          used: 10
          forgotten: 20
        rules:
          - id: B-1
            title: Never applies
            reference: "par. 1"
            for: profile in CareProfiles
            when: 1 > 2
            require:
              budget: profile.Budget > used
            message: "x"
          - id: B-2
            title: Ended long ago
            reference: "par. 2"
            effective: { from: 2015-01-01, until: 2017-12-31 }
            for: profile in CareProfiles
            require:
              budget: profile.Budget > 0
            message: "x"
          - id: B-3
            title: never applies
            for: profile in CareProfiles
            require:
              budget: profile.Budget > 0
        """;

    private static readonly DateOnly AsOf = new(2023, 1, 1);

    [Fact]
    public void Lint_PurposeMadeBadFile_ReportsEachIssueAtItsPosition()
    {
        var report = RuleLinter.Lint([new RuleSource("bad.yaml", BadPack)], AsOf);

        Assert.Empty(report.Errors);
        Assert.Equal(
            [
                ("unused-parameter", 5, 3),
                ("never-applies", 7, 5),
                ("expired", 15, 5),
                ("missing-message", 23, 5),
                ("missing-reference", 23, 5),
                ("duplicate-title", 23, 5),
            ],
            report.Issues.Select(i => (i.Code, i.Location.Line, i.Location.Column)).ToArray());
        Assert.Equal("bad.yaml:5:3: warning unused-parameter: Parameter 'forgotten' of pack 'bad' is read by no rule.", report.Issues[0].ToString());
    }

    [Fact]
    public void Lint_OverrideOfMissingRuleAndBadPlaceholder_AreErrors()
    {
        const string region = """
            pack: region
            extends: bad
            overrides:
              - { id: B-9, severity: warning }
            """;
        var pack = BadPack.Replace("message: \"x\"\n  - id: B-2", "message: \"{profile.Nope}\"\n  - id: B-2", StringComparison.Ordinal);

        var report = RuleLinter.Lint([new RuleSource("bad.yaml", pack), new RuleSource("region.yaml", region)], AsOf);

        Assert.Equal(
            [(RuleErrorCodes.InvalidPlaceholder, "bad.yaml"), (RuleErrorCodes.UnknownTarget, "region.yaml")],
            report.Errors.Select(e => (e.Code, e.File)).ToArray());
    }

    [Fact]
    public void Lint_ParameterOverriddenByAnExtendingFile_IsNotUnused()
    {
        const string region = """
            pack: region
            extends: bad
            parameters:
              used: 12
            """;

        var report = RuleLinter.Lint([new RuleSource("bad.yaml", BadPack), new RuleSource("region.yaml", region)], AsOf);

        Assert.DoesNotContain(report.Issues, i => i.Code == "unused-parameter" && i.Location.File == "region.yaml");
    }

    [Fact]
    public void Lint_ShippedPacks_AreClean()
    {
        var report = RuleLinter.Lint(RuleSource.DefaultPacks(), AsOf);

        Assert.Empty(report.Errors.Select(e => e.ToString()));
        Assert.Empty(report.Issues.Select(i => i.ToString()));
    }
}
