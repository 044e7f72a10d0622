using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

public sealed class RuleApiTests
{
    private const string Pack = "rules/main-contractor.yaml";

    private const string Mc002Clause = "      contracted: profile.MainContractor.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start)\n";

    [Fact]
    public async Task Rules_ListsEveryRuleWithWhereItAndItsSeverityWereSet()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);

        var rules = await host.GetJsonAsync("api/rules");

        Assert.Matches("^[0-9a-f]+$", rules["ruleSetHash"]!.GetValue<string>());
        Assert.Contains(Pack, rules["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
        var mc002 = rules["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "MC-002")!;
        Assert.Equal("main-contractor", mc002["family"]!.GetValue<string>());
        Assert.Equal("error", mc002["severity"]!.GetValue<string>());
        Assert.Equal($"{Pack}:29", mc002["source"]!.GetValue<string>());
        Assert.StartsWith($"{Pack}:", mc002["severitySetBy"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Inkoopkader jeugdhulp, par. 4.2", mc002["reference"]!.GetValue<string>());
        Assert.Equal("contracted", mc002["clauses"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rules_ParameterOverriddenByAnOverrideFile_SaysWhichFileSetIt()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true, configure: o => o.OverrideFiles.Add("regio.yaml"), prepare: folder =>
            File.WriteAllText(Path.Combine(folder, "regio.yaml"), "pack: regio\nextends: eligibility\nparameters:\n  europeanThreshold: 800000\n"));

        var rules = await host.GetJsonAsync("api/rules");

        var el011 = rules["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "EL-011")!;
        var threshold = el011["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "europeanThreshold")!;
        Assert.Equal(("800000", "regio.yaml:4"), (threshold["value"]!.GetValue<string>(), threshold["setBy"]!.GetValue<string>()));
        Assert.Contains("regio.yaml", rules["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task RuleFiles_ListsThePacksAndTheRuleTestsWithTheirKindAndVersion()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);

        var files = (await host.GetJsonAsync("api/rules/files")).AsArray();

        var kinds = files.ToDictionary(f => f!["path"]!.GetValue<string>(), f => f!["kind"]!.GetValue<string>());
        Assert.Equal("pack", kinds[Pack]);
        Assert.Equal("ruletests", kinds["rules/tests/main-contractor.yaml"]);
        Assert.Equal(10, kinds.Count); // five packs and their five rule-test files
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}$", f!["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RuleFile_ReadOfADesign_IsRefused()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);

        using var response = await host.Client.GetAsync(host.Url("api/rules/files/zuid-holland-zuid.yaml"));

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task RuleFile_SaveThatBreaksTheRules_Is422WithPositionedErrors_AndWritesNothing()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);
        var file = await host.GetJsonAsync("api/rules/files/" + Pack);
        var text = file["text"]!.GetValue<string>();
        var broken = text.Replace(Mc002Clause, "      contracted: profile.MainContractor.HoldsContrakt(profile.Lot)\n", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);

        var (status, body, _) = await host.PutAsync("api/rules/files/" + Pack, new { text = broken, version = file["version"]!.GetValue<string>() });

        Assert.Equal(422, status);
        var error = body!["errors"]![0]!;
        Assert.Equal(Pack, error["file"]!.GetValue<string>());
        Assert.Equal((36, 42), (error["line"]!.GetValue<int>(), error["column"]!.GetValue<int>()));
        Assert.Equal(text, File.ReadAllText(Path.Combine(host.Folder, Pack)));
    }

    [Fact]
    public async Task RuleFile_SaveThatLoads_IsWritten_AndTheRuleSetIsReloaded()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);
        var file = await host.GetJsonAsync("api/rules/files/" + Pack);
        var text = file["text"]!.GetValue<string>();
        var lowered = ReplaceSeverityOf(text, "MC-002", "warning");

        var (status, _, _) = await host.PutAsync("api/rules/files/" + Pack, new { text = lowered, version = file["version"]!.GetValue<string>() });
        var (_, validated, _) = await host.PostAsync("api/validate", new { path = "zuid-holland-zuid.yaml" });

        Assert.Equal(200, status);
        var mc002 = (await host.GetJsonAsync("api/rules"))["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "MC-002")!;
        Assert.Equal("warning", mc002["severity"]!.GetValue<string>());
        Assert.Equal((2, 2), (validated!["counts"]!["error"]!.GetValue<int>(), validated["counts"]!["warning"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Lint_OfAnEditWithAnError_GivesTheErrorAtItsLineAndColumn()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);
        var text = File.ReadAllText(Path.Combine(host.Folder, Pack))
            .Replace(Mc002Clause, "      contracted: profile.MainContractor.HoldsContrakt(profile.Lot)\n", StringComparison.Ordinal);

        var (status, body, _) = await host.PostAsync("api/rules/lint", new { path = Pack, text });

        Assert.Equal(200, status);
        var error = body!["loadErrors"]!.AsArray().Single()!;
        Assert.Equal((Pack, 36, 42), (error["file"]!.GetValue<string>(), error["line"]!.GetValue<int>(), error["column"]!.GetValue<int>()));
        Assert.Equal("invalid-expression", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lint_OfTheSavedRules_HasNoErrors()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);

        var (status, body, _) = await host.PostAsync("api/rules/lint", new { path = Pack, text = File.ReadAllText(Path.Combine(host.Folder, Pack)) });

        Assert.Equal(200, status);
        Assert.Empty(body!["loadErrors"]!.AsArray());
    }

    [Fact]
    public async Task Test_OfTheSavedRules_PassesWithFullCoverage()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);

        var (status, body, _) = await host.PostAsync("api/rules/test", new { });

        Assert.Equal(200, status);
        Assert.True(body!["passed"]!.GetValue<int>() > 10);
        Assert.Equal(0, body["failed"]!.GetValue<int>());
        Assert.Equal(100, body["coverage"]!.GetValue<double>());
        Assert.Empty(body["uncovered"]!.AsArray());
        Assert.All(body["results"]!.AsArray(), r => Assert.StartsWith("rules/tests/", r!["file"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Test_OfAnEditThatNeverFails_ReportsFailingTestsAndTheUncoveredClause()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);
        var text = File.ReadAllText(Path.Combine(host.Folder, Pack)).Replace(Mc002Clause, "      contracted: \"true\"\n", StringComparison.Ordinal);

        var (status, body, _) = await host.PostAsync("api/rules/test", new { path = Pack, text });

        Assert.Equal(200, status);
        Assert.True(body!["failed"]!.GetValue<int>() >= 1);
        Assert.Contains(body["uncovered"]!.AsArray(), u => u!["ruleId"]!.GetValue<string>() == "MC-002" && u["clause"]!.GetValue<string>() == "contracted");
        Assert.Contains(body["results"]!.AsArray(), r => r!["outcome"]!.GetValue<string>() == "fail" && r["message"] is not null);
    }

    [Fact]
    public async Task Test_OfAnEditedTestFile_RunsTheEditedTests_AndLeavesNoCopyBehind()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);
        const string tests = "rules/tests/main-contractor.yaml";
        var text = File.ReadAllText(Path.Combine(host.Folder, tests)) + """

              - name: "Added in the editor: expects a finding that never comes"
                expect:
                  - rule: MC-002
                    subject: careProfiles[bestaat-niet]
            """;

        var (status, body, _) = await host.PostAsync("api/rules/test", new { path = tests, text });

        Assert.Equal(200, status);
        var added = body!["results"]!.AsArray().Single(r => r!["name"]!.GetValue<string>().StartsWith("Added in the editor", StringComparison.Ordinal))!;
        Assert.Equal(tests, added["file"]!.GetValue<string>());
        Assert.NotEqual("pass", added["outcome"]!.GetValue<string>());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(host.Folder, "rules", "tests"), ".*"));
    }

    [Fact]
    public async Task Impact_OfAnEditThatNeverFails_ShowsTheSubjectsThatNewlyPassPerRuleAndDesign()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);
        var text = File.ReadAllText(Path.Combine(host.Folder, Pack)).Replace(Mc002Clause, "      contracted: \"true\"\n", StringComparison.Ordinal);

        var (status, body, _) = await host.PostAsync("api/rules/impact", new { path = Pack, text });

        Assert.Equal(200, status);
        var rule = body!["rules"]!.AsArray().Single()!;
        Assert.Equal(("MC-002", "changed", 0), (rule["ruleId"]!.GetValue<string>(), rule["kind"]!.GetValue<string>(), rule["newlyFailing"]!.GetValue<int>()));
        Assert.True(rule["newlyPassing"]!.GetValue<int>() >= 1);
        var zhz = body["designs"]!.AsArray().Single(d => d!["path"]!.GetValue<string>() == "zuid-holland-zuid.yaml")!;
        Assert.Equal((0, 1), (zhz["newlyFailing"]!.GetValue<int>(), zhz["newlyPassing"]!.GetValue<int>()));
        Assert.Equal(4, body["designs"]!.AsArray().Count);
    }

    [Fact]
    public async Task Impact_OfAnEditThatDoesNotLoad_GivesTheLoadErrors()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);

        var (status, body, _) = await host.PostAsync("api/rules/impact", new { path = Pack, text = "pack: [\n" });

        Assert.Equal(200, status);
        Assert.NotEmpty(body!["loadErrors"]!.AsArray());
        Assert.Empty(body["rules"]!.AsArray());
    }

    private static string ReplaceSeverityOf(string text, string ruleId, string severity)
    {
        var at = text.IndexOf($"- id: {ruleId}\n", StringComparison.Ordinal);
        var severityAt = text.IndexOf("severity: error", at, StringComparison.Ordinal);
        return text[..severityAt] + "severity: " + severity + text[(severityAt + "severity: error".Length)..];
    }
}
