using YamlDotNet.Core;

namespace Procurement.Rules.Model.Yaml;

/// <summary>A node of a parsed YAML document, with the position where it starts (1-based).</summary>
internal abstract class YamlNodeBase(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public abstract string KindName { get; }
}

internal sealed class YamlScalar(string value, ScalarStyle style, int line, int column) : YamlNodeBase(line, column)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "a single value";
}

internal sealed class YamlSequence(List<YamlNodeBase> items, int line, int column) : YamlNodeBase(line, column)
{
    public List<YamlNodeBase> Items { get; } = items;

    public override string KindName => "a list";
}

internal sealed class YamlMapping(List<KeyValuePair<YamlScalar, YamlNodeBase>> entries, int line, int column) : YamlNodeBase(line, column)
{
    public List<KeyValuePair<YamlScalar, YamlNodeBase>> Entries { get; } = entries;

    public override string KindName => "a mapping";
}
