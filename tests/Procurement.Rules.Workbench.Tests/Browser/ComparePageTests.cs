using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Rules.Workbench.Tests.Browser;

/// <summary>The compare page (vergelijken) in a real browser: the saved file against the edited text, or two files.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComparePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_edited_text_against_the_saved_file_shows_the_new_finding()
    {
        await using var server = await WorkbenchServer.StartAsync();
        await using var session = await PageSession.OpenAsync(browser, server);
        var page = session.Page;
        await DesignsPageTests.OpenExampleAsync(page);
        var intensity = await session.LineOfAsync("- id: zhz-zp-002") + 7;
        await session.SetCursorAsync(intensity, "    intensityHoursPerWeek: 4".Length + 1);
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("9");
        await Expect(page.Locator("article.finding[data-rule-id='ES-001'][data-subject='careProfiles[zhz-zp-002]']")).ToHaveCountAsync(1);

        await page.Locator("#compare").ClickAsync();

        await page.WaitForSelectorAsync("body[data-compared='true']");
        await Expect(page.Locator("#edited")).ToBeVisibleAsync();
        var added = page.Locator("section.changes-new article.finding");
        await Expect(added).ToHaveCountAsync(1);
        await Expect(added).ToHaveAttributeAsync("data-rule-id", "ES-001");
        await Expect(added).ToContainTextAsync("zhz-zp-002");
        await Expect(page.Locator("section.changes-resolved article.finding")).ToHaveCountAsync(0);
        await Expect(page.Locator("#diff-counts")).ToContainTextAsync("1 nieuw");
        await session.ScreenshotAsync("compare-edited");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Two_files_chosen_from_the_list_are_compared()
    {
        await using var server = await WorkbenchServer.StartAsync();
        // The revision raises a light ambulant profile to 9 hours a week, over the light limit (ES-001).
        var head = (await File.ReadAllTextAsync(server.FilePath("zuid-holland-zuid.yaml")))
            .Replace("    intensityHoursPerWeek: 4\n    durationMonths: 5\n    budget: 7200", "    intensityHoursPerWeek: 9\n    durationMonths: 5\n    budget: 7200", StringComparison.Ordinal);
        await File.WriteAllTextAsync(server.FilePath("zhz-herzien.yaml"), head);
        await using var session = await PageSession.OpenAsync(browser, server, "vergelijken");
        var page = session.Page;

        await page.Locator("select[name='base']").SelectOptionAsync("zuid-holland-zuid.yaml");
        await page.Locator("select[name='head']").SelectOptionAsync("zhz-herzien.yaml");
        await page.Locator("#compare-form button[type='submit']").ClickAsync();

        await page.WaitForSelectorAsync("body[data-compared='true']");
        await Expect(page.Locator("#result")).ToBeVisibleAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("zhz-herzien.yaml");
        var added = page.Locator("section.changes-new article.finding");
        await Expect(added).ToHaveCountAsync(1);
        await Expect(added).ToHaveAttributeAsync("data-subject", "careProfiles[zhz-zp-002]");
        await session.ScreenshotAsync("compare-files");
        session.AssertNoErrors();
    }
}
