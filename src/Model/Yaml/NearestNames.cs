namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// The known names nearest to a misspelt one, by edit distance (case-insensitive): the suggestions behind every
/// "did you mean" of the loaders and the expression compiler.
/// </summary>
public static class NearestNames
{
    private const int MaxCompared = 64;

    /// <summary>
    /// Up to <paramref name="max"/> names from <paramref name="known"/> within a small edit distance of
    /// <paramref name="name"/> (one edit per four characters, at least one), nearest first, then in ordinal order.
    /// </summary>
    /// <param name="name">The name as written.</param>
    /// <param name="known">The names that would have been accepted.</param>
    /// <param name="max">How many names to return at most.</param>
    public static IReadOnlyList<string> Find(string name, IEnumerable<string> known, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        var limit = Math.Max(1, name.Length / 4);
        return known
            .Distinct(StringComparer.Ordinal)
            .Select(k => (Name: k, Distance: string.Equals(k, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(k, name, limit)))
            .Where(k => k.Distance <= limit)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(k => k.Name)
            .ToArray();
    }

    /// <summary>
    /// The sentence that names the suggestions: <c>; did you mean 'a'?</c> or <c>; did you mean 'a', 'b' or 'c'?</c>,
    /// or the empty string when there are none.
    /// </summary>
    /// <param name="suggestions">Names from <see cref="Find"/>.</param>
    public static string DidYouMean(IReadOnlyList<string> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var quoted = suggestions.Select(s => $"'{s}'").ToArray();
        return quoted.Length == 1
            ? $"; did you mean {quoted[0]}?"
            : $"; did you mean {string.Join(", ", quoted[..^1])} or {quoted[^1]}?";
    }

    // Edit distance with adjacent transpositions (optimal string alignment), ignoring case: "Bugdet" is one edit from
    // "Budget". Anything over the limit (or over 64 characters) counts as far.
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit || a.Length > MaxCompared || b.Length > MaxCompared)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static bool Same(char x, char y) => char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
