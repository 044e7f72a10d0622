namespace Procurement.Rules.Model;

/// <summary>Contract (overeenkomst) awarding one category of one lot to a provider or cooperative for some municipalities.</summary>
public sealed class Contract
{
    private bool[] _coversMunicipality = [];
    private int[]? _sortedMunicipalities;

    internal Contract(
        string id,
        ContractParty party,
        Lot lot,
        CareCategory category,
        IReadOnlyList<Municipality> municipalities,
        Period period,
        FinancingForm? financing,
        decimal value,
        Publication? publication,
        decimal? budget,
        string? hardshipClause,
        SourceLocation location)
    {
        Id = id;
        Party = party;
        Lot = lot;
        Category = category;
        Municipalities = municipalities;
        Period = period;
        Financing = financing;
        Value = value;
        Publication = publication;
        Budget = budget;
        HardshipClause = hardshipClause;
        Location = location;
    }

    /// <summary>Identifier of the contract within the design.</summary>
    public string Id { get; }

    /// <summary>The contract party (contractpartij): a provider or a cooperative.</summary>
    public ContractParty Party { get; }

    /// <summary>The party when it is a provider; otherwise <see langword="null"/>.</summary>
    public Provider? Provider => Party as Provider;

    /// <summary>The party when it is a cooperative; otherwise <see langword="null"/>.</summary>
    public Cooperative? Cooperative => Party as Cooperative;

    /// <summary>The lot the contract is for.</summary>
    public Lot Lot { get; }

    /// <summary>The category of the lot the contract is for.</summary>
    public CareCategory Category { get; }

    /// <summary>The terms of the contracted category.</summary>
    public CategoryTerms Terms => Lot.Terms(Category);

    /// <summary>Municipalities the contract is for (gemeenten).</summary>
    public IReadOnlyList<Municipality> Municipalities { get; }

    /// <summary>Contract period (looptijd).</summary>
    public Period Period { get; }

    /// <summary>Financing form (bekostigingsvorm), or <see langword="null"/> when not stated.</summary>
    public FinancingForm? Financing { get; }

    /// <summary>Estimated contract value in euros, excluding VAT (geraamde waarde excl. btw).</summary>
    public decimal Value { get; }

    /// <summary>
    /// How this contract itself was announced (aankondiging), when it was awarded in a procedure of its own; <see langword="null"/>
    /// when the design does not record it (the category's <see cref="CategoryTerms.Publication"/> may).
    /// </summary>
    public Publication? Publication { get; }

    /// <summary>
    /// For a lump sum (taakgericht): the budget for the contract period in euros (budget), or <see langword="null"/> when
    /// not stated.
    /// </summary>
    public decimal? Budget { get; }

    /// <summary>
    /// For a lump sum: what happens when the budget runs out (hardheidsclausule), e.g. who bears an overrun; <see langword="null"/>
    /// when not stated.
    /// </summary>
    public string? HardshipClause { get; }

    /// <summary>Where the contract is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>Whether <paramref name="municipality"/> is named on the contract.</summary>
    public bool Covers(Municipality? municipality) =>
        municipality is not null && (_sortedMunicipalities is { } sorted
            ? Array.BinarySearch(sorted, municipality.Index) >= 0
            : (uint)municipality.Index < (uint)_coversMunicipality.Length && _coversMunicipality[municipality.Index]);

