using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Rules.Workbench.Tests.Browser;

/// <summary>The rules page (regels) in a real browser: the rule overview, live lint, rule tests, impact before saving.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RulesPageTests(BrowserFixture browser)
{
    private const string Threshold = "  europeanThreshold: 750000";

    [Fact]
    public async Task Changing_a_parameter_shows_the_impact_on_every_design_before_saving()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server, "regels");
        var page = session.Page;
        await OpenEligibilityAsync(page);

        // A threshold above every contract value: no tendered category needs European publication any more (EL-011).
        await session.SetCursorAsync(await session.LineOfAsync(Threshold), Threshold.Length + 1);
        await page.Keyboard.TypeAsync("000");
        await Expect(page.Locator("#dirty")).ToBeVisibleAsync();
        await page.Locator("#impact").ClickAsync();

        var summary = page.Locator("#impact-summary");
        await Expect(summary).ToContainTextAsync("0 onderwerp(en) gaan nieuw niet voldoen");
        await Expect(page.Locator("#save-confirmed")).ToBeHiddenAsync();
        var passing = int.Parse(NewlyPassing().Match(await summary.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(passing > 0, "the higher threshold should resolve EL-011 findings");
        // Per rule: EL-011 (tendered category) and EL-012 (announced nationally) both read the threshold; together they
        // account for every subject that newly passes.
        var perRule = page.Locator("#impact-result table").First;
        await Expect(perRule.Locator("tr", new() { HasText = "EL-011" })).ToBeVisibleAsync();
        var newlyPassingPerRule = await perRule.Locator("tr:has(td)").EvaluateAllAsync<int[]>("rows => rows.map(r => parseInt(r.cells[3].textContent, 10))");
        Assert.Equal(passing, newlyPassingPerRule.Sum());
        Assert.True(await NewlyPassingOfAsync(perRule, "EL-011") > 0, "EL-011 findings should be resolved by the higher threshold");
        await Expect(page.Locator("#impact-result")).ToContainTextAsync("zuid-holland-zuid.yaml");
        await session.ScreenshotAsync("rules-impact");
        Assert.Contains(Threshold + "\n", await File.ReadAllTextAsync(server.FilePath("rules/eligibility.yaml")), StringComparison.Ordinal);

        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#save-confirmed")).ToBeVisibleAsync();
        await page.Locator("#save-confirmed").ClickAsync();

        await Expect(page.Locator("#status")).ToContainTextAsync("Opgeslagen");
        Assert.Contains(Threshold + "000\n", await File.ReadAllTextAsync(server.FilePath("rules/eligibility.yaml")), StringComparison.Ordinal);
        await Expect(page.Locator("details.rule[data-rule-id='EL-011']")).ToContainTextAsync("750000000");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task A_broken_rule_file_shows_its_load_error_live_and_is_not_saved()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server, "regels");
        var page = session.Page;
        await OpenEligibilityAsync(page);
        var line = await session.LineOfAsync("    severity: info");
        var before = await File.ReadAllTextAsync(server.FilePath("rules/eligibility.yaml"));

        await session.SetCursorAsync(line, "    severity: info".Length + 1);
        await page.Keyboard.TypeAsync("rmatief");

        await Expect(page.Locator("#lint-result")).ToContainTextAsync($"regel {line}");
        await page.WaitForFunctionAsync(
            "line => monaco.editor.getModelMarkers({ owner: 'procurement' }).some(m => m.startLineNumber === line && m.severity === 8)", line);
        await session.ScreenshotAsync("rules-load-error");

        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("laadfouten");
        Assert.Equal(before, await File.ReadAllTextAsync(server.FilePath("rules/eligibility.yaml")));
        session.AssertNoErrors();
    }

    [Fact]
    public async Task The_overview_shows_every_rule_with_where_its_parameters_are_set()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server, "regels");
        var page = session.Page;

        var rule = page.Locator("details.rule[data-rule-id='EL-011']");
        await rule.Locator("summary").ClickAsync();

        await Expect(rule).ToContainTextAsync("europeanThreshold");
        await Expect(rule).ToContainTextAsync("Aanbestedingswet art. 2.39");
        await Expect(rule).ToContainTextAsync("below-european-threshold");
        await Expect(page.Locator("details.rule[data-rule-id='MC-002']")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("rules-overview");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Running_the_rule_tests_shows_the_results_and_the_clause_coverage()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server, "regels");
        var page = session.Page;

        await page.Locator("#run-tests").ClickAsync();

        var result = page.Locator("#tests-result");
        await Expect(result).ToContainTextAsync(new Regex("[0-9]+ geslaagd, 0 mislukt; dekking van de voorwaarden 100[.,]0%"));
        await session.ScreenshotAsync("rules-tests");
        session.AssertNoErrors();
    }

    private static async Task OpenEligibilityAsync(IPage page)
    {
        await page.Locator("#file-list button.file[data-path='rules/eligibility.yaml']").ClickAsync();
        await Expect(page.Locator("#editor-heading")).ToContainTextAsync("rules/eligibility.yaml");
        await page.WaitForSelectorAsync("body[data-linted]", new() { State = WaitForSelectorState.Attached });
    }

    private static async Task<int> NewlyPassingOfAsync(ILocator perRule, string ruleId) =>
        int.Parse(await perRule.Locator("tr", new() { HasText = ruleId }).Locator("td").Nth(3).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("([0-9]+) gaan nieuw voldoen")]
    private static partial Regex NewlyPassing();
}
