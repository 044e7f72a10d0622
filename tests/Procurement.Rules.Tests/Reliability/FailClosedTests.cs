using Microsoft.Extensions.DependencyInjection;
using Procurement.Rules.DependencyInjection;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Cli;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>What a rule directory holds when none of it is a rule file.</summary>
public enum RulelessDirectory
{
    /// <summary>Nothing at all.</summary>
    Empty,

    /// <summary>Only files that are not YAML, e.g. <c>rules.txt</c>.</summary>
    OtherFilesOnly,

    /// <summary>Only a folder named like a rule file, <c>x.yaml</c>.</summary>
    FolderNamedYaml,
}

/// <summary>
/// Rule loading fails closed: a rule directory that yields no rule files is a <c>no-rules</c> load error in the library,
/// the CLI (exit 2) and the DI provider (which keeps its working set), never an empty rule set that passes every design.
/// </summary>
public sealed class FailClosedTests : IDisposable
{
    private const string NoRulesDefined = "The rule files in the rule directory define no rules";

    private readonly string _root = Directory.CreateTempSubdirectory("pr-fail-closed-").FullName;

    public FailClosedTests() => Directory.CreateDirectory(RulesDirectory);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string RulesDirectory => Path.Combine(_root, "rules");

    private void Fill(RulelessDirectory kind)
    {
        switch (kind)
        {
            case RulelessDirectory.OtherFilesOnly:
                File.WriteAllText(Path.Combine(RulesDirectory, "rules.txt"), EvaluationTests.OraclePack);
                File.WriteAllText(Path.Combine(RulesDirectory, "README.md"), "# rules\n");
                File.WriteAllText(Path.Combine(RulesDirectory, "oracle.yaml.bak"), EvaluationTests.OraclePack);
                break;
            case RulelessDirectory.FolderNamedYaml:
                Directory.CreateDirectory(Path.Combine(RulesDirectory, "x.yaml"));
                File.WriteAllText(Path.Combine(RulesDirectory, "x.yaml", "inner.yaml"), EvaluationTests.OraclePack);
                break;
        }
    }