    /// <summary>Whether every municipality on the contract takes part for the whole contract period.</summary>
    public bool MunicipalitiesParticipateThroughout()
    {
        for (var i = 0; i < Municipalities.Count; i++)
        {
            if (!Municipalities[i].ParticipatesThroughout(Period))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Names of the municipalities on the contract that do not take part for the whole contract period, comma-separated;
    /// after the first 20 only how many more there are (<c>… (en nog 5)</c>), so the text stays bounded.
    /// </summary>
    public string MunicipalitiesNotParticipating() =>
        NameList.Join(Municipalities.Where(m => !m.ParticipatesThroughout(Period)).Select(m => m.Name));

    /// <summary>
    /// The other contracts of the same lot and category whose period overlaps this contract's period and that name a
    /// municipality this contract names, in file order.
    /// </summary>
    /// <remarks>
    /// Looked up in an index of the category's contracts by municipality and period, built once per design, rather than
    /// by comparing every pair: asking <c>Any()</c> costs O(m log² n) for the m municipalities of the contract, and each
    /// further contract listed as much again.
    /// </remarks>
    public IEnumerable<Contract> OverlappingContracts => Terms.PeriodIndex.Overlapping(this, otherPartiesOnly: false);

    /// <summary>
    /// The <see cref="OverlappingContracts"/> held by another party than this contract's (for a lump sum, one party per
    /// lot, category and municipality), in file order.
    /// </summary>
    public IEnumerable<Contract> RivalContracts => Terms.PeriodIndex.Overlapping(this, otherPartiesOnly: true);

    /// <summary>What was spent under the contract per month (bestedingen), in month order; empty without period data.</summary>
    public IReadOnlyList<ContractSpending> Spending { get; internal set; } = [];

    /// <summary>What was spent in the month of <paramref name="month"/> (any day of it); 0 without a row for it.</summary>
    /// <param name="month">A day of the month, e.g. the evaluation's <c>asOf</c>.</param>
    public decimal SpentIn(DateOnly month) => SpentInLast(1, month);

    /// <summary>What was spent in the <paramref name="months"/> months up to and including the month of <paramref name="month"/>.</summary>
    /// <param name="months">How many months, e.g. 3 for the last quarter.</param>
    /// <param name="month">A day of the last month.</param>
    public decimal SpentInLast(int months, DateOnly month) => SpentBetween(MonthIndex.Of(month) - months + 1, MonthIndex.Of(month));

    /// <summary>
    /// The trend of the spending (bestedingstrend): how many percent more (or, below 0, less) was spent in the
    /// <paramref name="months"/> months up to and including the month of <paramref name="month"/> than in the
    /// <paramref name="months"/> months before them. <see langword="null"/> unless every one of those months has a
    /// spending row and the earlier months spent something, so that a month without data never reads as a rise.
    /// </summary>
    /// <param name="months">How many months each side compares, e.g. 3: the last quarter against the one before.</param>
    /// <param name="month">A day of the last month.</param>
    public decimal? SpendingTrend(int months, DateOnly month)
    {
        var last = MonthIndex.Of(month);
        var first = last - (2 * months) + 1;
        if (months < 1 || Spending.Count(s => MonthIndex.Of(s.Month) >= first && MonthIndex.Of(s.Month) <= last) != 2 * months)
        {
            return null;
        }

        var earlier = SpentBetween(first, last - months);
        return earlier == 0 ? null : (SpentBetween(last - months + 1, last) - earlier) * 100 / earlier;
    }

    /// <summary>What was spent from January through the month of <paramref name="month"/>, in its year (year to date).</summary>
    /// <param name="month">A day of the last month.</param>
    public decimal SpentYearToDate(DateOnly month) => SpentBetween(MonthIndex.Of(new DateOnly(month.Year, 1, 1)), MonthIndex.Of(month));

    /// <summary>
    /// The budget's part for January through the month of <paramref name="month"/> in its year, spread evenly over the
    /// contract's months (pro rata, a month the period touches counting whole): what <see cref="SpentYearToDate"/> is
    /// measured against. <see langword="null"/> without a budget or for a period without an end.
    /// </summary>
    /// <param name="month">A day of the last month.</param>
    public decimal? BudgetYearToDate(DateOnly month)
    {
        if (Budget is not { } budget || Period.Until is null)
        {
            return null;
        }

        var months = MonthIndex.Overlap(Period, int.MinValue, int.MaxValue);
        return budget * MonthIndex.Overlap(Period, MonthIndex.Of(new DateOnly(month.Year, 1, 1)), MonthIndex.Of(month)) / months;
    }

    private decimal SpentBetween(int first, int last)
    {
        var total = 0m;
        foreach (var spent in Spending)
        {
            var at = MonthIndex.Of(spent.Month);
            if (at >= first && at <= last)
            {
                total += spent.Amount;
            }
        }

        return total;
    }

    /// <summary>
    /// Indexes the contract's municipalities among the design's <paramref name="municipalityCount"/>: a flag per
    /// municipality of the design, or, for a contract naming few of many, their sorted indexes (so that many contracts
    /// in a design with many municipalities do not take memory for their product).
    /// </summary>
    internal void IndexMunicipalities(int municipalityCount)
    {
        if (Municipalities.Count * 32 < municipalityCount)
        {
            _sortedMunicipalities = [.. Municipalities.Select(m => m.Index).Order()];
            return;
        }

        var covers = new bool[municipalityCount];
        foreach (var municipality in Municipalities)
        {
            covers[municipality.Index] = true;
        }

        _coversMunicipality = covers;
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
