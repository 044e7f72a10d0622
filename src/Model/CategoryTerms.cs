namespace Procurement.Rules.Model;

/// <summary>Terms of one category of a lot (voorwaarden lichte/zware categorie).</summary>
public sealed class CategoryTerms
{
    internal CategoryTerms(
        CareCategory category,
        ProcurementForm procurement,
        int? maxProviders,
        IReadOnlyList<string> qualifications,
        FinancingForm? financing,
        CategoryLimits limits,
        SourceLocation location)
    {
        Category = category;
        Procurement = procurement;
        MaxProviders = maxProviders;
        Qualifications = qualifications;
        Financing = financing;
        Limits = limits;
        Location = location;
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

    /// <summary>Where the terms are defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>Contracts awarded in this category of the lot, in file order.</summary>
    public IReadOnlyList<Contract> Contracts { get; internal set; } = [];

    /// <summary>Number of distinct parties holding a contract in this category.</summary>
    public int ContractedPartyCount { get; internal set; }
}
