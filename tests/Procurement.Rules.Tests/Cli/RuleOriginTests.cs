using Xunit;

namespace Procurement.Rules.Tests.Cli;

/// <summary>
/// Which rules were checked is never in doubt: without --rules the tool uses ./rules when the folder has one (else the
/// embedded packs), every command says so with the rule set's hash, and 'test' never runs disk tests on embedded rules.
/// </summary>
public sealed class RuleOriginTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pr-origin-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Procurement.Rules.Cli.Program.Run(args, output, error, _folder);
        return (exit, output.ToString(), error.ToString());
    }

    private string BrokenLocalRules()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "broken.yaml"), "pack: broken\nversion: 1.0.0\nrules:\n  - id: B-1\n    title: Broken\n    for: profile in CareProfiles\n    require:\n      ok: profile.Nope > 0\n");
        return rules;
    }

    [Fact]
    public void Lint_InAFolderWithBrokenRules_ChecksThoseAndFails()
    {
        var rules = BrokenLocalRules();

        var (exit, output, _) = Run("lint");

        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(rules, "broken.yaml")}:8:19: error invalid-expression", output, StringComparison.Ordinal);
        Assert.Contains("1 error(s), 2 warning(s) in 1 file(s).", output, StringComparison.Ordinal);
        Assert.Matches(@"Rules: directory '\./rules' \(found in the current folder; no --rules given\), hash [0-9a-f]{16}\.", output);
    }

    [Fact]
    public void Validate_InAFolderWithRules_ChecksWithTheEmbeddedPacks_AndSaysTheFolderIsUsedOnlyWithRules()
    {
        var rules = BrokenLocalRules();

        var (exit, output, error) = Run("validate", Example("haaglanden.yaml"));
        var withLocal = Run("validate", Example("haaglanden.yaml"), "--rules", rules);

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        var hash = RuleSet.LoadDefault().GetValueOrThrow().Hash;
        Assert.EndsWith($"Regels: ingebouwde pakketten (./rules hier alleen met --rules rules), regelset {hash}.{Environment.NewLine}", output, StringComparison.Ordinal);
        Assert.Equal(2, withLocal.Exit);
        Assert.Contains("error invalid-expression", withLocal.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_InAFolderWithRules_UsesTheEmbeddedPacks()
    {
        BrokenLocalRules();

        var (exit, output, _) = Run("explain", Example("haaglanden.yaml"), "--rule", "MC-002");

        Assert.Equal(0, exit);
        Assert.Contains("Rules: the embedded default packs (./rules here only with --rules rules), hash ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutLocalRules_SaysItUsedTheEmbeddedPacksAndTheirHash_InTheReportsLanguage()
    {
        var (exit, dutch, _) = Run("validate", Example("haaglanden.yaml"));
        var english = Run("validate", Example("haaglanden.yaml"), "--language", "en").Output;

        Assert.Equal(1, exit);
        var hash = RuleSet.LoadDefault().GetValueOrThrow().Hash;
        Assert.EndsWith($"Regels: ingebouwde pakketten (geen --rules en geen map ./rules hier), regelset {hash}.{Environment.NewLine}", dutch, StringComparison.Ordinal);
        Assert.EndsWith($"Rules: the embedded default packs (no --rules, no ./rules folder here), hash {hash}.{Environment.NewLine}", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SaysWhichRulesItUsed()
    {
        var rules = Path.Combine(AppContext.BaseDirectory, "rules");

        var (exit, output, _) = Run("explain", Example("haaglanden.yaml"), "--rule", "MC-002", "--rules", rules);
        Assert.Equal(0, exit);
        Assert.Matches($@"Rules: directory '{System.Text.RegularExpressions.Regex.Escape(rules)}' \(--rules\), hash [0-9a-f]{{16}}\.", output);
    }

    [Fact]
    public void Test_WithoutARulesFolder_RefusesToMixEmbeddedRulesWithDiskTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "tests"));

        var (exit, output, error) = Run("test", "--tests", Path.Combine(_folder, "tests"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("error: no rules to test: there is no ./rules folder here and no --rules was given (the embedded packs are not tested against files on disk)." + Environment.NewLine, error);
    }

    [Fact]
    public void Test_InARulesFolderParent_RunsThatFoldersTestsAndSaysSo()
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "rules"), Path.Combine(_folder, "rules"));

        var (exit, output, _) = Run("test", "--min-coverage", "100");

        Assert.Equal(0, exit);
        Assert.Contains("rule tests passed; clause coverage 100%.", output, StringComparison.Ordinal);
        Assert.Contains("Rules: directory './rules' (found in the current folder; no --rules given), hash ", output, StringComparison.Ordinal);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