    private void AssertNoRules(IReadOnlyList<LoadError> errors, string message = "The rule directory holds no rule files")
    {
        var error = Assert.Single(errors);
        Assert.Equal((RuleErrorCodes.NoRules, RulesDirectory, 1, 1), (error.Code, error.File, error.Line, error.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private void WriteRulelessPack() => File.WriteAllText(Path.Combine(RulesDirectory, "empty.yaml"), "pack: empty\nversion: 1.0.0\nrules: []\n");

    [Theory]
    [InlineData(RulelessDirectory.Empty)]
    [InlineData(RulelessDirectory.OtherFilesOnly)]
    [InlineData(RulelessDirectory.FolderNamedYaml)]
    public void FromDirectory_NoRuleFiles_IsANoRulesError(RulelessDirectory kind)
    {
        Fill(kind);

        var result = RuleSource.FromDirectory(RulesDirectory);

        Assert.Null(result.Value);
        AssertNoRules(result.Errors);
    }

    [Theory]
    [InlineData(RulelessDirectory.Empty)]
    [InlineData(RulelessDirectory.OtherFilesOnly)]
    [InlineData(RulelessDirectory.FolderNamedYaml)]
    public void LoadDirectory_NoRuleFiles_IsANoRulesError(RulelessDirectory kind)
    {
        Fill(kind);

        var result = RuleSet.LoadDirectory(RulesDirectory);

        Assert.False(result.Succeeded);
        AssertNoRules(result.Errors);
    }

    [Fact]
    public void LoadDirectory_PackWithoutRules_IsANoRulesError()
    {
        WriteRulelessPack();

        var result = RuleSet.LoadDirectory(RulesDirectory);

        Assert.False(result.Succeeded);
        AssertNoRules(result.Errors, NoRulesDefined);
    }

    [Fact]
    public void Cli_PackWithoutRules_ExitsTwoWithOneLine()
    {
        WriteRulelessPack();
        var design = Path.Combine(_root, "design.yaml");
        File.WriteAllText(design, SampleDesigns.Valid);

        var (exit, _, error) = CliRunner.Run("validate", design, "--rules", RulesDirectory);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{RulesDirectory}:1:1: error no-rules: {NoRulesDefined}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_ReloadOnPackWithoutRules_KeepsTheWorkingSetAndReportsIt()
    {
        var pack = Path.Combine(RulesDirectory, "oracle.yaml");
        File.WriteAllText(pack, EvaluationTests.OraclePack);
        using var services = Services();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var working = provider.Current;
        File.Delete(pack);
        WriteRulelessPack();

        Assert.False(provider.Reload());

        Assert.Same(working, provider.Current);
        AssertNoRules(provider.LastErrors, NoRulesDefined);
    }

    [Fact]
    public void LoadDirectory_RuleFileBesideSkippedEntries_Loads()
    {
        Fill(RulelessDirectory.OtherFilesOnly);
        Fill(RulelessDirectory.FolderNamedYaml);
        File.WriteAllText(Path.Combine(RulesDirectory, "oracle.yaml"), EvaluationTests.OraclePack);

        var result = RuleSet.LoadDirectory(RulesDirectory);

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Value!.Rules.Count);
    }

    [Theory]
    [InlineData(RulelessDirectory.Empty, "validate")]
    [InlineData(RulelessDirectory.OtherFilesOnly, "validate")]
    [InlineData(RulelessDirectory.FolderNamedYaml, "validate")]
    [InlineData(RulelessDirectory.Empty, "lint")]
    [InlineData(RulelessDirectory.Empty, "test")]
    [InlineData(RulelessDirectory.Empty, "explain")]
    public void Cli_NoRuleFiles_ExitsTwoWithOneLine(RulelessDirectory kind, string command)
    {
        Fill(kind);
        var design = Path.Combine(_root, "design.yaml");
        File.WriteAllText(design, SampleDesigns.Valid);
        string[] args = command switch
        {
            "validate" => ["validate", design, "--rules", RulesDirectory],
            "explain" => ["explain", design, "--rule", "O-1", "--rules", RulesDirectory],
            _ => [command, "--rules", RulesDirectory],
        };

        var (exit, _, error) = CliRunner.Run(args);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{RulesDirectory}:1:1: error no-rules: The rule directory holds no rule files", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RulelessDirectory.Empty)]
    [InlineData(RulelessDirectory.OtherFilesOnly)]
    [InlineData(RulelessDirectory.FolderNamedYaml)]
    public void Provider_StartedOnNoRuleFiles_Throws(RulelessDirectory kind)
    {
        Fill(kind);
        using var services = Services();

        var exception = Assert.Throws<LoadException>(() => services.GetRequiredService<IRuleSetProvider>());

        AssertNoRules(exception.Errors);
    }

    [Theory]
    [InlineData(RulelessDirectory.Empty)]
    [InlineData(RulelessDirectory.OtherFilesOnly)]
    [InlineData(RulelessDirectory.FolderNamedYaml)]
    public void Provider_ReloadOnNoRuleFiles_KeepsTheWorkingSetAndReportsIt(RulelessDirectory kind)
    {
        var pack = Path.Combine(RulesDirectory, "oracle.yaml");
        File.WriteAllText(pack, EvaluationTests.OraclePack);
        using var services = Services();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var working = provider.Current;
        File.Delete(pack);
        Fill(kind);

        Assert.False(provider.Reload());

        Assert.Same(working, provider.Current);
        AssertNoRules(provider.LastErrors);
    }

    private ServiceProvider Services() => new ServiceCollection().AddProcurementRules(o =>
    {
        o.RuleDirectories.Add(RulesDirectory);
        o.WatchForChanges = false;
    }).BuildServiceProvider();
}
