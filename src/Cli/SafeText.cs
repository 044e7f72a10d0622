using System.Globalization;
using System.Text;
using Procurement.Rules.Model;

namespace Procurement.Rules.Cli;

/// <summary>
/// Makes text from designs and rule files (ids, names, messages, values, file names) safe to print: every report and
/// command output goes through here before it reaches a terminal or a Markdown renderer. The HTML report encodes
/// <see cref="Terminal"/>'s result with <see cref="System.Net.WebUtility.HtmlEncode(string)"/>; JSON and SARIF rely on
/// System.Text.Json's default encoder, which escapes control characters and <c>&lt; &gt; &amp;</c>.
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// For one line on a terminal: control characters, which could move the cursor, recolour, retitle the window or
    /// forge further lines, are written as <c>\x1B</c> (or <c>\u202E</c> above U+00FF). Tabs stay. Spectre markup is
    /// escaped separately (<c>Markup.Escape</c>) where a line is written as markup.
    /// </summary>
    public static string Terminal(string? text)
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

    /// <summary>Prints load errors one a line, as <c>file:line:column: error code: message</c>, through <see cref="Terminal"/>.</summary>
    public static void WriteErrors(TextWriter writer, IEnumerable<LoadError> errors)
    {
        foreach (var error in errors)
        {
            writer.WriteLine(Terminal(error.ToString()));
        }
    }

    /// <summary>
    /// For Markdown text, also inside a table cell: HTML is encoded, the characters that start links, images, emphasis,
    /// code and cells are backslash-escaped, line breaks become spaces and other control characters are escaped as in
    /// <see cref="Terminal"/>. No link, image or HTML tag can come out of the text.
    /// </summary>
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
