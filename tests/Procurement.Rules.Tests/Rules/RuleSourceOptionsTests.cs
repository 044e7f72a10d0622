using Microsoft.Extensions.DependencyInjection;
using Procurement.Rules.DependencyInjection;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Cli;
using Procurement.Rules.Tests.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary>
/// One rule-source configuration: <see cref="RuleSet"/>, the command-line tool and the DI provider gather their rule files
/// through <see cref="RuleSourceOptions"/>, so an empty and a missing rule directory give the same error in all three.
/// </summary>
public sealed class RuleSourceOptionsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pr-rule-sources-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Kinds => ["empty", "missing"];

    // An empty directory is a no-rules error, one that cannot be read (here: does not exist) a file-unreadable error.
    private (string Directory, string Code) Prepare(string kind)
    {
        var directory = Path.Combine(_root, kind);
        if (kind == "empty")
        {
            Directory.CreateDirectory(directory);
            return (directory, RuleErrorCodes.NoRules);
        }

        return (directory, LoadErrorCodes.FileUnreadable);
    }

    private string Design()
    {
        var path = Path.Combine(_root, "design.yaml");
        File.WriteAllText(path, SampleDesigns.Valid);
        return path;
    }

    private static ServiceProvider Services(string directory, params string[] overrideFiles) => new ServiceCollection().AddProcurementRules(o =>
    {
        o.RuleDirectories.Add(directory);
        foreach (var file in overrideFiles)
        {
            o.OverrideFiles.Add(file);
        }

        o.WatchForChanges = false;
    }).BuildServiceProvider();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RuleSet_EmptyOrMissingDirectory_IsOneErrorAtTheDirectory(string kind)
    {
        var (directory, code) = Prepare(kind);

        var result = RuleSet.LoadDirectory(directory);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, directory, 1, 1), (error.Code, error.File, error.Line, error.Column));
        Assert.Equal(error, Assert.Single(RuleSet.Load(new RuleSourceOptions { Directories = [directory] }).Errors));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Cli_EmptyOrMissingDirectory_PrintsTheSameErrorAsRuleSet(string kind)
    {
        var (directory, code) = Prepare(kind);
        var expected = Assert.Single(RuleSet.LoadDirectory(directory).Errors);

        var (exit, _, error) = CliRunner.Run("validate", Design(), "--rules", directory);

        Assert.Equal(2, exit);
        Assert.Equal(code, expected.Code);
        Assert.Equal(expected.ToString(), Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Provider_EmptyOrMissingDirectory_ThrowsTheSameErrorAsRuleSet(string kind)
    {
        var (directory, code) = Prepare(kind);
        var expected = Assert.Single(RuleSet.LoadDirectory(directory).Errors);
        using var services = Services(directory);

        var exception = Assert.Throws<LoadException>(() => services.GetRequiredService<IRuleSetProvider>());

        Assert.Equal(code, expected.Code);
        Assert.Equal(expected, Assert.Single(exception.Errors));
    }

    [Fact]
    public void AllEntryPoints_DirectoryWhosePacksDefineNoRules_AreOneNoRulesErrorAtTheDirectory()
    {
        var directory = Path.Combine(_root, "ruleless");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "empty.yaml"), "pack: empty\nversion: 1.0.0\nrules: []\n");
        using var services = Services(directory);

        var library = Assert.Single(RuleSet.LoadDirectory(directory).Errors);
        var (exit, _, cli) = CliRunner.Run("validate", Design(), "--rules", directory);
        var provider = Assert.Throws<LoadException>(() => services.GetRequiredService<IRuleSetProvider>());

        Assert.Equal((RuleErrorCodes.NoRules, directory, 1, 1), (library.Code, library.File, library.Line, library.Column));
        Assert.Equal(2, exit);
        Assert.Equal(library.ToString(), Assert.Single(cli.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(library, Assert.Single(provider.Errors));
    }

    [Fact]
    public void AllEntryPoints_MissingOverrideFile_AreTheSameFileUnreadableError()
    {
        var directory = Path.Combine(_root, "rules");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "oracle.yaml"), EvaluationTests.OraclePack);
        var missing = Path.Combine(_root, "region.yaml");
        using var services = Services(directory, missing);

        var library = Assert.Single(RuleSet.Load(new RuleSourceOptions { Directories = [directory], Files = [missing] }).Errors);
        var (exit, _, cli) = CliRunner.Run("validate", Design(), "--rules", directory, "--override", missing);
        var provider = Assert.Throws<LoadException>(() => services.GetRequiredService<IRuleSetProvider>());

        Assert.Equal((LoadErrorCodes.FileUnreadable, missing, 1, 1), (library.Code, library.File, library.Line, library.Column));
        Assert.Equal(2, exit);
        Assert.Equal(library.ToString(), Assert.Single(cli.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(library, Assert.Single(provider.Errors));
    }

    [Fact]
    public void ReadSources_AppliesPacksThenDirectoriesThenFiles()
    {
        var first = Path.Combine(_root, "a");
        var second = Path.Combine(_root, "b");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(first, "2.yaml"), "pack: a2\n");
        File.WriteAllText(Path.Combine(first, "1.yml"), "pack: a1\n");
        File.WriteAllText(Path.Combine(second, "x.yaml"), "pack: b\n");
        var file = Path.Combine(_root, "override.yaml");
        File.WriteAllText(file, "pack: o\n");
        var options = new RuleSourceOptions { Packs = [new RuleSource("inline", "pack: i\n")], Directories = [second, first], Files = [file] };

        var sources = options.ReadSources();

        Assert.Empty(sources.Errors);
        Assert.Equal(["inline", Path.Combine(second, "x.yaml"), Path.Combine(first, "1.yml"), Path.Combine(first, "2.yaml"), file], sources.Value!.Select(s => s.Name));
    }

    [Fact]
    public void DirectoriesOrDefault_WithoutDirectories_IsTheShippedPacksThenTheOverrides()
    {
        var options = RuleSourceOptions.DirectoriesOrDefault([], ["region.yaml"]);

        Assert.Equal(RuleSource.DefaultPacks().Select(p => p.Name), options.Packs.Select(p => p.Name));
        Assert.Empty(options.Directories);
        Assert.Equal(["region.yaml"], options.Files);
        Assert.Same(RuleLimits.Default, options.Limits);
    }

    [Fact]
    public void DirectoriesOrDefault_WithDirectories_LeavesTheShippedPacksOut()
    {
        var options = RuleSourceOptions.DirectoriesOrDefault(["rules"], []);

        Assert.Empty(options.Packs);
        Assert.Equal(["rules"], options.Directories);
    }
}
