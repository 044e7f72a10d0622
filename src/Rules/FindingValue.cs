namespace Procurement.Rules;

/// <summary>One value a failing clause read, e.g. <c>profile.Budget = 64000</c>.</summary>
/// <param name="Expression">The member path as written in the rule, e.g. <c>profile.Lot.Heavy.Limits.Budget</c>.</param>
/// <param name="Value">The value, rendered invariantly (ids for model items, <c>yyyy-MM-dd</c> for dates, <c>null</c> when absent).</param>
public sealed record FindingValue(string Expression, string Value);
