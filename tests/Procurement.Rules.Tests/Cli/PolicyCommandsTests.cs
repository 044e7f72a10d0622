using Xunit;

namespace Procurement.Rules.Tests.Cli;

public sealed class PolicyCommandsTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    private static string Rules => Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>A new tests folder with a copy of the shipped base design: rule tests read designs only inside their rules folder.</summary>
    private static string TestsWithBaseDesign()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Directory.CreateTempSubdirectory("pr-cli-tests-").FullName, "tests")).FullName;
        Directory.CreateDirectory(Path.Combine(directory, "designs"));
        File.Copy(Path.Combine(Rules, "tests", "designs", "base-design.yaml"), Path.Combine(directory, "designs", "base-design.yaml"));
        return directory;
    }

    [Fact]
    public void Test_ShippedPacks_AllPassWithFullCoverage()
    {
        var (exit, output, error) = Run("test", "--rules", Rules, "--min-coverage", "100");

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Contains("rule tests passed; clause coverage 100%.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_FailingRuleTest_ExitsOneWithADiff()
    {
        var directory = TestsWithBaseDesign();
        File.WriteAllText(Path.Combine(directory, "wrong.yaml"), """
            base: designs/base-design.yaml
            tests:
              - name: expects a finding that is not there
                expect:
                  - { rule: MC-002, subject: "careProfiles[P-1]", clause: contracted }
            """);

        var (exit, output, _) = Run("test", "--rules", Rules, "--tests", directory);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  expects a finding that is not there", output, StringComparison.Ordinal);
        Assert.Contains("- expected  MC-002 careProfiles[P-1]#contracted", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_BelowMinimumCoverage_ExitsOne()
    {
        var directory = TestsWithBaseDesign();
        File.WriteAllText(Path.Combine(directory, "one.yaml"), """
            base: designs/base-design.yaml
            tests:
              - name: only one rule
                absent: [MC-002]
            """);

        var (exit, output, _) = Run("test", "--rules", Rules, "--tests", directory, "--min-coverage", "100");

        Assert.Equal(1, exit);
        Assert.Contains("is below the required 100%", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ShippedPacks_IsClean()
    {
        var (exit, output, _) = Run("lint", "--rules", Rules);

        Assert.Equal(0, exit);
        Assert.Contains("0 error(s), 0 warning(s) in 5 file(s).", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BrokenRuleFile_ExitsTwoWithPositions()
    {
        var directory = Directory.CreateTempSubdirectory("pr-cli-lint-").FullName;
        File.WriteAllText(Path.Combine(directory, "bad.yaml"), Rules_WithClause("DateTime.Now.Year > 2000"));

        var (exit, output, _) = Run("lint", "--rules", directory);

        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:8:23: error rejected-expression", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("design", "Procurement.Rules tender design")]
    [InlineData("rules", "Procurement.Rules rule file")]
    [InlineData("rule-tests", "Procurement.Rules rule tests")]
    public void Schema_PrintsTheSchema(string kind, string title)
    {
        var (exit, output, _) = Run("schema", "--kind", kind);

        Assert.Equal(0, exit);
        Assert.Contains($"\"title\": \"{title}\"", output, StringComparison.Ordinal);
    }

    private static string Rules_WithClause(string expression) => Tests.Rules.RuleFiles.WithClause(expression);
}
