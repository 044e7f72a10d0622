using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace Procurement.Rules.Cli;

/// <summary>
/// Writes report lines wrapped at a width with hanging indents: a line breaks between words, a continuation starts at
/// its hanging indent (never at column 0), a word longer than a line is cut, and an amount (<c>€ 1.250</c>) is never
/// split from its sign. Every text goes through <see cref="SafeText.Terminal"/> before it is measured.
/// </summary>
internal sealed partial class TextWrapper(IAnsiConsole console, int width)
{
    /// <summary>Writes <paramref name="text"/> from column <paramref name="indent"/>, continuing at <paramref name="hanging"/>.</summary>
    public void Plain(int indent, int hanging, string text)
    {
        foreach (var line in Wrap(SafeText.Terminal(text), indent, hanging, width))
        {
            console.WriteLine(line);
        }
    }

    /// <summary>A short heading in markup; when it does not fit on one line, written plain and wrapped.</summary>
    public void Markup(int indent, int hanging, string markup, string plain)
    {
        if (indent + plain.Length <= width)
        {
            console.MarkupLine(new string(' ', indent) + markup);
        }
        else
        {
            Plain(indent, hanging, plain);
        }
    }

    /// <summary>
    /// A finding's first line: <paramref name="head"/> (which starts with the plain text of <paramref name="label"/>, shown
    /// in its markup) and <paramref name="text"/> wrapped after it, continuing under the text's first column.
    /// </summary>
    public void Labelled(int indent, string label, string head, string text)
    {
        var safeHead = SafeText.Terminal(head);
        var lines = Wrap(safeHead + SafeText.Terminal(text), indent, indent + safeHead.Length, width);
        var plainLabel = Spectre.Console.Markup.Remove(label);
        console.MarkupLine(new string(' ', indent) + label + Spectre.Console.Markup.Escape(lines[0][(indent + plainLabel.Length)..]));
        foreach (var line in lines.Skip(1))
        {
            console.WriteLine(line);
        }
    }

    /// <summary>The lines of <paramref name="text"/>: the first indented by <paramref name="indent"/>, the others by <paramref name="hanging"/>, none longer than <paramref name="width"/> (a line always holds at least 20 characters of text).</summary>
    internal static List<string> Wrap(string text, int indent, int hanging, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder(new string(' ', indent));
        var start = indent;
        var joined = WrittenDate().Replace(text.Replace("€ ", "€\u00A0", StringComparison.Ordinal), m => m.Value.Replace(' ', '\u00A0'));
        foreach (var word in joined.Split(' '))
        {
            var room = Math.Max(20, width - start);
            var piece = word;
            if (line.Length > start && line.Length + 1 + piece.Length > start + room)
            {
                lines.Add(line.ToString());
                line.Clear().Append(' ', hanging);
                start = hanging;
                room = Math.Max(20, width - start);
            }

            while (piece.Length > room)
            {
                // A word longer than a whole line (a long id or expression) is cut; the rest continues on the next line.
                if (line.Length > start)
                {
                    line.Append(' ');
                }

                var fits = Math.Max(1, start + room - line.Length);
                line.Append(piece.AsSpan(0, Math.Min(fits, piece.Length)));
                piece = piece[Math.Min(fits, piece.Length)..];
                lines.Add(line.ToString());
                line.Clear().Append(' ', hanging);
                start = hanging;
                room = Math.Max(20, width - start);
            }

            if (piece.Length > 0 || word.Length == 0)
            {
                line.Append(line.Length > start ? " " : "").Append(piece);
            }
        }

        lines.Add(line.ToString().TrimEnd());
        return lines.ConvertAll(l => l.Replace('\u00A0', ' '));
    }

    // A date written out (13 september 2021) stays on one line.
    [GeneratedRegex(@"\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")]
    private static partial Regex WrittenDate();
}
