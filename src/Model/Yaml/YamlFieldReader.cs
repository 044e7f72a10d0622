using System.Globalization;

namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// Reads typed values out of positioned YAML nodes, recording a <see cref="LoadError"/> for every problem and carrying on,
/// so that one pass reports all the errors of a file. Shared by the design loader and the rule loader: one reader per
/// file, which holds that file's errors (<see cref="Errors"/>).
/// Every error of a file goes through <see cref="Error(SourceSpan, string, string)"/>, which stops recording at the file's
/// <see cref="YamlLimits.MaxErrors"/> (see <see cref="LoadErrorCap"/>); readers check <see cref="Stopped"/> to stop reading.
/// </summary>
public sealed class YamlFieldReader
{
    private readonly List<LoadError> _errors;
    private readonly int _maxErrors;

    // The list may hold errors of files read before this one: only this file's count against its cap (with those an
    // earlier stage found in it).
    private readonly int _first;

    /// <summary>A reader for the file <paramref name="file"/>, whose errors are capped at <paramref name="limits"/>' <see cref="YamlLimits.MaxErrors"/>.</summary>
    /// <param name="file">Name of the file, used in every error.</param>
    /// <param name="limits">The limits whose error cap applies.</param>
    public YamlFieldReader(string file, YamlLimits limits)
        : this(file, [], LoadErrorCap.Of(limits))
    {
    }

    internal YamlFieldReader(string file, List<LoadError> errors, int maxErrors)
        : this(file, errors, maxErrors, 0)
    {
    }

    /// <summary>A reader whose file already has <paramref name="counted"/> errors, recorded by an earlier stage, against its cap.</summary>
    internal YamlFieldReader(string file, List<LoadError> errors, int maxErrors, int counted)
    {
        File = file;
        _errors = errors;
        _maxErrors = maxErrors;
        _first = errors.Count - counted;
    }

    /// <summary>Name of the file, as used in its errors.</summary>
    public string File { get; }

    /// <summary>The errors recorded so far, in the order they were found.</summary>
    public IReadOnlyList<LoadError> Errors => _errors;

    /// <summary>Whether this file reached its error cap: nothing more is recorded, and reading it should stop.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Records an error about <paramref name="node"/>, at its span.</summary>
    /// <param name="node">The node the error is about.</param>
    /// <param name="code">Stable error code.</param>
    /// <param name="message">What is wrong.</param>
    public void Error(YamlNodeBase node, string code, string message) => Error(node.Span, code, message);

    /// <summary>Records an error at <paramref name="span"/>, unless the file reached its error cap.</summary>
    /// <param name="span">Where the error is.</param>
    /// <param name="code">Stable error code.</param>
    /// <param name="message">What is wrong.</param>
    public void Error(SourceSpan span, string code, string message) => Error(File, span, code, message);

    /// <summary>
    /// Records an error at <paramref name="span"/> in another file than this reader's, under this reader's cap: the
    /// resolver's errors about items read from a data file next to the design.
    /// </summary>
    internal void Error(string file, SourceSpan span, string code, string message)
    {
        if (Stopped)
        {
            return;
        }

        if (_errors.Count - _first >= _maxErrors)
        {
            Stopped = true;
            _errors.Add(LoadErrorCap.Stopped(file, _maxErrors, span));
            return;
        }

        _errors.Add(new LoadError(code, message, file, span));
    }

    /// <summary>The list this reader records into, for a reader of another file that shares it (a data file of the design).</summary>
    internal List<LoadError> ErrorList => _errors;

