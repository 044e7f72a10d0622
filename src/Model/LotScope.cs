namespace Procurement.Rules.Model;

/// <summary>Whether a lot is bought by the region together or by one municipality alone.</summary>
public enum LotScope
{
    /// <summary>Bought regionally (regionaal ingekocht) for all participating municipalities.</summary>
    Regional,

    /// <summary>Bought locally (lokaal ingekocht) by one municipality.</summary>
    Local,
}
