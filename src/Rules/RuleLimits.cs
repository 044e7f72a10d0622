using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>
/// Limits that keep a hostile or broken rule file from exhausting memory, stack or time while it loads (regellimieten).
/// Every breach is a load error that names the limit; nothing over a limit is compiled or run.
/// </summary>
public sealed record RuleLimits
{
    /// <summary>The defaults: each is many times what the shipped packs need.</summary>
    public static RuleLimits Default { get; } = new();

    /// <summary>Limits on each rule file's size and YAML shape (default 1 MiB, depth 32, 200,000 nodes, 65,536 characters a value).</summary>
    public YamlLimits Yaml { get; init; } = YamlLimits.Default with { MaxFileBytes = 1024 * 1024, MaxNodes = 200_000 };

    /// <summary>Most rules in all files of one load together (default 1,000).</summary>
    public int MaxRules { get; init; } = 1_000;

    /// <summary>
    /// Most expressions parsed in one load: conditions, clauses, derived values and message placeholders together
    /// (default 5,000). With <see cref="MaxExpressionNodes"/> it bounds the time a load can take.
    /// </summary>
    public int MaxExpressions { get; init; } = 5_000;

    /// <summary>Longest expression, in characters (default 2,000).</summary>
    public int MaxExpressionLength { get; init; } = 2_000;

    /// <summary>Deepest nesting of brackets in an expression (default 24); keeps the recursive parser's stack bounded.</summary>
    public int MaxNesting { get; init; } = 24;

    /// <summary>Most prefix operators in a row, such as <c>!!!!</c> (default 8).</summary>
    public int MaxUnaryRun { get; init; } = 8;

    /// <summary>Deepest nesting of quantifiers (<c>Any</c>, <c>All</c>, <c>Count</c>, ...) in an expression (default 2).</summary>
    public int MaxQuantifierDepth { get; init; } = 2;

    /// <summary>
    /// Most nodes in an expression once the derived (<c>let</c>) values it uses are written out in full (default 2,000).
    /// Derived values that use each other twice over would otherwise double in size at every step.
    /// </summary>
    public int MaxExpressionNodes { get; init; } = 2_000;
}
