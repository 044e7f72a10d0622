namespace Procurement.Rules.Model;

/// <summary>
/// A month with care under a profile, as a provider indexes it (<see cref="Provider.ProfilesWithCare"/>): the month as a
/// number (<see cref="MonthIndex"/>), the month of the same profile's row before it (<see cref="int.MinValue"/> for its
/// first), the profile, and whether it was ever escalated from light to heavy (most were not, so most rows need not
/// look at the profile's escalations).
/// </summary>
internal readonly record struct CareMonth(int Month, int Previous, CareProfile Profile, bool Upscaled)
{
    /// <summary>The rows of <paramref name="profile"/>'s months, which are in month order.</summary>
    public static IEnumerable<CareMonth> Of(CareProfile profile)
    {
        var previous = int.MinValue;
        var upscaled = profile.Escalations.Any(e => e.IsUpscaling);
        foreach (var month in profile.Months)
        {
            var index = MonthIndex.Of(month.Month);
            yield return new CareMonth(index, previous, profile, upscaled);
            previous = index;
        }
    }
}
