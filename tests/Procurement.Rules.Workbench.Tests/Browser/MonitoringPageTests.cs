using System.Text.Json;
using Microsoft.Playwright;
using Procurement.Rules.Workbench.Tests.Api;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Procurement.Rules.Workbench.Tests.Browser;

/// <summary>
/// The monitoring page (Monitoring) in a real browser: the report of examples/monitoring shown inside the page (in a
/// shadow root, under the page's Content-Security-Policy) with its summary and drawn charts, its downloads, and the
/// problem of a design without period data.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringPageTests(BrowserFixture browser)
{
    private const string Example = "monitoring/heerlen-landgraaf-voerendaal-2021.yaml";

    private static readonly string[] Charts = ["chart-spend", "chart-lump-sum", "chart-profiles", "chart-findings"];

    // Per chart: the svg's box on screen, and its series (polyline) and bars (rect) with their boxes in the svg.
    private const string ChartBoxes = """
        ids => ids.map(id => {
          const svg = document.getElementById('report').shadowRoot.getElementById(id);
          if (!svg) { return { id, found: false }; }
          const box = svg.getBoundingClientRect();
          const shapes = [...svg.querySelectorAll('polyline, rect')].map(shape => shape.getBBox());
          return { id, found: true, width: box.width, height: box.height, shapes: shapes.length,
            flat: shapes.filter(b => !(b.width > 0)).length, tall: shapes.filter(b => b.height > 0).length };
        })
        """;

    [Fact]
    public async Task The_report_of_the_example_shows_its_summary_and_charts_inside_the_page()
    {
        await using var server = await WorkbenchServer.StartAsync();
        WorkbenchHost.CopyExampleFolder("monitoring", server.Folder);
        await using var session = await PageSession.OpenAsync(browser, server, "monitoring");
        var page = session.Page;

        await page.Locator("select[name='path']").SelectOptionAsync(Example);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon rapportage" }).ClickAsync();

        await page.WaitForSelectorAsync("body[data-monitored='true']");
        await Expect(page.Locator("#status")).ToContainTextAsync($"Rapportage van {Example} over de hele periode");
        var summary = page.Locator("#report #summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Samenvatting");
        await Expect(summary.Locator("dl.figures dd[data-figure='spend']")).ToBeVisibleAsync();
        foreach (var chart in Charts)
        {
            await Expect(page.Locator($"#report svg#{chart}.chart")).ToBeVisibleAsync();
        }

        var boxes = await page.EvaluateAsync<JsonElement>(ChartBoxes, Charts);
        foreach (var box in boxes.EnumerateArray())
        {
            var id = box.GetProperty("id").GetString();
            Assert.True(box.GetProperty("found").GetBoolean(), $"{id} is not in the shadow root");
            Assert.True(box.GetProperty("width").GetDouble() > 100 && box.GetProperty("height").GetDouble() > 50, $"{id} has no size on screen: {box}");
            Assert.True(box.GetProperty("shapes").GetInt32() > 0, $"{id} has no series or bars");
            Assert.True(box.GetProperty("flat").GetInt32() == 0 && box.GetProperty("tall").GetInt32() > 0, $"{id} has shapes that are not drawn: {box}");
        }

        // The report is inside the shadow root only: its ids are not in the page, and its style neither leaks out nor is lost.
        var styles = await page.EvaluateAsync<JsonElement>("""
            () => ({
              summaryInPage: document.getElementById('summary') !== null,
              scripts: document.getElementById('report').shadowRoot.querySelectorAll('script').length,
              pageHeading: getComputedStyle(document.querySelector('main > h1')).fontSize,
              reportHeading: getComputedStyle(document.getElementById('report').shadowRoot.querySelector('h1')).fontSize,
            })
            """);
        Assert.False(styles.GetProperty("summaryInPage").GetBoolean());
        Assert.Equal(0, styles.GetProperty("scripts").GetInt32());
        Assert.Equal("22.4px", styles.GetProperty("pageHeading").GetString());
        Assert.Equal("23.2px", styles.GetProperty("reportHeading").GetString());
        await session.ScreenshotAsync("monitoring");
        await page.Locator("#report svg#chart-spend").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("monitoring-charts");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task A_range_is_shown_and_downloaded_and_a_design_without_period_data_gives_the_problem()
    {
        await using var server = await WorkbenchServer.StartAsync();
        WorkbenchHost.CopyExampleFolder("monitoring", server.Folder);
        await using var session = await PageSession.OpenAsync(browser, server, "monitoring?pad=" + Uri.EscapeDataString(Example));
        var page = session.Page;
        await Expect(page.Locator("select[name='path']")).ToHaveValueAsync(Example);

        await page.Locator("input[name='from']").FillAsync("2021-10");
        await page.Locator("input[name='until']").FillAsync("2021-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon rapportage" }).ClickAsync();

        await page.WaitForSelectorAsync("body[data-monitored='true']");
        await Expect(page.Locator("#status")).ToContainTextAsync("over 2021-10 tot en met 2021-12");
        await Expect(page.Locator("#report details.month")).ToHaveCountAsync(3);
        foreach (var (format, name, marker) in new[] { ("html", "heerlen-landgraaf-voerendaal-2021-monitoring.html", "<svg id=\"chart-spend\""), ("markdown", "heerlen-landgraaf-voerendaal-2021-monitoring.md", "oktober 2021 t/m december 2021"), ("json", "heerlen-landgraaf-voerendaal-2021-monitoring.json", "\"label\": \"2021-12\"") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($".downloads button[data-format='{format}']").ClickAsync());
            Assert.Equal(name, download.SuggestedFilename);
            Assert.Contains(marker, await File.ReadAllTextAsync(await download.PathAsync()), StringComparison.Ordinal);
        }

        await Expect(page.Locator("#status")).ToContainTextAsync("Rapportage gedownload");

        await page.Locator("select[name='path']").SelectOptionAsync("zuid-holland-zuid.yaml");
        await page.Locator("input[name='from']").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon rapportage" }).ClickAsync();

        await page.WaitForSelectorAsync("body[data-monitored='error']");
        await Expect(page.Locator("#problem")).ToContainTextAsync("Geen periodegegevens");
        await Expect(page.Locator("#result")).ToBeHiddenAsync();
        session.AssertNoErrors("status of 422");
    }
}
