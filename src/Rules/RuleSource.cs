using System.Reflection;
using System.Text;
using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>The text of one rule file and the name to report it by: a pack, or an override file that extends one.</summary>
/// <param name="Name">File name or path, used in error positions and provenance.</param>
/// <param name="Yaml">The YAML text.</param>
public sealed record RuleSource(string Name, string Yaml)
{
    private const string ResourcePrefix = "rules/";

    /// <summary>The rule packs shipped inside the library (the default rule set), in name order.</summary>
    public static IReadOnlyList<RuleSource> DefaultPacks() => EmbeddedPacks(ResourcePrefix);

    /// <summary>
    /// The monitoring pack shipped inside the library (<c>rules/monitoring</c>): rules over a running framework's period
    /// data, evaluated month by month by <see cref="RuleSet.Monitor"/>; not part of <see cref="DefaultPacks"/>.
    /// </summary>
    public static IReadOnlyList<RuleSource> MonitoringPacks() => EmbeddedPacks("monitoring/");

    private static RuleSource[] EmbeddedPacks(string prefix)
    {
        var assembly = typeof(RuleSource).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new RuleSource(n, ReadResource(assembly, n)))
            .ToArray();
    }

    /// <summary>Reads a rule file from disk; a file that cannot be read, or is over the size limit, is reported as a load error.</summary>
    /// <param name="path">Path of the rule file.</param>
    /// <param name="limits">Its <see cref="RuleLimits.Yaml"/> file size limit applies before reading; <see cref="RuleLimits.Default"/> when null.</param>
    public static LoadResult<RuleSource> FromFile(string path, RuleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var maxBytes = (limits ?? RuleLimits.Default).Yaml.MaxFileBytes;
        if (Directory.Exists(path))
        {
            return new LoadResult<RuleSource>(null, [new LoadError(LoadErrorCodes.FileUnreadable, "This is a directory, not a rule file; give a directory of packs with --rules.", path, 1, 1)]);
        }

        try
        {
            // Read no further than the limit allows, even if the file grows while it is read.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                return TooLarge(path, $"The rule file is {stream.Length:N0} bytes, over the limit of {maxBytes:N0} (limit MaxFileBytes).");
            }

            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[16384];
            var text = new StringBuilder();
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > maxBytes)
                {
                    return TooLarge(path, $"The rule file is over the limit of {maxBytes:N0} bytes (limit MaxFileBytes).");
                }
            }

            return new LoadResult<RuleSource>(new RuleSource(path, text.ToString()), []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return new LoadResult<RuleSource>(null, [new LoadError(LoadErrorCodes.FileUnreadable, $"Cannot read the rule file: {ex.Message}", path, 1, 1)]);
        }
    }

    /// <summary>
    /// The rule files (<c>*.yaml</c>, <c>*.yml</c>) directly in <paramref name="directory"/>, in name order. A directory
    /// without any is a <c>no-rules</c> error, not an empty list: a rule set without its rules would pass every design.
    /// </summary>
    /// <param name="directory">The directory to read.</param>
    /// <param name="limits">Its <see cref="RuleLimits.Yaml"/> file size limit applies to each file; <see cref="RuleLimits.Default"/> when null.</param>
    public static LoadResult<IReadOnlyList<RuleSource>> FromDirectory(string directory, RuleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string[] files;
        try
        {
            files = Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Security.SecurityException)
        {
            return new LoadResult<IReadOnlyList<RuleSource>>(null, [new LoadError(LoadErrorCodes.FileUnreadable, $"Cannot read the rule directory: {ex.Message}", directory, 1, 1)]);
        }

        // Fail closed: an empty directory, one of other files only, or a folder named x.yaml is a mistake (or a
        // delete-and-rewrite caught half-way), never "no rules apply".
        if (files.Length == 0)
        {
            return new LoadResult<IReadOnlyList<RuleSource>>(null, [new LoadError(RuleErrorCodes.NoRules,
                "The rule directory holds no rule files (*.yaml, *.yml directly in it; folders and other files are skipped); without rules every design would pass.", directory, 1, 1)]);
        }

        var sources = new List<RuleSource>();
        var errors = new List<LoadError>();
        foreach (var file in files)
        {
            var source = FromFile(file, limits);
            errors.AddRange(source.Errors);
            if (source.Value is { } value)
            {
                sources.Add(value);
            }
        }

        return new LoadResult<IReadOnlyList<RuleSource>>(sources, errors);
    }

    private static LoadResult<RuleSource> TooLarge(string path, string message) =>
        new(null, [new LoadError(LoadErrorCodes.LimitExceeded, message, path, 1, 1)]);

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
