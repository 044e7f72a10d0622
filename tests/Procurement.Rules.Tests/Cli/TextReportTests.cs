using FsCheck.Xunit;
using Procurement.Rules.Cli;
using Procurement.Rules.Reporting;
using Procurement.Rules.Tests.Properties;
using Procurement.Rules.Tests.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Cli;

/// <summary>
/// The text report: findings by severity with title and reference, Dutch amounts and dates, lines wrapped at 100 columns
/// when redirected with hanging indents (never back to column 0), a total over several designs, Dutch or English headings.
/// </summary>
public sealed class TextReportTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Property(MaxTest = 300)]
    public bool Wrapped_lines_fit_the_width_and_never_return_to_column_zero(string? text, byte indentSeed, byte widthSeed)
    {
        var indent = indentSeed % 12;
        var hanging = indent + 2;
        var width = 40 + (widthSeed % 100);
        var clean = new string((text ?? "").Where(c => c >= ' ' && c != '\u00A0').ToArray());

        var lines = TextWrapper.Wrap(clean, indent, hanging, width);

        var content = string.Concat(lines).Replace(" ", "", StringComparison.Ordinal);
        return lines.All(l => l.Length <= width)
            && lines.Skip(1).All(l => l.StartsWith(new string(' ', hanging), StringComparison.Ordinal))
            && content == clean.Replace(" ", "", StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_KeepsAmountsAndWrittenDatesWhole_AndCutsAWordLongerThanALine()
    {
        var lines = TextWrapper.Wrap("waarde € 26.160.000 op 13 september 2021 " + new string('x', 50), 2, 4, 30);

        Assert.Equal(["  waarde € 26.160.000 op", "    13 september 2021", "    " + new string('x', 26), "    " + new string('x', 24)], lines);
    }

    [Fact]
    public void Redirected_WrapsAt100ColumnsWithHangingIndents()
    {
        var (exit, output, _) = CliRunner.Run("validate", Example("haaglanden.yaml"));

        Assert.Equal(1, exit);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= TextReport.RedirectedWidth, l));
        Assert.All(lines, l => Assert.False(l.EndsWith(' '), $"a line ends in blanks: '{l}'"));
        Assert.Contains(lines, l => l.Length > 90);
        var firstLine = lines[0];
        var footer = Array.FindLastIndex(lines, l => l.StartsWith("Regels: ", StringComparison.Ordinal));
        Assert.True(footer > 0, "the report ends with the line that names its rules");
        Assert.All(lines.Where((_, i) => i != 0 && i != footer), l => Assert.True(l.Length == 0 || l[0] == ' ' || l.StartsWith('─'), $"a wrapped line starts at column 0: {l}"));
        Assert.StartsWith("examples", firstLine.Replace(AppContext.BaseDirectory, "", StringComparison.Ordinal).TrimStart('/'), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ShowsErrorsFirstWithTitleReferenceAndDutchValues()
    {
        var (_, output, _) = CliRunner.Run("validate", Example("haaglanden.yaml"));
        var text = output.ReplaceLineEndings("\n");

        var errors = text.IndexOf("\n  Fouten (3)\n", StringComparison.Ordinal);
        var info = text.IndexOf("\n  Ter informatie (7)\n", StringComparison.Ordinal);
        Assert.True(errors > 0 && info > errors);
        Assert.Contains("      fout         EL-007  Every municipality on a contract takes part for the whole contract period\n        Referentie: Inkoopkader jeugdhulp, par. 2.2\n", text, StringComparison.Ordinal);
        Assert.Contains("geraamde waarde € 26.160.000 excl. btw", text, StringComparison.Ordinal);
        Assert.Contains("        gelezen waarden:\n          escalation.ResponsibleProvider = kijkduin-jeugdhuizen\n", text, StringComparison.Ordinal);
        Assert.Contains("\n          escalation.Date = 13 september 2021\n", text, StringComparison.Ordinal);
        Assert.Contains("  3 fouten, 3 waarschuwingen, 7 info; 29 van 43 regels toegepast", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralDesigns_EndWithATotal_InEnglishWhenAsked()
    {
        var dutch = CliRunner.Run("validate", Example("haaglanden.yaml"), Example("zuid-holland-zuid.yaml")).Output;
        var english = CliRunner.Run("validate", Example("haaglanden.yaml"), Example("zuid-holland-zuid.yaml"), "--language", "en").Output;

        Assert.Matches("\nTotaal \\(2 ontwerpen\\): 6 fouten, 4 waarschuwingen, 7 info\nRegels: [^\n]+\n$", dutch.ReplaceLineEndings("\n"));
        Assert.Matches("\nTotal \\(2 designs\\): 6 errors, 4 warnings, 7 info\nRules: [^\n]+\n$", english.ReplaceLineEndings("\n"));
        Assert.Contains("\n  Errors (3)\n", english.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("as of 1 January 2021", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Language_OtherThanNlOrEn_IsAUsageError()
    {
        var (exit, _, error) = CliRunner.Run("validate", Example("haaglanden.yaml"), "--language", "de");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: Argument 'de' not recognized.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_OnlyColoursTheSeverityLabel()
    {
        var design = ReportDocuments.Example("haaglanden.yaml");
        using var output = new StringWriter();

        TextReport.Write([new DesignReport(Shipped.Rules.Evaluate(design), design)], Shipped.Rules, output, colour: true);

        Assert.Contains("EL-007  Every municipality", System.Text.RegularExpressions.Regex.Replace(output.ToString(), "\u001b\\[[0-9;]*m", ""), StringComparison.Ordinal);
        Assert.Contains("\u001b[", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WaivedFindings_AreNotAmongTheOpenFindings()
    {
        var design = ReportDocuments.Example("zuid-limburg.yaml");
        var waivers = WaiverFile.LoadFiles([Path.Combine(Repository.Root, "examples", "waivers", "zuid-limburg.waivers.yaml")], Shipped.Rules).GetValueOrThrow();
        var report = new DesignReport(Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = waivers }), design);
        var waived = Assert.Single(report.Report.Findings, f => f.IsWaived);
        using var output = new StringWriter();

        TextReport.Write([report], Shipped.Rules, output);

        Assert.DoesNotContain(report.Report.Findings, f => !f.IsWaived && f.RuleId == waived.RuleId);
        var open = output.ToString()[..output.ToString().IndexOf("Geaccepteerde afwijkingen", StringComparison.Ordinal)];
        Assert.DoesNotContain($" {waived.RuleId} ", open, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  Fouten ({report.Report.ErrorCount})\n"), output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Text_IsDutchByDefault_EnglishWhenAsked_WithOfficersAmountsAndDates()
    {
        var dutch = CliRunner.Run("diff", "--base", Example("haaglanden.yaml"), "--head", Example("zuid-limburg.yaml")).Output.ReplaceLineEndings("\n");
        var english = CliRunner.Run("diff", "--base", Example("haaglanden.yaml"), "--head", Example("haaglanden.yaml"), "--language", "en").Output;
        var markdown = CliRunner.Run("diff", "--base", Example("haaglanden.yaml"), "--head", Example("haaglanden.yaml"), "--format", "markdown", "--language", "en").Output;

        Assert.Contains("  - fout         EL-007  contracts[hgl-amb-l-leidsenhage-coaching-2023]  clausule municipalities-participate\n", dutch, StringComparison.Ordinal);
        Assert.Contains("looptijd 1 januari 2023 t/m 31 december 2024", dutch, StringComparison.Ordinal);
        Assert.Contains("geraamde waarde € 26.160.000 excl. btw", dutch, StringComparison.Ordinal);
        Assert.Matches(@"  \d+ nieuw, \d+ opgelost, \d+ gewijzigd, 0 ongewijzigd", dutch);
        Assert.Contains("0 new, 0 resolved, 0 changed, 13 unchanged", english, StringComparison.Ordinal);
        Assert.StartsWith("## procurement-rules diff", markdown, StringComparison.Ordinal);
    }
}
