using System.Globalization;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Makes text from designs and rule files (ids, names, messages, values, file names) safe to show in a report. The
/// HTML report encodes <see cref="Controls"/>'s result with <see cref="System.Net.WebUtility.HtmlEncode(string)"/>;
/// JSON and SARIF rely on System.Text.Json's default encoder, which escapes control characters and <c>&lt; &gt; &amp;</c>.
/// </summary>
public static class ReportEscaping
{
    /// <summary>
    /// Control characters, which could move a terminal's cursor, recolour, forge further lines or reorder what a reader
    /// sees, written as <c>\x1B</c> (or <c>\u202E</c> above U+00FF). Tabs stay.
    /// </summary>
    /// <param name="text">The text; null gives an empty string.</param>
    /// <returns>The text with its control characters escaped.</returns>
    public static string Controls(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsControl))
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            AppendEscaped(builder, c);
        }

        return builder.ToString();
    }

    /// <summary>Text for an HTML report: <see cref="Controls"/>'s result, HTML-encoded (the one encoding every HTML writer uses).</summary>
    internal static string Html(string? text) => System.Net.WebUtility.HtmlEncode(Controls(text));

    /// <summary>
    /// For Markdown text, also inside a table cell: HTML is encoded, the characters that start links, images, emphasis,
    /// code and cells are backslash-escaped, line breaks become spaces and other control characters are escaped as in
    /// <see cref="Controls"/>. No link, image or HTML tag can come out of the text.
    /// </summary>
    /// <param name="text">The text; null gives an empty string.</param>
    /// <returns>The escaped text.</returns>
    public static string Markdown(string? text)
    {
        var builder = new StringBuilder((text?.Length ?? 0) + 16);
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                case '\r' or '\n': builder.Append(' '); break;
                default: AppendEscaped(builder, c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text in monospace, as <see cref="Markdown"/> inside <c>&lt;code&gt;</c> tags: unlike a backtick code span,
    /// which shows its content raw, nothing in the text can end it or come out as raw HTML.
    /// </summary>
    /// <param name="text">The text; null gives empty tags.</param>
    /// <returns>The escaped text in code tags.</returns>
    public static string MarkdownCode(string? text) => $"<code>{Markdown(text)}</code>";

    /// <summary>C0 controls but tab, DEL, C1 controls, and the line separators and direction overrides that reorder what a reader sees.</summary>
    private static bool IsControl(char c) =>
        (c < ' ' && c != '\t') || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        if (!IsControl(c))
        {
            builder.Append(c);
        }
        else if (c <= '\u00FF')
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
    }
}
