using YamlDotNet.Core;

namespace Procurement.Rules.Model.Yaml;

/// <summary>A node of a parsed YAML document, with the span it covers in the text.</summary>
internal abstract class YamlNodeBase(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    public int Line => Span.StartLine;

    public int Column => Span.StartColumn;

    public abstract string KindName { get; }
}

internal sealed class YamlScalar(string value, ScalarStyle style, SourceSpan span) : YamlNodeBase(span)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "a single value";
}

internal sealed class YamlSequence(List<YamlNodeBase> items, SourceSpan span) : YamlNodeBase(span)
{
    public List<YamlNodeBase> Items { get; } = items;

    public override string KindName => "a list";
}

internal sealed class YamlMapping(List<KeyValuePair<YamlScalar, YamlNodeBase>> entries, SourceSpan span) : YamlNodeBase(span)
{
    public List<KeyValuePair<YamlScalar, YamlNodeBase>> Entries { get; } = entries;

    public override string KindName => "a mapping";
}
