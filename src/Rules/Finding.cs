using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>One failed clause of one rule for one subject (bevinding): what failed, where, with which values.</summary>
/// <remarks>
/// When an evaluation has no bound (no <see cref="EvaluationOptions.Timeout"/> and a token that cannot be cancelled),
/// its findings render their <see cref="Message"/> and <see cref="Values"/> from the design the first time either is
/// read (once, from any thread): checking a large design then costs what finding its failures costs, and a report that
/// is only counted or compared never renders text. Until then such a finding keeps the design alive. With a bound, the
/// evaluation renders them itself, within that bound. Two findings are equal when all their properties are, the values
/// compared item by item.
/// </remarks>
public sealed record Finding
{
    private readonly string? _message;
    private readonly IReadOnlyList<FindingValue>? _values;
    private readonly Lazy<(string Message, FindingValue[] Values)>? _rendered;

    /// <summary>A finding with all its properties given.</summary>
    public Finding()
    {
    }

    /// <summary>
    /// A finding whose message and values are <paramref name="rendered"/> (already, or on first read); the caller's
    /// object initializer sets every other required property.
    /// </summary>
#pragma warning disable CS8618 // The object initializer of the one caller (CompiledRule.Fail) sets the required properties.
    [SetsRequiredMembers]
    internal Finding(Lazy<(string Message, FindingValue[] Values)> rendered) => _rendered = rendered;
#pragma warning restore CS8618

    /// <summary>Id of the rule, e.g. <c>MC-002</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Title of the rule.</summary>
    public required string Title { get; init; }

    /// <summary>Severity after layering.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Path of the subject, e.g. <c>careProfiles[P-0042]</c>, or <c>design</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>
    /// The subject as values (kind and ids), from which <see cref="Subject"/> is derived; set on every finding an
    /// evaluation makes, null on findings read back from a JSON report (which holds only the path).
    /// </summary>
    [JsonIgnore]
    public SubjectReference? SubjectReference { get; init; }

    /// <summary>Where the subject is defined in the design file, when known.</summary>
    public SourceLocation? SubjectLocation { get; init; }

    /// <summary>The rendered message (melding), in Dutch for the shipped packs.</summary>
    public required string Message
    {
        get => _message ?? _rendered?.Value.Message ?? string.Empty;
        init => _message = value;
    }

    /// <summary>Name of the failing <c>require</c> clause, or <c>evaluation-error</c> when the rule could not be evaluated.</summary>
    public required string Clause { get; init; }

    /// <summary>The failing clause's expression as written.</summary>
    public required string ClauseExpression { get; init; }

    /// <summary>The values of the members the clause read, in the order they appear in it.</summary>
    public IReadOnlyList<FindingValue> Values
    {
        get => _values ?? _rendered?.Value.Values ?? [];
        init => _values = value;
    }

    /// <summary>Reason code (reden), e.g. an iJw-style rejection reason, if the rule gives one.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Policy reference (beleidsreferentie), e.g. a paragraph of the purchasing framework.</summary>
    public string? Reference { get; init; }

    /// <summary>Where the rule's severity was set (the pack, or the override file that changed it).</summary>
    public SourceLocation? SeveritySetBy { get; init; }

    /// <summary>
    /// The waiver (geaccepteerde afwijking) that matched this finding, active or expired on the reference date; null
    /// when none did (or the evaluation had no waivers).
    /// </summary>
    public FindingWaiver? Waiver { get; init; }

    /// <summary>Whether an active waiver waives this finding: it stays in the report but is not counted as open.</summary>
    [JsonIgnore]
    public bool IsWaived => Waiver is { State: WaiverState.Active };

    /// <summary>Whether every property of <paramref name="other"/> equals this one's, the values item by item.</summary>
    public bool Equals(Finding? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (RuleId == other.RuleId && Title == other.Title && Severity == other.Severity && Subject == other.Subject
                && SubjectLocation == other.SubjectLocation && Clause == other.Clause && ClauseExpression == other.ClauseExpression
                && ReasonCode == other.ReasonCode && Reference == other.Reference && SeveritySetBy == other.SeveritySetBy && Waiver == other.Waiver
                && Message == other.Message && Values.SequenceEqual(other.Values)));

    /// <summary>A hash of the rule, subject, clause and message.</summary>
    public override int GetHashCode() => HashCode.Combine(RuleId, Subject, Clause, Message);
}
