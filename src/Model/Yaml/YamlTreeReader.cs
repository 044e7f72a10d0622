using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// Turns YAML text into a tree of positioned nodes, enforcing <see cref="YamlLimits"/> as it goes.
/// Built on YamlDotNet's event parser rather than its object model so that duplicate keys, alias expansion
/// and nesting depth are seen (and bounded) before anything is materialised.
/// </summary>
public sealed class YamlTreeReader
{
    private readonly YamlLimits _limits;
    private readonly YamlFieldReader _errors;
    private readonly Dictionary<string, (YamlNodeBase Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly Action<string, YamlNodeBase>? _itemSink;
    private IParser _parser = null!;
    private string _text = string.Empty;
    private long _expandedNodes;
    private bool _limitHit;
    private (int Lines, int End)? _lastLine;

    private YamlTreeReader(YamlLimits limits, YamlFieldReader errors, Action<string, YamlNodeBase>? itemSink)
    {
        _limits = limits;
        _errors = errors;
        _itemSink = itemSink;
    }

    /// <summary>Parses the first document of <paramref name="text"/>; returns null (with errors added) when it cannot.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="limits">Limits on size and shape.</param>
    /// <param name="errors">
    /// Records the errors, under the file's name; when it has <see cref="YamlFieldReader.Stopped"/> at the error cap
    /// (also on errors the item sink records), reading stops and null is returned.
    /// </param>
    public static YamlNodeBase? Read(string text, YamlLimits limits, YamlFieldReader errors) => Read(text, limits, errors, null);

    /// <summary>As <see cref="Read(string, YamlLimits, YamlFieldReader)"/>, handing the items of the root's lists to <paramref name="itemSink"/>.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="limits">Limits on size and shape.</param>
    /// <param name="errors">Records the errors; see <see cref="Read(string, YamlLimits, YamlFieldReader)"/>.</param>
    /// <param name="itemSink">
    /// When given, each item of a list directly under the root mapping is handed to it as soon as it is read, with the
    /// list's key, instead of being kept in the tree; the list stays in the tree empty. A design of 100,000 care
    /// profiles is then never held as a node tree, only as the records read from it.
    /// </param>
    internal static YamlNodeBase? Read(string text, YamlLimits limits, YamlFieldReader errors, Action<string, YamlNodeBase>? itemSink)
    {
        var reader = new YamlTreeReader(limits, errors, itemSink);
        return reader.ReadDocument(text);
    }

    private YamlNodeBase? ReadDocument(string text)
    {
        _text = text;
        if (YamlText.IsNotText(text, _errors))
        {
            return null;
        }

        try
        {
            _parser = new Parser(new StringReader(text));
            _parser.Consume<StreamStart>();
            if (_parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            _parser.Consume<DocumentStart>();
            var root = ReadNode(1, out _, null);
            if (root is null)
            {
                return null;
            }

            _parser.Consume<DocumentEnd>();
            if (!_parser.TryConsume<StreamEnd>(out _) && _parser.Current is { } next)
            {
                Error(LoadErrorCodes.YamlSyntax, next, "A file holds one YAML document; found a second one.");
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.Contains("See inner", StringComparison.Ordinal)
                ? inner.Message
                : ex.Message;
            _errors.Error(SpanOf(ex.Start, ex.End), LoadErrorCodes.YamlSyntax, TrimMarks(message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on some unterminated flow collections; report where parsing stood.
            var at = _parser.Current?.End ?? Mark.Empty;
            _errors.Error(SpanOf(at, at), LoadErrorCodes.YamlSyntax, "The YAML is not well-formed here (an unclosed '[' or '{' before this point?).");
            return null;
        }
    }

    // Returns null when a limit was hit (the error is recorded and reading stops). A non-null streamKey means this
    // node is the value of that key in the root mapping; if it is a list, its items go to the item sink.
    private YamlNodeBase? ReadNode(int depth, out long size, string? streamKey)
    {
        size = 1;
        var current = _parser.Current ?? throw new YamlException("Unexpected end of YAML input.");
        if (depth > _limits.MaxDepth)
        {
            return LimitError(current, $"nesting deeper than {_limits.MaxDepth} levels (limit MaxDepth)");
        }

        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    Error(LoadErrorCodes.YamlSyntax, alias, $"Alias *{alias.Value.Value} names no anchor defined before it.");
                    return null;
                }

                size = anchored.Size;
                return CountNodes(size, alias) ? anchored.Node : null;

            case Scalar scalar:
                _parser.MoveNext();
                if (scalar.Value.Length > _limits.MaxScalarLength)
                {
                    return LimitError(scalar, $"a value of {scalar.Value.Length:N0} characters, over {_limits.MaxScalarLength:N0} (limit MaxScalarLength)");
                }

                var node = new YamlScalar(scalar.Value, scalar.Style, SpanOf(scalar.Start, scalar.End));
                return Register(scalar.Anchor, node, size) && CountNodes(1, scalar) ? node : null;

            case SequenceStart sequenceStart:
                _parser.MoveNext();
                return ReadSequence(sequenceStart, depth, ref size, streamKey);

            case MappingStart mappingStart:
                _parser.MoveNext();
                return ReadMapping(mappingStart, depth, ref size);

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name} in YAML input.");
        }
    }

    private YamlSequence? ReadSequence(SequenceStart start, int depth, ref long size, string? streamKey)
    {
        var items = new List<YamlNodeBase>();
        var stream = streamKey is not null && _itemSink is not null && start.Anchor.IsEmpty;
        while (_parser.Current is not SequenceEnd)
        {
            var item = ReadNode(depth + 1, out var itemSize, null);
            if (item is null)
            {
                return null;
            }

            size += itemSize;
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

        var end = _parser.Consume<SequenceEnd>();
        var sequence = new YamlSequence(items, SpanOf(start.Start, start.Style == SequenceStyle.Flow ? PastBracket(end.End, ']') : end.End));
        return Register(start.Anchor, sequence, size) && CountNodes(1, start) ? sequence : null;
    }

    private YamlMapping? ReadMapping(MappingStart start, int depth, ref long size)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNodeBase>>();
        HashSet<string>? seen = null; // only for large mappings: small ones are scanned
        while (_parser.Current is not MappingEnd)
        {
            var keyEvent = _parser.Current!;
            var key = ReadNode(depth + 1, out var keySize, null);
            if (key is null)
            {
                return null;
            }

            var value = ReadNode(depth + 1, out var valueSize, depth == 1 && key is YamlScalar rootKey ? rootKey.Value : null);
            if (value is null)
            {
                return null;
            }

            size += keySize + valueSize;

            // An alias used as a key is reported where the alias stands, not where its anchor was defined.
            var keySpan = keyEvent is AnchorAlias ? SpanOf(keyEvent.Start, keyEvent.End) : key.Span;
            if (key is not YamlScalar scalarKey)
            {
                _errors.Error(keySpan, LoadErrorCodes.WrongType, "A key must be a single value, not a list or mapping.");
            }
            else if (IsDuplicate(entries, ref seen, scalarKey.Value))
            {
                _errors.Error(keySpan, LoadErrorCodes.DuplicateKey, $"Key '{scalarKey.Value}' appears twice in the same mapping.");
            }
            else
            {
                entries.Add(new(scalarKey, value));
            }

            // Thousands of duplicate keys must not be read to the end either.
            if (_errors.Stopped)
            {
                return null;
            }
        }

        var end = _parser.Consume<MappingEnd>();
        var mapping = new YamlMapping(entries, SpanOf(start.Start, start.Style == MappingStyle.Flow ? PastBracket(end.End, '}') : end.End));
        return Register(start.Anchor, mapping, size) && CountNodes(1, start) ? mapping : null;
    }

    // Mappings have few keys, so a scan avoids a hash set per mapping (hundreds of thousands in a national
    // design); a large mapping switches to a set so a hostile file cannot make duplicate checks quadratic.
    internal static bool IsDuplicate(List<KeyValuePair<YamlScalar, YamlNodeBase>> entries, ref HashSet<string>? seen, string key)
    {
        const int ScanLimit = 16;
        if (seen is null && entries.Count < ScanLimit)
        {
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        seen ??= new HashSet<string>(entries.Select(e => e.Key.Value), StringComparer.Ordinal);
        return !seen.Add(key);
    }

    private bool Register(AnchorName anchor, YamlNodeBase node, long size)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = (node, size);
        }

        return true;
    }

    private bool CountNodes(long count, ParsingEvent at)
    {
        _expandedNodes += count;
        if (_expandedNodes > _limits.MaxNodes)
        {
            LimitError(at, $"more than {_limits.MaxNodes:N0} nodes once aliases are expanded (limit MaxNodes)");
            return false;
        }

        return true;
    }

    private YamlNodeBase? LimitError(ParsingEvent at, string what)
    {
        if (!_limitHit)
        {
            _limitHit = true;
            Error(LoadErrorCodes.LimitExceeded, at, $"The file is too large to load safely: {what}.");
        }

        return null;
    }

    private void Error(string code, ParsingEvent at, string message) => _errors.Error(SpanOf(at.Start, at.End), code, message);

    // YamlDotNet marks the end of a flow collection at its closing bracket; the span ends just past it.
    private Mark PastBracket(Mark end, char bracket) =>
        end.Index < _text.Length && _text[(int)end.Index] == bracket ? new Mark(end.Index + 1, end.Line, end.Column + 1) : end;

    private SourceSpan SpanOf(Mark start, Mark end)
    {
        var (startLine, startColumn) = InsideText(start);
        var (endLine, endColumn) = InsideText(end);
        var startOffset = (int)Math.Clamp(start.Index, 0, _text.Length);
        return new SourceSpan(startLine, startColumn, startOffset, endLine, endColumn, (int)Math.Clamp(end.Index, startOffset, _text.Length));
    }

    // At the end of a text without a final line break YamlDotNet may report the line after the last one: report the end
    // of the last line instead, so that every position names a place in the file. Only a mark at the end is counted.
    private (int Line, int Column) InsideText(Mark at)
    {
        var line = (int)Math.Clamp(at.Line, 1, int.MaxValue);
        var column = (int)Math.Clamp(at.Column, 1, int.MaxValue);
        if (at.Index < _text.Length)
        {
            return (line, column);
        }

        var (lines, end) = _lastLine ??= LastLine(_text);
        return line < lines ? (line, column) : (lines, line == lines ? Math.Min(column, end) : end);
    }

    // The number of lines of the text, and the column just past the end of its last line.
    private static (int Lines, int End) LastLine(string text)
    {
        var lines = 1;
        var lastLineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines++;
                lastLineStart = i + 1;
            }
        }

        return (lines, text.Length - lastLineStart + 1);
    }

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 1) - (...): "; the position is reported separately.
    private static string TrimMarks(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? message[(marker + 3)..] : message;
    }
}
