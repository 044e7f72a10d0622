namespace Procurement.Rules;

/// <summary>The outcome of checking one design against a rule set (toetsingsrapport); deterministic for the same inputs.</summary>
public sealed record EvaluationReport
{
    /// <summary>Id of the design that was checked.</summary>
    public required string DesignId { get; init; }

    /// <summary>Path of the design file.</summary>
    public required string DesignFile { get; init; }

    /// <summary>The reference date used.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Content hash of the rule set that was used.</summary>
    public required string RuleSetHash { get; init; }

    /// <summary>All findings, ordered by rule id, then subject path, then clause order.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>One summary per rule, ordered by rule id.</summary>
    public required IReadOnlyList<RuleSummary> Rules { get; init; }

    /// <summary>Number of findings with severity error.</summary>
    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    /// <summary>Number of findings with severity warning.</summary>
    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);

    /// <summary>Number of findings with severity info.</summary>
    public int InfoCount => Findings.Count(f => f.Severity == Severity.Info);

    /// <summary>Whether any finding is at or above <paramref name="severity"/>.</summary>
    public bool HasFindingsAtOrAbove(Severity severity) => Findings.Any(f => f.Severity >= severity);
}
