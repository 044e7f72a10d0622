using System.Collections;
using System.Globalization;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Compiling;

/// <summary>Renders values read by rules the same way everywhere: invariant numbers, ISO dates, ids for model items, YAML names for enums.</summary>
internal static class ValueFormatter
{
    /// <summary>How many items of a list a value shows.</summary>
    public const int ShownItems = 20;

    // Enum values are few; their YAML names are worked out once rather than for every finding.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Enum, string> EnumNames = new();

    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("G", CultureInfo.InvariantCulture),
        Enum e => EnumNames.GetOrAdd(e, static v => YamlNames.Kebab(v.ToString())),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        CategoryTerms terms => $"{terms.Lot.Id}.{YamlNames.Kebab(terms.Category.ToString())}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Take(ShownItems).Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
