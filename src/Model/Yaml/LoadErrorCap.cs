namespace Procurement.Rules.Model.Yaml;

/// <summary>
/// The one place where the errors of a file are capped at <see cref="YamlLimits.MaxErrors"/>. While a file is read, the
/// <see cref="YamlFieldReader"/> stops recording at the cap and adds <see cref="Stopped"/>, and the readers stop
/// consuming input; errors found by later stages (resolving, compiling) are cut back to the cap by
/// <see cref="SortedAndCapped"/>, which then counts what it left out.
/// </summary>
public static class LoadErrorCap
{
    /// <summary>The cap to apply: <see cref="YamlLimits.MaxErrors"/>, at least 1.</summary>
    /// <param name="limits">The limits.</param>
    public static int Of(YamlLimits limits) => Math.Max(1, limits.MaxErrors);

    /// <summary>The last error of a file whose reading stopped at the cap, placed where the first unreported error was found.</summary>
    internal static LoadError Stopped(string file, int max, SourceSpan span) =>
        new(LoadErrorCodes.TooManyErrors, $"More than {max:N0} errors (limit MaxErrors): reading stopped here; further errors not reported.", file, span);

    /// <summary>
    /// The errors ordered by file, line and column, with at most <paramref name="max"/> per file; a file over the cap ends
    /// with one <c>too-many-errors</c> error: the one its reading stopped with, or one that counts the errors left out.
    /// </summary>
    /// <param name="errors">The errors of one or more files.</param>
    /// <param name="max">The most errors to keep per file.</param>
    public static IReadOnlyList<LoadError> SortedAndCapped(IEnumerable<LoadError> errors, int max)
    {
        var result = new List<LoadError>();
        foreach (var file in errors.GroupBy(e => e.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var stopped = file.FirstOrDefault(e => e.Code == LoadErrorCodes.TooManyErrors);
            var found = file.Where(e => e.Code != LoadErrorCodes.TooManyErrors).OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
            result.AddRange(found.Take(max));
            if (stopped is not null)
            {
                result.Add(stopped);
            }
            else if (found.Count > max)
            {
                var next = found[max];
                result.Add(new LoadError(
                    LoadErrorCodes.TooManyErrors,
                    $"… and {found.Count - max:N0} more errors, the first of them here (limit MaxErrors).",
                    file.Key,
                    next.Span));
            }
        }

        return result;
    }
}
