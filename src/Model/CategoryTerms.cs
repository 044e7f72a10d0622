namespace Procurement.Rules.Model;

/// <summary>Terms of one category of a lot (voorwaarden lichte/zware categorie).</summary>
public sealed class CategoryTerms
{
    private ContractPeriodIndex? _periodIndex;
    private object? _periodIndexLock;
    private Period[]? _coveredPeriods;
    private object? _coveredPeriodsLock;
    private PartyShares _shares = PartyShares.None;

    internal CategoryTerms(
        CareCategory category,
        ProcurementForm procurement,
        int? maxProviders,
        IReadOnlyList<string> qualifications,
        FinancingForm? financing,
        CategoryLimits limits,
        Publication? publication,
        IReadOnlyList<Product> products,
        SourceLocation location)
    {
        Category = category;
        Procurement = procurement;
        MaxProviders = maxProviders;
        Qualifications = qualifications;
        Financing = financing;
        Limits = limits;
        Publication = publication;
        Products = products;
        Location = location;
        foreach (var product in products)
        {
            product.Terms = this;
        }
    }

    /// <summary>The lot these terms belong to.</summary>
    public Lot Lot { get; internal set; } = null!;

    /// <summary>Light or heavy.</summary>
    public CareCategory Category { get; }

    /// <summary>How this category is bought (inkoopvorm).</summary>
    public ProcurementForm Procurement { get; }

    /// <summary>Maximum number of contracted parties (maximum aantal aanbieders), or <see langword="null"/> for no cap.</summary>
    public int? MaxProviders { get; }

    /// <summary>Qualifications every contracted provider must hold (kwalificatie-eisen).</summary>
    public IReadOnlyList<string> Qualifications { get; }

    /// <summary>Financing form required for contracts in this category, or <see langword="null"/> when free.</summary>
    public FinancingForm? Financing { get; }

    /// <summary>Limits of intensity, duration and budget per profile.</summary>
    public CategoryLimits Limits { get; }

    /// <summary>
    /// How the category was announced (aankondiging): for a tender the procedure, for open house where the invitation to
    /// join was published; <see langword="null"/> when the design does not record it.
    /// </summary>
    public Publication? Publication { get; }

    /// <summary>The products (producten) of this category, with their iJw product category, code, execution variant and tariff, in file order.</summary>
    public IReadOnlyList<Product> Products { get; }

    /// <summary>Where the terms are defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>Contracts awarded in this category of the lot, in file order.</summary>
    public IReadOnlyList<Contract> Contracts { get; internal set; } = [];

    /// <summary>Number of distinct parties holding a contract in this category.</summary>
    public int ContractedPartyCount { get; internal set; }

    /// <summary>Estimated value of all contracts of this category together, in euros excl. VAT (geraamde waarde).</summary>
    public decimal TotalValue { get; internal set; }

    /// <summary>Care profiles (zorgprofielen) of this lot and category, in file order.</summary>
    public IReadOnlyList<CareProfile> CareProfiles
    {
        get;
        internal set
        {
            // The shares are worked out once, when the design is built: evaluating a rule that asks for them allocates nothing.
            field = value;
            _shares = PartyShares.Of(value);
        }
    } = [];

    /// <summary>
    /// The largest share (0 to 1) of this category's care profiles delivered by one party (see
    /// <see cref="CareProfile.DeliveringParty"/>); 0 without profiles.
    /// </summary>
    public decimal LargestProfileShare => _shares.ProfileShare;

    /// <summary>The party with the <see cref="LargestProfileShare"/> (the first in file order on a tie), or <see langword="null"/>.</summary>
    public ContractParty? LargestProfileParty => _shares.ProfileParty;

    /// <summary>
    /// The largest share (0 to 1) of the budget of this category's care profiles delivered by one party (see
    /// <see cref="CareProfile.DeliveringParty"/>); 0 when the profiles' budgets add up to nothing.
    /// </summary>
    public decimal LargestBudgetShare => _shares.BudgetShare;

