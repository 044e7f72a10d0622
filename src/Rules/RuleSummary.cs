using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>Per-rule counts of one evaluation, and why a rule did not apply.</summary>
public sealed record RuleSummary
{
    /// <summary>Id of the rule.</summary>
    public required string RuleId { get; init; }

    /// <summary>Whether the rule applied, and if not, why not.</summary>
    public required RuleApplication Application { get; init; }

    /// <summary>Subjects in the rule's scope.</summary>
    public int Subjects { get; init; }

    /// <summary>Subjects for which <c>when</c> held, so the clauses were checked.</summary>
    public int Applied { get; init; }

    /// <summary>Subjects with at least one failing clause (or an evaluation error).</summary>
    public int Failed { get; init; }

    /// <summary>For a disabled rule: where it was disabled.</summary>
    public SourceLocation? DisabledBy { get; init; }
}
