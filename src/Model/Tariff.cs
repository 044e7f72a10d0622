namespace Procurement.Rules.Model;

/// <summary>
/// Tariff (tarief) of a product per unit, with its cost build-up (kostprijsopbouw) as the Jeugdwet (art. 2.12) and its
/// rules on fair prices (reële prijs, in force since 1 July 2024) ask for: staff costs, client-related costs and
/// overhead, and the indexation applied each year.
/// </summary>
public sealed class Tariff
{
    internal Tariff(decimal amount, decimal? staffCosts, decimal? clientRelatedCosts, decimal? overhead, string? indexation, string? differentiation)
    {
        Amount = amount;
        StaffCosts = staffCosts;
        ClientRelatedCosts = clientRelatedCosts;
        Overhead = overhead;
        Indexation = indexation;
        Differentiation = differentiation;
    }

    /// <summary>The price per unit in euros (tarief per eenheid).</summary>
    public decimal Amount { get; }

    /// <summary>Staff costs per unit in euros (personeelskosten), or <see langword="null"/> when not stated.</summary>
    public decimal? StaffCosts { get; }

    /// <summary>Client-related material costs per unit in euros (cliëntgebonden kosten), or <see langword="null"/> when not stated.</summary>
    public decimal? ClientRelatedCosts { get; }

    /// <summary>Overhead per unit in euros (overhead), or <see langword="null"/> when not stated.</summary>
    public decimal? Overhead { get; }

    /// <summary>How the tariff is indexed each year (indexatie), e.g. <c>OVA</c>; <see langword="null"/> when not stated.</summary>
    public string? Indexation { get; }

    /// <summary>
    /// Why this tariff differs from the tariff of the same product code elsewhere in the framework (reden
    /// tariefdifferentiatie); <see langword="null"/> when none is stated.
    /// </summary>
    public string? Differentiation { get; }

    /// <summary>Whether the cost build-up is stated in full: staff costs, client-related costs and overhead.</summary>
    public bool HasCostBuildUp => StaffCosts is not null && ClientRelatedCosts is not null && Overhead is not null;

    /// <summary>The stated parts of the cost build-up added up (a missing part counts as 0).</summary>
    public decimal CostBuildUpTotal => (StaffCosts ?? 0) + (ClientRelatedCosts ?? 0) + (Overhead ?? 0);

    /// <inheritdoc/>
    public override string ToString() => Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