    /// <summary>
    /// The node as a mapping of <paramref name="what"/>, each key checked against <paramref name="knownKeys"/>; null when
    /// it is absent, or (reported) not a mapping.
    /// </summary>
    /// <param name="node">The node, or null when the field is left out.</param>
    /// <param name="what">What the mapping is, in words for error messages.</param>
    /// <param name="knownKeys">The keys this kind of mapping may have; any other is reported as an unknown field.</param>
    public MappingFields? Mapping(YamlNodeBase? node, string what, IReadOnlyCollection<string> knownKeys)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YamlMapping mapping)
        {
            Error(node, LoadErrorCodes.WrongType, $"Expected {what} as a mapping of keys and values, found {node.KindName}.");
            return null;
        }

        var entries = mapping.EntryList;
        for (var i = 0; i < entries.Count && !Stopped; i++)
        {
            var key = entries[i].Key;
            if (!knownKeys.Contains(key.Value))
            {
                var suggestion = NearestNames.Find(key.Value, knownKeys, max: 1);
                Error(key, LoadErrorCodes.UnknownField, $"Unknown field '{key.Value}' in {what}"
                    + (suggestion.Count == 0 ? $"; known fields are: {string.Join(", ", knownKeys)}." : NearestNames.DidYouMean(suggestion)));
            }
        }

        return new MappingFields(mapping, what);
    }

    /// <summary>The items of a list of <paramref name="what"/>; none when it is absent or (reported) not a list. Empty items are reported and left out.</summary>
    /// <param name="node">The node, or null when the field is left out.</param>
    /// <param name="what">What the list holds, in words for error messages.</param>
    public IReadOnlyList<YamlNodeBase> Sequence(YamlNodeBase? node, string what)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            Error(node, LoadErrorCodes.WrongType, $"Expected {what} as a list, found {node.KindName}.");
            return [];
        }

        // An empty item ('-', '- ~') is a slip, not nothing: report it, and read the others.
        var empty = false;
        foreach (var item in sequence.Items)
        {
            if (IsAbsent(item))
            {
                EmptyItem(item, what);
                empty = true;
            }
        }

        return empty ? [.. sequence.Items.Where(i => !IsAbsent(i))] : sequence.Items;
    }

    /// <summary>Reports an item of a list that has no value.</summary>
    internal void EmptyItem(YamlNodeBase item, string what) =>
        Error(item, LoadErrorCodes.MissingField, $"Empty item in {what}; give it a value or leave it out.");

    /// <summary>Whether a field is left out or given without a value (<c>key:</c>, <c>key: ~</c>, <c>key: null</c>): both mean absent.</summary>
    /// <param name="node">The value node, or null when the field is left out.</param>
    public static bool IsAbsent(YamlNodeBase? node) => node is null || node is YamlScalar { IsNull: true };

    /// <summary>The value of a required field; a field given without a value is reported as missing, at its key.</summary>
    /// <param name="fields">The mapping.</param>
    /// <param name="key">The required key.</param>
    public YamlNodeBase? Required(MappingFields fields, string key)
    {
        var node = fields[key];
        if (IsAbsent(node))
        {
            var at = fields.Key(key) ?? (YamlNodeBase)fields.Mapping;
            Error(at.Span, LoadErrorCodes.MissingField, node is null
                ? $"{Capitalise(fields.What)} has no '{key}'."
                : $"{Capitalise(fields.What)} has no '{key}': the field is there but its value is empty.");
            return null;
        }

        return node;
    }

    /// <summary>The node as one text value with its span; null when it is absent or (reported) not a single value.</summary>
    /// <param name="node">The node, or null when the field is left out.</param>
    /// <param name="what">What the value is, in words for error messages.</param>
    public Located<string>? Text(YamlNodeBase? node, string what)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YamlScalar scalar)
        {
            Error(node, LoadErrorCodes.WrongType, $"Expected {what} as a single value, found {node.KindName}.");
            return null;
        }

        return new Located<string>(scalar.Value, scalar.Span);
    }

    /// <summary>The node as a date written <c>yyyy-MM-dd</c>; null when it is absent or (reported) not such a date.</summary>
    /// <param name="node">The node, or null when the field is left out.</param>
    /// <param name="what">What the date is, in words for error messages.</param>
    public DateOnly? Date(YamlNodeBase? node, string what)
    {
        if (Text(node, what) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(text.Span, LoadErrorCodes.BadDate, $"'{text.Value}' is not a valid date for {what}; write it as yyyy-MM-dd, e.g. 2023-01-01.");
        return null;
    }

    /// <summary>The node as a month written <c>yyyy-MM</c>, as its first day; null when it is absent or (reported) not such a month.</summary>
    internal Located<DateOnly>? Month(YamlNodeBase? node, string what)
    {
        if (Text(node, what) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return new(month, text.Span);
        }

        Error(text.Span, LoadErrorCodes.BadDate, $"'{text.Value}' is not a valid month for {what}; write it as yyyy-MM, e.g. 2023-01.");
        return null;
    }

    internal decimal? Decimal(YamlNodeBase? node, string what)
    {
        if (Text(node, what) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text.Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value < 0)
            {
                Error(text.Span, LoadErrorCodes.BadValue, $"{Capitalise(what)} cannot be negative; found {text.Value}.");
                return null;
            }

            return value;
        }

        Error(text.Span, LoadErrorCodes.WrongType, $"Expected a number for {what}, found '{text.Value}'.");
        return null;
    }

    internal int? Int(YamlNodeBase? node, string what)
    {
        if (Text(node, what) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value < 0)
            {
                Error(text.Span, LoadErrorCodes.BadValue, $"{Capitalise(what)} cannot be negative; found {text.Value}.");
                return null;
            }

            return value;
        }

        Error(text.Span, LoadErrorCodes.WrongType, $"Expected a whole number for {what}, found '{text.Value}'.");
        return null;
    }

    /// <summary>The node as <c>true</c> or <c>false</c>; null when it is absent or (reported) neither.</summary>
    /// <param name="node">The node, or null when the field is left out.</param>
    /// <param name="what">What the flag is, in words for error messages.</param>
    public bool? Bool(YamlNodeBase? node, string what)
    {
        if (Text(node, what) is not { } text)
        {
            return null;
        }

        switch (text.Value)
        {
            case "true" or "True" or "TRUE" or "yes":
                return true;
            case "false" or "False" or "FALSE" or "no":
                return false;
            default:
                Error(text.Span, LoadErrorCodes.WrongType, $"Expected true or false for {what}, found '{text.Value}'.");
                return null;
        }
    }

    /// <summary>The node as a value of <typeparamref name="T"/>, written in kebab case (<c>selective-tender</c>); null when it is absent or (reported) no such value.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="node">The node, or null when the field is left out.</param>
    /// <param name="what">What the value is, in words for error messages.</param>
    public T? Enum<T>(YamlNodeBase? node, string what)
        where T : struct, Enum
    {
        if (Text(node, what) is not { } text)
        {
            return null;
        }

        if (YamlNames.EnumValues<T>.ByName.TryGetValue(text.Value, out var value))
        {
            return value;
        }

        Error(text.Span, LoadErrorCodes.BadValue, $"'{text.Value}' is not a valid {what}; use one of: {string.Join(", ", YamlNames.EnumValues<T>.ByName.Keys)}.");
        return null;
    }

    /// <summary>The node as a list of text values with their spans; items that are not single values are reported and left out.</summary>
    /// <param name="node">The node, or null when the field is left out.</param>
    /// <param name="what">What each item is, in words for error messages.</param>
    public IReadOnlyList<Located<string>> TextList(YamlNodeBase? node, string what)
    {
        var items = Sequence(node, what + " list");
        var result = new List<Located<string>>(items.Count);
        foreach (var item in items)
        {
            if (Text(item, what) is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

    private static string Capitalise(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];
}
