using System.Globalization;

namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// Tells YAML text from other bytes before any parsing: YAML allows tab, line feed, carriage return and printable
/// characters only, so a NUL, another control character or an undecodable byte (read as U+FFFD) means the file is not
/// a YAML text file (an executable, an archive, random bytes) and gets one error instead of a parser's guess.
/// </summary>
internal static class YamlText
{
    /// <summary>
    /// Whether a writer must write <paramref name="c"/> as a <c>\u</c> escape in a double-quoted scalar: the characters
    /// <see cref="FirstNonText"/> refuses raw (controls, U+FFFD, U+FFFE, U+FFFF), YAML's own line breaks U+2028/U+2029
    /// (raw they would split the scalar) and the byte order mark.
    /// </summary>
    public static bool MustEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFD' or '\uFFFE' or '\uFFFF';

    /// <summary>The index of the first character YAML text cannot hold, or null when there is none.</summary>
    public static int? FirstNonText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007F' || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF')
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds a character no text file of <paramref name="kind"/> can hold; if so, records
    /// one <c>not-text</c> error at it, and the text should not be parsed.
    /// </summary>
    public static bool IsNotText(string text, YamlFieldReader errors, string kind = "YAML")
    {
        if (FirstNonText(text) is not { } bad)
        {
            return false;
        }

        var (line, column) = Position(text, bad);
        errors.Error(new SourceSpan(line, column, bad, line, column + 1, bad + 1), LoadErrorCodes.NotText, Describe(text[bad], kind));
        return true;
    }

    /// <summary>The line and column (1-based) of character <paramref name="index"/>.</summary>
    public static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>The one-line message for a file whose first non-text character is <paramref name="c"/>.</summary>
    /// <param name="c">The character.</param>
    /// <param name="kind">What text the file should hold: YAML, JSON or CSV.</param>
    public static string Describe(char c, string kind = "YAML") =>
        c == '\uFFFD'
            ? $"Not a {kind} text file: it holds bytes that are not UTF-8 text (a binary file?)."
            : string.Create(CultureInfo.InvariantCulture, $"Not a {kind} text file: it holds the control character U+{(int)c:X4} (a binary file?).");
}
