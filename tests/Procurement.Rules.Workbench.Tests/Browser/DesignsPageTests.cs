using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Rules.Workbench.Tests.Browser;

/// <summary>The designs page (inkoopkaders) in a real browser: live validation, markers, explanations, saving.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignsPageTests(BrowserFixture browser)
{
    private const string Example = "zuid-holland-zuid.yaml";

    [Fact]
    public async Task Typing_a_rule_break_shows_the_finding_and_its_marker_and_fixing_it_resolves_it()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);
        var profile = await session.LineOfAsync("- id: zhz-zp-002");
        var intensity = profile + 7;
        Assert.Contains("intensityHoursPerWeek: 4", await LineTextAsync(page, intensity), StringComparison.Ordinal);
        var es001 = page.Locator("article.finding[data-rule-id='ES-001'][data-subject='careProfiles[zhz-zp-002]']");
        await Expect(es001).ToHaveCountAsync(0);

        // Light ambulant care is limited to 4 hours a week: 9 breaks ES-001 (within-intensity).
        await session.SetCursorAsync(intensity, "    intensityHoursPerWeek: 4".Length + 1);
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("9");

        await Expect(es001).ToHaveCountAsync(1);
        await Expect(es001).ToContainTextAsync("zhz-zp-002");
        await Expect(page.Locator("#dirty")).ToBeVisibleAsync();
        await session.WaitForMarkerAsync("ES-001", profile);
        Assert.Equal(8, (await session.MarkersAsync()).First(m => m.Code == "ES-001" && m.Line == profile).Severity);
        Assert.Equal(profile.ToString(CultureInfo.InvariantCulture), await es001.GetAttributeAsync("data-line"));
        await Expect(page.Locator(".squiggly-error").First).ToBeAttachedAsync();
        await session.ScreenshotAsync("designs-rule-broken");

        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("4");

        await Expect(es001).ToHaveCountAsync(0);
        await Expect(page.Locator("#dirty")).ToBeHiddenAsync();
        Assert.DoesNotContain(await session.MarkersAsync(), m => m.Code == "ES-001" && m.Line == profile);
        await session.ScreenshotAsync("designs-rule-fixed");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Clicking_a_finding_moves_the_editor_to_its_line_and_explains_every_clause()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);
        var finding = page.Locator("article.finding[data-rule-id='MC-002'][data-subject='careProfiles[zhz-zp-010]']");
        var line = int.Parse((await finding.GetAttributeAsync("data-line"))!, CultureInfo.InvariantCulture);
        Assert.Equal(await session.LineOfAsync("- id: zhz-zp-010"), line);

        await finding.Locator("button.finding-open").ClickAsync();

        var explanation = page.Locator("#explanation");
        await Expect(explanation).ToContainTextAsync("Uitleg MC-002");
        await Expect(explanation).ToContainTextAsync("careProfiles[zhz-zp-010]");
        await Expect(explanation.Locator("li.clause.outcome-failed")).ToContainTextAsync("niet voldaan");
        Assert.Equal(line, await session.CursorLineAsync());
        await Expect(finding).ToHaveClassAsync(new Regex("selected"));
        await session.ScreenshotAsync("designs-explanation");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Saving_after_an_external_edit_shows_the_conflict_and_leaves_the_file_untouched()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);
        var file = server.FilePath(Example);
        var external = (await File.ReadAllTextAsync(file)).Replace("region: Zuid-Holland Zuid", "region: Zuid-Holland Zuid (extern gewijzigd)", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, external);

        await session.SetCursorAsync(await session.LineOfAsync("purchasingOrganisation:"), 1);
        await page.Keyboard.TypeAsync("# bewerkt in de werkbank\n");
        await page.Locator("#save").ClickAsync();

        var dialog = page.Locator("#conflict-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#conflict-text")).ToContainTextAsync("(extern gewijzigd)");
        await session.ScreenshotAsync("designs-conflict");
        Assert.Equal(external, await File.ReadAllTextAsync(file));

        await page.Locator("#conflict-keep").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Contains("# bewerkt in de werkbank", await session.EditorTextAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#dirty")).ToBeVisibleAsync();
        Assert.Equal(external, await File.ReadAllTextAsync(file));

        await page.Locator("#save").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await page.Locator("#conflict-reload").ClickAsync();
        Assert.Equal(external, await session.EditorTextAsync());
        await Expect(page.Locator("#dirty")).ToBeHiddenAsync();
        Assert.Equal(external, await File.ReadAllTextAsync(file));
        session.AssertNoErrors("status of 409");
    }

    [Fact]
    public async Task Saving_without_a_conflict_writes_the_edited_text()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);

        await session.SetCursorAsync(await session.LineOfAsync("purchasingOrganisation:"), 1);
        await page.Keyboard.TypeAsync("# bewerkt in de werkbank\n");
        await page.Locator("#save").ClickAsync();

        await Expect(page.Locator("#status")).ToContainTextAsync("Opgeslagen");
        await Expect(page.Locator("#dirty")).ToBeHiddenAsync();
        Assert.Equal(await session.EditorTextAsync(), await File.ReadAllTextAsync(server.FilePath(Example)));
        session.AssertNoErrors();
    }

    [Fact]
    public async Task A_check_that_ends_after_a_save_keeps_the_save_in_the_status_line()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);

        // Saved at once: the edit's own check starts only after typing has stopped for a moment, so it ends after the save.
        await session.SetCursorAsync(await session.LineOfAsync("purchasingOrganisation:"), 1);
        var validated = await page.Locator("body").GetAttributeAsync("data-validated");
        await page.Keyboard.TypeAsync("# bewerkt in de werkbank\n");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#dirty")).ToBeHiddenAsync();
        await Expect(page.Locator("body")).Not.ToHaveAttributeAsync("data-validated", validated!);

        await Expect(page.Locator("#status")).ToContainTextAsync("Gecontroleerd");
        await Expect(page.Locator("#status")).ToContainTextAsync($"Opgeslagen: {Example}.");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Report_download_gives_the_report_of_the_edited_text_in_the_chosen_format()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);

        foreach (var (format, marker) in new[] { ("html", "<html"), ("sarif", "\"version\": \"2.1.0\""), ("markdown", "MC-002"), ("json", "\"MC-002\"") })
        {
            await page.Locator("#report-format").SelectOptionAsync(format);
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report").ClickAsync());
            var path = await download.PathAsync();
            var text = await File.ReadAllTextAsync(path);
            Assert.Contains(marker, text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(download.SuggestedFilename));
        }

        await Expect(page.Locator("#status")).ToContainTextAsync("Rapport gedownload");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Completion_offers_the_enum_values_of_the_design_schema()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);
        var line = await session.LineOfAsync("    category: light");

        await session.SetCursorAsync(line, "    category: light".Length + 1);
        for (var i = 0; i < "light".Length; i++)
        {
            await page.Keyboard.PressAsync("Backspace");
        }

        await page.Keyboard.PressAsync("Control+Space");
        var suggestions = page.Locator(".suggest-widget .monaco-list-row");
        await Expect(suggestions.Filter(new() { HasText = "heavy" })).ToHaveCountAsync(1);
        await Expect(suggestions.Filter(new() { HasText = "light" })).ToHaveCountAsync(1);
        await session.ScreenshotAsync("designs-completion");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Filters_narrow_the_findings_by_severity_and_a_finding_opens_with_the_keyboard()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);
        var findings = page.Locator("#findings article.finding");
        await Expect(findings).ToHaveCountAsync(4);

        await page.Locator("#filters select[name='severity']").SelectOptionAsync("error");

        await Expect(findings).ToHaveCountAsync(3);
        await Expect(page.Locator("#findings article.finding.severity-warning")).ToHaveCountAsync(0);

        // Keyboard only: the finding's heading is a button; Enter opens the explanation.
        await findings.First.Locator("button.finding-open").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#explanation")).ToBeVisibleAsync();
        await Expect(page.Locator("#explanation")).ToContainTextAsync("Uitleg");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Accepting_a_deviation_records_the_waiver_and_the_finding_and_its_explanation_show_it()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await OpenExampleAsync(page);
        var finding = page.Locator("article.finding[data-rule-id='MC-002'][data-subject='careProfiles[zhz-zp-010]']");
        var dialog = page.Locator("#waiver-dialog");

        // Only spaces as justification: the form lets it through, the server refuses it and says why.
        await finding.GetByRole(AriaRole.Button, new() { Name = "Afwijking accepteren" }).ClickAsync();
        await page.Locator("#waiver-justification").FillAsync("   ");
        await page.Locator("#waiver-approver").FillAsync("M. de Vries, teamleider inkoop");
        await page.Locator("#waiver-expires").FillAsync("2099-12-31");
        await dialog.Locator("button[type='submit']").ClickAsync();
        await Expect(page.Locator("#waiver-problem")).ToBeVisibleAsync();
        await Expect(dialog).ToBeVisibleAsync();

        await page.Locator("#waiver-justification").FillAsync("Overgangsregeling: de praktijk krijgt het zware contract per 1 maart.");
        await dialog.Locator("button[type='submit']").ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Afwijking vastgelegd");
        await Expect(finding).ToHaveClassAsync(new Regex("waived"));
        await Expect(finding).ToContainTextAsync("Afwijking geaccepteerd door M. de Vries");
        await finding.Locator("button.finding-open").ClickAsync();
        await Expect(page.Locator("#explanation .explanation-subject")).ToContainTextAsync("Afwijking geaccepteerd door M. de Vries");
        Assert.Contains("careProfiles[zhz-zp-010]", await File.ReadAllTextAsync(server.FilePath("waivers.yaml")), StringComparison.Ordinal);
        await session.ScreenshotAsync("designs-waiver");
        session.AssertNoErrors("status of 422");
    }

    /// <summary>Opens the example from the list and waits for its first validation.</summary>
    [Fact]
    public async Task A_design_with_data_files_lists_findings_in_them_by_file_and_row_without_marking_the_editor()
    {
        await using var server = await WorkbenchServer.StartAsync();
        Procurement.Rules.Cli.DesignCsv.Write(await File.ReadAllTextAsync(server.FilePath("zuid-limburg.yaml")), server.FilePath("zl-data.yaml"));
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;

        await OpenExampleAsync(page, "zl-data.yaml");

        var inDataFile = page.Locator("article.finding[data-subject^='careProfiles[']").First;
        await Expect(inDataFile).ToContainTextAsync(new Regex(@"\(zl-data-profiles\.csv, regel [0-9]+\)"));
        var line = int.Parse((await inDataFile.GetAttributeAsync("data-line"))!, CultureInfo.InvariantCulture);
        var code = await inDataFile.GetAttributeAsync("data-rule-id");
        await Expect(page.Locator("#load-errors")).ToBeHiddenAsync();
        Assert.DoesNotContain(await session.MarkersAsync(), m => m.Code == code && m.Line == line);
        await session.ScreenshotAsync("designs-data-files");
        session.AssertNoErrors();
    }

    internal static async Task OpenExampleAsync(IPage page, string path = Example)
    {
        await page.Locator($"#design-list button.file[data-path='{path}']").ClickAsync();
        await Expect(page.Locator("#editor-heading")).ToHaveTextAsync(path);
        await page.WaitForSelectorAsync("body[data-validated]", new() { State = WaitForSelectorState.Attached });
        await Expect(page.Locator("#findings article.finding").First).ToBeVisibleAsync();
    }

    private static Task<string> LineTextAsync(IPage page, int line) =>
        page.EvaluateAsync<string>("line => monaco.editor.getEditors()[0].getModel().getLineContent(line)", line);
}
