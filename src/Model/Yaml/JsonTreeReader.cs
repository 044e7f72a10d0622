using System.Buffers;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;

namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// Turns JSON text into the same tree of positioned nodes as <see cref="YamlTreeReader"/>, with System.Text.Json's
/// reader (JSON is YAML, but a JSON parser reads it many times faster) and the same <see cref="YamlLimits"/>: every
/// node carries its line and column (counted in UTF-16 characters, as for YAML), strings become double-quoted scalars and
/// numbers, <c>true</c>, <c>false</c> and <c>null</c> plain ones, so the readers above see no difference.
/// </summary>
internal sealed class JsonTreeReader
{
    private readonly YamlLimits _limits;
    private readonly YamlFieldReader _errors;
    private readonly Action<string, YamlNodeBase>? _itemSink;
    private readonly byte[] _bytes;
    private readonly int _length;
    private readonly Position _position;
    private long _nodes;
    private bool _limitHit;

    private JsonTreeReader(string text, YamlLimits limits, YamlFieldReader errors, Action<string, YamlNodeBase>? itemSink)
    {
        _limits = limits;
        _errors = errors;
        _itemSink = itemSink;
        _bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(text));
        _length = Encoding.UTF8.GetBytes(text, _bytes);
        _position = new Position(_bytes);
    }

    /// <summary>Whether a design file is JSON (by its name), read by this reader instead of the YAML parser.</summary>
    public static bool IsJsonFile(string file) => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses <paramref name="text"/> as one JSON value; returns null (with errors added) when it cannot. Items of a list
    /// directly under the root object go to <paramref name="itemSink"/> as they are read, as in <see cref="YamlTreeReader"/>.
    /// </summary>
    public static YamlNodeBase? Read(string text, YamlLimits limits, YamlFieldReader errors, Action<string, YamlNodeBase>? itemSink = null) =>
        YamlText.IsNotText(text, errors) ? null : Run(new JsonTreeReader(text, limits, errors, itemSink), r => r.ReadDocument());

    /// <summary>
    /// Parses a data file of items: one JSON array, or JSON lines (one value per line; any white space between values).
    /// Each item goes to <paramref name="item"/> as it is read, so the file is never held as one tree. Errors as in
    /// <see cref="Read"/>; reading stops at the first syntax error, a limit or the error cap.
    /// </summary>
    public static void ReadItems(string text, YamlLimits limits, YamlFieldReader errors, Action<YamlNodeBase> item)
    {
        if (!YamlText.IsNotText(text, errors, "JSON"))
        {
            Run(new JsonTreeReader(text, limits, errors, (_, node) => item(node)), r =>
            {
                r.ReadItems();
                return true;
            });
        }
    }

    // Runs a read and gives the rented buffer of the text's bytes back, however the read ends.
    private static T Run<T>(JsonTreeReader reader, Func<JsonTreeReader, T> read)
    {
        try
        {
            return read(reader);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(reader._bytes);
        }
    }

    private void ReadItems()
    {
        var json = new Utf8JsonReader(
            _bytes.AsSpan(0, _length),
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = Math.Max(_limits.MaxDepth + 2, 64), AllowMultipleValues = true });
        try
        {
            var first = true;
            while (json.Read())
            {
                // One array: its items, streamed (the array itself stays empty). Otherwise every value is an item. Items
                // are read at depth 2, as items of a list are: only lists of the root stream.
                var array = first && json.TokenType == JsonTokenType.StartArray;
                var node = array ? ReadNode(ref json, 1, string.Empty) : ReadNode(ref json, 2, null);
                if (node is null || _errors.Stopped)
                {
                    return;
                }

                if (array)
                {
                    if (json.Read())
                    {
                        var at = _position.Span(_position.At(json.TokenStartIndex), json.TokenStartIndex + 1);
                        _errors.Error(at, LoadErrorCodes.JsonSyntax, "A data file holds one JSON array or one JSON value per line; found a value after the array.");
                    }

                    return;
                }

                _itemSink!(string.Empty, node);
                first = false;
            }
        }
        catch (JsonException ex)
        {
            var at = _position.AtLine(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0, _length);
            _errors.Error(at, LoadErrorCodes.JsonSyntax, TrimPosition(ex.Message));
        }
    }

    private YamlNodeBase? ReadDocument()
    {
        var json = new Utf8JsonReader(
            _bytes.AsSpan(0, _length),
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = Math.Max(_limits.MaxDepth + 2, 64) });
        if (_bytes.AsSpan(0, _length).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            // Nothing but white space: an empty design, as an empty YAML file is.
            return null;
        }

        try
        {
            json.Read();

            var root = ReadNode(ref json, 1, null);
            if (root is not null && json.Read())
            {
                // Utf8JsonReader throws on most text after the value; what it accepts (another value) is refused here.
                var at = _position.Span(_position.At(json.TokenStartIndex), json.TokenStartIndex + 1);
                _errors.Error(at, LoadErrorCodes.JsonSyntax, "A design file holds one JSON value; found a second one.");
                return null;
            }

            return root;
        }
        catch (JsonException ex)
        {
            var at = _position.AtLine(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0, _length);
            _errors.Error(at, LoadErrorCodes.JsonSyntax, TrimPosition(ex.Message));
            return null;
        }
    }

    // Returns null when a limit was hit or reading stopped at the error cap (the error is recorded). The reader stands on
    // the node's first token and is left on its last. A non-null streamKey: this node is that key's value in the root.
    private YamlNodeBase? ReadNode(ref Utf8JsonReader json, int depth, string? streamKey)
    {
        var start = _position.At(json.TokenStartIndex);
        if (depth > _limits.MaxDepth)
        {
            return LimitError(start, $"nesting deeper than {_limits.MaxDepth} levels (limit MaxDepth)");
        }

        if (++_nodes > _limits.MaxNodes)
        {
            return LimitError(start, $"more than {_limits.MaxNodes:N0} nodes (limit MaxNodes)");
        }

        switch (json.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref json, depth, start);
            case JsonTokenType.StartArray:
                return ReadArray(ref json, depth, start, streamKey);
            case JsonTokenType.String:
                return String(ref json, start);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                return new YamlScalar(Encoding.UTF8.GetString(json.ValueSpan), ScalarStyle.Plain, _position.Span(start, json.BytesConsumed));
            default:
                throw new InvalidOperationException($"Unexpected JSON token {json.TokenType}.");
        }
    }

    private YamlScalar? String(ref Utf8JsonReader json, Mark start)
    {
        var length = json.HasValueSequence ? json.ValueSequence.Length : json.ValueSpan.Length;
        if (length > _limits.MaxScalarLength * 6L || (length > _limits.MaxScalarLength && json.GetString()!.Length > _limits.MaxScalarLength))
        {
            LimitError(start, $"a value of over {_limits.MaxScalarLength:N0} characters (limit MaxScalarLength)");
            return null;
        }

        return new YamlScalar(json.GetString()!, ScalarStyle.DoubleQuoted, _position.Span(start, json.BytesConsumed));
    }

    private YamlMapping? ReadObject(ref Utf8JsonReader json, int depth, Mark start)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNodeBase>>();
        HashSet<string>? seen = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            // Keys count as nodes, as they do for YAML.
            var keyStart = _position.At(json.TokenStartIndex);
            if (++_nodes > _limits.MaxNodes)
            {
                LimitError(keyStart, $"more than {_limits.MaxNodes:N0} nodes (limit MaxNodes)");
                return null;
            }

            var key = String(ref json, keyStart);
            if (key is null || !json.Read())
            {
                return null;
            }

            var value = ReadNode(ref json, depth + 1, depth == 1 ? key.Value : null);
            if (value is null)
            {
                return null;
            }

            if (YamlTreeReader.IsDuplicate(entries, ref seen, key.Value))
            {
                _errors.Error(key.Span, LoadErrorCodes.DuplicateKey, $"Key '{key.Value}' appears twice in the same mapping.");
            }
            else
            {
                entries.Add(new(key, value));
            }

            if (_errors.Stopped)
            {
                return null;
            }
        }

        return new YamlMapping(entries, _position.Span(start, json.BytesConsumed));
    }

    private YamlSequence? ReadArray(ref Utf8JsonReader json, int depth, Mark start, string? streamKey)
    {
        var items = new List<YamlNodeBase>();
        var stream = streamKey is not null && _itemSink is not null;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var item = ReadNode(ref json, depth + 1, null);
            if (item is null)
            {
                return null;
            }

            if (stream)
            {
                _itemSink!(streamKey!, item);
            }
            else
            {
                items.Add(item);
            }

            if (_errors.Stopped)
            {
                return null;
            }
        }

        return new YamlSequence(items, _position.Span(start, json.BytesConsumed));
    }

    private YamlNodeBase? LimitError(Mark at, string what)
    {
        if (!_limitHit)
        {
            _limitHit = true;
            _errors.Error(new SourceSpan(at.Line, at.Column, at.Char, at.Line, at.Column + 1, at.Char + 1), LoadErrorCodes.LimitExceeded, $"The file is too large to load safely: {what}.");
        }

        return null;
    }

    // System.Text.Json ends its messages with " LineNumber: 3 | BytePositionInLine: 7."; the position is reported separately.
    private static string TrimPosition(string message)
    {
        var marker = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return marker > 0 ? message[..marker].TrimEnd() : message;
    }

    /// <summary>A place in the text: line and column (from 1) and the offset in characters.</summary>
    private readonly record struct Mark(int Line, int Column, int Char);

    /// <summary>
    /// Turns byte offsets into lines, columns and character offsets. Offsets asked for only grow while the tree is read
    /// (a node's start is taken before its children are read), so one forward walk over the bytes serves them all:
    /// reading stays linear in the size of the file.
    /// </summary>
    private sealed class Position(byte[] bytes)
    {
        private long _byte;
        private int _line = 1;
        private int _column = 1;
        private int _char;

        public SourceSpan Span(Mark start, long end)
        {
            var last = At(end);
            return new SourceSpan(start.Line, start.Column, start.Char, last.Line, last.Column, last.Char);
        }

        // An error's position as System.Text.Json gives it: zero-based line (counting '\n') and byte in that line.
        public SourceSpan AtLine(long line, long byteInLine, int length)
        {
            long offset = 0;
            for (var l = 0L; l < line && offset < length; offset++)
            {
                if (bytes[offset] == (byte)'\n')
                {
                    l++;
                }
            }

            var at = Math.Min(offset + byteInLine, length);
            if (at < _byte)
            {
                (_byte, _line, _column, _char) = (0, 1, 1, 0);
            }

            return Span(At(at), at);
        }

        public Mark At(long offset)
        {
            for (; _byte < offset; _byte++)
            {
                var b = bytes[_byte];
                if (b == (byte)'\n')
                {
                    if (_byte == 0 || bytes[_byte - 1] != (byte)'\r')
                    {
                        _line++;
                    }

                    _column = 1;
                    _char++;
                }
                else if (b == (byte)'\r')
                {
                    _line++;
                    _column = 1;
                    _char++;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    // The first byte of a character: a four-byte one is two UTF-16 characters in the text, and two
                    // columns, as YamlDotNet counts them.
                    var width = b >= 0xF0 ? 2 : 1;
                    _column += width;
                    _char += width;
                }
            }

            return new Mark(_line, _column, _char);
        }
    }
}
