using System.Globalization;
using System.Text;
using System.Text.Json;
using Procurement.Rules.Cli;
using Procurement.Rules.Tests.Model;
using Xunit;

namespace Procurement.Rules.Tests.Cli;

/// <summary>
/// Text from a design reaches no output raw: terminal escapes, forged lines, Spectre markup, HTML and Markdown links in
/// ids and names come out escaped in every report format and command, and the JSON formats keep the exact value.
/// </summary>
public sealed class OutputEscapingTests : IDisposable
{
    /// <summary>ESC (a colour change), a C1 CSI, a forged line, HTML, a Markdown link and Spectre markup.</summary>
    private const string Hostile = "\u001b[31m<script>alert(1)</script>[link](javascript:alert(1))[red]\u009b2J\nforged line\u202e";

    private static readonly char[] RawControls = ['\u001b', '\u009b', '\u202e', '\0', '\u0007'];

    private readonly string _root = Directory.CreateTempSubdirectory("pr-escaping-").FullName;

    public OutputEscapingTests()
    {
        Directory.CreateDirectory(RulesDirectory);
        File.WriteAllText(Path.Combine(RulesDirectory, "hostile.yaml"), """
            pack: hostile
            version: 1.0.0
            rules:
              - id: H-1
                title: Budget under 5000
                for: profile in CareProfiles
                require:
                  low: profile.Budget < 5000
                message: "Profiel {profile.Id} in {profile.Municipality.Name}, perceel {profile.Lot.Name}"
            """);
        var design = SampleDesigns.Valid
            .Replace("design: sample-2023", $"design: {Quoted(Hostile)}", StringComparison.Ordinal)
            .Replace("name: Ambulante jeugdhulp", $"name: {Quoted("lot " + Hostile)}", StringComparison.Ordinal)
            .Replace("name: Dordrecht,", $"name: {Quoted("gemeente " + Hostile)},", StringComparison.Ordinal)
            .Replace("P-0001", Quoted("P-1 " + Hostile), StringComparison.Ordinal);
        File.WriteAllText(BaseDesign, design);
        File.WriteAllText(HeadDesign, design.Replace("budget: 2500", "budget: 6500", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string RulesDirectory => Path.Combine(_root, "rules");

    private string BaseDesign => Path.Combine(_root, "base.yaml");

    private string HeadDesign => Path.Combine(_root, "head.yaml");

    /// <summary>A YAML double-quoted scalar holding <paramref name="text"/> exactly.</summary>
    private static string Quoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || c == '\u202e')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    private static void AssertNoRawControls(string output)
    {
        Assert.True(output.IndexOfAny(RawControls) < 0, "a control character was written raw");
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("forged line", StringComparison.Ordinal));
    }

    private static void AssertNoHtmlOrLink(string output)
    {
        Assert.DoesNotContain("<script>", output, StringComparison.Ordinal);
        // Every ']' from the design is escaped, so no "](" can open a link target.
        Assert.DoesNotMatch(@"(?<!\\)\]\(", output);
    }

    private (int Exit, string Output) Validate(string format)
    {
        var (exit, output, error) = CliRunner.Run("validate", HeadDesign, "--rules", RulesDirectory, "--format", format);
        Assert.Equal("", error);
        Assert.Equal(1, exit);
        return (exit, output);
    }

    [Fact]
    public void Text_EscapesControlsAndKeepsMarkupAsText()
    {
        var (_, output) = Validate("text");

        AssertNoRawControls(output);
        Assert.Contains("\\x1B[31m<script>alert(1)</script>[link](javascript:alert(1))[red]\\x9B2J\\x0Aforged", output, StringComparison.Ordinal);
        Assert.Contains("perceel lot \\x1B[31m<script>", output, StringComparison.Ordinal);
        // The design's id, the lot's and the municipality's names (the text report wraps long words, so they are counted).
        Assert.True(output.Split("\\x1B[31m<script>").Length - 1 >= 3, output);
        Assert.Contains("(javascript:alert(1))[red]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_WithColour_StillWritesNoControlFromTheDesign()
    {
        var design = Assert.IsType<Procurement.Rules.Model.TenderDesign>(Procurement.Rules.Model.TenderDesignLoader.LoadFile(HeadDesign).Value);
        var rules = RuleSet.LoadDirectory(RulesDirectory).GetValueOrThrow();
        using var output = new StringWriter();

        TextReport.Write([new Procurement.Rules.Reporting.DesignReport(rules.Evaluate(design), design)], rules, output, colour: true);

        // Spectre's own colour codes are ESC sequences; none may carry the design's text, and no red comes from [red].
        var text = output.ToString();
        Assert.DoesNotContain("\u001b[31m<", text, StringComparison.Ordinal);
        Assert.Contains("\\x1B[31m<script>alert(1)</script>[link](javascript:alert(1))[red]", text, StringComparison.Ordinal);
        Assert.True(text.IndexOfAny(['\u009b', '\u202e']) < 0);
    }

    [Fact]
    public void Markdown_EncodesHtmlAndEmitsNoLinkFromTheDesign()
    {
        var (_, output) = Validate("markdown");

        AssertNoRawControls(output);
        AssertNoHtmlOrLink(output);
        Assert.Contains("### Ontwerp <code>\\x1B\\[31m&lt;script&gt;alert(1)&lt;/script&gt;\\[link\\](javascript:alert(1))\\[red\\]\\x9B2J forged line\\u202E</code>", output, StringComparison.Ordinal);
        Assert.Contains("perceel lot \\x1B\\[31m&lt;script&gt;", output, StringComparison.Ordinal);
        Assert.Contains("<code>careProfiles\\[P-1 \\x1B\\[31m&lt;script&gt;", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_CellText_CannotEndTheCellOrOpenEmphasisOrCode()
    {
        Assert.Equal("a \\| b \\*c\\* \\_d\\_ \\`e\\` \\\\ \\~f &amp; g", SafeText.Markdown("a | b *c* _d_ `e` \\ ~f & g"));
        Assert.Equal("<code>x\\|y</code>", SafeText.MarkdownCode("x|y"));
    }

    [Fact]
    public void Html_EncodesEveryValueFromTheDesign()
    {
        var (_, output) = Validate("html");

        AssertNoRawControls(output);
        Assert.DoesNotContain("<script>alert", output, StringComparison.Ordinal);
        Assert.DoesNotContain("href", output, StringComparison.Ordinal);
        Assert.Contains("\\x1B[31m&lt;script&gt;alert(1)&lt;/script&gt;[link](javascript:alert(1))[red]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void JsonFormats_EscapeControlsAndHtmlAndKeepTheExactValue(string format)
    {
        var (_, output) = Validate(format);

        AssertNoRawControls(output);
        Assert.DoesNotContain("<script>", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var designId = format == "json"
            ? json.RootElement[0].GetProperty("designId").GetString()
            : json.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("properties").GetProperty("designId").GetString();
        Assert.Equal(Hostile, designId);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Diff_EscapesTheDesignInEveryFormat(string format)
    {
        var (exit, output, error) = CliRunner.Run("diff", "--base", BaseDesign, "--head", HeadDesign, "--rules", RulesDirectory, "--format", format);

        Assert.Equal("", error);
        Assert.Equal(1, exit);
        AssertNoRawControls(output);
        if (format == "markdown")
        {
            AssertNoHtmlOrLink(output);
        }
        else if (format != "text")
        {
            Assert.DoesNotContain("<script>", output, StringComparison.Ordinal);
        }

        Assert.Contains(format switch
        {
            "text" => "ontwerp \\x1B[31m<script>",
            "markdown" => "<code>careProfiles\\[P-0002\\]</code> | low | Profiel P-0002 in Voorschoten, perceel lot \\x1B\\[31m&lt;script&gt;",
            _ => "\\u001B[31m\\u003Cscript\\u003E",
        }, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_EscapesTheDesign()
    {
        var (exit, output, error) = CliRunner.Run("explain", HeadDesign, "--rule", "H-1", "--rules", RulesDirectory);

        Assert.Equal((0, ""), (exit, error));
        AssertNoRawControls(output);
        Assert.Contains("careProfiles[P-1 \\x1B[31m<script>", output, StringComparison.Ordinal);
        Assert.Contains("lot lot \\x1B[31m", output, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadErrors_OnStandardError_AreEscaped()
    {
        var design = Path.Combine(_root, "bad.yaml");
        File.WriteAllText(design, SampleDesigns.Valid + $"\n{Quoted(Hostile)}: 1\n");

        var (exit, _, error) = CliRunner.Run("validate", design, "--rules", RulesDirectory);

        Assert.Equal(2, exit);
        AssertNoRawControls(error);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("error unknown-field: Unknown field '\\x1B[31m<script>", line, StringComparison.Ordinal);
    }

    [Fact]
    public void BudgetError_OnStandardError_IsEscaped()
    {
        // The budget error names the design and subject; an allocating rule over 3,000 profiles spends 16 MB.
        var design = Path.Combine(_root, "large.yaml");
        var yaml = new Procurement.Rules.Cli.DesignGenerator { Seed = 5, Profiles = 3_000, DefectRate = 0 }.Generate();
        File.WriteAllText(design, yaml.Replace("design: generated-5-3000", $"design: {Quoted(Hostile)}", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(RulesDirectory, "hostile.yaml"), Rules.RuleFiles.WithClause("design.CareProfiles.Select(a => a.Id).Distinct().Count() > 0"));

        var (exit, _, error) = CliRunner.Run("explain", design, "--rule", "T-1", "--rules", RulesDirectory, "--max-memory", "16MB");

        Assert.Equal(2, exit);
        AssertNoRawControls(error);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'\\x1B[31m<script>", line, StringComparison.Ordinal);
        Assert.Contains("ran out of its memory budget", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_EscapesRuleFileText()
    {
        File.WriteAllText(Path.Combine(RulesDirectory, "zz-bad.yaml"), $"pack: bad\n{Quoted(Hostile)}: 1\n");

        var (exit, output, _) = CliRunner.Run("lint", "--rules", RulesDirectory);

        Assert.Equal(2, exit);
        AssertNoRawControls(output);
        Assert.Contains("Unknown field '\\x1B[31m<script>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_EscapesC0DelC1AndDirectionControlsButKeepsTabAndText()
    {
        Assert.Equal("a\tb\\x00\\x07\\x0D\\x0A\\x7F\\x80\\x9F\\u2028\\u202E\\u2066ë€", SafeText.Terminal("a\tb\0\a\r\n\u007f\u0080\u009f\u2028\u202e\u2066ë€"));
        Assert.Equal("plain", SafeText.Terminal("plain"));
    }
}
