using Procurement.Rules.Model;
using Procurement.Rules.RuleTests;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.RuleTests;

public sealed class RuleTestRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pr-ruletests-").FullName;

    public RuleTestRunnerTests() => File.WriteAllText(Path.Combine(_directory, "sample.yaml"), SampleDesigns.Valid);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static RuleSet Oracle => RuleFiles.LoadOrThrow(EvaluationTests.OraclePack);

    private RuleTestReport Run(string tests)
    {
        var file = Path.Combine(_directory, "oracle.tests.yaml");
        File.WriteAllText(file, tests);
        return RuleTestRunner.Run(Oracle, [file]);
    }

    [Fact]
    public void PassingAndFailingExpectations_AreReportedWithCoverage()
    {
        var report = Run("""
            base: sample.yaml
            tests:
              - name: radar has no heavy contract
                replace:
                  - { find: "mainContractor: xonar, coProviders: [radar]", with: "mainContractor: radar, coProviders: []" }
                expect:
                  - { rule: O-1, subject: "careProfiles[P-0001]", clause: contracted, severity: error }
              - name: xonar holds its heavy contract
                replace:
                  - { find: "coProviders: [radar]", with: "coProviders: []" }
                absent: [O-1, O-3]
            """);

        Assert.Empty(report.Errors);
        Assert.All(report.Tests, t => Assert.True(t.Passed, t.Describe()));
        var contracted = report.Coverage.Single(c => c.RuleId == "O-1");
        Assert.Equal((1, 1, true), (contracted.Held, contracted.Failed, contracted.Covered));
        Assert.Equal(4, report.Coverage.Count);
        Assert.Equal(25, report.CoveragePercent);
    }

    [Fact]
    public void FailingTest_ShowsAReadableDiff()
    {
        var report = Run("""
            base: sample.yaml
            tests:
              - name: wrong expectation
                expect:
                  - { rule: O-1, subject: "careProfiles[P-0002]", clause: contracted }
                  - { rule: O-3, subject: "careProfiles[P-0001]" }
            """);

        var result = Assert.Single(report.Tests);
        Assert.False(result.Passed);
        Assert.Equal(["O-1 careProfiles[P-0002]#contracted"], result.Missing);
        Assert.Empty(result.Unexpected);
        Assert.Equal(
            $"FAIL  wrong expectation  ({Path.Combine(_directory, "oracle.tests.yaml")}:3:5)\n      - expected  O-1 careProfiles[P-0002]#contracted",
            result.Describe());
    }

    [Fact]
    public void UnexpectedFinding_IsShownWithItsMessage()
    {
        var report = Run("""
            base: sample.yaml
            tests:
              - name: silence expected
                absent: [O-3]
            """);

        var result = Assert.Single(report.Tests);
        Assert.Equal(["O-3 careProfiles[P-0001]#coProviders (error): Co-providers contracted or subcontracted"], result.Unexpected);
        Assert.Contains("+ actual    O-3 careProfiles[P-0001]#coProviders", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void BaseDesign_WithDataFiles_IsLoadedWithThem()
    {
        Procurement.Rules.Cli.DesignCsv.Write(SampleDesigns.Valid, Path.Combine(_directory, "sample-csv.yaml"));

        var report = Run("""
            base: sample-csv.yaml
            tests:
              - name: the sample's profiles from a CSV data file
                expect:
                  - { rule: O-3, subject: "careProfiles[P-0001]", clause: coProviders }
            """);

        Assert.Empty(report.Errors);
        var result = Assert.Single(report.Tests);
        Assert.True(result.Passed, result.Describe());
    }

    [Fact]
    public void InlineDesign_IsLoadedFromTheTestFile()
    {
        var inline = string.Join("\n", SampleDesigns.Valid.Split('\n').Select(l => "      " + l));
        var report = Run($"""
            tests:
              - name: inline
                design:
            {inline}
                absent: [O-2]
            """);

        Assert.True(Assert.Single(report.Tests).Passed, report.Tests[0].Describe());
    }

    [Fact]
    public void ReplacementThatDoesNotMatchOnce_IsATestError()
    {
        var report = Run("""
            base: sample.yaml
            tests:
              - name: ambiguous
                replace:
                  - { find: "dordrecht", with: "x" }
                absent: [O-1]
            """);

        Assert.Contains("must occur exactly once", Assert.Single(report.Tests).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsentRuleThatAppliesToNothing_ProvesNothingAndFails()
    {
        var report = Run("""
            base: sample.yaml
            tests:
              - name: no light profile
                replace:
                  - { find: "lot: ambulant, category: light, mainContractor: radar", with: "lot: ambulant, category: heavy, mainContractor: radar" }
                absent: [O-2]
            """);

        Assert.Contains("O-2 to apply to at least one subject", Assert.Single(Assert.Single(report.Tests).Missing), StringComparison.Ordinal);
    }

    [Fact]
    public void TestWithoutExpectations_IsAFileError()
    {
        var report = Run("""
            base: sample.yaml
            tests:
              - name: nothing
            """);

        var error = Assert.Single(report.Errors);
        Assert.Equal((LoadErrorCodes.MissingField, 3, 5), (error.Code, error.Line, error.Column));
    }
}
