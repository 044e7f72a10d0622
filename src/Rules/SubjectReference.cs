using System.Globalization;

namespace Procurement.Rules;

/// <summary>The kind of item of a design a finding is about.</summary>
public enum SubjectType
{
    /// <summary>The design as a whole (path <c>design</c>).</summary>
    Design = 0,

    /// <summary>A care profile (zorgprofiel), path <c>careProfiles[id]</c>.</summary>
    CareProfile = 1,

    /// <summary>A lot (perceel), path <c>lots[id]</c>.</summary>
    Lot = 2,

    /// <summary>The terms of one category of a lot, path <c>lots[id].heavy</c> or <c>lots[id].light</c>.</summary>
    Category = 3,

    /// <summary>A contract, path <c>contracts[id]</c>.</summary>
    Contract = 4,

    /// <summary>A provider (aanbieder), path <c>providers[id]</c>.</summary>
    Provider = 5,

    /// <summary>A cooperative (samenwerkingsverband), path <c>cooperatives[id]</c>.</summary>
    Cooperative = 6,

    /// <summary>A municipality (gemeente), path <c>municipalities[id]</c>.</summary>
    Municipality = 7,

    /// <summary>An escalation (opschaling), path <c>escalations[id]</c>.</summary>
    Escalation = 8,
}

/// <summary>
/// Which item of a design a finding is about, as values: the kind and the id (for <see cref="SubjectType.Category"/>
/// the lot's id and the category). <see cref="Finding.Subject"/> is derived from it (<see cref="Path"/>).
/// </summary>
/// <param name="Type">The kind of item.</param>
/// <param name="Id">The item's id (the lot's id for a category, the design's id for the design).</param>
/// <param name="Category">For <see cref="SubjectType.Category"/>: <c>heavy</c> or <c>light</c>; otherwise null.</param>
public sealed record SubjectReference(SubjectType Type, string Id, string? Category = null)
{
    /// <summary>The subject path as findings show it, e.g. <c>careProfiles[P-0042]</c>, <c>lots[L1].heavy</c> or <c>design</c>.</summary>
    public string Path => Type switch
    {
        SubjectType.Design => "design",
        SubjectType.CareProfile => Item("careProfiles"),
        SubjectType.Lot => Item("lots"),
        SubjectType.Category => string.Create(CultureInfo.InvariantCulture, $"lots[{Id}].{Category}"),
        SubjectType.Contract => Item("contracts"),
        SubjectType.Provider => Item("providers"),
        SubjectType.Cooperative => Item("cooperatives"),
        SubjectType.Municipality => Item("municipalities"),
        _ => Item("escalations"),
    };

    private string Item(string collection) => string.Create(CultureInfo.InvariantCulture, $"{collection}[{Id}]");
}
