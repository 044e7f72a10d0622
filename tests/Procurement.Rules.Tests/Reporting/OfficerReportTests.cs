using System.Text.RegularExpressions;
using Procurement.Rules.Reporting;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Reporting;

/// <summary>
/// The HTML and Markdown reports read by procurement officers: rule titles and references on every finding, amounts and
/// dates in Dutch, errors before warnings before the collapsed info findings, the message and clause before the
/// expression and values (which sit behind a toggle), rule ids that never wrap, totals across designs, and Dutch or
/// English headings.
/// </summary>
public sealed class OfficerReportTests
{
    private static readonly DesignReport Haaglanden = ReportDocuments.Evaluate(ReportDocuments.Example("haaglanden.yaml"));
    private static readonly DesignReport ZuidHollandZuid = ReportDocuments.Evaluate(ReportDocuments.Example("zuid-holland-zuid.yaml"));

    private static string Html(ReportLanguage language, params DesignReport[] reports)
    {
        using var output = new StringWriter();
        ReportWriter.Write(ReportFormat.Html, reports, Shipped.Rules, output, language);
        return output.ToString();
    }

    private static string Markdown(ReportLanguage language, params DesignReport[] reports)
    {
        using var output = new StringWriter();
        ReportWriter.Write(ReportFormat.Markdown, reports, Shipped.Rules, output, language);
        return output.ToString();
    }

