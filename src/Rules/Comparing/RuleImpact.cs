namespace Procurement.Rules.Comparing;

/// <summary>The impact of a rule-set change on one rule: what changed in it and how many subjects it moved.</summary>
public sealed record RuleImpact
{
    /// <summary>Id of the rule.</summary>
    public required string RuleId { get; init; }

    /// <summary>Whether the rule was added, removed, changed or left as it was.</summary>
    public required RuleChangeKind Kind { get; init; }

    /// <summary>What changed when <see cref="Kind"/> is <see cref="RuleChangeKind.Changed"/>: any of <c>severity</c>,
    /// <c>expression</c>, <c>effective</c>, <c>enabled</c>, <c>parameters</c>, <c>message</c>, <c>title</c>, <c>reference</c>.</summary>
    public IReadOnlyList<string> Aspects { get; init; } = [];

    /// <summary>The rule in the base set, when it is there.</summary>
    public RuleInfo? Base { get; init; }

    /// <summary>The rule in the head set, when it is there.</summary>
    public RuleInfo? Head { get; init; }

    /// <summary>Subjects (over all compared designs) that pass the rule in the base and fail it in the head.</summary>
    public int NewlyFailing { get; init; }

    /// <summary>Subjects (over all compared designs) that fail the rule in the base and pass it in the head.</summary>
    public int NewlyPassing { get; init; }

    /// <summary>Subjects that fail in both but whose findings differ (severity, clause or values).</summary>
    public int Changed { get; init; }
}
