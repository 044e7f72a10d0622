using System.Globalization;

namespace Procurement.Rules.Monitoring;

/// <summary>
/// The periods of a monitoring report, numbered: the months of the range first (0 .. months-1), then the calendar
/// quarters the range touches, then the whole range as the last period.
/// </summary>
internal sealed class MonitoringCalendar
{
    private readonly DateOnly _first;
    private readonly int[] _quarterOfMonth;

    /// <summary>The calendar from the month of <paramref name="from"/> through the month of <paramref name="until"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> lies before <paramref name="from"/>, the range is over <see cref="MonitoringReport.MaxMonths"/> months, or outside <see cref="MonitoringReport.EarliestMonth"/> to <see cref="MonitoringReport.LatestMonth"/>.</exception>
    public MonitoringCalendar(DateOnly from, DateOnly until)
    {
        if (from < MonitoringReport.EarliestMonth || until >= MonitoringReport.LatestMonth.AddMonths(1))
        {
            throw new ArgumentOutOfRangeException(from < MonitoringReport.EarliestMonth ? nameof(from) : nameof(until), $"A monitoring report covers months from {MonitoringReport.EarliestMonth:yyyy-MM} to {MonitoringReport.LatestMonth:yyyy-MM}.");
        }

        _first = new DateOnly(from.Year, from.Month, 1);
        MonthCount = Index(until) - Index(_first) + 1;
        if (MonthCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"The last month ({until:yyyy-MM}) lies before the first ({from:yyyy-MM}).");
        }

        if (MonthCount > MonitoringReport.MaxMonths)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"A monitoring report covers at most {MonitoringReport.MaxMonths} months; {from:yyyy-MM} to {until:yyyy-MM} is {MonthCount}.");
        }

        _quarterOfMonth = new int[MonthCount];
        var quarters = new List<(int Year, int Quarter, int FirstMonth, int LastMonth)>();
        for (var m = 0; m < MonthCount; m++)
        {
            var month = FirstDayOf(m);
            var quarter = ((month.Month - 1) / 3) + 1;
            if (quarters.Count == 0 || quarters[^1].Year != month.Year || quarters[^1].Quarter != quarter)
            {
                quarters.Add((month.Year, quarter, m, m));
            }

            quarters[^1] = quarters[^1] with { LastMonth = m };
            _quarterOfMonth[m] = MonthCount + quarters.Count - 1;
        }

        Quarters = quarters.Select(q => (string.Create(CultureInfo.InvariantCulture, $"{q.Year}-Q{q.Quarter}"), q.FirstMonth, q.LastMonth)).ToList();
    }

    /// <summary>The number of months in the range.</summary>
    public int MonthCount { get; }

    /// <summary>The quarters, in order: label (<c>2024-Q1</c>) and their first and last month in the range.</summary>
    public IReadOnlyList<(string Label, int FirstMonth, int LastMonth)> Quarters { get; }

    /// <summary>Months, quarters and the whole range.</summary>
    public int PeriodCount => MonthCount + Quarters.Count + 1;

    /// <summary>The first day of month <paramref name="month"/> of the range.</summary>
    public DateOnly FirstDayOf(int month) => _first.AddMonths(month);

    /// <summary>The last day of month <paramref name="month"/> of the range: its reference date.</summary>
    public DateOnly LastDayOf(int month) => _first.AddMonths(month + 1).AddDays(-1);

    /// <summary>The label of month <paramref name="month"/>: <c>2024-01</c>.</summary>
    public string MonthLabel(int month) => FirstDayOf(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month of the range <paramref name="date"/> falls in, or null outside the range.</summary>
    public int? MonthOf(DateOnly date)
    {
        var m = Index(date) - Index(_first);
        return m >= 0 && m < MonthCount ? m : null;
    }

    /// <summary>The period number of the quarter month <paramref name="month"/> belongs to.</summary>
    public int QuarterOf(int month) => _quarterOfMonth[month];

    private static int Index(DateOnly date) => (date.Year * 12) + date.Month - 1;
}
