namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// Reads a part of a string as a text reader, without copying it: the CSV reader gives each chunk of a data file's rows
/// to its own parser this way instead of as a substring.
/// </summary>
internal sealed class StringSegmentReader(string text, int start, int length) : TextReader
{
    private readonly int _end = start + length;
    private int _position = start;

    /// <inheritdoc/>
    public override int Peek() => _position < _end ? text[_position] : -1;

    /// <inheritdoc/>
    public override int Read() => _position < _end ? text[_position++] : -1;

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _end - _position);
        text.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int ReadBlock(Span<char> buffer) => Read(buffer);

    /// <inheritdoc/>
    public override int ReadBlock(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
}
