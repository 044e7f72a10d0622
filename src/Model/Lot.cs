namespace Procurement.Rules.Model;

/// <summary>Lot (perceel): a slice of care bought separately, with a light and a heavy category.</summary>
public sealed class Lot
{
    // Contracts of this lot by municipality index: only municipalities the lot has contracts for, so that many lots
    // in a design with many municipalities take no memory for their product.
    private Dictionary<int, Contract[]> _contractsByMunicipality = [];
    private HashSet<Municipality>? _excluded;

    internal Lot(
        string id,
        string name,
        string? sector,
        IReadOnlyList<string> productCategories,
        LotScope scope,
        CategoryTerms light,
        CategoryTerms heavy,
        SourceLocation location)
    {
        Id = id;
        Name = name;
        Sector = sector;
        ProductCategories = productCategories;
        Scope = scope;
        Light = light;
        Heavy = heavy;
        Location = location;
        light.Lot = this;
        heavy.Lot = this;
    }

    /// <summary>Identifier of the lot within the design.</summary>
    public string Id { get; }

    /// <summary>Name of the lot.</summary>
    public string Name { get; }

    /// <summary>Sector the lot follows (sector), used to match a regional lot with a municipality's local lot; defaults to the id.</summary>
    public string? Sector { get; }

    /// <summary>iJw product-category codes (productcategorieën), two digits each, e.g. <c>45</c> for ambulant youth help.</summary>
    public IReadOnlyList<string> ProductCategories { get; }

    /// <summary>Whether the lot is bought regionally or locally.</summary>
    public LotScope Scope { get; }

    /// <summary>The municipality that buys a local lot by itself; <see langword="null"/> for a regional lot.</summary>
    public Municipality? Municipality { get; internal set; }

    /// <summary>
    /// Municipalities that take no part in this lot although they take part in the design (they buy this care elsewhere,
    /// e.g. the JenS municipalities in Zuid-Limburg); coverage does not count them.
    /// </summary>
    public IReadOnlyList<Municipality> ExcludedMunicipalities
    {
        get;
        internal set
        {
            field = value;
            _excluded = value.Count == 0 ? null : new HashSet<Municipality>(value, ReferenceEqualityComparer.Instance);
        }
    } = [];

    /// <summary>Terms of the light category (lichte categorie).</summary>
    public CategoryTerms Light { get; }

    /// <summary>Terms of the heavy category (zware categorie).</summary>
    public CategoryTerms Heavy { get; }

    /// <summary>Where the lot is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>All contracts for this lot, both categories, in file order.</summary>
    public IReadOnlyList<Contract> Contracts { get; internal set; } = [];

    /// <summary>The design the lot belongs to.</summary>
    public TenderDesign Design { get; internal set; } = null!;

    internal int Index { get; set; }

    // Where this lot's terms for category stand among the design's terms: two per lot, in lot order, light first.
    internal int TermsSlot(CareCategory category) => (Index * 2) + (int)category;

    /// <summary>
    /// What was spent under the lot's contracts from January through the month of <paramref name="month"/>, in its year
    /// (bestedingen per perceel; see <see cref="Contract.SpentYearToDate"/>).
    /// </summary>
    /// <param name="month">A day of the last month.</param>
    public decimal SpentYearToDate(DateOnly month)
    {
        var spent = 0m;
        foreach (var contract in Contracts)
        {
            spent += contract.Spending.Count == 0 ? 0m : contract.SpentYearToDate(month);
        }

        return spent;
    }

    /// <summary>
    /// The lot's budget path (budgetpad): the pro-rata budget to date of its contracts that have a budget, added up (see
    /// <see cref="Contract.BudgetYearToDate"/>); <see langword="null"/> when none of its contracts has one.
    /// </summary>
    /// <param name="month">A day of the last month.</param>
    public decimal? BudgetYearToDate(DateOnly month)
    {
        decimal? path = null;
        foreach (var contract in Contracts)
        {
            if (contract.Budget is not null && contract.BudgetYearToDate(month) is { } budget)
            {
                path = (path ?? 0m) + budget;
            }
        }

        return path;
    }

    /// <summary>The terms of <paramref name="category"/>.</summary>
    public CategoryTerms Terms(CareCategory category) => category == CareCategory.Heavy ? Heavy : Light;

    /// <summary>
    /// Whether <paramref name="municipality"/> is covered for this lot and <paramref name="category"/> on <paramref name="date"/>:
    /// by a contract of this lot, or, for a regional lot, by a contract of a lot of the same sector that the municipality buys itself.
    /// </summary>
    public bool Covers(Municipality? municipality, CareCategory category, DateOnly date)
    {
        if (municipality is null)
        {
            return false;
        }

        if (HasContractCovering(municipality, category, date))
        {
            return true;
        }

        if (Scope == LotScope.Regional)
        {
            var localLots = municipality.LocalLots;
            for (var i = 0; i < localLots.Count; i++)
            {
                var local = localLots[i];
                if (string.Equals(local.Sector, Sector, StringComparison.Ordinal) && local.HasContractCovering(municipality, category, date))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether every municipality that takes part on <paramref name="date"/> is covered for both categories of this lot.</summary>
    public bool CoversAllMunicipalities(DateOnly date)
    {
        var municipalities = Scope == LotScope.Local && Municipality is { } buyer ? [buyer] : Design.Municipalities;
        for (var i = 0; i < municipalities.Count; i++)
        {
            var municipality = municipalities[i];
            if (municipality.ParticipatesOn(date) && !Excludes(municipality)
                && (!Covers(municipality, CareCategory.Light, date) || !Covers(municipality, CareCategory.Heavy, date)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Names of the municipalities that take part on <paramref name="date"/> but are not covered for both categories,
    /// comma-separated, with the category missing when only one is; after the first 20 only how many more there are
    /// (<c>… (en nog 5)</c>), so the text stays bounded.
    /// </summary>
    public string UncoveredMunicipalities(DateOnly date) => NameList.Join(UncoveredNames(date));

    private IEnumerable<string> UncoveredNames(DateOnly date)
    {
        var municipalities = Scope == LotScope.Local && Municipality is { } buyer ? [buyer] : Design.Municipalities;
        var shown = 0;
        foreach (var municipality in municipalities)
        {
            if (!municipality.ParticipatesOn(date) || Excludes(municipality))
            {
                continue;
            }

            var light = Covers(municipality, CareCategory.Light, date);
            var heavy = Covers(municipality, CareCategory.Heavy, date);
            if (!light || !heavy)
            {
                // Names past those shown are only counted: no text is built for them.
                yield return shown++ >= NameList.ShownNames ? string.Empty
                    : light ? $"{municipality.Name} (zwaar)" : heavy ? $"{municipality.Name} (licht)" : municipality.Name;
            }
        }
    }

    /// <summary>Whether <paramref name="municipality"/> is one of the <see cref="ExcludedMunicipalities"/>.</summary>
    public bool Excludes(Municipality? municipality) =>
        municipality is not null && _excluded is not null && _excluded.Contains(municipality);

    private bool HasContractCovering(Municipality municipality, CareCategory category, DateOnly date)
    {
        if (!_contractsByMunicipality.TryGetValue(municipality.Index, out var contracts))
        {
            return false;
        }

        for (var i = 0; i < contracts.Length; i++)
        {
            var contract = contracts[i];
            if (contract.Category == category && contract.Period.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    internal void SetContractIndex(Dictionary<int, Contract[]> contractsByMunicipality) => _contractsByMunicipality = contractsByMunicipality;

    /// <inheritdoc/>
    public override string ToString() => Id;
}
