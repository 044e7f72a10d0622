using Procurement.Rules.Model;
using Procurement.Rules.Waivers;

namespace Procurement.Rules;

/// <summary>
/// Waiver files (afwijkingenregisters): YAML files with a list <c>waivers</c> of accepted deviations, read with every
/// error positioned like the other files, checked against a rule set, and appended to without touching what is there.
/// Pass the waivers read to <see cref="EvaluationOptions.Waivers"/>.
/// </summary>
public static class WaiverFile
{
    /// <summary>The name of a folder's own waiver file, as the workbench creates it: <c>waivers.yaml</c>.</summary>
    public const string DefaultFileName = "waivers.yaml";

    /// <summary>Reads waivers from YAML text; a waiver that names a rule <paramref name="ruleSet"/> does not have is an <c>unknown-rule</c> error.</summary>
    /// <param name="yaml">The text of the waiver file.</param>
    /// <param name="name">The file name used in errors and in each waiver's <see cref="Waiver.Location"/>.</param>
    /// <param name="ruleSet">The rule set the waivers are for.</param>
    /// <param name="limits">Limits on the file; <see cref="YamlLimits.Default"/> when null.</param>
    /// <returns>The waivers read, in file order, and every error found (with errors, only the entries without one).</returns>
    public static LoadResult<IReadOnlyList<Waiver>> Load(string yaml, string name, RuleSet ruleSet, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(ruleSet);
        return WaiverReader.Read(yaml, name, ruleSet.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal), limits ?? YamlLimits.Default);
    }

    /// <summary>Reads the waiver files at <paramref name="paths"/>, in order; a file that cannot be read or is over the size limit is an error at line 1.</summary>
    /// <param name="paths">Paths of waiver files.</param>
    /// <param name="ruleSet">The rule set the waivers are for.</param>
    /// <param name="limits">Limits on each file; <see cref="YamlLimits.Default"/> when null.</param>
    /// <returns>The waivers of all files, in order, and every error found.</returns>
    public static LoadResult<IReadOnlyList<Waiver>> LoadFiles(IEnumerable<string> paths, RuleSet ruleSet, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var bounds = limits ?? YamlLimits.Default;
        var waivers = new List<Waiver>();
        var errors = new List<LoadError>();
        foreach (var path in paths)
        {
            var read = Read(path, bounds);
            if (read.Value is { } text)
            {
                var loaded = Load(text, path, ruleSet, bounds);
                waivers.AddRange(loaded.Value ?? []);
                errors.AddRange(loaded.Errors);
            }
            else
            {
                errors.AddRange(read.Errors);
            }
        }

        return new LoadResult<IReadOnlyList<Waiver>>(waivers, errors);
    }

    /// <summary>Whether <paramref name="path"/> is named as a waiver file: <c>waivers.yaml</c>, or ending in <c>.waivers.yaml</c> (or <c>.yml</c>).</summary>
    /// <param name="path">A file path.</param>
    public static bool IsWaiverFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        return name.Equals("waivers.yaml", StringComparison.OrdinalIgnoreCase) || name.Equals("waivers.yml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".waivers.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".waivers.yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The text of a waiver file with <paramref name="waiver"/> appended as the last entry (a new file when
    /// <paramref name="text"/> is null or blank); every existing line stays as it is. The entry is not checked: load the
    /// result with <see cref="Load"/> to check it against the rule set before writing it.
    /// </summary>
    /// <param name="text">The current text of the file, or null for a new file.</param>
    /// <param name="waiver">The waiver to add; its <see cref="Waiver.Location"/> is not written.</param>
    /// <returns>The new text.</returns>
    /// <exception cref="InvalidOperationException">The file has errors, or its layout does not allow appending (the list is not last, or written inline).</exception>
    public static string Append(string? text, Waiver waiver)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        return WaiverYamlWriter.Append(text, waiver);
    }

    private static LoadResult<string> Read(string path, YamlLimits limits)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > limits.MaxFileBytes)
            {
                return new(null, [new LoadError(LoadErrorCodes.LimitExceeded, $"The waiver file is {info.Length:N0} bytes, over the limit of {limits.MaxFileBytes:N0} (limit MaxFileBytes).", path, 1, 1)]);
            }

            return new(File.ReadAllText(path), []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return new(null, [new LoadError(LoadErrorCodes.FileUnreadable, $"Cannot read the waiver file: {ex.Message}", path, 1, 1)]);
        }
    }
}
