using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>What a loaded rule says, after layering: for listings, explanations and reports.</summary>
public sealed record RuleInfo
{
    /// <summary>Id of the rule, e.g. <c>MC-002</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Title of the rule.</summary>
    public required string Title { get; init; }

    /// <summary>Name of the pack that defines the rule.</summary>
    public required string Pack { get; init; }

    /// <summary>Severity after layering.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The collection the rule ranges over, e.g. <c>CareProfiles</c>, or <c>design</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>The variable that names one subject in the expressions, e.g. <c>profile</c>.</summary>
    public required string SubjectVariable { get; init; }

    /// <summary>The <c>when</c> expression, or null when the rule applies to every subject.</summary>
    public string? When { get; init; }

    /// <summary>The named <c>require</c> clauses as (name, expression), in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Clauses { get; init; }

    /// <summary>The message template.</summary>
    public string? Message { get; init; }

    /// <summary>Policy reference (beleidsreferentie).</summary>
    public string? Reference { get; init; }

    /// <summary>Reason code, if any.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Period in which the rule is effective (geldig), after layering; null when always.</summary>
    public Period? Effective { get; init; }

    /// <summary>Whether the rule is enabled after layering.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Where the rule is defined.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where its severity was last set (its own file, or an override).</summary>
    public required SourceLocation SeveritySetBy { get; init; }

    /// <summary>Where it was disabled, when an override disabled it.</summary>
    public SourceLocation? DisabledBy { get; init; }

    /// <summary>Parameter values the rule was compiled with, after layering.</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; init; } = new Dictionary<string, object>();

    /// <summary>Where each of <see cref="Parameters"/> was set: the pack that defines it, or the override file that set it last.</summary>
    public IReadOnlyDictionary<string, SourceLocation> ParametersSetBy { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>Set when 'when' reads nothing of the subject and is false: the rule can never apply (a lint finding).</summary>
    internal bool WhenIsAlwaysFalse { get; init; }
}
