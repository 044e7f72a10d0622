namespace Procurement.Rules.Model;

/// <summary>Months counted from year 0, so that a month is a number: the month of any day, and how far apart two months are.</summary>
internal static class MonthIndex
{
    /// <summary>The month of <paramref name="date"/> as a number.</summary>
    public static int Of(DateOnly date) => (date.Year * 12) + date.Month - 1;

    /// <summary>How many months of <paramref name="period"/> lie from <paramref name="first"/> through <paramref name="last"/>, counting a month the period touches as a whole.</summary>
    public static int Overlap(Period period, int first, int last)
    {
        var from = Math.Max(first, Of(period.From));
        var until = Math.Min(last, period.Until is { } end ? Of(end) : int.MaxValue);
        return Math.Max(0, until - from + 1);
    }
}
