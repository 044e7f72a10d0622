namespace Procurement.Rules.Comparing;

/// <summary>The comparison of two reports for one design: every finding of either, classified.</summary>
public sealed record ReportDiff
{
    /// <summary>The base report.</summary>
    public required EvaluationReport Base { get; init; }

    /// <summary>The head report.</summary>
    public required EvaluationReport Head { get; init; }

    /// <summary>All findings of both reports, ordered by rule id, subject and clause; unchanged ones included.</summary>
    public required IReadOnlyList<FindingDiff> Findings { get; init; }

    /// <summary>Waivers added, removed or expired between the base and the head (<see cref="WaiverChange.Between"/>).</summary>
    public IReadOnlyList<WaiverChange> Waivers => WaiverChange.Between(Base, Head);

    /// <summary>Whether nothing changed: every finding is <see cref="FindingChange.Unchanged"/>.</summary>
    public bool IsEmpty => Findings.All(f => f.Change == FindingChange.Unchanged);

    /// <summary>Number of findings with the given change.</summary>
    public int Count(FindingChange change) => Findings.Count(f => f.Change == change);
}
