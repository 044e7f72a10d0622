using System.Text.Json;
using Xunit;

namespace Procurement.Rules.Tests.Cli;

public sealed class ValidateCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pr-cli-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Validate_CleanDesign_ExitsZeroAndSummarises()
    {
        var design = TempFile(Model.SampleDesigns.Valid);
        var rules = Path.Combine(Path.GetTempPath(), $"pr-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "one.yaml"), """
            pack: one
            version: 1.0.0
            rules:
              - id: X-1
                title: Budget positive
                for: profile in CareProfiles
                require:
                  positive: profile.Budget > 0
            """);

        var (exit, output, error) = Run("validate", design, "--rules", rules);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("0 fouten, 0 waarschuwingen, 0 info; 1 van 1 regels toegepast", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FindingsAtThreshold_ExitsOneAndPrintsThem()
    {
        var design = TempFile(Model.SampleDesigns.With("budget: 2500", "budget: 6500"));
        var overrides = TempFile("""
            pack: strict
            extends: oracle
            overrides:
              - { id: O-3, enabled: false }
            """);
        var rules = Path.Combine(Path.GetTempPath(), $"pr-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "oracle.yaml"), Rules.EvaluationTests.OraclePack);

        var (exit, output, _) = Run("validate", design, "--rules", rules, "--override", overrides);

        Assert.Equal(1, exit);
        Assert.Contains("fout         O-2     ", output, StringComparison.Ordinal);
        Assert.Contains(" · careProfiles[P-0002]", output, StringComparison.Ordinal);
        Assert.Contains("gelezen waarden:\n          profile.Budget = € 6.500\n          maxLightBudget = € 5.000\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("niet toegepast: O-3 (uitgeschakeld)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Json_IsAStableDocument()
    {
        var (exit, output, _) = Run("validate", Example("zuid-holland-zuid.yaml"), "--format", "json", "--fail-on", "info");

        using var json = JsonDocument.Parse(output);
        var report = json.RootElement[0];
        Assert.Equal("zhz-inkoopkader-2018-2021", report.GetProperty("designId").GetString());
        Assert.Equal(report.GetProperty("findings").GetArrayLength() > 0 ? 1 : 0, exit);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "--bogus", "x.yaml")]
    [InlineData("validate", "x.yaml", "--format", "pdf")]
    [InlineData("frobnicate")]
    public void Validate_UsageError_ExitsTwoWithOneLineError(params string[] args)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = Run("validate", "does-not-exist.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("does-not-exist.yaml:1:1: error file-unreadable", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenYaml_ExitsTwoWithPosition()
    {
        var design = TempFile("design: x\nregion: [unclosed\n");

        var (exit, _, error) = Run("validate", design);

        Assert.Equal(2, exit);
        Assert.Contains(":3:1: error yaml-syntax", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadAsOf_ExitsTwo()
    {
        var (exit, _, error) = Run("validate", Example("haaglanden.yaml"), "--as-of", "1 januari");

        Assert.Equal(2, exit);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenRuleFile_ExitsTwoWithPosition()
    {
        var rules = Path.Combine(Path.GetTempPath(), $"pr-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "bad.yaml"), Rules.RuleFiles.WithClause("DateTime.Now.Year > 2000"));

        var (exit, _, error) = Run("validate", Example("haaglanden.yaml"), "--rules", rules);

        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:8:23: error rejected-expression", error, StringComparison.Ordinal);
    }
}
