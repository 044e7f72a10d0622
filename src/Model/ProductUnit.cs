namespace Procurement.Rules.Model;

/// <summary>Unit (eenheid) in which a product is allocated and paid.</summary>
public enum ProductUnit
{
    /// <summary>Minute (minuut), a unit of time.</summary>
    Minute,

    /// <summary>Hour (uur), a unit of time.</summary>
    Hour,

    /// <summary>Part of a day (dagdeel), a unit of time.</summary>
    DayPart,

    /// <summary>A day and night (etmaal), a unit of time, usual for a stay.</summary>
    Day,

    /// <summary>Week (week), a unit of time.</summary>
    Week,

    /// <summary>Month (maand), a unit of time.</summary>
    Month,

    /// <summary>One delivered product (stuk), for output-based care.</summary>
    Product,

    /// <summary>A whole trajectory (traject), for output-based care.</summary>
    Trajectory,
}
