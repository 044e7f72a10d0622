namespace Procurement.Rules;

/// <summary>Whether, and why not, a rule applied in an evaluation.</summary>
public enum RuleApplication
{
    /// <summary>The rule applied to at least one subject.</summary>
    Applied,

    /// <summary>The rule's <c>when</c> was false for every subject, or there were no subjects.</summary>
    NoMatchingSubjects,

    /// <summary>The reference date lies outside the rule's effective period (ingangsdatum/einddatum).</summary>
    NotEffective,

    /// <summary>The rule is disabled by an override file.</summary>
    Disabled,
}
