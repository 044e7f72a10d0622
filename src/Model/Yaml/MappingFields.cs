namespace Procurement.Rules.Model.Yaml;

/// <summary>A value read from YAML together with the span of the node it was read from.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Span">Where the node it was read from starts and ends.</param>
public readonly record struct Located<T>(T Value, SourceSpan Span)
{
    /// <summary>The line where the value starts, 1-based.</summary>
    public int Line => Span.StartLine;

    /// <summary>The column where the value starts, 1-based.</summary>
    public int Column => Span.StartColumn;
}

/// <summary>The keys of one YAML mapping, checked against the keys its kind allows (see <see cref="YamlFieldReader.Mapping"/>).</summary>
public sealed class MappingFields
{
    internal MappingFields(YamlMapping mapping, string what)
    {
        Mapping = mapping;
        What = what;
    }

    /// <summary>The mapping.</summary>
    public YamlMapping Mapping { get; }

    /// <summary>What the mapping is, in words for error messages (<c>a rule</c>, <c>a lot</c>).</summary>
    public string What { get; }

    /// <summary>The line where the mapping starts, 1-based.</summary>
    public int Line => Mapping.Line;

    /// <summary>The column where the mapping starts, 1-based.</summary>
    public int Column => Mapping.Column;

    /// <summary>Where the mapping starts and ends.</summary>
    public SourceSpan Span => Mapping.Span;

    /// <summary>The value of <paramref name="key"/>, or null when the mapping does not have it.</summary>
    /// <param name="key">The key.</param>
    // Mappings in design and rule files have a handful of keys: a linear scan beats building a dictionary per item.
    public YamlNodeBase? this[string key]
    {
        get
        {
            var entries = Mapping.EntryList;
            for (var i = 0; i < entries.Count; i++)
            {
                if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
                {
                    return entries[i].Value;
                }
            }

            return null;
        }
    }

    /// <summary>Whether the mapping has <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    public bool Has(string key) => this[key] is not null;

    /// <summary>The key node of <paramref name="key"/>, or null when the mapping does not have it.</summary>
    /// <param name="key">The key.</param>
    public YamlScalar? Key(string key)
    {
        var entries = Mapping.EntryList;
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return entries[i].Key;
            }
        }

        return null;
    }
}
