using Procurement.Rules.Model;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>
/// Makes text from designs and rule files (ids, names, messages, values, file names) safe to print on a terminal: every
/// command output goes through here before it reaches one. The report documents (JSON, SARIF, Markdown, HTML) escape
/// in the library (<see cref="ReportEscaping"/>).
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// For one line on a terminal: control characters, which could move the cursor, recolour, retitle the window or
    /// forge further lines, are written as <c>\x1B</c> (or <c>\u202E</c> above U+00FF). Tabs stay. Spectre markup is
    /// escaped separately (<c>Markup.Escape</c>) where a line is written as markup.
    /// </summary>
    public static string Terminal(string? text) => ReportEscaping.Controls(text);

    /// <summary>Prints load errors one a line, as <c>file:line:column: error code: message</c>, through <see cref="Terminal"/>.</summary>
    public static void WriteErrors(TextWriter writer, IEnumerable<LoadError> errors)
    {
        foreach (var error in errors)
        {
            writer.WriteLine(Terminal(error.ToString()));
        }
    }

    /// <summary>For Markdown text, also inside a table cell (see <see cref="ReportEscaping.Markdown"/>).</summary>
    public static string Markdown(string? text) => ReportEscaping.Markdown(text);

    /// <summary>The text in monospace, safe in Markdown (see <see cref="ReportEscaping.MarkdownCode"/>).</summary>
    public static string MarkdownCode(string? text) => ReportEscaping.MarkdownCode(text);
}
