namespace Procurement.Rules;

/// <summary>Options for one evaluation of a design.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The options used when none are given.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>
    /// The reference date (peildatum) for effective dates and participation; rules never read a clock.
    /// When null, the first day of the design's purchasing period.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Findings below this severity are left out of the report (they still count as evaluated).</summary>
    public Severity MinimumSeverity { get; init; } = Severity.Info;

    /// <summary>Longest an evaluation may take; when exceeded it stops with a <see cref="TimeoutException"/>. Null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Evaluate subjects on several threads; the report is the same either way.</summary>
    public bool Parallel { get; init; }

    /// <summary>When set (by the rule-test runner), clause outcomes are counted per rule id; evaluation is then sequential.</summary>
    internal IReadOnlyDictionary<string, Compiling.ClauseCounts>? Coverage { get; init; }
}
