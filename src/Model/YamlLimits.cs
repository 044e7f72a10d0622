namespace Procurement.Rules.Model;

/// <summary>Limits that keep a hostile or broken YAML file from exhausting memory or time; each breach is a <c>limit-exceeded</c> error.</summary>
public sealed record YamlLimits
{
    /// <summary>The defaults: large enough for a national design of 500,000 care profiles.</summary>
    public static YamlLimits Default { get; } = new();

    /// <summary>Largest file accepted, in bytes (default 512 MiB).</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences (default 32).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most nodes in the document, counting every alias as a full copy of what it names (default 20,000,000).</summary>
    public long MaxNodes { get; init; } = 20_000_000;

    /// <summary>Longest text value, in characters (default 65,536).</summary>
    public int MaxScalarLength { get; init; } = 65_536;

    /// <summary>
    /// Most errors reported for one file (default 200). When a file reaches it, loading that file stops and one more
    /// <c>too-many-errors</c> error ends its list, so a broken or hostile file cannot flood a log; values below 1 count as 1.
    /// </summary>
    public int MaxErrors { get; init; } = 200;
}
