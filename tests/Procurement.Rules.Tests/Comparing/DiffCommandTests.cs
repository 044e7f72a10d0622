using Procurement.Rules.Tests.Cli;
using System.Text.Json;
using Xunit;

namespace Procurement.Rules.Tests.Comparing;

public sealed class DiffCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static string[] Examples() => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal).ToArray();

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pr-diff-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A copy of the shipped packs, with <paramref name="edit"/> applied to each file's text.</summary>
    private static string PackCopy(Func<string, string> edit)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"pr-diff-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "rules"), "*.yaml"))
        {
            File.WriteAllText(Path.Combine(directory, Path.GetFileName(file)), edit(File.ReadAllText(file)));
        }

        return directory;
    }

    private static string LimitPackDir(int maxBudget, string severity = "error")
    {
        var directory = Path.Combine(Path.GetTempPath(), $"pr-diff-limit-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "limit.yaml"), ReportComparerTests.LimitPack(maxBudget, severity));
        return directory;
    }

    [Fact]
    public void Diff_SameDesignTwice_PrintsNoChangesAndExitsZero()
    {
        var (exit, output, error) = Run("diff", "--base", Example("haaglanden.yaml"), "--head", Example("haaglanden.yaml"));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("0 nieuw, 0 opgelost, 0 gewijzigd", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_TextReport_EndsWithTheRulesItUsed_ForARevisionAndForARuleChange()
    {
        var hash = RuleSet.LoadDefault().GetValueOrThrow().Hash;
        var (baseRules, headRules) = (LimitPackDir(40_000), LimitPackDir(30_000));

        var revision = Run("diff", "--base", Example("haaglanden.yaml"), "--head", Example("haaglanden.yaml"), "--language", "en").Output;
        var change = Run("diff", "--rules-base", baseRules, "--rules-head", headRules, Example("haaglanden.yaml")).Output;

        Assert.Matches($@"\nRules: the embedded default packs \([^)]*\), hash {hash}\.\r?\n$", revision);
        Assert.Matches(
            $@"\nRegels: oud map '{System.Text.RegularExpressions.Regex.Escape(baseRules)}' \(--rules-base\), regelset [0-9a-f]{{16}}; nieuw map '{System.Text.RegularExpressions.Regex.Escape(headRules)}' \(--rules-head\), regelset [0-9a-f]{{16}}\.\r?\n$",
            change);
    }

    [Fact]
    public void Diff_IdenticalRulePacks_OverAllExamples_ChangeNothing()
    {
        var copy = PackCopy(text => text);

        var (exit, output, _) = Run(["diff", "--rules-base", copy, "--rules-head", copy, .. Examples(), "--format", "json"]);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("designs").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("designs").EnumerateArray(), d => Assert.Equal(0, d.GetProperty("findings").GetArrayLength()));
        Assert.Equal(0, json.RootElement.GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public void Diff_TighterLimit_ExitsOneAndReportsNewFindingsAndRuleImpact()
    {
        var design = TempFile(new Procurement.Rules.Cli.DesignGenerator { Profiles = 80, Seed = 1 }.Generate());

        var (exit, output, error) = Run("diff", "--rules-base", LimitPackDir(40_000), "--rules-head", LimitPackDir(30_000), design, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var all = json.RootElement.GetProperty("designs")[0].GetProperty("findings").EnumerateArray().ToArray();
        var findings = all.Where(f => f.GetProperty("change").GetString() == "new").ToArray();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("LIM-1", f.GetProperty("ruleId").GetString()));

        // Findings that were already there read the new limit: changed, not new.
        Assert.All(all.Except(findings), f => Assert.Equal("changed", f.GetProperty("change").GetString()));
        var rule = Assert.Single(json.RootElement.GetProperty("rules").EnumerateArray());
        Assert.Equal("LIM-1", rule.GetProperty("ruleId").GetString());
        Assert.Equal(findings.Length, rule.GetProperty("newlyFailing").GetInt32());
        Assert.Contains("parameters", rule.GetProperty("aspects").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Diff_LooserLimit_ExitsZero_AndFailOnRespectsSeverity()
    {
        var design = TempFile(new Procurement.Rules.Cli.DesignGenerator { Profiles = 80, Seed = 1 }.Generate());

        Assert.Equal(0, Run("diff", "--rules-base", LimitPackDir(30_000), "--rules-head", LimitPackDir(40_000), design).Exit);
        Assert.Equal(0, Run("diff", "--rules-base", LimitPackDir(40_000, "info"), "--rules-head", LimitPackDir(30_000, "info"), design).Exit);
        Assert.Equal(1, Run("diff", "--rules-base", LimitPackDir(40_000, "info"), "--rules-head", LimitPackDir(30_000, "info"), design, "--fail-on", "info").Exit);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("diff", "--base", "a.yaml")]
    [InlineData("diff", "--base", "a.yaml", "--head", "b.yaml", "--rules-base", "x")]
    [InlineData("diff", "--rules-base", "x", "--rules-head", "y")]
    [InlineData("diff", "--base", "missing-a.yaml", "--head", "missing-b.yaml")]
    [InlineData("diff", "--base", "a.yaml", "--head", "b.yaml", "--format", "xml")]
    public void Diff_InvalidInput_ExitsTwo(params string[] args)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.NotEqual("", error);
    }

    [Fact]
    public void Diff_Markdown_HasSummaryTableAndRuleImpact()
    {
        var tighter = PackCopy(text => text.Replace("severity: warning", "severity: error", StringComparison.Ordinal));

        var (exit, output, _) = Run(["diff", "--rules-base", PackCopy(t => t), "--rules-head", tighter, .. Examples(), "--format", "markdown"]);

        Assert.Contains(exit, new[] { 0, 1 });
        Assert.StartsWith("## Verschil in bevindingen", output, StringComparison.Ordinal);
        Assert.Contains("| ontwerp | nieuw | opgelost | gewijzigd | ongewijzigd |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Sarif_IsWellFormedSarif210WithBaselineStates()
    {
        var yaml = new Procurement.Rules.Cli.DesignGenerator { Profiles = 80, Seed = 2 }.Generate();
        var baseDesign = TempFile(yaml);
        var rules = LimitPackDir(30_000);
        var report = global::Procurement.Rules.RuleSet.LoadDirectory(rules).GetValueOrThrow().Evaluate(global::Procurement.Rules.Model.TenderDesignLoader.LoadString(yaml, "x.yaml").GetValueOrThrow());
        var fixedId = report.Findings.First(f => f.RuleId == "LIM-1").Subject["careProfiles[".Length..^1];
        var lines = yaml.Split('\n');
        var line = lines.Single(l => l.Contains($"id: {fixedId},", StringComparison.Ordinal));
        var headDesign = TempFile(yaml.Replace(line, System.Text.RegularExpressions.Regex.Replace(line, @"budget: \d+", "budget: 100"), StringComparison.Ordinal)
            .Replace("durationMonths: 1,", "durationMonths: 22,", StringComparison.Ordinal));

        var (exit, output, error) = Run("diff", "--base", baseDesign, "--head", headDesign, "--rules", rules, "--format", "sarif");

        Assert.Equal("", error);
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.Equal(["LIM-1", "LIM-2"], ruleIds);
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            Assert.Contains(result.GetProperty("ruleId").GetString(), ruleIds);
            Assert.Equal(ruleIds[result.GetProperty("ruleIndex").GetInt32()], result.GetProperty("ruleId").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
            Assert.True(location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.Contains(result.GetProperty("baselineState").GetString(), new[] { "new", "unchanged", "updated", "absent" });
        }

        var states = results.Select(r => r.GetProperty("baselineState").GetString()).ToArray();
        Assert.Single(states, s => s == "absent");
        Assert.Contains("new", states);
        Assert.Contains("unchanged", states);
        var absent = results.Single(r => r.GetProperty("baselineState").GetString() == "absent");
        // A design outside the current folder is located by a file URI (a bare absolute path is SARIF1004 to the Multitool).
        Assert.Equal(new Uri(Path.GetFullPath(baseDesign)).AbsoluteUri, absent.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }
}
