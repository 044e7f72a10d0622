using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>
/// How one rule went for the subjects of one design (toelichting), from <see cref="RuleSet.Explain"/>: per subject,
/// whether <c>when</c> held and each clause's outcome with the values it read, for a person to follow the rule's
/// reasoning (the <c>explain</c> command, a workbench).
/// </summary>
public sealed record RuleExplanation
{
    /// <summary>Id of the explained rule.</summary>
    public required string RuleId { get; init; }

    /// <summary>The reference date (peildatum) the rule was evaluated on.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Every subject of the rule in design order (or only the one asked for), whether or not the rule is enabled and effective on <see cref="AsOf"/>.</summary>
    public required IReadOnlyList<SubjectExplanation> Subjects { get; init; }
}

/// <summary>How one rule went for one subject: whether <c>when</c> held and, when it did, each clause's outcome.</summary>
public sealed record SubjectExplanation
{
    /// <summary>Path of the subject, as findings name it, e.g. <c>careProfiles[zhz-zp-010]</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>The subject as values (kind and ids), from which <see cref="Subject"/> is derived.</summary>
    public required SubjectReference SubjectReference { get; init; }

    /// <summary>Where the subject is defined in the design file.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>
    /// Whether the rule's <c>when</c> held (<see cref="ConditionOutcome.Held"/> also for a rule without one), was false
    /// (the rule does not apply to the subject) or threw (see <see cref="Error"/>).
    /// </summary>
    public required ConditionOutcome When { get; init; }

    /// <summary>When <c>when</c> threw: the exception's type and message; otherwise null.</summary>
    public string? Error { get; init; }

    /// <summary>Each <c>require</c> clause in rule order when <c>when</c> held; empty otherwise.</summary>
    public required IReadOnlyList<ClauseExplanation> Clauses { get; init; }

    /// <summary>The waiver (geaccepteerde afwijking) that matches the rule for this subject, active or expired; null when none does.</summary>
    public FindingWaiver? Waiver { get; init; }
}

/// <summary>One <c>require</c> clause for one subject: its outcome and the values it read.</summary>
public sealed record ClauseExplanation
{
    /// <summary>Name of the clause.</summary>
    public required string Name { get; init; }

    /// <summary>The clause's expression as written in the rule.</summary>
    public required string Expression { get; init; }

    /// <summary>Whether the clause held, failed (a finding) or threw (an evaluation error, see <see cref="Error"/>).</summary>
    public required ConditionOutcome Outcome { get; init; }

    /// <summary>The members and parameters the clause reads, with their values for the subject, in the clause's order.</summary>
    public required IReadOnlyList<FindingValue> Values { get; init; }

    /// <summary>When the clause threw: the exception's type and message; otherwise null.</summary>
    public string? Error { get; init; }
}

/// <summary>The outcome of a rule's <c>when</c> or of one of its clauses for one subject.</summary>
public enum ConditionOutcome
{
    /// <summary>The condition held.</summary>
    Held,

    /// <summary>The condition was false: for a clause, a finding; for <c>when</c>, the rule does not apply.</summary>
    Failed,

    /// <summary>Evaluating the condition threw: the rule could not be evaluated for the subject (an evaluation error).</summary>
    Threw,
}
