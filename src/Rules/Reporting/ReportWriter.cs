namespace Procurement.Rules.Reporting;

/// <summary>
/// Writes the documents the command-line tool writes, so that any .NET host produces the same bytes: validate reports
/// in JSON, SARIF 2.1.0, Markdown or HTML, and diff reports in JSON, SARIF or Markdown.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes the report of one or more evaluated designs.</summary>
    /// <param name="format">The format.</param>
    /// <param name="reports">The evaluated designs, in the order to show them.</param>
    /// <param name="ruleSet">The rule set they were evaluated with (its rules and hash are part of the report).</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ReportFormat format, IReadOnlyList<DesignReport> reports, RuleSet ruleSet, TextWriter output) =>
        Write(format, reports, ruleSet, output, ReportLanguage.Dutch);

    /// <summary>
    /// Writes the report of one or more evaluated designs with the report's own headings in <paramref name="language"/>
    /// (HTML and Markdown; JSON and SARIF are for tools and do not change). The rule messages stay as written.
    /// </summary>
    /// <param name="format">The format.</param>
    /// <param name="reports">The evaluated designs, in the order to show them.</param>
    /// <param name="ruleSet">The rule set they were evaluated with (its rules and hash are part of the report).</param>
    /// <param name="output">Where to write.</param>
    /// <param name="language">The language of the headings (rapporttaal).</param>
    public static void Write(ReportFormat format, IReadOnlyList<DesignReport> reports, RuleSet ruleSet, TextWriter output, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Json: JsonReportWriter.Write(reports.Select(r => r.Report).ToList(), output); break;
            case ReportFormat.Sarif: SarifReportWriter.Write(reports, ruleSet, output); break;
            case ReportFormat.Markdown: MarkdownReportWriter.Write(reports, ruleSet, output, ReportText.For(language)); break;
            case ReportFormat.Html: HtmlReportWriter.Write(reports, ruleSet, output, ReportText.For(language)); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>Writes a diff report (a design revision or a rule change).</summary>
    /// <param name="format">The format: JSON, SARIF (with <c>baselineState</c>) or Markdown.</param>
    /// <param name="diff">The comparisons and rule sets.</param>
    /// <param name="output">Where to write.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is <see cref="ReportFormat.Html"/> or unknown.</exception>
    public static void WriteDiff(ReportFormat format, DiffReport diff, TextWriter output) =>
        WriteDiff(format, diff, output, ReportLanguage.Dutch);

    /// <summary>Writes a diff report with the Markdown headings in <paramref name="language"/> (JSON and SARIF do not change).</summary>
    /// <param name="format">The format: JSON, SARIF (with <c>baselineState</c>) or Markdown.</param>
    /// <param name="diff">The comparisons and rule sets.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="language">The language of the headings (rapporttaal).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is <see cref="ReportFormat.Html"/> or unknown.</exception>
    public static void WriteDiff(ReportFormat format, DiffReport diff, TextWriter output, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Json: DiffJsonWriter.Write(diff, output); break;
            case ReportFormat.Sarif: DiffSarifWriter.Write(diff, output); break;
            case ReportFormat.Markdown: DiffMarkdownWriter.Write(diff, output, ReportText.For(language)); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "A diff is written as JSON, SARIF or Markdown.");
        }
    }

    /// <summary>
    /// Writes a monitoring report (monitoringsrapportage, see <see cref="RuleSet.Monitor"/>): HTML for colleges and councils
    /// (a one-page Dutch summary, trend charts in inline SVG, figures per quarter and month), Markdown, JSON with every
    /// series, or SARIF with the open signals at the end of the range.
    /// </summary>
    /// <param name="format">The format.</param>
    /// <param name="report">The monitoring report.</param>
    /// <param name="ruleSet">The rule set it was made with (its rules are listed).</param>
    /// <param name="output">Where to write.</param>
    public static void WriteMonitoring(ReportFormat format, Monitoring.MonitoringReport report, RuleSet ruleSet, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Json: JsonReportWriter.WriteMonitoring(report, output); break;
            case ReportFormat.Sarif: MonitoringSarifWriter.Write(report, ruleSet, output); break;
            case ReportFormat.Markdown: MonitoringMarkdownWriter.Write(report, output); break;
            case ReportFormat.Html: MonitoringHtmlWriter.Write(report, ruleSet, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>Writes evaluation reports as the JSON validate report (the JSON needs no design; see <see cref="ReadJson"/>).</summary>
    /// <param name="reports">The reports, one per design.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteJson(IReadOnlyList<EvaluationReport> reports, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);
        JsonReportWriter.Write(reports, output);
    }

    /// <summary>
    /// Reads a JSON validate report (as <see cref="WriteJson"/> writes it) back into typed reports, with the library's
    /// source-generated serializer context. The findings' <see cref="Finding.SubjectReference"/> is not in the JSON and is null.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The reports, one per design.</returns>
    /// <exception cref="System.Text.Json.JsonException">The text is not a JSON report.</exception>
    public static IReadOnlyList<EvaluationReport> ReadJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonReportWriter.Read(json);
    }
}
