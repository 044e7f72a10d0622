using System.Collections;
using System.Globalization;
using System.Text;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Renders values read by rules the same way everywhere: invariant numbers, ISO dates, ids for model items, YAML names for
/// enums. Every rendered value is bounded, whatever the design holds: a text shows at most <see cref="MaxTextLength"/>
/// characters, a list at most <see cref="ShownItems"/> items, a whole value at most <see cref="MaxValueLength"/> characters,
/// each cut marked with what was left out, so a message or report never grows with the size of the design.
/// </summary>
internal static class ValueFormatter
{
    /// <summary>How many items of a list a value shows.</summary>
    public const int ShownItems = 20;

    /// <summary>How many characters of one text (a name, an id) a value shows.</summary>
    public const int MaxTextLength = 300;

    /// <summary>How many characters one rendered value may have in all (a list of long names).</summary>
    public const int MaxValueLength = 2_000;

    /// <summary>How many characters a rendered message may have.</summary>
    public const int MaxMessageLength = 4_000;

    // Enum values are few; their YAML names are worked out once rather than for every finding.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Enum, string> EnumNames = new();

    public static string Format(object? value) => Cap(Item(value), MaxValueLength);

    /// <summary><paramref name="text"/>, or its first <paramref name="max"/> characters and a note of how many more there are.</summary>
    public static string Cap(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Never cut a surrogate pair in two.
        var keep = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, keep)}… (nog {text.Length - keep} tekens)");
    }

    private static string Item(object? value) => value switch
    {
        null => "null",
        string text => Cap(text, MaxTextLength),
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("G", CultureInfo.InvariantCulture),
        Enum e => EnumNames.GetOrAdd(e, static v => YamlNames.Kebab(v.ToString())),
        IFormattable formattable => Cap(formattable.ToString(null, CultureInfo.InvariantCulture), MaxTextLength),
        CategoryTerms terms => $"{terms.Lot.Id}.{YamlNames.Kebab(terms.Category.ToString())}",
        IEnumerable items => List(items),
        _ => Cap(value.ToString() ?? string.Empty, MaxTextLength),
    };

    // The first items of a list (never reading past them: a lazy list computes each item it is asked for); when the list
    // knows its size and holds more, how many more.
    private static string List(IEnumerable items)
    {
        var builder = new StringBuilder("[");
        var shown = 0;
        var enumerator = items.GetEnumerator();
        try
        {
            while (shown < ShownItems && builder.Length <= MaxValueLength && enumerator.MoveNext())
            {
                builder.Append(shown == 0 ? string.Empty : ", ").Append(Item(enumerator.Current));
                shown++;
            }
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }

        if (items is ICollection { Count: var count } && count > shown)
        {
            builder.Append(CultureInfo.InvariantCulture, $", … en {count - shown} meer");
        }

        return builder.Append(']').ToString();
    }
}
