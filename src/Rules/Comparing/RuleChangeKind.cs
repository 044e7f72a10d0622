namespace Procurement.Rules.Comparing;

/// <summary>How a rule differs between two rule sets.</summary>
public enum RuleChangeKind
{
    /// <summary>The rule reads the same in both sets.</summary>
    Unchanged = 0,

    /// <summary>The rule is only in the head set.</summary>
    Added = 1,

    /// <summary>The rule is only in the base set.</summary>
    Removed = 2,

    /// <summary>The rule is in both sets but reads differently.</summary>
    Changed = 3,
}
