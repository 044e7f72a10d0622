using nietras.SeparatedValues;
using YamlDotNet.Core;

namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// Reads a CSV data file into one positioned mapping per row, as if each row were a YAML mapping whose keys are the
/// column names, so a row is read by the same readers, with the same messages, as a list item of the design.
/// The separator (semicolon or comma) is taken from the header row, whose names are the YAML field names. An empty cell
/// is a field left out; a list column holds its items separated by <c>;</c> (quote the cell when <c>;</c> is also the
/// separator); in a file separated by <c>;</c> a number may have a decimal comma (<c>2,5</c>), as Dutch spreadsheets write it. Every error is positioned at the row's line and the cell's column, and a cell's error names its column.
/// A large file is read on all cores: chunks of whole lines are read in parallel and taken in file order, so the result
/// is the same.
/// </summary>
internal static class CsvTreeReader
{
    /// <summary>Files of at least this many characters are read on all cores.</summary>
    public const int ParallelFrom = 1 << 20;

    // Rows are parsed in chunks of whole lines of about this many characters (a quoted line break never splits one), one
    // chunk per core at a time, so that memory stays bounded however large the file and however many of its rows are wrong.
    // Small enough that a chunk's list of rows stays off the large object heap: measured on 500,000 profiles, 1.7 s
    // against 2.3 s with chunks of a million characters.
    private const int MaxChunk = 1 << 17;

