using YamlDotNet.Core;

namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// A node of a parsed YAML document (see <see cref="YamlTreeReader"/>), with the span it covers in the text. The
/// design loader and the rule loader read their files through these nodes; only <see cref="YamlTreeReader"/> makes them.
/// </summary>
public abstract class YamlNodeBase
{
    private protected YamlNodeBase(SourceSpan span) => Span = span;

    /// <summary>Where the node starts and ends in the text.</summary>
    public SourceSpan Span { get; private protected set; }

    /// <summary>The line where the node starts, 1-based.</summary>
    public int Line => Span.StartLine;

    /// <summary>The column where the node starts, 1-based.</summary>
    public int Column => Span.StartColumn;

    /// <summary>What kind of node this is, in words for error messages (<c>a single value</c>, <c>a list</c>, <c>a mapping</c>).</summary>
    public abstract string KindName { get; }
}

/// <summary>A single value: plain, quoted or a block scalar.</summary>
public sealed class YamlScalar : YamlNodeBase
{
    internal YamlScalar(string value, ScalarStyle style, SourceSpan span)
        : base(span)
    {
        Value = value;
        Style = style;
    }

    /// <summary>The value's text, after YAML's unquoting and folding.</summary>
    public string Value { get; private set; }

    /// <summary>How the value was written: plain, single- or double-quoted, literal or folded.</summary>
    public ScalarStyle Style { get; private set; }

    /// <summary>Whether the value was written without quotes or block indicator.</summary>
    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>Whether the value is YAML's null: empty, <c>~</c> or <c>null</c>, unquoted.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc/>
    public override string KindName => "a single value";

    // The CSV reader's cells: one node per column, given the next row's value (see CsvTreeReader).
    internal void Reuse(string value, SourceSpan span)
    {
        Value = value;
        Span = span;
    }
}

/// <summary>A list of nodes.</summary>
public sealed class YamlSequence : YamlNodeBase
{
    internal YamlSequence(List<YamlNodeBase> items, SourceSpan span)
        : base(span) => ItemList = items;

    /// <summary>The items, in file order.</summary>
    public IReadOnlyList<YamlNodeBase> Items => ItemList;

    // The list itself, for the CSV reader's list cells, which it refills row by row.
    internal List<YamlNodeBase> ItemList { get; }

    internal void Reuse(SourceSpan span) => Span = span;

    /// <inheritdoc/>
    public override string KindName => "a list";
}

/// <summary>A mapping of single-value keys to nodes; no key appears twice (a duplicate is reported and left out).</summary>
public sealed class YamlMapping : YamlNodeBase
{
    internal YamlMapping(List<KeyValuePair<YamlScalar, YamlNodeBase>> entries, SourceSpan span)
        : base(span) => EntryList = entries;

    /// <summary>The keys and their values, in file order.</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNodeBase>> Entries => EntryList;

    // The list itself, for the loaders' field lookups: a design has hundreds of thousands of mappings.
    internal List<KeyValuePair<YamlScalar, YamlNodeBase>> EntryList { get; }

    // The CSV reader's rows: one mapping per place chunks of rows are read at, refilled row by row.
    internal void Reuse(SourceSpan span) => Span = span;

    /// <inheritdoc/>
    public override string KindName => "a mapping";
}
