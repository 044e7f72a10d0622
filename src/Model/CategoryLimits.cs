namespace Procurement.Rules.Model;

/// <summary>Limits of a category (grenzen): a profile above them does not fit the category.</summary>
/// <param name="IntensityHoursPerWeek">Maximum intensity in hours per week, or <see langword="null"/> for no limit.</param>
/// <param name="DurationMonths">Maximum duration in months, or <see langword="null"/> for no limit.</param>
/// <param name="Budget">Maximum budget per profile in euros, or <see langword="null"/> for no limit.</param>
public sealed record CategoryLimits(decimal? IntensityHoursPerWeek, int? DurationMonths, decimal? Budget)
{
    /// <summary>Limits that allow everything.</summary>
    public static CategoryLimits None { get; } = new(null, null, null);
}
