using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;
using Procurement.Rules.Cli;
using Xunit;

namespace Procurement.Rules.Tests.Cli;

/// <summary>Every format, command and exit code end-to-end on the shipped examples.</summary>
public sealed class ReportFormatTests
{
    public static TheoryData<string, string> ExamplesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in Examples)
        {
            foreach (var format in new[] { "text", "json", "sarif", "html", "markdown" })
            {
                data.Add(example, format);
            }
        }

        return data;
    }

    private static readonly string[] Examples = ["zuid-holland-zuid.yaml", "heerlen-landgraaf-voerendaal.yaml", "haaglanden.yaml", "zuid-limburg.yaml"];

    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pr-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Artifacts()
    {
        var path = Path.Combine(Repository.Root, ".artifacts");
        Directory.CreateDirectory(path);
        return path;
    }

    [Theory]
    [MemberData(nameof(ExamplesAndFormats))]
    public void Validate_EveryExampleInEveryFormat_ExitsOneAndWritesTheFindings(string example, string format)
    {
        var file = Path.Combine(TempDirectory(), "report." + format);

        var (exit, stdout, error) = Run("validate", Example(example), "--format", format, "--output", file);

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        Assert.Equal("", stdout);
        var text = File.ReadAllText(file);
        var report = Procurement.Rules.RuleSet.LoadDefault().GetValueOrThrow().Evaluate(Procurement.Rules.Model.TenderDesignLoader.LoadFile(Example(example)).GetValueOrThrow());
        foreach (var finding in report.Findings)
        {
            Assert.Contains(finding.RuleId, text, StringComparison.Ordinal);
            var subject = format switch
            {
                "html" => System.Net.WebUtility.HtmlEncode(finding.Subject),
                "markdown" => SafeText.Markdown(finding.Subject),
                _ => finding.Subject,
            };
            Assert.Contains(subject, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_FailOn_ChoosesTheExitCode()
    {
        var folder = TempDirectory();
        Assert.Equal(0, Run("init", "--directory", folder).Exit);
        var design = Path.Combine(folder, InitCommand.DesignFile);

        Assert.Equal(0, Run("validate", design).Exit);
        Assert.Equal(0, Run("validate", design, "--fail-on", "warning").Exit);
        Assert.Equal(1, Run("validate", Example("haaglanden.yaml"), "--fail-on", "error").Exit);
        Assert.Equal(1, Run("validate", Example("haaglanden.yaml"), "--fail-on", "info").Exit);
        Assert.Equal(2, Run("validate", Path.Combine(folder, "missing.yaml")).Exit);
    }

    [Fact]
    public void Init_WritesADesignAndOverrideThatLoadAndValidateClean()
    {
        var folder = TempDirectory();

        var (exit, output, _) = Run("init", "--directory", folder);
        var design = Path.Combine(folder, InitCommand.DesignFile);
        var overrides = Path.Combine(folder, InitCommand.OverrideFile);
        var validated = Run("validate", design, "--override", overrides, "--fail-on", "warning");

        Assert.Equal(0, exit);
        Assert.Contains("wrote tender-design.yaml", output, StringComparison.Ordinal);
        Assert.Equal("", validated.Error);
        Assert.Equal(0, validated.Exit);
        Assert.Contains("0 fouten, 0 waarschuwingen, 0 info", validated.Output, StringComparison.Ordinal);

        var again = Run("init", "--directory", folder);
        Assert.Equal(2, again.Exit);
        Assert.StartsWith("error: tender-design.yaml already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, Run("init", "--directory", folder, "--force").Exit);
    }

    [Fact]
    public void Text_GroupsByLotAndMunicipality_WithATableAndNoColourWhenRedirected()
    {
        var (exit, output, _) = Run("validate", Example("zuid-holland-zuid.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("    perceel Jeugd-GGZ, gemeente Alblasserdam", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s*MC-002\s+1\s+0\s+0\s", output);
        Assert.Matches(@"(?m)^\s*totaal\s+3\s+1\s+0\s", output);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        Assert.False(TextReport.UseColour(new StringWriter()));
    }

    [Fact]
    public void Text_OnATerminal_ColoursTheSeverities()
    {
        var design = Procurement.Rules.Model.TenderDesignLoader.LoadFile(Example("zuid-holland-zuid.yaml")).GetValueOrThrow();
        var rules = Procurement.Rules.RuleSet.LoadDefault().GetValueOrThrow();
        using var output = new StringWriter();

        TextReport.Write([new Procurement.Rules.Reporting.DesignReport(rules.Evaluate(design), design)], rules, output, colour: true);

        Assert.Contains("\u001b[", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("MC-002", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var (_, output, _) = Run("validate", Example("zuid-limburg.yaml"), Example("haaglanden.yaml"), "--format", "json");

        var reports = Procurement.Rules.Reporting.ReportWriter.ReadJson(output);
        using var again = new StringWriter();
        Procurement.Rules.Reporting.ReportWriter.WriteJson(reports, again);

        Assert.Equal(2, reports.Count);
        Assert.Equal(output, again.ToString());
        Assert.All(reports.SelectMany(r => r.Findings), f => Assert.NotNull(f.SubjectLocation));
    }

    [Fact]
    public async Task Sarif_ValidatesAgainstTheSarif210Schema_WithRuleMetadataAndYamlLocations()
    {
        var schemaFile = Path.Combine(Repository.Root, ".artifacts", "sarif-2.1.0.json");
        if (!File.Exists(schemaFile))
        {
            Assert.Skip($"SARIF schema not found at {schemaFile}; run 'bash tests/fetch-sarif-schema.sh' to download it.");
        }

        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(schemaFile, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        foreach (var example in Examples)
        {
            var (exit, output, _) = Run("validate", Example(example), "--format", "sarif");

            Assert.Equal(1, exit);
            var errors = schema.Validate(output);
            Assert.True(errors.Count == 0, $"{example}: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }

        Assert.NotEmpty(schema.Validate("""{ "version": "2.1.0", "runs": [ { "results": [] } ] }"""));

        var zhz = Run("validate", Example("zuid-holland-zuid.yaml"), "--format", "sarif").Output;
        using var json = JsonDocument.Parse(zhz);
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("id").GetString() == "MC-002" && r.GetProperty("defaultConfiguration").GetProperty("level").GetString() == "error");
        var mc002 = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "MC-002");
        var physical = mc002.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("zuid-holland-zuid.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        var profileLine = 1 + Array.IndexOf(File.ReadAllLines(Example("zuid-holland-zuid.yaml")), "  - id: zhz-zp-010");
        Assert.Equal(profileLine, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("MC-002", rules[mc002.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
    }

    [Fact]
    public void Markdown_HasASummaryTableAndFindingsWithTheirLotAndMunicipality()
    {
        var (_, output, _) = Run("validate", Example("zuid-holland-zuid.yaml"), "--format", "markdown");

        Assert.Contains("| 1 januari 2018 | 3 | 1 | 0 |", output, StringComparison.Ordinal);
        Assert.Contains("🔴 **MC-002** · **", output, StringComparison.Ordinal);
        Assert.Contains("onderwerp <code>careProfiles\\[zhz-zp-010\\]</code> · perceel Jeugd-GGZ, gemeente Alblasserdam", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_InHeadlessChromium_ShowsTitlesReferencesDutchAmountsAndErrorsBeforeInfo()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Skip("Chromium is not installed (apt-get install -y chromium); the HTML report was not opened in a browser.");
        }

        var artifacts = Artifacts();
        var html = Path.Combine(artifacts, "report-haaglanden.html");
        var (exit, _, _) = Run("validate", Example("haaglanden.yaml"), "--format", "html", "--output", html);
        Assert.Equal(1, exit);
        var url = new Uri(html).AbsoluteUri;

        // The screenshot opens every toggle (#expand=1), so the info findings with their amounts are in it.
        var screenshots = Path.Combine(artifacts, "screenshots");
        Directory.CreateDirectory(screenshots);
        var screenshot = Path.Combine(screenshots, "report-haaglanden.png");
        File.Delete(screenshot);
        Browser(chromium, $"--window-size=1200,4200 --hide-scrollbars --screenshot={screenshot} {url}#expand=1");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is empty");

        var all = Browser(chromium, $"--dump-dom {url}");
        var expanded = Browser(chromium, $"--dump-dom {url}#expand=1");
        var errors = Browser(chromium, $"--dump-dom {url}#severity=error");
        var warnings = Browser(chromium, $"--dump-dom {url}#severity=warning");
        var info = Browser(chromium, $"--dump-dom {url}#severity=info");
        var search = Browser(chromium, $"--dump-dom {url}#q=hgl-esc-04");

        Assert.Equal(13, VisibleRows(all));
        Assert.Equal(3, VisibleRows(errors));
        Assert.Equal(3, VisibleRows(warnings));
        Assert.Equal(7, VisibleRows(info));
        Assert.Equal(2, VisibleRows(search));
        Assert.Contains("<svg id=\"chart\"", all, StringComparison.Ordinal);

        // What the screenshot shows: titles and references, Dutch amounts, and the errors before the info findings.
        Assert.Contains("<strong class=\"rule-title\">Every municipality on a contract takes part for the whole contract period</strong>", expanded, StringComparison.Ordinal);
        Assert.Contains("<cite>Aanbestedingswet art. 2.39</cite>", expanded, StringComparison.Ordinal);
        Assert.Contains("geraamde waarde € 26.160.000 excl. btw ligt boven de Europese drempel van € 750.000", expanded, StringComparison.Ordinal);
        Assert.Matches("<details class=\"severity\" id=\"info-findings\" data-severity=\"info\" open=\"\">", expanded);
        Assert.DoesNotMatch("<details class=\"severity\" id=\"info-findings\"[^>]*open", all);
        Assert.Matches("<details class=\"severity\" id=\"info-findings\"[^>]*open", info);
        var firstError = expanded.IndexOf("<article class=\"finding\" data-severity=\"error\"", StringComparison.Ordinal);
        var firstInfo = expanded.IndexOf("<article class=\"finding\" data-severity=\"info\"", StringComparison.Ordinal);
        Assert.True(firstError > 0 && firstInfo > firstError, "errors come before info");
        Assert.Equal(-1, expanded.IndexOf("<article class=\"finding\" data-severity=\"error\"", firstInfo, StringComparison.Ordinal));
    }

    private static int VisibleRows(string dom)
    {
        var match = Regex.Match(dom, "data-visible-rows=\"([0-9]+)\"");
        Assert.True(match.Success, "the filter script did not run");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Browser(string chromium, string arguments)
    {
        var profile = TempDirectory();
        var info = new ProcessStartInfo(chromium, $"--headless --no-sandbox --disable-gpu --disable-background-networking --user-data-dir={profile} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish in 90 s");
        }

        _ = stderr.Result;
        return stdout;
    }
}