    [Fact]
    public void Html_EveryFindingHasItsRuleTitleAndReference()
    {
        var html = Html(ReportLanguage.Dutch, Haaglanden);

        var articles = Regex.Matches(html, "<article class=\"finding\"[^>]*>(.*?)</article>", RegexOptions.Singleline);
        Assert.Equal(Haaglanden.Report.Findings.Count, articles.Count);
        foreach (var finding in Haaglanden.Report.Findings)
        {
            Assert.Contains(articles, a => a.Value.Contains($"<span class=\"rule-id\">{finding.RuleId}</span> <strong class=\"rule-title\">{System.Net.WebUtility.HtmlEncode(finding.Title)}</strong>", StringComparison.Ordinal)
                && a.Value.Contains($"<cite>{System.Net.WebUtility.HtmlEncode(finding.Reference)}</cite>", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Html_ShowsDutchAmountsAndDatesAndNoInvariantOnes()
    {
        var html = Html(ReportLanguage.Dutch, Haaglanden);

        Assert.Contains("geraamde waarde € 26.160.000 excl. btw ligt boven de Europese drempel van € 750.000", html, StringComparison.Ordinal);
        Assert.Contains("<td><code>europeanThreshold</code></td><td>€ 750.000</td>", html, StringComparison.Ordinal);
        Assert.Contains("looptijd 1 januari 2023 t/m 31 december 2024", html, StringComparison.Ordinal);
        Assert.Contains("<td>1 januari 2021</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("EUR ", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@">[^<]*\b20\d\d-\d\d-\d\d\b[^<]*<", html);
    }

    [Fact]
    public void Html_ErrorsComeBeforeWarningsBeforeCollapsedInfo()
    {
        var html = Html(ReportLanguage.Dutch, Haaglanden);

        var errors = html.IndexOf("<section class=\"severity\" id=\"error-findings\"", StringComparison.Ordinal);
        var info = html.IndexOf("<details class=\"severity\" id=\"info-findings\" data-severity=\"info\"><summary><h3>Ter informatie (7)</h3></summary>", StringComparison.Ordinal);
        Assert.True(errors > 0 && info > errors, "errors come first, info after them in a closed <details>");
        Assert.Contains("<h3>Fouten (3)</h3>", html, StringComparison.Ordinal);
        var lastError = html.LastIndexOf("<article class=\"finding\" data-severity=\"error\">", StringComparison.Ordinal);
        var firstInfo = html.IndexOf("<article class=\"finding\" data-severity=\"info\">", StringComparison.Ordinal);
        Assert.True(lastError < info && info < firstInfo);
        Assert.DoesNotContain("<details class=\"severity\" id=\"info-findings\" data-severity=\"info\" open", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_MessageAndClauseComeFirst_ExpressionAndValuesBehindAToggle()
    {
        var html = Html(ReportLanguage.Dutch, Haaglanden);
        var es003 = Regex.Match(html, "<article class=\"finding\" data-severity=\"error\">\n<p class=\"head\"><span class=\"sev sev-error\">fout</span> <span class=\"rule-id\">ES-003</span>.*?</article>", RegexOptions.Singleline).Value;

        var message = es003.IndexOf("<p class=\"message\">Schaling hgl-esc-04", StringComparison.Ordinal);
        var clause = es003.IndexOf("Clausule <strong>heavy-contract</strong>", StringComparison.Ordinal);
        var toggle = es003.IndexOf("<details class=\"expression\"><summary>Expressie en gelezen waarden</summary>", StringComparison.Ordinal);
        var expression = es003.IndexOf("<pre><code>responsible != null &amp;&amp; responsible.HoldsContract(", StringComparison.Ordinal);
        Assert.True(message > 0 && clause > message && toggle > clause && expression > toggle, es003);
        Assert.Contains("<td><code>escalation.Date</code></td><td>13 september 2021</td>", es003, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_RuleIdsNeverWrap_AndTheReportIsSelfContainedAndPrintable()
    {
        var html = Html(ReportLanguage.Dutch, Haaglanden);

        Assert.Contains(".rule-id{white-space:nowrap", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"rule-id\">EL-007</td>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("beforeprint", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=", html);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"nl\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_SeveralDesigns_HaveATotalRowAndNameTheirDesign()
    {
        var html = Html(ReportLanguage.Dutch, Haaglanden, ZuidHollandZuid);

        Assert.Contains("<tr class=\"total\"><td colspan=\"3\">Totaal (2 ontwerpen)</td><td class=\"n\">6</td><td class=\"n\">4</td><td class=\"n\">7</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<small>(zhz-inkoopkader-2018-2021)</small>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Fouten (6)</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_InEnglish_HasEnglishHeadingsAndTheMessagesAsWritten()
    {
        var html = Html(ReportLanguage.English, Haaglanden);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Tender design check report</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Errors (3)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<summary><h3>Information (7)</h3></summary>", html, StringComparison.Ordinal);
        Assert.Contains("<td>1 January 2021</td>", html, StringComparison.Ordinal);
        Assert.Contains("geraamde waarde € 26.160.000 excl. btw", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fouten", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_OrdersBySeverity_CollapsesInfo_AndPutsTheExpressionInADetailsBlock()
    {
        var markdown = Markdown(ReportLanguage.Dutch, Haaglanden);

        var errors = markdown.IndexOf("#### Fouten (3)", StringComparison.Ordinal);
        var info = markdown.IndexOf("<details><summary><strong>Ter informatie (7)</strong></summary>", StringComparison.Ordinal);
        Assert.True(errors > 0 && info > errors);
        Assert.Contains(
            "🔴 **EL-007** · **Every municipality on a contract takes part for the whole contract period**  \nReferentie: *Inkoopkader jeugdhulp, par. 2.2*  \n"
            + "Contract hgl-amb-l-leidsenhage-coaching-2023 (Jongerencoaching Leidsenhage, looptijd 1 januari 2023 t/m 31 december 2024)",
            markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<details><summary>Expressie en gelezen waarden</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains("| <code>europeanThreshold</code> | € 750.000 |", markdown, StringComparison.Ordinal);
        Assert.Contains("geraamde waarde € 26.160.000 excl. btw", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("EUR ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_SeveralDesigns_HaveATotalRow_AndEnglishHeadingsWhenAsked()
    {
        var dutch = Markdown(ReportLanguage.Dutch, Haaglanden, ZuidHollandZuid);
        var english = Markdown(ReportLanguage.English, Haaglanden, ZuidHollandZuid);

        Assert.Contains("| **totaal** (2 ontwerpen) | | | **6** | **4** | **7** | |", dutch, StringComparison.Ordinal);
        Assert.Contains("| **total** (2 designs) | | | **6** | **4** | **7** | |", english, StringComparison.Ordinal);
        Assert.StartsWith("## Tender design check report", english, StringComparison.Ordinal);
        Assert.Contains("#### Errors (3)", english, StringComparison.Ordinal);
    }

    [Fact]
    public void WaivedFindings_AreNotAmongTheOpenFindingsOfAnyWriter()
    {
        var design = ReportDocuments.Example("zuid-limburg.yaml");
        var waivers = WaiverFile.LoadFiles([Path.Combine(Repository.Root, "examples", "waivers", "zuid-limburg.waivers.yaml")], Shipped.Rules).GetValueOrThrow();
        var report = new DesignReport(Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = waivers }), design);
        var waived = Assert.Single(report.Report.Findings, f => f.IsWaived);

        var html = Html(ReportLanguage.Dutch, report);
        var markdown = Markdown(ReportLanguage.Dutch, report);
        var openHtml = html[html.IndexOf("<div id=\"findings\">", StringComparison.Ordinal)..html.IndexOf("<h2>Gecontroleerde regels</h2>", StringComparison.Ordinal)];

        Assert.DoesNotContain(report.Report.Findings, f => !f.IsWaived && f.RuleId == waived.RuleId);
        Assert.DoesNotContain($"<span class=\"rule-id\">{waived.RuleId}</span>", openHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"**{waived.RuleId}**", markdown, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<h3>Fouten ({report.Report.ErrorCount})</h3>"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void DiffMarkdown_KeepsRuleIdsInTableCellsOnOneLine_AndWritesAmountsForOfficers()
    {
        var markdown = ReportDocuments.WriteDiff(ReportFormat.Markdown, ReportDocuments.RuleChange(ReportDocuments.Example("haaglanden.yaml")));

        Assert.Contains("| EL\u2011011 | gewijzigd |", markdown, StringComparison.Ordinal);
        Assert.Contains("| gewijzigd | info → waarschuwing | EL\u2011011 |", markdown, StringComparison.Ordinal);
        Assert.Contains("geraamde waarde € 26.160.000 excl. btw", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| EL-011 |", markdown, StringComparison.Ordinal);
    }
}
