using System.Diagnostics.CodeAnalysis;
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

    /// <summary>Reads a subject path back (the inverse of <see cref="Path"/>), for hosts that hold only the path.</summary>
    /// <param name="path">A path as <see cref="Path"/> writes it.</param>
    /// <param name="reference">The reference, or null when the text is not such a path.</param>
    /// <returns>Whether the text is a subject path.</returns>
    public static bool TryParse(string? path, [NotNullWhen(true)] out SubjectReference? reference)
    {
        reference = null;
        if (path is null)
        {
            return false;
        }

        if (path == "design")
        {
            reference = new SubjectReference(SubjectType.Design, "");
            return true;
        }

        foreach (var (collection, type) in Collections)
        {
            if (!path.StartsWith(collection + "[", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = path[(collection.Length + 1)..];
            if (rest.EndsWith(']'))
            {
                reference = new SubjectReference(type, rest[..^1]);
            }
            else if (type == SubjectType.Lot && (rest.EndsWith("].heavy", StringComparison.Ordinal) || rest.EndsWith("].light", StringComparison.Ordinal)))
            {
                reference = new SubjectReference(SubjectType.Category, rest[..^7], rest[^5..]);
            }

            return reference is not null;
        }

        return false;
    }

    private static readonly (string Collection, SubjectType Type)[] Collections =
    [
        ("careProfiles", SubjectType.CareProfile), ("lots", SubjectType.Lot), ("contracts", SubjectType.Contract),
        ("providers", SubjectType.Provider), ("cooperatives", SubjectType.Cooperative), ("municipalities", SubjectType.Municipality),
        ("escalations", SubjectType.Escalation),
    ];

    private string Item(string collection) => string.Create(CultureInfo.InvariantCulture, $"{collection}[{Id}]");
}
