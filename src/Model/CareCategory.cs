namespace Procurement.Rules.Model;

/// <summary>Care category (categorie) of a lot: every lot has a light and a heavy one, each with its own terms.</summary>
public enum CareCategory
{
    /// <summary>Light category (lichte categorie), usually left to the market.</summary>
    Light,

    /// <summary>Heavy category (zware categorie), bought under tighter terms.</summary>
    Heavy,
}
