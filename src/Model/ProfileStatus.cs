namespace Procurement.Rules.Model;

/// <summary>Where a care profile stands in a month of a running framework (status in de maand).</summary>
public enum ProfileStatus
{
    /// <summary>Care was delivered under the profile in the month (actief).</summary>
    Active,

    /// <summary>The profile ended in the month (beëindigd).</summary>
    Ended,
}