    /// <summary>The party with the <see cref="LargestBudgetShare"/> (the first in file order on a tie), or <see langword="null"/>.</summary>
    public ContractParty? LargestBudgetParty => _shares.BudgetParty;

    /// <summary>
    /// Municipalities, in design order, named on a contract of this category that runs on <paramref name="date"/>, for which
    /// every such contract is held by one and the same party: no second contracted party could take over their care.
    /// </summary>
    public IReadOnlyList<Municipality> MunicipalitiesWithOneParty(DateOnly date)
    {
        // Index loops, not foreach over the interfaces: the work and memory do not grow with the number of contracts.
        var partyOf = new Dictionary<Municipality, ContractParty?>();
        for (var i = 0; i < Contracts.Count; i++)
        {
            var contract = Contracts[i];
            if (!contract.Period.Contains(date))
            {
                continue;
            }

            var municipalities = contract.Municipalities;
            for (var j = 0; j < municipalities.Count; j++)
            {
                // null marks a municipality with two or more parties.
                var municipality = municipalities[j];
                partyOf[municipality] = partyOf.TryGetValue(municipality, out var party) && !ReferenceEquals(party, contract.Party) ? null : contract.Party;
            }
        }

        var single = new List<Municipality>();
        foreach (var (municipality, party) in partyOf)
        {
            if (party is not null)
            {
                single.Add(municipality);
            }
        }

        single.Sort((a, b) => a.Index.CompareTo(b.Index));
        return single;
    }

    /// <summary>
    /// Days inside <paramref name="purchasing"/> on which, right after a contract of this category ends, no contract of
    /// this category runs: for each contract, in file order, that ends on or after the start of <paramref name="purchasing"/>
    /// and before its end, the day after its end when no contract covers that day (a day twice when two such contracts end together).
    /// </summary>
    /// <remarks>Sorts the contract periods once per design (O(n log n)); each call is O(n log n).</remarks>
    public IReadOnlyList<DateOnly> GapStarts(Period purchasing)
    {
        var covered = CoveredPeriods;
        var starts = new List<DateOnly>();
        foreach (var contract in Contracts)
        {
            if (contract.Period.Until is not { } end || end < purchasing.From || (purchasing.Until is { } last && end >= last)
                || end == DateOnly.MaxValue)
            {
                continue;
            }

            var next = end.AddDays(1);
            if (!IsCovered(covered, next))
            {
                starts.Add(next);
            }
        }

        return starts;
    }

    /// <summary>The contracts of this category, in file order, indexed by municipality and period (built on first use).</summary>
    internal ContractPeriodIndex PeriodIndex =>
        LazyInitializer.EnsureInitialized(ref _periodIndex, ref _periodIndexLock, () => new ContractPeriodIndex(Contracts));

    // The union of the contract periods as disjoint periods sorted by start, with an open end last.
    private Period[] CoveredPeriods =>
        LazyInitializer.EnsureInitialized(ref _coveredPeriods, ref _coveredPeriodsLock, () => Union(Contracts));

    private static Period[] Union(IReadOnlyList<Contract> contracts)
    {
        var periods = contracts.Select(c => c.Period).Where(p => p.Until is not { } u || u >= p.From).OrderBy(p => p.From).ToArray();
        var union = new List<Period>();
        foreach (var period in periods)
        {
            if (union.Count > 0 && union[^1].Until is var lastUntil
                && (lastUntil is null || lastUntil.Value == DateOnly.MaxValue || period.From <= lastUntil.Value.AddDays(1)))
            {
                // Overlapping or touching: extend the last period (an open end absorbs everything after it).
                if (lastUntil is not null && (period.Until is null || period.Until.Value > lastUntil.Value))
                {
                    union[^1] = union[^1] with { Until = period.Until };
                }
            }
            else
            {
                union.Add(period);
            }
        }

        return [.. union];
    }

    private static bool IsCovered(Period[] covered, DateOnly day)
    {
        // The last period starting on or before the day is the only one that can contain it.
        int low = 0, high = covered.Length;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (covered[middle].From <= day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low > 0 && covered[low - 1].Contains(day);
    }
}
