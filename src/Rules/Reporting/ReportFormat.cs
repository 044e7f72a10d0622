namespace Procurement.Rules.Reporting;

/// <summary>A document format the library writes reports in.</summary>
public enum ReportFormat
{
    /// <summary>JSON: for a validate report an array with one object per design (readable back with <see cref="ReportWriter.ReadJson"/>).</summary>
    Json = 0,

    /// <summary>SARIF 2.1.0, one run; a diff marks each result's <c>baselineState</c>.</summary>
    Sarif = 1,

    /// <summary>Markdown for a pull-request comment.</summary>
    Markdown = 2,

    /// <summary>One self-contained HTML file (validate reports only).</summary>
    Html = 3,
}
