namespace Procurement.Rules.Model;

/// <summary>
/// What was realised under a care profile in one month of a running framework (realisatie per maand): its status, the
/// hours or units delivered and what was spent, as exported from a municipality's or provider's records.
/// </summary>
public sealed class ProfileMonth
{
    internal ProfileMonth(CareProfile profile, DateOnly month, ProfileStatus status, decimal? hours, decimal? units, decimal? spend, SourceLocation location)
    {
        Profile = profile;
        Month = month;
        Status = status;
        Hours = hours;
        Units = units;
        Spend = spend;
        Location = location;
    }

    /// <summary>The care profile (zorgprofiel).</summary>
    public CareProfile Profile { get; }

    /// <summary>The month, as its first day.</summary>
    public DateOnly Month { get; }

    /// <summary>Whether the profile was active or ended in the month.</summary>
    public ProfileStatus Status { get; }

    /// <summary>Hours of care delivered in the month (gerealiseerde uren), if stated.</summary>
    public decimal? Hours { get; }

    /// <summary>Units of care delivered in the month (gerealiseerde eenheden), if stated.</summary>
    public decimal? Units { get; }

    /// <summary>What was spent in the month in euros (uitgaven), if stated.</summary>
    public decimal? Spend { get; }

    /// <summary>Where the month's row or item is in its file.</summary>
    public SourceLocation Location { get; }
}
