namespace Procurement.Rules.Comparing;

/// <summary>How a finding differs between a base and a head report.</summary>
public enum FindingChange
{
    /// <summary>In both reports with the same severity, clause and values.</summary>
    Unchanged = 0,

    /// <summary>Only in the head report: the change introduced it.</summary>
    New = 1,

    /// <summary>Only in the base report: the change fixed it.</summary>
    Resolved = 2,

    /// <summary>Same rule and subject in both, but a different severity, clause or values.</summary>
    Changed = 3,
}
