using System.Diagnostics;
using System.Text;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// Every limit on design and rule files: each is configurable, each breach is an error that names the limit, and a
/// file within a raised limit loads.
/// </summary>
public sealed class LoadLimitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pr-limits-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string RulePack(int rules, string extra = "")
    {
        var builder = new StringBuilder("pack: many\nversion: 1.0.0\n").Append(extra).Append("rules:\n");
        for (var i = 1; i <= rules; i++)
        {
            builder.Append("  - id: R-").Append(i).Append("\n    title: Rule ").Append(i)
                .Append("\n    for: profile in CareProfiles\n    require:\n      check: profile.Budget > ").Append(i).Append('\n');
        }

        return builder.ToString();
    }

    private static string BillionLaughs(int levels)
    {
        var builder = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= levels; i++)
        {
            builder.Append($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n");
        }

        return builder.ToString();
    }

    private static LoadError SingleLimitError(LoadResult<RuleSet> result, string limit)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Code == LoadErrorCodes.LimitExceeded);
        Assert.Contains($"(limit {limit})", error.Message, StringComparison.Ordinal);
        return error;
    }

    // ---- Rule files: the YAML limits, through RuleLimits.Yaml ----

    [Fact]
    public void RuleFile_BillionLaughs_StopsAtTheNodeLimitQuickly()
    {
        var yaml = "pack: laughs\nversion: 1.0.0\n" + BillionLaughs(9);
        var watch = Stopwatch.StartNew();

        var error = SingleLimitError(AttackPacks.Load(yaml), "MaxNodes");

        Assert.Equal("attack.yaml", error.File);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void RuleFile_DeepNesting_StopsAtTheDepthLimit()
    {
        var yaml = "pack: deep\nversion: 1.0.0\ndescription: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var error = SingleLimitError(AttackPacks.Load(yaml), "MaxDepth");

        Assert.Equal((3, 14 + RuleLimits.Default.Yaml.MaxDepth - 1), (error.Line, error.Column));
    }

    [Fact]
    public void RuleFile_LongValue_StopsAtTheScalarLimit()
    {
        var yaml = RuleFiles.WithClause("profile.Budget > 0").Replace("title: Test rule", "title: " + new string('x', 200), StringComparison.Ordinal);

        var error = SingleLimitError(AttackPacks.Load(yaml, RuleLimits.Default with { Yaml = RuleLimits.Default.Yaml with { MaxScalarLength = 100 } }), "MaxScalarLength");

        Assert.Equal((5, 12), (error.Line, error.Column));
    }

    [Fact]
    public void RuleFile_TextOverTheSizeLimit_IsRefused()
    {
        var yaml = RuleFiles.WithClause("profile.Budget > 0");

        var error = SingleLimitError(AttackPacks.Load(yaml, RuleLimits.Default with { Yaml = RuleLimits.Default.Yaml with { MaxFileBytes = 50 } }), "MaxFileBytes");

        Assert.Equal(("attack.yaml", 1, 1), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void RuleFile_OnDiskOverTheDefaultSizeLimit_IsRefusedBeforeReading()
    {
        // 4 GiB of nothing (a sparse file): read whole, it would take gigabytes of memory before any check.
        var path = Path.Combine(_directory, "huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(4L * 1024 * 1024 * 1024);
        }

        var watch = Stopwatch.StartNew();
        foreach (var result in new[] { RuleSet.LoadFiles([path]), RuleSet.LoadDirectory(_directory) })
        {
            var error = SingleLimitError(result, "MaxFileBytes");
            Assert.Equal(path, error.File);
        }

        Assert.Equal(LoadErrorCodes.LimitExceeded, Assert.Single(RuleSource.FromFile(path).Errors).Code);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void RuleFile_OnDiskWithinARaisedSizeLimit_Loads()
    {
        var path = Path.Combine(_directory, "padded.yaml");
        File.WriteAllText(path, RuleFiles.WithClause("profile.Budget > 0") + "\n# " + new string('x', 2 * 1024 * 1024) + "\n");
        var raised = RuleLimits.Default with { Yaml = RuleLimits.Default.Yaml with { MaxFileBytes = 4 * 1024 * 1024 } };

        SingleLimitError(RuleSet.LoadFiles([path]), "MaxFileBytes");
        Assert.Empty(RuleSet.LoadFiles([path], raised).Errors);
    }

    [Theory]
    [InlineData("pack: a\npack: b\nversion: 1.0.0\n", 2, 1)]
    [InlineData("pack: a\nrules:\n  - id: R-1\n    title: t\n    for: design\n    for: design\n    require: { ok: true }\n", 6, 5)]
    [InlineData("pack: a\nrules:\n  - id: R-1\n    title: t\n    for: design\n    require:\n      ok: true\n      ok: false\n", 8, 7)]
    [InlineData("pack: a\nparameters:\n  max: 1\n  max: 2\n", 4, 3)]
    public void RuleFile_DuplicateKey_IsAnErrorAtTheSecondKey(string yaml, int line, int column)
    {
        var error = Assert.Single(AttackPacks.Load(yaml).Errors);

        Assert.Equal((LoadErrorCodes.DuplicateKey, line, column), (error.Code, error.Line, error.Column));
    }

    // ---- Rule files: limits on rules and expressions ----

    [Fact]
    public void Rules_OverTheDefaultMaximum_AreRefusedAtTheFirstRuleTooMany()
    {
        var yaml = RulePack(RuleLimits.Default.MaxRules + 1);

        var error = SingleLimitError(AttackPacks.Load(yaml), "MaxRules");

        Assert.Equal(4 + (5 * RuleLimits.Default.MaxRules), error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Rules_CountAcrossFiles_AndTheLimitIsConfigurable()
    {
        var limits = RuleLimits.Default with { MaxRules = 5 };
        var first = RulePack(3);
        var second = RulePack(3).Replace("pack: many", "pack: more", StringComparison.Ordinal).Replace("id: R-", "id: S-", StringComparison.Ordinal);

        var error = SingleLimitError(RuleSet.Load([new RuleSource("a.yaml", first), new RuleSource("b.yaml", second)], limits), "MaxRules");

        Assert.Equal(("b.yaml", 14), (error.File, error.Line));
        Assert.Empty(RuleSet.Load([new RuleSource("a.yaml", first), new RuleSource("b.yaml", second)], limits with { MaxRules = 6 }).Errors);
    }

    [Fact]
    public void Expressions_OverTheConfiguredBudget_AreRefused()
    {
        var yaml = RulePack(10);

        SingleLimitError(AttackPacks.Load(yaml, RuleLimits.Default with { MaxExpressions = 9 }), "MaxExpressions");
        Assert.Empty(AttackPacks.Load(yaml, RuleLimits.Default with { MaxExpressions = 10 }).Errors);
    }

    private static string LetChain(int levels, string use)
    {
        var builder = new StringBuilder("pack: chain\nversion: 1.0.0\nlet:\n  - for: profile in CareProfiles\n    values:\n      v0: profile.Budget\n");
        for (var i = 1; i <= levels; i++)
        {
            builder.Append($"      v{i}: v{i - 1} + v{i - 1}\n");
        }

        return builder.Append($"rules:\n  - id: C-1\n    title: Chain\n    for: profile in CareProfiles\n    {use}\n").ToString();
    }

    [Theory]
    [InlineData("require: { check: v40 > 0 }")]
    [InlineData("when: v40 > 0\n    require: { check: true }")]
    [InlineData("require: { check: false }\n    message: \"{v40}\"")]
    public async Task LetValuesThatDoubleAtEveryStep_AreTooComplexInsteadOfExploding(string use)
    {
        // v40 written out is 2^41 nodes: without the size check, loading never ends (or runs out of memory).
        var load = Task.Run(() => AttackPacks.Load(LetChain(40, use)));

        var result = await load.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        var error = Assert.Single(result.Errors, e => e.Code == RuleErrorCodes.ExpressionTooComplex);
        Assert.Contains("(limit MaxExpressionNodes)", error.Message, StringComparison.Ordinal);
        // The first value over the limit: 2^(n+1) - 1 nodes > 2,000 at v10.
        Assert.Equal((16, 12), (error.Line, error.Column));
    }

    [Fact]
    public void LetValuesWithinARaisedNodeLimit_Load()
    {
        var yaml = LetChain(10, "require: { check: v10 > 0 }");

        Assert.NotEmpty(AttackPacks.Load(yaml).Errors);
        Assert.Empty(AttackPacks.Load(yaml, RuleLimits.Default with { MaxExpressionNodes = 4_000 }).Errors);
    }

    [Fact]
    public void ShapeLimits_AreConfigurable()
    {
        var nested = new string('(', 30) + "profile.Budget > 0" + new string(')', 30);
        const string threeDeep = "design.CareProfiles.Any(a => design.CareProfiles.Any(b => design.CareProfiles.Any(c => a.Id == c.Id)))";
        var longer = string.Join(" && ", Enumerable.Repeat("profile.Budget > 0", 150));

        Assert.NotEmpty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, nested)).Errors);
        Assert.Empty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, nested), RuleLimits.Default with { MaxNesting = 30 }).Errors);
        Assert.NotEmpty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, threeDeep)).Errors);
        Assert.Empty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, threeDeep), RuleLimits.Default with { MaxQuantifierDepth = 3 }).Errors);
        Assert.NotEmpty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, longer)).Errors);
        Assert.Empty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, longer), RuleLimits.Default with { MaxExpressionLength = 4_000 }).Errors);
        Assert.NotEmpty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, "!!!!!!!!!!false")).Errors);
        Assert.Empty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, "!!!!!!!!!!false"), RuleLimits.Default with { MaxUnaryRun = 10 }).Errors);
    }

    [Fact]
    public void ShippedPacks_LoadWithinTheDefaults()
    {
        Assert.Empty(RuleSet.LoadDefault().Errors);
        Assert.True(RuleSource.DefaultPacks().Sum(p => p.Yaml.Length) * 10 < RuleLimits.Default.Yaml.MaxFileBytes);
    }

    // ---- Designs ----

    [Fact]
    public void Design_ManyNodesWithoutAliases_StopAtTheNodeLimit()
    {
        var yaml = SampleDesigns.With("productCategories: [\"45\"]", "productCategories: [" + string.Join(", ", Enumerable.Repeat("\"45\"", 500)) + "]");

        var error = Assert.Single(TenderDesignLoader.LoadString(yaml, "many.yaml", YamlLimits.Default with { MaxNodes = 300 }).Errors);

        Assert.Equal(LoadErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("(limit MaxNodes)", error.Message, StringComparison.Ordinal);
        Assert.Empty(TenderDesignLoader.LoadString(yaml, "many.yaml", YamlLimits.Default with { MaxNodes = 2_000 }).Errors);
    }

    [Fact]
    public void Design_StreamOverTheSizeLimit_IsRefusedWhileReading()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SampleDesigns.Valid));

        var error = Assert.Single(TenderDesignLoader.LoadStream(stream, "stream.yaml", YamlLimits.Default with { MaxFileBytes = 100 }).Errors);

        Assert.Equal(LoadErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("(limit MaxFileBytes)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxDepth")]
    [InlineData("MaxScalarLength")]
    [InlineData("MaxFileBytes")]
    [InlineData("MaxNodes")]
    public void Design_EachLimitLoweredBelowTheSample_IsNamedInTheError(string limit)
    {
        var limits = limit switch
        {
            "MaxDepth" => YamlLimits.Default with { MaxDepth = 3 },
            "MaxScalarLength" => YamlLimits.Default with { MaxScalarLength = 10 },
            "MaxFileBytes" => YamlLimits.Default with { MaxFileBytes = 10 },
            _ => YamlLimits.Default with { MaxNodes = 10 },
        };

        var error = Assert.Single(TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml", limits).Errors);

        Assert.Equal(LoadErrorCodes.LimitExceeded, error.Code);
        Assert.Contains($"(limit {limit})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("design: a\ndesign: b\n", 2, 1)]
    [InlineData("design: a\nperiod: { from: 2023-01-01, from: 2024-01-01 }\n", 2, 29)]
    public void Design_DuplicateKey_IsAnError(string yaml, int line, int column)
    {
        var errors = TenderDesignLoader.LoadString(yaml, "dup.yaml").Errors;

        Assert.Contains(errors, e => (e.Code, e.Line, e.Column) == (LoadErrorCodes.DuplicateKey, line, column));
    }
}
