using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Properties;

/// <summary>The shipped rule packs, loaded once, and helpers to show findings and read back a shrunk design.</summary>
internal static class Shipped
{
    private static readonly Lazy<RuleSet> Default = new(() => RuleSet.LoadDefault().GetValueOrThrow());

    public static RuleSet Rules => Default.Value;

    /// <summary>The shipped pack texts with one replacement applied to the pack that contains <paramref name="find"/>.</summary>
    public static RuleSource[] PacksWith(string find, string replace)
    {
        var packs = RuleSource.DefaultPacks().ToArray();
        var hits = packs.Count(p => p.Yaml.Contains(find, StringComparison.Ordinal));
        if (hits != 1)
        {
            throw new InvalidOperationException($"'{find}' occurs in {hits} shipped packs; expected exactly one.");
        }

        return [.. packs.Select(p => p.Yaml.Contains(find, StringComparison.Ordinal) ? p with { Yaml = p.Yaml.Replace(find, replace, StringComparison.Ordinal) } : p)];
    }

    public static string Describe(IEnumerable<Finding> findings) =>
        string.Join(Environment.NewLine, findings.Select(f => $"  {f.RuleId} {f.Subject} #{f.Clause}: {f.Message}"));

    public static string Describe(IEnumerable<(string Rule, string Subject, string Clause)> findings) =>
        string.Join(Environment.NewLine, findings.Select(f => $"  {f.Rule} {f.Subject} #{f.Clause}"));

    /// <summary>The shrunk design in a property failure message (the YAML printed after <c>Shrunk:</c>), loaded.</summary>
    public static TenderDesign ShrunkDesign(string message)
    {
        var start = message.IndexOf("Shrunk:", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("The failure was not shrunk:" + Environment.NewLine + message);
        }

        var text = message[(start + "Shrunk:".Length)..].TrimStart('\r', '\n');
        var end = text.IndexOf("with exception:", StringComparison.Ordinal);
        if (end >= 0)
        {
            text = text[..end];
        }

        return TenderDesignLoader.LoadString(text, "shrunk.yaml").GetValueOrThrow();
    }
}
