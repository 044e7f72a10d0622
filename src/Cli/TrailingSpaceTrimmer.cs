using System.Text;

namespace Procurement.Rules.Cli;

/// <summary>
/// Writes through to another writer without the spaces at the end of each line (the table renderer pads every cell to
/// its column's width), so a report saved to a file or mailed has no trailing blanks and no lines of only spaces.
/// </summary>
internal sealed class TrailingSpaceTrimmer(TextWriter inner) : TextWriter
{
    private int _spaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ':
                _spaces++;
                break;
            case '\r' or '\n':
                _spaces = 0;
                inner.Write(value);
                break;
            default:
                if (_spaces > 0)
                {
                    inner.Write(new string(' ', _spaces));
                    _spaces = 0;
                }

                inner.Write(value);
                break;
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    public override void Flush() => inner.Flush();
}
