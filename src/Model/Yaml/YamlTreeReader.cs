using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// Turns YAML text into a tree of positioned nodes, enforcing <see cref="YamlLimits"/> as it goes.
/// Built on YamlDotNet's event parser rather than its object model so that duplicate keys, alias expansion
/// and nesting depth are seen (and bounded) before anything is materialised.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly YamlLimits _limits;
    private readonly YamlFieldReader _errors;
    private readonly Dictionary<string, (YamlNodeBase Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly Action<string, YamlNodeBase>? _itemSink;
    private IParser _parser = null!;
    private string _text = string.Empty;
    private long _expandedNodes;
    private bool _limitHit;

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
    /// <param name="itemSink">
    /// When given, each item of a list directly under the root mapping is handed to it as soon as it is read, with the
    /// list's key, instead of being kept in the tree; the list stays in the tree empty. A design of 100,000 care
    /// profiles is then never held as a node tree, only as the records read from it.
    /// </param>
    public static YamlNodeBase? Read(string text, YamlLimits limits, YamlFieldReader errors, Action<string, YamlNodeBase>? itemSink = null)
    {
        var reader = new YamlTreeReader(limits, errors, itemSink);
        return reader.ReadDocument(text);
    }

    private YamlNodeBase? ReadDocument(string text)
    {
        _text = text;
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
                Error(LoadErrorCodes.YamlSyntax, next.Start, "A file holds one YAML document; found a second one.");
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.Contains("See inner", StringComparison.Ordinal)
                ? inner.Message
                : ex.Message;
            var (line, column) = InsideText(ex.Start);
            _errors.Error(line, column, LoadErrorCodes.YamlSyntax, TrimMarks(message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on some unterminated flow collections; report where parsing stood.
            var at = _parser.Current?.End ?? Mark.Empty;
            Error(LoadErrorCodes.YamlSyntax, at, "The YAML is not well-formed here (an unclosed '[' or '{' before this point?).");
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
            return LimitError(current.Start, $"nesting deeper than {_limits.MaxDepth} levels (limit MaxDepth)");
        }

        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    Error(LoadErrorCodes.YamlSyntax, alias.Start, $"Alias *{alias.Value.Value} names no anchor defined before it.");
                    return null;
                }

                size = anchored.Size;
                return CountNodes(size, alias.Start) ? anchored.Node : null;

            case Scalar scalar:
                _parser.MoveNext();
                if (scalar.Value.Length > _limits.MaxScalarLength)
                {
                    return LimitError(scalar.Start, $"a value of {scalar.Value.Length:N0} characters, over {_limits.MaxScalarLength:N0} (limit MaxScalarLength)");
                }

                var node = new YamlScalar(scalar.Value, scalar.Style, (int)scalar.Start.Line, (int)scalar.Start.Column);
                return Register(scalar.Anchor, node, size) && CountNodes(1, scalar.Start) ? node : null;

            case SequenceStart sequenceStart:
            {
                _parser.MoveNext();
                var items = new List<YamlNodeBase>();
                var stream = streamKey is not null && _itemSink is not null && sequenceStart.Anchor.IsEmpty;
                while (!_parser.TryConsume<SequenceEnd>(out _))
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

                var sequence = new YamlSequence(items, (int)sequenceStart.Start.Line, (int)sequenceStart.Start.Column);
                return Register(sequenceStart.Anchor, sequence, size) && CountNodes(1, sequenceStart.Start) ? sequence : null;
            }

            case MappingStart mappingStart:
            {
                _parser.MoveNext();
                var entries = new List<KeyValuePair<YamlScalar, YamlNodeBase>>();
                HashSet<string>? seen = null; // only for large mappings: small ones are scanned
                while (!_parser.TryConsume<MappingEnd>(out _))
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
                    if (key is not YamlScalar scalarKey)
                    {
                        Error(LoadErrorCodes.WrongType, keyEvent.Start, "A key must be a single value, not a list or mapping.");
                    }
                    else if (IsDuplicate(entries, ref seen, scalarKey.Value))
                    {
                        Error(LoadErrorCodes.DuplicateKey, keyEvent.Start, $"Key '{scalarKey.Value}' appears twice in the same mapping.");
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

                var mapping = new YamlMapping(entries, (int)mappingStart.Start.Line, (int)mappingStart.Start.Column);
                return Register(mappingStart.Anchor, mapping, size) && CountNodes(1, mappingStart.Start) ? mapping : null;
            }

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name} in YAML input.");
        }
    }

    // Mappings have few keys, so a scan avoids a hash set per mapping (hundreds of thousands in a national
    // design); a large mapping switches to a set so a hostile file cannot make duplicate checks quadratic.
    private static bool IsDuplicate(List<KeyValuePair<YamlScalar, YamlNodeBase>> entries, ref HashSet<string>? seen, string key)
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

    private bool CountNodes(long count, Mark at)
    {
        _expandedNodes += count;
        if (_expandedNodes > _limits.MaxNodes)
        {
            LimitError(at, $"more than {_limits.MaxNodes:N0} nodes once aliases are expanded (limit MaxNodes)");
            return false;
        }

        return true;
    }

    private YamlNodeBase? LimitError(Mark at, string what)
    {
        if (!_limitHit)
        {
            _limitHit = true;
            Error(LoadErrorCodes.LimitExceeded, at, $"The file is too large to load safely: {what}.");
        }

        return null;
    }

    private void Error(string code, Mark at, string message)
    {
        var (line, column) = InsideText(at);
        _errors.Error(line, column, code, message);
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

        var lines = 1;
        var lastLineStart = 0;
        for (var i = 0; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n')
                {
                    i++;
                }

                lines++;
                lastLineStart = i + 1;
            }
        }

        var end = _text.Length - lastLineStart + 1;
        return line < lines ? (line, column) : (lines, line == lines ? Math.Min(column, end) : end);
    }

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 1) - (...): "; the position is reported separately.
    private static string TrimMarks(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0 ? message[(marker + 3)..] : message;
    }
}
