using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>A collection of a design that a rule can range over (<c>for: profile in CareProfiles</c>), and how its items are named in reports.</summary>
internal abstract partial class SubjectKind
{
    public abstract string Collection { get; }

    public abstract Type Type { get; }

    public static IReadOnlyList<SubjectKind> All { get; } =
    [
        new SubjectKind<CareProfile>("CareProfiles", d => ArrayOf(d.CareProfiles), p => new(SubjectType.CareProfile, p.Id), p => p.Location),
        new SubjectKind<Lot>("Lots", d => ArrayOf(d.Lots), l => new(SubjectType.Lot, l.Id), l => l.Location),
        new SubjectKind<CategoryTerms>("Categories", d => ArrayOf(d.Categories), t => new(SubjectType.Category, t.Lot.Id, t.Category == CareCategory.Heavy ? "heavy" : "light"), t => t.Location),
        new SubjectKind<Contract>("Contracts", d => ArrayOf(d.Contracts), c => new(SubjectType.Contract, c.Id), c => c.Location),
        new SubjectKind<Provider>("Providers", d => ArrayOf(d.Providers), p => new(SubjectType.Provider, p.Id), p => p.Location),
        new SubjectKind<Cooperative>("Cooperatives", d => ArrayOf(d.Cooperatives), c => new(SubjectType.Cooperative, c.Id), c => c.Location),
        new SubjectKind<Municipality>("Municipalities", d => ArrayOf(d.Municipalities), m => new(SubjectType.Municipality, m.Id), m => m.Location),
        new SubjectKind<Escalation>("Escalations", d => ArrayOf(d.Escalations), e => new(SubjectType.Escalation, e.Id), e => e.Location),
    ];

    public static SubjectKind<TenderDesign> Design { get; } =
        new("design", d => [d], d => new(SubjectType.Design, d.Id), d => new SourceLocation(d.SourceFile, 1, 1));

    // The design's lists are arrays: the evaluator iterates them without interface calls (a copy only if that ever changes).
    private static T[] ArrayOf<T>(IReadOnlyList<T> list) => list as T[] ?? [.. list];

    public static SubjectKind? Find(string collection) =>
        string.Equals(collection, "design", StringComparison.Ordinal) ? Design : All.FirstOrDefault(k => string.Equals(k.Collection, collection, StringComparison.Ordinal));
}

internal sealed partial class SubjectKind<T>(
    string collection,
    Func<TenderDesign, T[]> items,
    Func<T, SubjectReference> reference,
    Func<T, SourceLocation> location) : SubjectKind
    where T : class
{
    public override string Collection { get; } = collection;

    public override Type Type => typeof(T);

    public Func<TenderDesign, T[]> Items { get; } = items;

    /// <summary>The structured reference of an item, from which its <see cref="Path"/> is derived.</summary>
    public Func<T, SubjectReference> Reference { get; } = reference;

    public Func<T, string> Path { get; } = item => reference(item).Path;

    public Func<T, SourceLocation> Location { get; } = location;
}