    /// <summary>
    /// Reads the rows of <paramref name="text"/> (items of <paramref name="spec"/>, each called <paramref name="what"/> in
    /// messages, e.g. "care profile"): <paramref name="read"/> makes, for a reader of errors, what turns a row into an
    /// item (one per chunk of rows, which may run on another thread), and <paramref name="accept"/> takes the items in
    /// file order. Errors go to <paramref name="errors"/> in file order; reading stops at its cap, and does not start
    /// when the header is wrong.
    /// <paramref name="parallel"/> and <paramref name="chunk"/> are for tests: by default a file of
    /// <see cref="ParallelFrom"/> characters or more is read on all cores.
    /// </summary>
    public static void Read<T>(
        string text,
        ObjectSpec spec,
        string what,
        YamlLimits limits,
        YamlFieldReader errors,
        Func<YamlFieldReader, Func<YamlNodeBase, T?>> read,
        Action<T> accept,
        bool? parallel = null,
        int? chunk = null)
        where T : class
    {
        if (YamlText.IsNotText(text, errors, "CSV"))
        {
            return;
        }

        // The header is checked before the rows are parsed: its separator, semicolon or comma, is the one of the file.
        var headerEnd = text.IndexOfAny(['\r', '\n']);
        var headerLine = text.AsSpan(0, headerEnd >= 0 ? headerEnd : text.Length);
        var separator = headerLine.Contains(';') ? ';' : ',';
        if (Header(headerLine, separator, spec, what, errors) is not { } columns)
        {
            return;
        }

        var body = headerEnd < 0 ? text.Length : text.IndexOf('\n', headerEnd) is var newline and >= 0 ? newline + 1 : text.Length;
        var degree = parallel ?? (text.Length >= ParallelFrom) ? Math.Max(2, Environment.ProcessorCount) : 1;
        var chunks = Chunks(text, body, chunk ?? Math.Clamp(text.Length / (degree * 4), 1 << 16, MaxChunk));
        var context = new RowContext(columns, limits, errors.File, separator);

        // One scratch per place in a wave: the chunk at place i of every wave uses scratch i, one thread at a time, so each
        // column's pool of cell text is filled once for the whole file instead of once per chunk.
        var scratches = new RowScratch[Math.Min(degree, chunks.Count)];
        for (var wave = 0; wave < chunks.Count; wave += degree)
        {
            var results = new ChunkResult<T>[Math.Min(degree, chunks.Count - wave)];
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = degree }, i =>
                results[i] = ReadChunk(text, chunks[wave + i], context, read, scratches[i] ??= new RowScratch(columns.Length)));
            foreach (var result in results)
            {
                foreach (var row in result.Rows)
                {
                    for (var e = row.FirstError; e < row.FirstError + row.Errors; e++)
                    {
                        var error = result.Errors[e];
                        errors.Error(error.Span, error.Code, error.Message);
                    }

                    if (errors.Stopped)
                    {
                        return;
                    }

                    if (row.Item is { } item)
                    {
                        accept(item);
                    }
                }
            }
        }
    }

    // Splits the rows from start into chunks of whole lines of at least size characters, each ending at a line break
    // outside quotes (an even number of quotes before it), with the line each starts on.
    private static List<Chunk> Chunks(string text, int start, int size)
    {
        var chunks = new List<Chunk>();
        var line = 1 + text.AsSpan(0, start).Count('\n');
        while (start < text.Length)
        {
            var end = (int)Math.Min(text.Length, (long)start + size);
            if (end < text.Length)
            {
                var quotes = text.AsSpan(start, end - start).Count('"');
                var from = end - 1;
                while (true)
                {
                    var newline = text.IndexOf('\n', from);
                    if (newline < 0)
                    {
                        end = text.Length;
                        break;
                    }

                    if (newline + 1 > end)
                    {
                        quotes += text.AsSpan(end, newline + 1 - end).Count('"');
                        end = newline + 1;
                    }

                    if (quotes % 2 == 0)
                    {
                        break;
                    }

                    from = end;
                }
            }

            chunks.Add(new Chunk(start, end - start, line));
            line += text.AsSpan(start, end - start).Count('\n');
            start = end;
        }

        return chunks;
    }

    // Reads the rows of one chunk with one reader, whose errors each row result points into; scratch is the room of the place it is read at.
    private static ChunkResult<T> ReadChunk<T>(string text, Chunk chunk, RowContext context, Func<YamlFieldReader, Func<YamlNodeBase, T?>> read, RowScratch scratch)
        where T : class
    {
        var result = new ChunkResult<T>([], []);
        var readRow = read(new YamlFieldReader(context.File, result.Errors, int.MaxValue));
        var line = chunk.FirstLine;
        try
        {
            using var reader = Sep.Reader(o => o with { Sep = new Sep(context.Separator), HasHeader = false, DisableColCountCheck = true })
                .From(new StringSegmentReader(text, chunk.Start, chunk.Length));
            foreach (var row in reader)
            {
                // Sep's LineNumberFrom is off without a header row; the line after the row is right, and a row spans
                // one line more than the line breaks in it (quoted ones).
                line = chunk.FirstLine + row.LineNumberToExcl - 2 - row.Span.Count('\n');
                var first = result.Errors.Count;
                var item = ReadRow(row, line, context, readRow, result.Errors, scratch);
                result.Rows.Add(new(item, first, result.Errors.Count - first));
            }
        }
        catch (InvalidDataException ex)
        {
            result.Errors.Add(new LoadError(LoadErrorCodes.CsvSyntax, $"The CSV text cannot be read after this line: {ex.Message}", context.File, SourceSpan.At(line, 1)));
            result.Rows.Add(new(null, result.Errors.Count - 1, 1));
        }

        return result;
    }

    // The columns of the header, or null when it is wrong (reported): no header, an unknown or repeated name, a required one missing.
    private static Column[]? Header(ReadOnlySpan<char> header, char separator, ObjectSpec spec, string what, YamlFieldReader errors)
    {
        if (header.IsWhiteSpace())
        {
            errors.Error(SourceSpan.At(1, 1), LoadErrorCodes.CsvSyntax,
                $"The data file has no header row; its first line must name the columns, e.g. {string.Join(',', spec.Fields.Where(f => f.Required).Select(f => f.Name))}.");
            return null;
        }

        var count = errors.Errors.Count;
        var columns = new List<Column>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        foreach (var range in header.Split(separator))
        {
            var raw = header[range];
            var name = Unquote(raw.Trim());
            var span = new SourceSpan(1, at + 1, at, 1, at + 1 + raw.Length, at + raw.Length);
            at += raw.Length + 1;
            var field = spec.Fields.FirstOrDefault(f => f.Name == name);
            if (field is null || field.Kind is not (FieldKind.Text or FieldKind.Number or FieldKind.Integer or FieldKind.Date or FieldKind.Boolean or FieldKind.Enum or FieldKind.TextList))
            {
                var suggestion = NearestNames.Find(name, spec.Keys, max: 1);
                errors.Error(span, LoadErrorCodes.UnknownField, $"Unknown column '{name}' for a {what}"
                    + (suggestion.Count == 0 ? $"; the columns are the fields of a {what}: {string.Join(", ", spec.Keys)}." : NearestNames.DidYouMean(suggestion)));
            }
            else if (!seen.Add(name))
            {
                errors.Error(span, LoadErrorCodes.DuplicateKey, $"Column '{name}' appears twice in the header.");
            }

            // The schema's own string for a known name: the readers look fields up by name, and the same instance matches at once.
            var key = field?.Name ?? name;
            columns.Add(new Column(key, field?.Kind == FieldKind.TextList, field?.Kind == FieldKind.Number, new YamlScalar(key, ScalarStyle.Plain, span)));
        }

        // A missing column is reported once, at the header, instead of once per row.
        foreach (var required in spec.Fields.Where(f => f.Required && !seen.Contains(f.Name)))
        {
            errors.Error(new SourceSpan(1, 1, 0, 1, header.Length + 1, header.Length), LoadErrorCodes.MissingField,
                $"The header has no column '{required.Name}', which every {what} needs.");
        }

        return errors.Errors.Count == count ? [.. columns] : null;
    }

    // Reads one row into an item, its errors added to errors; scratch is the chunk's room for the cells' spans and text.
    private static T? ReadRow<T>(SepReader.Row row, int line, RowContext context, Func<YamlNodeBase, T?> read, List<LoadError> errors, RowScratch scratch)
        where T : class
    {
        var columns = context.Columns;
        if (row.ColCount == 1 && row.Span.IsWhiteSpace())
        {
            // A blank line: nothing to read.
            return null;
        }

        var rowSpan = new SourceSpan(line, 1, -1, line, row.Span.Length + 1, -1);
        if (row.ColCount != columns.Length)
        {
            errors.Add(new LoadError(LoadErrorCodes.CsvSyntax, $"This row has {row.ColCount} values; the header names {columns.Length} columns.", context.File, rowSpan));
            return null;
        }

        var first = errors.Count;
        var entries = scratch.Row.EntryList;
        entries.Clear();
        for (var i = 0; i < columns.Length; i++)
        {
            var raw = row[i].Span;
            row.Span.Overlaps(raw, out var offset);
            var (cellLine, cellColumn) = Position(row.Span, offset, line);
            var cell = new SourceSpan(cellLine, cellColumn, -1, cellLine, cellColumn + raw.Length, -1);
            scratch.Cells[i] = cell;
            var trimmed = raw.Trim();
            var quoted = trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"';
            // A list cell's text is only split into its items (from the pool), never made into a string of its own.
            var unquoted = quoted ? Unquote(trimmed) : null;
            var value = unquoted is null ? trimmed : unquoted.AsSpan();
            if (value.Length == 0)
            {
                continue;
            }

            if (value.Length > context.Limits.MaxScalarLength)
            {
                errors.Add(new LoadError(LoadErrorCodes.LimitExceeded,
                    $"The file is too large to load safely: a value of over {context.Limits.MaxScalarLength:N0} characters (limit MaxScalarLength).", context.File, cell));
                return null;
            }

            var start = cellColumn + (raw.Length - raw.TrimStart().Length) + (quoted ? 1 : 0);
            if (columns[i].IsList)
            {
                entries.Add(new(columns[i].Key, List(value, cellLine, start, scratch, i)));
                continue;
            }

            var text = unquoted ?? scratch.Text[i].Get(value);

            // A spreadsheet that separates with ';' writes decimals with a comma (Dutch: 2,5); one comma between digits is the decimal point.
            if (columns[i].IsNumber && context.Separator == ';' && DecimalComma(text) is { } point)
            {
                text = point;
            }

            entries.Add(new(columns[i].Key, scratch.Cell(i, text, cell)));
        }

        scratch.Row.Reuse(rowSpan);
        var item = read(scratch.Row);
        for (var i = first; i < errors.Count; i++)
        {
            // A cell's error names its column: the message is about a field, the reader of a CSV file thinks in columns.
            if (Array.IndexOf(scratch.Cells, errors[i].Span) is var at and >= 0)
            {
                var message = errors[i].Message;
                errors[i] = errors[i] with { Message = (message.EndsWith('.') ? message[..^1] : message) + $" (column '{columns[at].Name}')." };
            }
        }

        return item;
    }

    // "2,5" as "2.5": digits, one comma, digits (a leading minus allowed); null for anything else.
    private static string? DecimalComma(string value)
    {
        var comma = value.IndexOf(',');
        var digits = value.AsSpan(value.StartsWith('-') ? 1 : 0);
        return comma > 0 && comma < value.Length - 1 && value.IndexOf(',', comma + 1) < 0 && !digits.ContainsAnyExcept("0123456789,") && value[comma - 1] != '-'
            ? value.Replace(',', '.')
            : null;
    }

    // The items of a list cell in column, each a value positioned where it starts, their text taken from the column's pool.
    private static YamlSequence List(ReadOnlySpan<char> value, int line, int column, RowScratch scratch, int index)
    {
        var (sequence, spare) = scratch.List(index);
        var items = sequence.ItemList;
        items.Clear();
        var text = scratch.Text[index];
        var from = 0;
        while (from <= value.Length)
        {
            var end = value[from..].IndexOf(';') is var next and >= 0 ? from + next : -1;
            if (end < 0)
            {
                end = value.Length;
            }

            var part = value[from..end];
            var lead = part.Length - part.TrimStart().Length;
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                var at = column + from + lead;
                var span = new SourceSpan(line, at, -1, line, at + trimmed.Length, -1);
                if (items.Count == spare.Count)
                {
                    spare.Add(new YamlScalar(string.Empty, ScalarStyle.DoubleQuoted, span));
                }

                var item = spare[items.Count];
                item.Reuse(text.Get(trimmed), span);
                items.Add(item);
            }

            from = end + 1;
        }

        sequence.Reuse(new SourceSpan(line, column, -1, line, column + value.Length, -1));
        return sequence;
    }

    // The line and column of the character at offset in a row that starts at line; a quoted cell may hold line breaks.
    private static (int Line, int Column) Position(ReadOnlySpan<char> row, int offset, int line)
    {
        var before = row[..offset];
        var breaks = before.Count('\n');
        return breaks == 0 ? (line, offset + 1) : (line + breaks, offset - before.LastIndexOf('\n'));
    }

    private static string Unquote(ReadOnlySpan<char> cell) =>
        cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"' ? cell[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : cell.ToString();

    private sealed record Column(string Name, bool IsList, bool IsNumber, YamlScalar Key);

    private sealed record RowContext(Column[] Columns, YamlLimits Limits, string File, char Separator);

    // What the rows read at one place reuse, chunk after chunk: room for the spans of a row's cells, each column's pool of cell text, and the
    // nodes a row is read through. The nodes are refilled for every row: a row's reader copies the values and spans it
    // keeps into its record (as every reader of the design does) and keeps no node, so a row allocates only what its
    // record holds, instead of a mapping, a list of entries and a node per cell.
    private sealed class RowScratch(int columns)
    {
        private readonly YamlScalar?[] _cells = new YamlScalar?[columns];
        private readonly (YamlSequence Sequence, List<YamlScalar> Spare)?[] _lists = new (YamlSequence, List<YamlScalar>)?[columns];

        public SourceSpan[] Cells { get; } = new SourceSpan[columns];

        public CellTextPool[] Text { get; } = [.. Enumerable.Range(0, columns).Select(_ => new CellTextPool())];

        public YamlMapping Row { get; } = new([], default);

        // The node of the cell in column, holding value.
        public YamlScalar Cell(int column, string value, SourceSpan span)
        {
            var cell = _cells[column] ??= new YamlScalar(value, ScalarStyle.DoubleQuoted, span);
            cell.Reuse(value, span);
            return cell;
        }

        // The list node of a list column, and the item nodes it has had so far.
        public (YamlSequence Sequence, List<YamlScalar> Spare) List(int column) =>
            _lists[column] ??= (new YamlSequence([], default), []);
    }

    private readonly record struct Chunk(int Start, int Length, int FirstLine);

    // A row's item and its errors: Errors of the chunk's errors from FirstError.
    private readonly record struct RowResult<T>(T? Item, int FirstError, int Errors);

    private sealed record ChunkResult<T>(List<RowResult<T>> Rows, List<LoadError> Errors);
}
