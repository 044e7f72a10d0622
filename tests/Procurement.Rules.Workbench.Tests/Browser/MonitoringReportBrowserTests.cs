using System.Globalization;
using System.Text.Json;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Browser;

/// <summary>
/// The monitoring report's HTML file (issue 23) opened in headless Chromium: its trend charts render (every chart and
/// every line or bar in it has a size on the page), a screenshot is kept under .artifacts/screenshots, and the
/// summary's figures as the browser shows them are the JSON report's series.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringReportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Charts_render_and_the_summary_figures_are_the_json_series()
    {
        if (browser.Browser is null)
        {
            Assert.Skip(browser.SkipReason ?? "no browser");
        }

        var root = PageSession.RepositoryRoot();
        var design = TenderDesignLoader.LoadFile(Path.Combine(root, "examples", "monitoring", "heerlen-landgraaf-voerendaal-2021.yaml")).GetValueOrThrow();
        var rules = RuleSet.Load(RuleSource.MonitoringPacks()).GetValueOrThrow();
        var report = rules.Monitor(design, new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31));
        var html = Path.Combine(root, ".artifacts", "monitoring-report-hlv-2021.html");
        Directory.CreateDirectory(Path.GetDirectoryName(html)!);
        await using (var writer = new StreamWriter(html))
        {
            ReportWriter.WriteMonitoring(ReportFormat.Html, report, rules, writer);
        }

        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 }, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(html).AbsoluteUri);

        // Each chart, and each of its series, takes room on the page: 12 points per line, a bar per month (flat where none).
        var charts = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('svg.chart')].map(svg => ({
              id: svg.id,
              width: svg.getBoundingClientRect().width,
              height: svg.getBoundingClientRect().height,
              series: [...svg.querySelectorAll('.series')].map(s => ({ width: s.getBBox().width, height: s.getBBox().height,
                points: s.tagName === 'polyline' ? s.points.numberOfItems : s.querySelectorAll('rect').length }))
            }))
            """);
        Assert.Equal(["chart-spend", "chart-lump-sum", "chart-profiles", "chart-findings"], charts.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        foreach (var chart in charts.EnumerateArray())
        {
            Assert.True(chart.GetProperty("width").GetDouble() > 300 && chart.GetProperty("height").GetDouble() > 100, $"{chart.GetProperty("id")} has no size");
            Assert.NotEmpty(chart.GetProperty("series").EnumerateArray());
            Assert.All(chart.GetProperty("series").EnumerateArray(), s => Assert.True(s.GetProperty("width").GetDouble() > 100, $"a series of {chart.GetProperty("id")} has no width"));
        }

        Assert.All(charts.EnumerateArray().SelectMany(c => c.GetProperty("series").EnumerateArray()), s => Assert.Equal(12, s.GetProperty("points").GetInt32()));
        Assert.Equal(3, report.Months.Count(m => m.FindingsPerRule.Count == 0));

        var directory = Path.Combine(root, ".artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        var screenshot = Path.Combine(directory, "monitoring-report-hlv-2021.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot is empty");

        // The summary as the browser shows it, against the JSON report of the same run.
        var shown = await page.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries([...document.querySelectorAll('#summary dd[data-figure]')].map(d => [d.dataset.figure, d.dataset.value]))");
        using var json = new StringWriter();
        ReportWriter.WriteMonitoring(ReportFormat.Json, report, rules, json);
        using var document = JsonDocument.Parse(json.ToString());
        var months = document.RootElement.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("region")).ToList();
        var whole = document.RootElement.GetProperty("whole").GetProperty("region");
        Assert.Equal(months.Sum(m => m.GetProperty("spend").GetDecimal()), Shown(shown, "spend"));
        Assert.Equal(months.Sum(m => m.GetProperty("lumpSumBudget").GetDecimal()), Shown(shown, "lump-sum-budget"));
        Assert.Equal(months.Sum(m => m.GetProperty("endedProfiles").GetDecimal()), Shown(shown, "ended-profiles"));
        Assert.Equal(months[^1].GetProperty("profilesInCare").GetDecimal(), Shown(shown, "profiles-in-care-last-month"));
        Assert.Equal(whole.GetProperty("goalsReachedPercent").GetDecimal(), Shown(shown, "goals-reached-percent"));
        Assert.Equal(document.RootElement.GetProperty("months")[11].GetProperty("findings").GetArrayLength(), Shown(shown, "open-findings"));
        Assert.Empty(errors);
    }

    private static decimal Shown(Dictionary<string, string> shown, string key) => decimal.Parse(shown[key], CultureInfo.InvariantCulture);
}
