using Xunit;

namespace Procurement.Rules.Tests.Cli;

public sealed class ExplainCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public void Explain_FailingRule_ShowsCountsClauseOutcomesAndValues()
    {
        var (exit, output, error) = Run("explain", Example("zuid-holland-zuid.yaml"), "--rule", "MC-002");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("applied: 32 subject(s) in CareProfiles; 'when' held for 32", output, StringComparison.Ordinal);
        Assert.Contains("1 failed, 31 passed every clause", output, StringComparison.Ordinal);
        Assert.Contains("careProfiles[zhz-zp-010]", output, StringComparison.Ordinal);
        Assert.Contains("contracted: FAILS (error)", output, StringComparison.Ordinal);
        Assert.Contains("profile.Category = heavy", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_DisabledByOverride_SaysWhichFile()
    {
        var overrides = Path.Combine(Path.GetTempPath(), $"pr-cli-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(overrides, """
            pack: local
            extends: main-contractor
            overrides:
              - { id: MC-002, enabled: false }
            """);

        var (exit, output, _) = Run("explain", Example("zuid-holland-zuid.yaml"), "--rule", "MC-002", "--override", overrides);

        Assert.Equal(0, exit);
        Assert.Contains($"not applied: disabled by {overrides}:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SubjectThatPasses_SaysSo()
    {
        var (exit, output, _) = Run("explain", Example("zuid-holland-zuid.yaml"), "--rule", "MC-002", "--subject", "careProfiles[zhz-zp-001]");

        Assert.Equal(0, exit);
        Assert.Contains("careProfiles[zhz-zp-001]  (", output, StringComparison.Ordinal);
        Assert.Contains("  contracted: holds", output, StringComparison.Ordinal);
        Assert.Contains("      profile.MainContractor = ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("zhz-zp-010", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_EverySubject_ShowsWhenFalseOrEachClauseWithValues()
    {
        var (exit, output, _) = Run("explain", Example("zuid-holland-zuid.yaml"), "--rule", "ES-001");

        Assert.Equal(0, exit);
        Assert.Contains("  not applied: 'when' is false (profile.Category == CareCategory.Light)", output, StringComparison.Ordinal);
        Assert.Contains("  within-intensity: FAILS (error)", output, StringComparison.Ordinal);
        Assert.Contains("  within-budget: holds", output, StringComparison.Ordinal);
        Assert.Contains("      profile.IntensityHoursPerWeek = 6", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_UnknownSubject_SaysSo()
    {
        var (exit, output, error) = Run("explain", Example("zuid-holland-zuid.yaml"), "--rule", "MC-002", "--subject", "careProfiles[nobody]");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("error: rule MC-002 has no subject 'careProfiles[nobody]' in zhz-inkoopkader-2018-2021; its subjects look like 'careProfiles[zhz-zp-001]'." + Environment.NewLine, error);
    }

    [Fact]
    public void Explain_RuleThatThrows_ShowsTheErrorOfTheClauseOrOfWhen()
    {
        var design = Path.Combine(Directory.CreateTempSubdirectory("pr-cli-explain-").FullName, "design.yaml");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(design)!, "rules")).FullName;
        var throwingWhen = Rules.RuleFiles.WithClause("true").Replace("    require:", "    when: 100 / (profile.DurationMonths - 12) != 0\n    require:", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "explain.yaml"), Rules.ExplainTests.Pack);
        File.WriteAllText(Path.Combine(folder, "when.yaml"), throwingWhen.Replace("pack: test", "pack: when", StringComparison.Ordinal));
        File.WriteAllText(design, Model.SampleDesigns.Valid);

        var (clauseExit, clause, clauseError) = Run("explain", design, "--rules", folder, "--rule", "X-1", "--subject", "careProfiles[P-0001]");
        var (whenExit, when, _) = Run("explain", design, "--rules", folder, "--rule", "T-1", "--subject", "careProfiles[P-0001]");

        Assert.Equal((0, 0, ""), (clauseExit, whenExit, clauseError));
        Assert.Contains(
            "  duration: holds\n      profile.DurationMonths = 12\n  ratio: ERROR DivideByZeroException: Attempted to divide by zero.\n      profile.DurationMonths = 12\n",
            clause.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Contains("  budget: FAILS (error) profile.Budget <= maxBudget\n      profile.Budget = 24000\n      maxBudget = 20000\n", clause.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  evaluation error: 'when' threw DivideByZeroException: Attempted to divide by zero.\nRules: directory ", when.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("explain", "examples-missing.yaml", "--rule", "MC-002")]
    [InlineData("explain", "--rule", "MC-002")]
    [InlineData("explain", "EXAMPLE", "--rule", "NOPE-1")]
    [InlineData("explain", "EXAMPLE")]
    public void Explain_BadInput_ExitsTwoWithOneLineError(params string[] args)
    {
        var resolved = args.Select(a => a == "EXAMPLE" ? Example("haaglanden.yaml") : a).ToArray();

        var (exit, _, error) = Run(resolved);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.NotEqual("", error.Trim());
    }
}
