namespace Procurement.Rules.Model;

/// <summary>Provider (zorgaanbieder), identified nationally by its AGB code.</summary>
public sealed class Provider : ContractParty
{
    private readonly HashSet<string> _qualifications;

    // Memberships and subcontractors as sets: rules ask about them once per care profile.
    private HashSet<Cooperative> _cooperatives = [];
    private HashSet<Provider> _subcontractors = [];

    internal Provider(string id, string name, string agb, IReadOnlyList<string> qualifications, SourceLocation location)
        : base(id, name, location)
    {
        Agb = agb;
        Qualifications = qualifications;
        _qualifications = new HashSet<string>(qualifications, StringComparer.Ordinal);
    }

    /// <summary>AGB code (AGB-code): the provider's eight-digit national registration code.</summary>
    public string Agb { get; }

    /// <inheritdoc/>
    public override bool IsCooperative => false;

    /// <summary>Qualifications the provider holds (kwalificaties), such as <c>vog</c> or <c>skj-registered</c>.</summary>
    public IReadOnlyList<string> Qualifications { get; }

    /// <summary>Cooperatives the provider is a member of (lidmaatschap coöperatie).</summary>
    public IReadOnlyList<Cooperative> Cooperatives
    {
        get;
        internal set
        {
            field = value;
            _cooperatives = [.. value];
        }
    } = [];

    /// <summary>Outcomes of the care profiles of which the provider is the main contractor, in order of their end date; empty without period data.</summary>
    public IReadOnlyList<ProfileOutcome> Outcomes { get; internal set; } = [];

    /// <summary>
    /// The share, from 0 to 1, of the provider's <see cref="Outcomes"/> ended from <paramref name="from"/> through
    /// <paramref name="until"/> that ended early (uitval); <see langword="null"/> when none ended then.
    /// </summary>
    /// <param name="from">First day.</param>
    /// <param name="until">Last day.</param>
    public decimal? EarlyEndingShare(DateOnly from, DateOnly until) => Share(from, until, o => o.EndedEarly);

    /// <summary>
    /// The share, from 0 to 1, of the provider's <see cref="Outcomes"/> ended from <paramref name="from"/> through
    /// <paramref name="until"/> that reached their goals (doelrealisatie: <see cref="GoalAchievement.Reached"/>);
    /// <see langword="null"/> when none ended then.
    /// </summary>
    /// <param name="from">First day.</param>
    /// <param name="until">Last day.</param>
    public decimal? GoalReachedShare(DateOnly from, DateOnly until) => Share(from, until, o => o.Goal == GoalAchievement.Reached);

    /// <summary>
    /// How many of the care profiles it is main contractor (hoofdaannemer) of had care in the months from the month of
    /// <paramref name="from"/> through the month of <paramref name="until"/>: a row in their <see cref="CareProfile.Months"/>.
    /// </summary>
    /// <param name="from">A day of the first month.</param>
    /// <param name="until">A day of the last month.</param>
    public int ProfilesWithCare(DateOnly from, DateOnly until)
    {
        var count = 0;
        foreach (var _ in ProfilesWithCareIn(from, until))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The share, from 0 to 1, of its <see cref="ProfilesWithCare"/> in those months that were escalated from light to
    /// heavy (opgeschaald, <see cref="Escalation.IsUpscaling"/>) on a day from <paramref name="from"/> through
    /// <paramref name="until"/>; <see langword="null"/> when none of its profiles had care then.
    /// </summary>
    /// <param name="from">First day.</param>
    /// <param name="until">Last day.</param>
    public decimal? UpscalingShare(DateOnly from, DateOnly until)
    {
        var inCare = 0;
        var upscaled = 0;
        foreach (var row in ProfilesWithCareIn(from, until))
        {
            inCare++;
            upscaled += row.Upscaled && WasUpscaled(row.Profile, from, until) ? 1 : 0;
        }

        return inCare == 0 ? null : (decimal)upscaled / inCare;
    }

    /// <summary>
    /// The month rows of the profiles it is main contractor of, in month order, each with the month of the same
    /// profile's row before it: one small array, so that counting the profiles with care in a window reads only the
    /// rows in that window (not every profile's list of months, spread over a large heap).
    /// </summary>
    internal CareMonth[] CareMonths { get; set; } = [];

    /// <summary>Each profile with a month row in the months of <paramref name="from"/> through <paramref name="until"/>, once: its first row in them.</summary>
    private IEnumerable<CareMonth> ProfilesWithCareIn(DateOnly from, DateOnly until)
    {
        var (first, last) = (MonthIndex.Of(from), MonthIndex.Of(until));
        var rows = CareMonths;
        int low = 0, high = rows.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = rows[middle].Month < first ? (middle + 1, high) : (low, middle);
        }

        for (var i = low; i < rows.Length && rows[i].Month <= last; i++)
        {
            if (rows[i].Previous < first)
            {
                yield return rows[i];
            }
        }
    }

