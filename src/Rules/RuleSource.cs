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
    public static IReadOnlyList<RuleSource> DefaultPacks()
    {
        var assembly = typeof(RuleSource).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new RuleSource(n, ReadResource(assembly, n)))
            .ToArray();
    }

    /// <summary>Reads a rule file from disk; a file that cannot be read is reported as a load error.</summary>
    public static LoadResult<RuleSource> FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return new LoadResult<RuleSource>(new RuleSource(path, File.ReadAllText(path, Encoding.UTF8)), []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return new LoadResult<RuleSource>(null, [new LoadError(LoadErrorCodes.FileUnreadable, $"Cannot read the rule file: {ex.Message}", path, 1, 1)]);
        }
    }

    /// <summary>The rule files (<c>*.yaml</c>, <c>*.yml</c>) directly in <paramref name="directory"/>, in name order.</summary>
    public static LoadResult<IReadOnlyList<RuleSource>> FromDirectory(string directory)
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

        var sources = new List<RuleSource>();
        var errors = new List<LoadError>();
        foreach (var file in files)
        {
            var source = FromFile(file);
            errors.AddRange(source.Errors);
            if (source.Value is { } value)
            {
                sources.Add(value);
            }
        }

        return new LoadResult<IReadOnlyList<RuleSource>>(sources, errors);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
