using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>One failed clause of one rule for one subject (bevinding): what failed, where, with which values.</summary>
public sealed record Finding
{
    /// <summary>Id of the rule, e.g. <c>MC-002</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Title of the rule.</summary>
    public required string Title { get; init; }

    /// <summary>Severity after layering.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Path of the subject, e.g. <c>careProfiles[P-0042]</c>, or <c>design</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>Where the subject is defined in the design file, when known.</summary>
    public SourceLocation? SubjectLocation { get; init; }

    /// <summary>The rendered message (melding), in Dutch for the shipped packs.</summary>
    public required string Message { get; init; }

    /// <summary>Name of the failing <c>require</c> clause, or <c>evaluation-error</c> when the rule could not be evaluated.</summary>
    public required string Clause { get; init; }

    /// <summary>The failing clause's expression as written.</summary>
    public required string ClauseExpression { get; init; }

    /// <summary>The values of the members the clause read, in the order they appear in it.</summary>
    public IReadOnlyList<FindingValue> Values { get; init; } = [];

    /// <summary>Reason code (reden), e.g. an iJw-style rejection reason, if the rule gives one.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Policy reference (beleidsreferentie), e.g. a paragraph of the purchasing framework.</summary>
    public string? Reference { get; init; }

    /// <summary>Where the rule's severity was set (the pack, or the override file that changed it).</summary>
    public SourceLocation? SeveritySetBy { get; init; }
}
