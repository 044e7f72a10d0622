namespace Procurement.Rules.Model;

/// <summary>Care profile (zorgprofiel): what one child or family gets, issued by a municipality, with one main contractor.</summary>
public sealed class CareProfile
{
    internal CareProfile(
        string id,
        string? client,
        Municipality municipality,
        Lot lot,
        CareCategory category,
        Provider? mainContractor,
        IReadOnlyList<Provider> coProviders,
        decimal intensityHoursPerWeek,
        int durationMonths,
        decimal budget,
        DateOnly start,
        Provider? transferredTo,
        bool stay,
        Municipality? responsibleMunicipality,
        SourceLocation location)
    {
        Id = id;
        Client = client;
        Municipality = municipality;
        Lot = lot;
        Category = category;
        MainContractor = mainContractor;
        CoProviders = coProviders;
        IntensityHoursPerWeek = intensityHoursPerWeek;
        DurationMonths = durationMonths;
        Budget = budget;
        Start = start;
        TransferredTo = transferredTo;
        Stay = stay;
        ResponsibleMunicipality = responsibleMunicipality;
        Location = location;
    }

    /// <summary>Identifier of the profile within the design.</summary>
    public string Id { get; }

    /// <summary>Pseudonymised reference to the child or family (kind/gezin), if given.</summary>
    public string? Client { get; }

    /// <summary>The municipality that issued the profile.</summary>
    public Municipality Municipality { get; }

    /// <summary>The lot the profile falls under.</summary>
    public Lot Lot { get; }

    /// <summary>The profile's current category.</summary>
    public CareCategory Category { get; }

    /// <summary>The terms of the profile's lot and category.</summary>
    public CategoryTerms Terms => Lot.Terms(Category);

    /// <summary>The main contractor ((inhoudelijk) hoofdaannemer), end-responsible for content and financial result; <see langword="null"/> when none is named.</summary>
    public Provider? MainContractor { get; }

    /// <summary>Co-providers (samenwerkingspartners) delivering on the profile besides the main contractor.</summary>
    public IReadOnlyList<Provider> CoProviders { get; }

    /// <summary>Intensity in hours per week (intensiteit).</summary>
    public decimal IntensityHoursPerWeek { get; }

    /// <summary>Duration in months (duur).</summary>
    public int DurationMonths { get; }

    /// <summary>Budget of the profile in euros (budget).</summary>
    public decimal Budget { get; }

    /// <summary>Start date of the profile (ingangsdatum).</summary>
    public DateOnly Start { get; }

    /// <summary>The provider the profile was transferred to (overgedragen aan) after escalation, if any.</summary>
    public Provider? TransferredTo { get; }

    /// <summary>Whether the care includes a stay (verblijf), e.g. in a residential group or a foster family.</summary>
    public bool Stay { get; }

    /// <summary>
    /// The municipality responsible under the residence rule (woonplaatsbeginsel, Jeugdwet art. 1.1): for care with a
    /// stay, where the child lived just before the stay began; <see langword="null"/> when the design does not name it.
    /// </summary>
    public Municipality? ResponsibleMunicipality { get; }

    /// <summary>The last day of the profile (einddatum): the day before its start plus its duration in months, never before its start.</summary>
    public DateOnly End
    {
        get
        {
            if (DurationMonths <= 0)
            {
                return Start;
            }

            // Past the last representable month the profile runs to the end of the calendar.
            var lastMonth = ((long)Start.Year * 12) + Start.Month - 1 + DurationMonths;
            return lastMonth >= 10000L * 12 ? DateOnly.MaxValue : Start.AddMonths(DurationMonths).AddDays(-1);
        }
    }

    /// <summary>Where the profile is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>Escalations (op- en afschalingen) of this profile, in date order.</summary>
    public IReadOnlyList<Escalation> Escalations { get; internal set; } = [];

    /// <summary>What was realised under the profile per month (realisatie), in month order; empty without period data.</summary>
    public IReadOnlyList<ProfileMonth> Months { get; internal set; } = [];

    /// <summary>The outcome of the profile once it ended (uitkomst), or <see langword="null"/> when none is recorded.</summary>
    public ProfileOutcome? Outcome { get; internal set; }

    /// <summary>
    /// In how many months after the month of its planned <see cref="End"/>, up to and including the month of
    /// <paramref name="month"/>, care was still realised under the profile (a month of <see cref="Months"/>): care that
    /// runs past its duration without a new decision.
    /// </summary>
    /// <param name="month">A day of the last month looked at, e.g. the evaluation's <c>asOf</c>.</param>
    public int MonthsPastEnd(DateOnly month)
    {
        var end = MonthIndex.Of(End);
        var last = MonthIndex.Of(month);
        var count = 0;
        foreach (var realised in Months)
        {
            var at = MonthIndex.Of(realised.Month);
            if (at > end && at <= last)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The contract the profile states it is delivered under (contract), if the design names one.</summary>
    public Contract? Contract { get; internal set; }

    /// <summary>The contract under which the main contractor delivers this profile on its start date, or <see langword="null"/>.</summary>
    public Contract? MainContract { get; internal set; }

    /// <summary>
    /// The party that delivers the profile: the party of its <see cref="MainContract"/> (a cooperative when the main
    /// contractor delivers as one of its members), else the main contractor itself; <see langword="null"/> without one.
    /// </summary>
    public ContractParty? DeliveringParty => MainContract?.Party ?? MainContractor;

    /// <summary>The provider responsible now: the one it was transferred to, else the main contractor.</summary>
    public Provider? ResponsibleProvider => TransferredTo ?? MainContractor;

    /// <inheritdoc/>
    public override string ToString() => Id;
}
