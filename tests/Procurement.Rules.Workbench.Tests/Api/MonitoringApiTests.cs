using System.Text.Json.Nodes;
using Procurement.Rules.AspNetCore;
using Procurement.Rules.Cli;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

/// <summary>
/// <c>api/monitoring</c> (issue 23, item 3): the monitoring report of examples/monitoring (a year of period data in CSV
/// files next to the design) as the <c>monitor</c> command writes it, the range from the request or the data, and the
/// problems for bad months, a range over the workbench's 36 months, a design without period data and a spent deadline.
/// </summary>
public sealed class MonitoringApiTests
{
    private const string Example = "monitoring/heerlen-landgraaf-voerendaal-2021.yaml";

    private static Task<WorkbenchHost> StartAsync(Action<WorkbenchOptions>? configure = null) =>
        WorkbenchHost.StartAsync(configure: configure, prepare: folder => WorkbenchHost.CopyExampleFolder("monitoring", folder));

    [Fact]
    public async Task Html_OfTheExample_IsAnAttachment_WithTheSummaryAndTheFourCharts()
    {
        await using var host = await StartAsync();

        var (status, _, response) = await host.PostAsync("api/monitoring", new { path = Example, format = "html" });

        Assert.Equal(200, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("heerlen-landgraaf-voerendaal-2021-monitoring.html", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"summary\">\n<h2>Samenvatting</h2>", html, StringComparison.Ordinal);
        foreach (var chart in new[] { "chart-spend", "chart-lump-sum", "chart-profiles", "chart-findings" })
        {
            Assert.Contains($"<svg id=\"{chart}\" class=\"chart\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Json_OfTheExample_HasTheTwelveMonths_AndAtTheEndTheSignalsOfTheMonitorCommand()
    {
        await using var host = await StartAsync();

        var (status, _, response) = await host.PostAsync("api/monitoring", new { path = Example, format = "json" });

        Assert.Equal(200, status);
        Assert.Equal("heerlen-landgraaf-voerendaal-2021-monitoring.json", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var months = report["months"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2021-{m:00}"), months.Select(m => m!["label"]!.GetValue<string>()));
        var signals = Signals(months[^1]!);
        Assert.Equal(
            [("MO-001", "contracts[hlv-jens-ggz-heavy]"), ("MO-002", "careProfiles[hlv-zp-0190]"), ("MO-002", "careProfiles[hlv-zp-0228]"), ("MO-002", "careProfiles[hlv-zp-0305]"), ("MO-004", "providers[meandergroep]"), ("MO-006", "lots[basishulp-ggz]")],
            signals.Select(s => (s.RuleId, s.Subject)).Order());

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Program.Run(["monitor", Path.Combine(host.Folder, Example), "--format", "json"], output, error);
        Assert.Equal((0, string.Empty), (exit, error.ToString()));
        var command = JsonNode.Parse(output.ToString())!;
        Assert.Equal(Signals(command["months"]!.AsArray()[^1]!), signals);
        Assert.Equal(command["whole"]!["region"]!.ToJsonString(), report["whole"]!["region"]!.ToJsonString());
    }

    [Fact]
    public async Task FromAndUntil_RestrictTheMonths()
    {
        await using var host = await StartAsync();

        var (status, _, response) = await host.PostAsync("api/monitoring", new { path = Example, from = "2021-03", until = "2021-05", format = "json" });

        Assert.Equal(200, status);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["2021-03", "2021-04", "2021-05"], report["months"]!.AsArray().Select(m => m!["label"]!.GetValue<string>()));
        Assert.Equal(("2021-03-01", "2021-05-31"), (report["from"]!.GetValue<string>(), report["until"]!.GetValue<string>()));
        Assert.Equal(["MO-001", "MO-002", "MO-006"], Signals(report["months"]!.AsArray()[^1]!).Select(s => s.RuleId).Order());
    }

    [Fact]
    public async Task Markdown_OnlyFrom_RunsToTheLastMonthOfThePeriodData()
    {
        await using var host = await StartAsync();

        var (status, _, response) = await host.PostAsync("api/monitoring", new { path = Example, from = "2021-10", format = "markdown" });

        Assert.Equal(200, status);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("heerlen-landgraaf-voerendaal-2021-monitoring.md", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var markdown = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("# Monitoringsrapportage jeugdhulp Heerlen, Landgraaf en Voerendaal\n\noktober 2021 t/m december 2021", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThirtySevenMonths_Is400_WithTheWorkbenchLimit()
    {
        await using var host = await StartAsync();

        var (status, body, _) = await host.PostAsync("api/monitoring", new { path = Example, from = "2019-01", until = "2022-01", format = "html" });

        Assert.Equal(400, status);
        Assert.Equal(
            "2019-01 tot en met 2022-01 is 37 maanden; de werkbank rapporteert over ten hoogste 36 maanden per keer. Kies een kortere periode, of maak de rapportage met procurement-rules monitor.",
            body!["detail"]!.GetValue<string>());
        Assert.Equal(200, (await host.PostAsync("api/monitoring", new { path = Example, from = "2019-01", until = "2021-12", format = "json" })).Status);
    }

    [Theory]
    [InlineData("from", "2021-13")]
    [InlineData("until", "2021-03-31")]
    [InlineData("from", "maart")]
    public async Task ABadMonth_Is400_NamingTheField(string field, string value)
    {
        await using var host = await StartAsync();

        var (status, body, _) = await host.PostAsync("api/monitoring", new Dictionary<string, string> { ["path"] = Example, ["format"] = "html", [field] = value });

        Assert.Equal(400, status);
        Assert.Equal("Ongeldig verzoek", body!["title"]!.GetValue<string>());
        Assert.Equal($"'{field}' is geen maand; schrijf de maand als jjjj-mm, bijvoorbeeld 2021-01.", body["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("from", "1899-12")]
    [InlineData("until", "9999-12")]
    public async Task AMonthOutsideTheCalendar_Is400_NamingTheField(string field, string value)
    {
        await using var host = await StartAsync();

        var (status, body, _) = await host.PostAsync("api/monitoring", new Dictionary<string, string> { ["path"] = Example, ["format"] = "html", [field] = value });

        Assert.Equal(400, status);
        Assert.Equal($"'{field}' ligt buiten de maanden waarover een rapportage kan gaan (1900-01 tot en met 9998-12).", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task UntilBeforeFrom_Is400()
    {
        await using var host = await StartAsync();

        var (status, body, _) = await host.PostAsync("api/monitoring", new { path = Example, from = "2021-06", until = "2021-01", format = "html" });

        Assert.Equal(400, status);
        Assert.Equal("De maand 'until' (2021-01) ligt vóór de maand 'from' (2021-06).", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADesignWithoutPeriodData_NeedsBothMonths_AndThenReportsOnThem()
    {
        await using var host = await StartAsync();

        var (status, body, _) = await host.PostAsync("api/monitoring", new { path = "zuid-holland-zuid.yaml", from = "2021-01", format = "html" });
        var (given, _, _) = await host.PostAsync("api/monitoring", new { path = "zuid-holland-zuid.yaml", from = "2021-01", until = "2021-03", format = "json" });

        Assert.Equal(422, status);
        Assert.Equal("Geen periodegegevens", body!["title"]!.GetValue<string>());
        Assert.Equal(
            "Het inkoopkader heeft geen periodegegevens (profileMonths, outcomes of spending); kies de maanden 'from' en 'until' (Van en Tot en met).",
            body["detail"]!.GetValue<string>());
        Assert.Equal(200, given);
    }

    [Fact]
    public async Task ADesignThatDoesNotLoad_Is422WithItsErrors_AndAMissingFileIs404()
    {
        await using var host = await StartAsync();
        File.WriteAllText(Path.Combine(host.Folder, "kapot.yaml"), "design: [\n");

        var (broken, body, _) = await host.PostAsync("api/monitoring", new { path = "kapot.yaml", format = "html" });
        var (missing, _, _) = await host.PostAsync("api/monitoring", new { path = "bestaat-niet.yaml", format = "html" });
        var (noPath, _, _) = await host.PostAsync("api/monitoring", new { format = "html" });
        var (badFormat, formatBody, _) = await host.PostAsync("api/monitoring", new { path = Example, format = "pdf" });

        Assert.Equal(422, broken);
        Assert.Equal("kapot.yaml", body!["errors"]![0]!["file"]!.GetValue<string>());
        Assert.Equal(404, missing);
        Assert.Equal(400, noPath);
        Assert.Equal(400, badFormat);
        Assert.Contains("'format'", formatBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMonthOverItsBudget_IsTheBudgetProblem_AndTheServerAnswersTheNextRequest()
    {
        await using var host = await StartAsync(o => o.EvaluationTimeout = TimeSpan.FromMilliseconds(1));

        var (status, body, _) = await host.PostAsync("api/monitoring", new { path = Example, format = "html" });

        Assert.Equal(422, status);
        Assert.Equal(("Evaluatie gestopt", "urn:procurement-rules:workbench:budget-exceeded"), (body!["title"]!.GetValue<string>(), body["type"]!.GetValue<string>()));
        Assert.NotNull((await host.GetJsonAsync("api/session"))["token"]);
    }

    [Fact]
    public void TheDeadline_IsFourEvaluationBudgets_AndPassingItIsASpentTimeBudget_ButTheClientsCancellationIsNot()
    {
        Assert.Equal(TimeSpan.FromSeconds(40), MonitoringEndpoints.Deadline(TimeSpan.FromSeconds(10)));
        Assert.Null(MonitoringEndpoints.Deadline(null));
        Assert.Null(MonitoringEndpoints.Deadline(TimeSpan.FromDays(30)));

        var spent = Assert.Throws<EvaluationBudgetExceededException>(() =>
            MonitoringEndpoints.WithinDeadline(TimeSpan.FromMilliseconds(20), "d", CancellationToken.None, Wait));
        Assert.Equal((EvaluationBudget.Time, "d"), (spent.Budget, spent.DesignId));
        Assert.Contains("(0.02 s)", spent.Message, StringComparison.Ordinal);

        using var client = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        Assert.ThrowsAny<OperationCanceledException>(() => MonitoringEndpoints.WithinDeadline(TimeSpan.FromSeconds(30), "d", client.Token, Wait));
        Assert.Equal(7, MonitoringEndpoints.WithinDeadline(TimeSpan.FromSeconds(30), "d", CancellationToken.None, _ => 7));

        static int Wait(CancellationToken token)
        {
            token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            token.ThrowIfCancellationRequested();
            return 0;
        }
    }

    [Fact]
    public async Task WithoutTheToken_OrFromAnotherOrigin_Is403()
    {
        await using var host = await StartAsync();
        using var foreign = host.Request(HttpMethod.Post, "api/monitoring", new { path = Example, format = "html" });
        foreign.Headers.Add("Origin", "http://evil.example");

        var (tokenless, body, _) = await host.PostAsync("api/monitoring", new { path = Example, format = "html" }, token: false);
        var (origin, _, _) = await host.SendAsync(foreign);

        Assert.Equal(403, tokenless);
        Assert.Contains("X-Procurement-Token", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(403, origin);
    }

    private static List<(string RuleId, string Subject, string Severity, string Message)> Signals(JsonNode month) =>
        [.. month["findings"]!.AsArray().Select(f => (f!["ruleId"]!.GetValue<string>(), f["subject"]!.GetValue<string>(), f["severity"]!.GetValue<string>(), f["message"]!.GetValue<string>()))];
}
