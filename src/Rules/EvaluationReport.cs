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

    /// <summary>
    /// Every waiver that applies to this design with its state, the findings it matched and whether it expires soon,
    /// in the order given; null when the design was evaluated without waivers.
    /// </summary>
    public IReadOnlyList<WaiverUse>? Waivers { get; init; }

    /// <summary>Number of open (not waived) findings with severity error.</summary>
    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error && !f.IsWaived);

    /// <summary>Number of open (not waived) findings with severity warning.</summary>
    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning && !f.IsWaived);

    /// <summary>Number of open (not waived) findings with severity info.</summary>
    public int InfoCount => Findings.Count(f => f.Severity == Severity.Info && !f.IsWaived);

    /// <summary>Number of findings waived by an active waiver (afwijking geaccepteerd); null when evaluated without waivers.</summary>
    public int? WaivedCount => Waivers is null ? null : Findings.Count(f => f.IsWaived);

    /// <summary>Number of open findings whose waiver has expired; null when evaluated without waivers.</summary>
    public int? ExpiredWaiverCount => Waivers is null ? null : Findings.Count(f => f.Waiver is { State: WaiverState.Expired });

    /// <summary>Whether any open (not waived) finding is at or above <paramref name="severity"/>: what <c>--fail-on</c> and the exit code count.</summary>
    public bool HasFindingsAtOrAbove(Severity severity) => Findings.Any(f => f.Severity >= severity && !f.IsWaived);
}
