using Procurement.Rules.Model;

namespace Procurement.Rules.Monitoring;

/// <summary>
/// Adds up a design's period data into the figures of every month, quarter and the whole range, for the region, each
/// lot and each contract party, in one pass over the care profiles, outcomes, spending and budgeted contracts. A
/// profile counts once per period however many of its months fall in it.
/// </summary>
internal sealed class FigureCounter
{
    private readonly MonitoringCalendar _calendar;
    private readonly Dictionary<Lot, int> _lots = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ContractParty, int> _parties = new(ReferenceEqualityComparer.Instance);
    private readonly ContractParty[] _partyList;
    private readonly Tally[,] _tallies;

    private FigureCounter(TenderDesign design, MonitoringCalendar calendar)
    {
        _calendar = calendar;
        foreach (var lot in design.Lots)
        {
            _lots[lot] = 1 + _lots.Count;
        }

        _partyList = [.. design.Providers.Cast<ContractParty>().Concat(design.Cooperatives)];
        foreach (var party in _partyList)
        {
            _parties[party] = 1 + _lots.Count + _parties.Count;
        }

        _tallies = new Tally[calendar.PeriodCount, 1 + _lots.Count + _parties.Count];
        for (var p = 0; p < calendar.PeriodCount; p++)
        {
            for (var g = 0; g < _tallies.GetLength(1); g++)
            {
                _tallies[p, g] = new Tally();
            }
        }
    }

    /// <summary>Counts <paramref name="design"/>'s period data over <paramref name="calendar"/>'s months.</summary>
    public static FigureCounter Count(TenderDesign design, MonitoringCalendar calendar, CancellationToken cancellationToken)
    {
        var counter = new FigureCounter(design, calendar);
        foreach (var profile in design.CareProfiles)
        {
            if (profile.Months.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                counter.CountCare(profile);
            }
        }

        foreach (var outcome in design.Outcomes)
        {
            counter.CountOutcome(outcome);
        }

        foreach (var spent in design.Spending)
        {
            counter.Add(spent.Month, spent.Contract.Lot, spent.Contract.Party, t =>
            {
                t.Spend += spent.Amount;
                t.LumpSumSpend += spent.Amount;
            });
        }

        foreach (var contract in design.Contracts)
        {
            counter.CountBudget(contract);
        }

        return counter;
    }

    /// <summary>The figures of period <paramref name="period"/> (see <see cref="MonitoringCalendar"/>): the region's, the lots' and the active parties'.</summary>
    public (MonitoringFigures Region, IReadOnlyList<MonitoringFigures> Lots, IReadOnlyList<MonitoringFigures> Parties) Figures(int period, TenderDesign design)
    {
        var whole = _calendar.PeriodCount - 1;
        var lots = design.Lots.Select(l => _tallies[period, _lots[l]].Figures(l.Id, l.Name)).ToList();
        var parties = _partyList
            .Where(p => _tallies[whole, _parties[p]].HasAny)
            .Select(p => _tallies[period, _parties[p]].Figures(p.Id, p.Name))
            .ToList();
        return (_tallies[period, 0].Figures(design.Id, design.Region), lots, parties);
    }

    private void CountCare(CareProfile profile)
    {
        var lumpSumPaid = (profile.Contract ?? profile.MainContract)?.Financing == FinancingForm.TaskOriented;
        Span<int> groups = stackalloc int[3];
        groups = groups[..Groups(profile.Lot, profile.MainContractor, groups)];
        var whole = _calendar.PeriodCount - 1;
        var lastQuarter = -1;
        var inWhole = false;
        foreach (var month in profile.Months)
        {
            if (_calendar.MonthOf(month.Month) is not { } m)
            {
                continue;
            }

            var quarter = _calendar.QuarterOf(m);
            var spend = lumpSumPaid ? 0m : month.Spend ?? 0m;
            foreach (var g in groups)
            {
                _tallies[m, g].ProfilesInCare++;
                _tallies[m, g].Spend += spend;
                _tallies[quarter, g].ProfilesInCare += quarter == lastQuarter ? 0 : 1;
                _tallies[quarter, g].Spend += spend;
                _tallies[whole, g].ProfilesInCare += inWhole ? 0 : 1;
                _tallies[whole, g].Spend += spend;
            }

            lastQuarter = quarter;
            inWhole = true;
        }
    }

