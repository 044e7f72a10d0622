using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Procurement.Rules.Cli;
using Xunit;

namespace Procurement.Rules.Tests.Cli;

/// <summary>
/// <c>monitor</c> (issue 23, item 3): the council report over a generated year of period data in Markdown, HTML, JSON
/// and SARIF, the summary's figures equal to the JSON series, the range from the data or the options, and the errors
/// for a bad month, a range backwards and a design without period data.
/// </summary>
public sealed partial class MonitorCommandTests
{
    private static readonly Lazy<string> Year = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pr-monitor-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "year.yaml");
        File.WriteAllText(path, new DesignGenerator { Profiles = 1_500, National = true, Months = 12 }.Generate());
        return path;
    });

    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Markdown_IsTheDefault_WithTheSummaryQuartersAndMonths_OfTheRangeOfThePeriodData()
    {
        var (exit, output, error) = Run("monitor", Year.Value);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.StartsWith("# Monitoringsrapportage jeugdhulp Generated region\n\njanuari 2024 t/m december 2024 · inkoopkader <code>generated-42-1500</code>", output, StringComparison.Ordinal);
        Assert.Contains("\n## Samenvatting\n\nIn januari 2024 t/m december 2024 kregen jeugdigen in de regio Generated region zorg op ", output, StringComparison.Ordinal);
        Assert.Contains("\n### Aandachtspunten\n\n- **MO-", output, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(output, @"^\| 2024-Q[1-4] \|", RegexOptions.Multiline).Count);
        Assert.Equal(12, Regex.Matches(output, @"^\| 2024-(0[1-9]|1[0-2]) \|", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void FailOnWarning_ExitsOne_WhenTheMonitoringRulesSignalAtTheEndOfTheRange()
    {
        Assert.Equal(1, Run("monitor", Year.Value, "--fail-on", "warning").Exit);
        Assert.Equal(0, Run("monitor", Year.Value, "--fail-on", "error").Exit);
    }

    [Fact]
    public void SummaryFigures_InTheHtml_EqualTheJsonSeries()
    {
        var (_, html, _) = Run("monitor", Year.Value, "--from", "2024-02", "--until", "2024-11", "--format", "html");
        var (_, json, _) = Run("monitor", Year.Value, "--from", "2024-02", "--until", "2024-11", "--format", "json");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var months = root.GetProperty("months").EnumerateArray().ToList();
        var whole = root.GetProperty("whole").GetProperty("region");
        var figures = FigurePattern().Matches(html).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);

        Assert.Equal(10, months.Count);
        Assert.Equal(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], root.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("label").GetString()));
        Assert.Equal(months.Sum(m => m.GetProperty("region").GetProperty("spend").GetDecimal()), whole.GetProperty("spend").GetDecimal());
        Assert.Equal(whole.GetProperty("spend").GetDecimal(), Value(figures, "spend"));
        Assert.Equal(whole.GetProperty("lumpSumSpend").GetDecimal(), Value(figures, "lump-sum-spend"));
        Assert.Equal(whole.GetProperty("lumpSumBudget").GetDecimal(), Value(figures, "lump-sum-budget"));
        Assert.Equal(whole.GetProperty("profilesInCare").GetDecimal(), Value(figures, "profiles-in-care"));
        Assert.Equal(months[^1].GetProperty("region").GetProperty("profilesInCare").GetDecimal(), Value(figures, "profiles-in-care-last-month"));
        Assert.Equal(months.Sum(m => m.GetProperty("region").GetProperty("endedProfiles").GetDecimal()), Value(figures, "ended-profiles"));
        Assert.Equal(whole.GetProperty("earlyEndingPercent").GetDecimal(), Value(figures, "early-ending-percent"));
        Assert.Equal(whole.GetProperty("goalsReachedPercent").GetDecimal(), Value(figures, "goals-reached-percent"));
        Assert.Equal(whole.GetProperty("averageSatisfaction").GetDecimal(), Value(figures, "average-satisfaction"));
        Assert.Equal(months[^1].GetProperty("findings").GetArrayLength(), Value(figures, "open-findings"));

        // The figures as written for the reader are the same numbers.
        Assert.Contains($"<dd data-figure=\"spend\" data-value=\"{figures["spend"]}\">{Procurement.Rules.Reporting.ReportValues.Amount(Math.Round(Value(figures, "spend"), 0))}</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_HasTheSignalsAtTheEndOfTheRange_WithTheMonthEachRunsSince()
    {
        var (exit, sarif, error) = Run("monitor", Year.Value, "--until", "2024-09", "--format", "sarif");
        var (_, json, _) = Run("monitor", Year.Value, "--until", "2024-09", "--format", "json");

        Assert.Equal((0, string.Empty), (exit, error));
        using var log = JsonDocument.Parse(sarif);
        using var report = JsonDocument.Parse(json);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var last = report.RootElement.GetProperty("months").EnumerateArray().Last().GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(last.Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("subject").GetString())), results.Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("properties").GetProperty("subject").GetString())));
        Assert.All(results, r => Assert.Equal("2024-09-30", r.GetProperty("properties").GetProperty("asOf").GetString()));

        // The planted lump sum, 30% over its monthly budget from April: with this seed's noise over 110% of its budget to
        // date from the end of June on.
        var lumpSum = results.Single(r => r.GetProperty("ruleId").GetString() == "MO-001");
        Assert.Equal("contracts[C-coop1-lot6-heavy-2023]", lumpSum.GetProperty("properties").GetProperty("subject").GetString());
        Assert.Equal("2024-06", lumpSum.GetProperty("properties").GetProperty("since").GetString());
    }

    [Fact]
    public void Html_IsOneFile_WithTheSummaryTheChartsAndTheSignalsPerMonth()
    {
        var file = Path.Combine(Path.GetDirectoryName(Year.Value)!, "report.html");

        var (exit, output, error) = Run("monitor", Year.Value, "--format", "html", "--output", file);

        Assert.Equal((0, string.Empty, string.Empty), (exit, output, error));
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        foreach (var chart in new[] { "chart-spend", "chart-lump-sum", "chart-profiles", "chart-findings" })
        {
            Assert.Contains($"<svg id=\"{chart}\" class=\"chart\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<section id=\"summary\">\n<h2>Samenvatting</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"month\" data-month=\"2024-12\"><summary>Signalen op 31 december 2024", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Waivers_TakeAnAcceptedSignalOutOfTheCounts_AndTheSummarySaysSo()
    {
        var example = Path.Combine(Repository.Root, "examples", "monitoring", "heerlen-landgraaf-voerendaal-2021.yaml");
        var waivers = Path.Combine(Path.GetDirectoryName(Year.Value)!, "hlv.waivers.yaml");
        File.WriteAllText(waivers, """
            waivers:
              - id: HLV-AFW-2021-03
                rule: MO-001
                design: hlv-basishulp-jeugd-2019-2022-monitoring-2021
                subject: contracts[hlv-jens-ggz-heavy]
                justification: De hardheidsclausule is ingeroepen; gemeenten en JenS delen het tekort boven 5% bij helfte.
                approvedBy: Colleges van Heerlen, Landgraaf en Voerendaal
                decided: 2021-05-20
                expires: 2021-12-31
            """);

        var (exit, markdown, error) = Run("monitor", example, "--waivers", waivers);
        var (_, json, _) = Run("monitor", example, "--waivers", waivers, "--format", "json");

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("Daarnaast is 1 signaal een geaccepteerde afwijking (met een besluit dat op die dag geldt); dat telt niet mee.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("- **MO-001**", markdown, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var december = document.RootElement.GetProperty("months")[11];
        Assert.DoesNotContain(december.GetProperty("findingsPerRule").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "MO-001");
        var waived = Assert.Single(december.GetProperty("findings").EnumerateArray(), f => f.TryGetProperty("waiver", out _));
        Assert.Equal("HLV-AFW-2021-03", waived.GetProperty("waiver").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("--from", "2024-13", "error: --from '2024-13' is not a month; write it as yyyy-MM (for example 2024-01).")]
    [InlineData("--until", "2024-03-31", "error: --until '2024-03-31' is not a month; write it as yyyy-MM (for example 2024-01).")]
    [InlineData("--until", "9999-12", "error: --until '9999-12' is outside the months a report covers (1900-01 to 9998-12).")]
    [InlineData("--from", "1899-12", "error: --from '1899-12' is outside the months a report covers (1900-01 to 9998-12).")]
    public void BadMonth_IsInvalidInput_WithOneLine(string option, string value, string message)
    {
        var (exit, output, error) = Run("monitor", Year.Value, option, value);

        Assert.Equal((2, string.Empty, message), (exit, output, error.TrimEnd()));
    }

    [Fact]
    public void RangeBackwards_OrOverTenYears_IsInvalidInput()
    {
        Assert.Equal((2, "error: --until 2024-01 lies before --from 2024-03."), Outcome(Run("monitor", Year.Value, "--from", "2024-03", "--until", "2024-01")));
        Assert.Equal((2, "error: 2020-01 to 2030-01 is 121 months; a monitoring report covers at most 120."), Outcome(Run("monitor", Year.Value, "--from", "2020-01", "--until", "2030-01")));
    }

    [Fact]
    public void DesignWithoutPeriodData_NeedsTheMonths_AndThenReportsZeros()
    {
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "zuid-holland-zuid.yaml");

        Assert.Equal((2, $"error: {example} has no period data (profileMonths, outcomes or spending); give the months with --from and --until."), Outcome(Run("monitor", example)));

        var (exit, json, error) = Run("monitor", example, "--from", "2019-01", "--until", "2019-03", "--format", "json");
        Assert.Equal((0, string.Empty), (exit, error));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(0, document.RootElement.GetProperty("whole").GetProperty("region").GetProperty("profilesInCare").GetInt32());
    }

    [Fact]
    public void PeriodDataOutsideTheCalendar_NeedTheMonthsGiven()
    {
        var file = Path.Combine(Path.GetDirectoryName(Year.Value)!, "far-future.yaml");
        File.WriteAllText(file, Procurement.Rules.Tests.Model.SampleDesigns.Valid + "\n" + Procurement.Rules.Tests.Model.SampleDesigns.PeriodData.Replace("ended: 2023-07-31", "ended: 9999-12-31", StringComparison.Ordinal));

        Assert.Equal(
            (2, $"error: the period data of {file} run from 2023-01 to 9999-12; a report covers months from 1900-01 to 9998-12: give --from and --until."),
            Outcome(Run("monitor", file)));
        Assert.Equal(0, Run("monitor", file, "--until", "2023-12").Exit);
    }

    private static (int Exit, string Error) Outcome((int Exit, string Output, string Error) run) => (run.Exit, run.Error.TrimEnd());

    private static decimal Value(Dictionary<string, string> figures, string key) => decimal.Parse(figures[key], CultureInfo.InvariantCulture);

    [GeneratedRegex("<dd data-figure=\"(?<key>[a-z-]+)\" data-value=\"(?<value>[0-9.-]*)\">")]
    private static partial Regex FigurePattern();
}