    private static bool WasUpscaled(CareProfile profile, DateOnly from, DateOnly until)
    {
        foreach (var escalation in profile.Escalations)
        {
            if (escalation.IsUpscaling && escalation.Date >= from && escalation.Date <= until)
            {
                return true;
            }
        }

        return false;
    }

    private decimal? Share(DateOnly from, DateOnly until, Func<ProfileOutcome, bool> counts)
    {
        var ended = 0;
        var counted = 0;
        foreach (var outcome in Outcomes)
        {
            if (outcome.Ended >= from && outcome.Ended <= until)
            {
                ended++;
                counted += counts(outcome) ? 1 : 0;
            }
        }

        return ended == 0 ? null : (decimal)counted / ended;
    }

    /// <summary>Providers registered as this provider's subcontractors (onderaannemers).</summary>
    public IReadOnlyList<Provider> Subcontractors
    {
        get;
        internal set
        {
            field = value;
            _subcontractors = [.. value];
        }
    } = [];

    /// <summary>Whether the provider holds the named qualification.</summary>
    public bool HasQualification(string qualification) => _qualifications.Contains(qualification);

    /// <summary>Whether the provider holds every qualification in <paramref name="qualifications"/>.</summary>
    public bool HasQualifications(IReadOnlyList<string> qualifications)
    {
        for (var i = 0; i < qualifications.Count; i++)
        {
            if (!_qualifications.Contains(qualifications[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the provider is a member of <paramref name="cooperative"/>.</summary>
    public bool IsMemberOf(Cooperative? cooperative)
    {
        return cooperative is not null && _cooperatives.Contains(cooperative);
    }

    /// <summary>Whether <paramref name="provider"/> is registered as this provider's subcontractor.</summary>
    public bool HasSubcontractor(Provider? provider)
    {
        return provider is not null && _subcontractors.Contains(provider);
    }

    /// <summary>
    /// Whether the provider, itself or through a cooperative it is a member of, holds a contract for
    /// <paramref name="lot"/> and <paramref name="category"/> that covers <paramref name="municipality"/> on <paramref name="date"/>.
    /// </summary>
    public bool HoldsContract(Lot? lot, CareCategory category, Municipality? municipality, DateOnly date) =>
        ContractFor(lot, category, municipality, date) is not null;

    /// <summary>
    /// The contract under which the provider may deliver <paramref name="lot"/> and <paramref name="category"/> to
    /// <paramref name="municipality"/> on <paramref name="date"/>: its own first, then its cooperatives'; <see langword="null"/> if none.
    /// </summary>
    public Contract? ContractFor(Lot? lot, CareCategory category, Municipality? municipality, DateOnly date)
    {
        if (lot is null || municipality is null)
        {
            return null;
        }

        // Its own first, then its cooperatives', each in file order: no list of every member's usable contracts is kept,
        // which for a cooperative with many members and contracts would be their product.
        var slot = lot.TermsSlot(category);
        if (FirstCovering(slot, municipality, date) is { } own)
        {
            return own;
        }

        for (var i = 0; i < Cooperatives.Count; i++)
        {
            if (Cooperatives[i].FirstCovering(slot, municipality, date) is { } shared)
            {
                return shared;
            }
        }

        return null;
    }

    /// <summary>Contracts, own or through a cooperative, for <paramref name="lot"/> and <paramref name="category"/> on any date.</summary>
    public IReadOnlyList<Contract> ContractsFor(Lot? lot, CareCategory category)
    {
        if (lot is null)
        {
            return [];
        }

        var slot = lot.TermsSlot(category);
        return [.. ContractsIn(slot), .. Cooperatives.SelectMany(c => c.ContractsIn(slot))];
    }
}
