namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// The text of the cells of one column of a data file, each distinct value made into a string once: a column of
/// municipality, lot or provider ids repeats a few hundred values over hundreds of thousands of rows, and every string
/// a row's record keeps lives until the design is built. A column whose values rarely repeat (the profile's own id, its
/// budget) stops being pooled after a sample, and the pool is bounded, so memory stays small whatever the file holds.
/// One pool per column per chunk of rows: it is not shared between threads.
/// </summary>
internal sealed class CellTextPool
{
    /// <summary>The most distinct values a pool keeps; further values are made into strings each time.</summary>
    public const int MaxValues = 4096;

    /// <summary>Values longer than this are not pooled.</summary>
    public const int MaxLength = 64;

    // After this many lookups a column whose values were found in the pool less than one time in four stops pooling.
    private const int Sample = 256;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _lookups;
    private int _hits;
    private bool _off;

    public CellTextPool() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many distinct values the pool holds.</summary>
    public int Count => _values.Count;

    /// <summary>The value as a string: the pooled one when it was seen before.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (_off || value.Length > MaxLength || value.Length == 0)
        {
            return value.ToString();
        }

        _lookups++;
        if (_lookup.TryGetValue(value, out var pooled))
        {
            _hits++;
            return pooled;
        }

        if (_lookups >= Sample && _hits * 4 < _lookups)
        {
            _off = true;
            _values.Clear();
            return value.ToString();
        }

        var text = value.ToString();
        if (_values.Count < MaxValues)
        {
            _values.Add(text, text);
        }

        return text;
    }
}