    private void CountOutcome(ProfileOutcome outcome) =>
        Add(outcome.Ended, outcome.Profile.Lot, outcome.Profile.MainContractor, t =>
        {
            t.EndedProfiles++;
            t.EndedEarly += outcome.EndedEarly ? 1 : 0;
            t.GoalsReached += outcome.Goal == GoalAchievement.Reached ? 1 : 0;
            if (outcome.Satisfaction is { } mark)
            {
                t.SatisfactionSum += mark;
                t.SatisfactionCount++;
            }
        });

    /// <summary>Adds each month's share of a budgeted contract's budget: what <see cref="Contract.BudgetYearToDate"/> grows by that month.</summary>
    private void CountBudget(Contract contract)
    {
        if (contract.Budget is null || contract.Period.Until is null)
        {
            return;
        }

        // The budget to date at the end of the month before, carried from month to month (read once for the first).
        decimal? before = null;
        for (var m = 0; m < _calendar.MonthCount; m++)
        {
            var first = _calendar.FirstDayOf(m);
            var last = first.AddMonths(1).AddDays(-1);
            var toDate = contract.BudgetYearToDate(last) ?? 0m;
            var start = first.Month == 1 ? 0m : before ?? contract.BudgetYearToDate(first.AddDays(-1)) ?? 0m;
            before = toDate;
            if (!contract.Period.Overlaps(new Period(first, last)))
            {
                continue;
            }

            // Each month's share to the cent, so that months add up to their quarters and the whole range exactly.
            var share = Math.Round(toDate - start, 2);
            Add(first, contract.Lot, contract.Party, t => t.LumpSumBudget = (t.LumpSumBudget ?? 0m) + share);
        }
    }

    private void Add(DateOnly date, Lot lot, ContractParty? party, Action<Tally> add)
    {
        if (_calendar.MonthOf(date) is not { } m)
        {
            return;
        }

        Span<int> groups = stackalloc int[3];
        foreach (var g in groups[..Groups(lot, party, groups)])
        {
            add(_tallies[m, g]);
            add(_tallies[_calendar.QuarterOf(m), g]);
            add(_tallies[_calendar.PeriodCount - 1, g]);
        }
    }

    /// <summary>Writes the groups a row counts for into <paramref name="groups"/>: the region, its lot and, when it has one, its party; returns how many.</summary>
    private int Groups(Lot lot, ContractParty? party, Span<int> groups)
    {
        groups[0] = 0;
        groups[1] = _lots[lot];
        if (party is not null && _parties.TryGetValue(party, out var p))
        {
            groups[2] = p;
            return 3;
        }

        return 2;
    }

    /// <summary>The running sums of one group in one period.</summary>
    private sealed class Tally
    {
        public int ProfilesInCare;
        public int EndedProfiles;
        public int EndedEarly;
        public int GoalsReached;
        public decimal SatisfactionSum;
        public int SatisfactionCount;
        public decimal Spend;
        public decimal LumpSumSpend;
        public decimal? LumpSumBudget;

        public bool HasAny => ProfilesInCare > 0 || EndedProfiles > 0 || Spend != 0 || LumpSumBudget is not null;

        public MonitoringFigures Figures(string id, string name) => new()
        {
            Id = id,
            Name = name,
            ProfilesInCare = ProfilesInCare,
            EndedProfiles = EndedProfiles,
            EndedEarly = EndedEarly,
            GoalsReached = GoalsReached,
            AverageSatisfaction = SatisfactionCount == 0 ? null : Math.Round(SatisfactionSum / SatisfactionCount, 1),
            Spend = Spend,
            LumpSumSpend = LumpSumSpend,
            LumpSumBudget = LumpSumBudget,
        };
    }
}
