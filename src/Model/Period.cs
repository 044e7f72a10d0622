namespace Procurement.Rules.Model;

/// <summary>A period of days (looptijd), both ends inclusive; an open end means "until further notice".</summary>
/// <param name="From">First day of the period.</param>
/// <param name="Until">Last day of the period, or <see langword="null"/> when it has no end.</param>
public readonly record struct Period(DateOnly From, DateOnly? Until)
{
    /// <summary>Whether <paramref name="date"/> falls inside the period.</summary>
    public bool Contains(DateOnly date) => date >= From && (Until is not { } until || date <= until);

    /// <summary>Whether this period lies entirely inside <paramref name="outer"/>.</summary>
    public bool IsWithin(Period outer) =>
        From >= outer.From && (outer.Until is not { } outerUntil || (Until is { } until && until <= outerUntil));

    /// <summary>Whether this period and <paramref name="other"/> share at least one day.</summary>
    public bool Overlaps(Period other) =>
        (Until is not { } until || other.From <= until) && (other.Until is not { } otherUntil || From <= otherUntil);

    /// <summary>Renders the period as <c>from..until</c>, with an open end shown as <c>..</c>.</summary>
    public override string ToString() => $"{From:yyyy-MM-dd}..{(Until is { } u ? u.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";
}
