using Procurement.Rules.Model;

namespace Procurement.Rules.Linting;

/// <summary>What linting rule files found: load errors (the files cannot be used) and issues (they can, but look wrong).</summary>
public sealed record LintReport
{
    /// <summary>Errors that stop the files from loading, with positions.</summary>
    public required IReadOnlyList<LoadError> Errors { get; init; }

    /// <summary>Issues in files that load, ordered by file and position.</summary>
    public required IReadOnlyList<LintIssue> Issues { get; init; }

    /// <summary>The hash of the rule files linted, as <see cref="RuleSet.Hash"/> of a rule set loaded from them.</summary>
    public string RuleSetHash { get; init; } = string.Empty;
}
