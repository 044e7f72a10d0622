using System.Text;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>
/// The data files (gegevensbestanden) of a design: its care profiles or escalations may come from a file next to it,
/// named as <c>careProfiles: { file: profiles-2024.csv }</c>, in CSV (<c>.csv</c>), JSON lines (<c>.jsonl</c>,
/// <c>.ndjson</c>) or a JSON array (<c>.json</c>). Each row or object is read by the same reader as a list item of the
/// design, and every error names the data file with its line and column.
/// </summary>
internal sealed partial class DesignYamlReader
{
    // The keys of the mapping that names a data file.
    private static readonly IReadOnlyCollection<string> DataFileKeys = ["file"];

    // Progress is reported at most once per this many items read from a data file.
    private const int ProgressItems = 1 << 14;

    /// <summary>
    /// The items of a top-level list that may come from a data file: <paramref name="node"/> is the list itself, or a
    /// mapping naming the file. Items read are added to <paramref name="into"/> (which holds those already streamed).
    /// </summary>
    private List<T> ReadItems<T>(YamlNodeBase? node, ObjectSpec spec, string what, string each, Func<DesignYamlReader, YamlNodeBase, T?> read, List<T> into)
        where T : class
    {
        if (node is not YamlMapping mapping)
        {
            return ReadList(node, what, item => read(this, item), into);
        }

        var fields = _reader.Mapping(mapping, $"the data file of {what} (write the items as a list, or name a file with 'file')", DataFileKeys);
        if (fields is not null && _reader.Text(_reader.Required(fields, "file"), "data file name") is { } name && DataFilePath(name) is { } path && ReadText(name, path) is { } text)
        {
            ReadDataFile(name.Value, path, text, spec, what, each, read, into);
        }

        return into;
    }

    // The text of a data file, or null (reported at its name) when it is over the size limit or cannot be read.
    private string? ReadText(Located<string> name, string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > _limits.MaxFileBytes)
            {
                _reader.Error(name.Span, LoadErrorCodes.LimitExceeded, $"The data file '{name.Value}' is {info.Length:N0} bytes, over the limit of {_limits.MaxFileBytes:N0} (limit MaxFileBytes).");
                return null;
            }

            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            _reader.Error(name.Span, LoadErrorCodes.FileUnreadable, $"Cannot read the data file '{name.Value}': {ex.Message}");
            return null;
        }
    }

    // Reads the rows (CSV) or objects (JSON) of a data file into records, its errors under its own name and cap.
    private void ReadDataFile<T>(string name, string path, string text, ObjectSpec spec, string what, string each, Func<DesignYamlReader, YamlNodeBase, T?> read, List<T> into)
        where T : class
    {
        var shown = Path.Combine(Path.GetDirectoryName(_reader.File) ?? string.Empty, name);
        var errors = new YamlFieldReader(shown, _reader.ErrorList, LoadErrorCap.Of(_limits));
        void Accept(T item)
        {
            into.Add(item);
            if (_progress is not null && into.Count % ProgressItems == 0)
            {
                _progress.Report(new DesignLoadProgress(_characters, _characters, _careProfiles.Count) { DataFile = name });
            }
        }

        _progress?.Report(new DesignLoadProgress(_characters, _characters, _careProfiles.Count) { DataFile = name });
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            CsvTreeReader.Read<T>(text, spec, each, _limits, errors, chunkErrors =>
            {
                var chunkReader = new DesignYamlReader(chunkErrors, _limits);
                return row => read(chunkReader, row);
            }, Accept);
            return;
        }

        var itemReader = new DesignYamlReader(errors, _limits);
        JsonTreeReader.ReadItems(text, _limits, errors, item =>
        {
            if (YamlFieldReader.IsAbsent(item))
            {
                errors.EmptyItem(item, what);
            }
            else if (read(itemReader, item) is { } record)
            {
                Accept(record);
            }
        });
    }

    /// <summary>
    /// The full path of a data file the design names, or null (reported) when it may not be read: only a file name in the
    /// design's own folder, of a format the loader reads, and only for a design loaded from a file.
    /// </summary>
    private string? DataFilePath(Located<string> name)
    {
        var value = name.Value;
        if (_folder is null)
        {
            _reader.Error(name.Span, LoadErrorCodes.DataFile,
                $"The data file '{value}' cannot be read: this design was not loaded from a file, so it has no folder to read it from. Load the design from its file, or write the items in the design.");
            return null;
        }

        if (value is "." or ".." || value.IndexOfAny(['/', '\\', ':']) >= 0 || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Path.IsPathRooted(value))
        {
            _reader.Error(name.Span, LoadErrorCodes.DataFile,
                $"'{value}' is not a file name in the design's folder; a data file must be next to the design: write just its name, e.g. profiles-2024.csv.");
            return null;
        }

        if (!IsDataFile(value))
        {
            _reader.Error(name.Span, LoadErrorCodes.DataFile, $"'{value}' is not a data file the loader reads; use a .csv, .jsonl, .ndjson or .json file.");
            return null;
        }

        var path = Path.Combine(_folder, value);
        try
        {
            if (!File.Exists(path))
            {
                _reader.Error(name.Span, LoadErrorCodes.FileUnreadable, $"The data file '{value}' does not exist next to the design.");
                return null;
            }

            // A link may name a file anywhere: follow it, and refuse what lies outside the design's folder.
            if (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target
                && !string.Equals(Path.GetDirectoryName(target.FullName), _folder, StringComparison.Ordinal))
            {
                _reader.Error(name.Span, LoadErrorCodes.DataFile, $"The data file '{value}' is a link to a file outside the design's folder; copy the file next to the design.");
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _reader.Error(name.Span, LoadErrorCodes.FileUnreadable, $"Cannot read the data file '{value}': {ex.Message}");
            return null;
        }

        return path;
    }

    private static bool IsDataFile(string name) =>
        name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
