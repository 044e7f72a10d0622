using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>A collection of a design that a rule can range over (<c>for: profile in CareProfiles</c>), and how its items are named in reports.</summary>
internal abstract partial class SubjectKind
{
    public abstract string Collection { get; }

    public abstract Type Type { get; }

    public static IReadOnlyList<SubjectKind> All { get; } =
    [
        new SubjectKind<CareProfile>("CareProfiles", d => d.CareProfileArray, p => $"careProfiles[{p.Id}]", p => p.Location),
        new SubjectKind<Lot>("Lots", d => d.LotArray, l => $"lots[{l.Id}]", l => l.Location),
        new SubjectKind<CategoryTerms>("Categories", d => d.CategoryArray, t => $"lots[{t.Lot.Id}].{(t.Category == CareCategory.Heavy ? "heavy" : "light")}", t => t.Location),
        new SubjectKind<Contract>("Contracts", d => d.ContractArray, c => $"contracts[{c.Id}]", c => c.Location),
        new SubjectKind<Provider>("Providers", d => d.ProviderArray, p => $"providers[{p.Id}]", p => p.Location),
        new SubjectKind<Cooperative>("Cooperatives", d => d.CooperativeArray, c => $"cooperatives[{c.Id}]", c => c.Location),
        new SubjectKind<Municipality>("Municipalities", d => d.MunicipalityArray, m => $"municipalities[{m.Id}]", m => m.Location),
        new SubjectKind<Escalation>("Escalations", d => d.EscalationArray, e => $"escalations[{e.Id}]", e => e.Location),
    ];

    public static SubjectKind<TenderDesign> Design { get; } =
        new("design", d => [d], _ => "design", d => new SourceLocation(d.SourceFile, 1, 1));

    public static SubjectKind? Find(string collection) =>
        string.Equals(collection, "design", StringComparison.Ordinal) ? Design : All.FirstOrDefault(k => string.Equals(k.Collection, collection, StringComparison.Ordinal));
}

internal sealed partial class SubjectKind<T>(
    string collection,
    Func<TenderDesign, T[]> items,
    Func<T, string> path,
    Func<T, SourceLocation> location) : SubjectKind
    where T : class
{
    public override string Collection { get; } = collection;

    public override Type Type => typeof(T);

    public Func<TenderDesign, T[]> Items { get; } = items;

    public Func<T, string> Path { get; } = path;

    public Func<T, SourceLocation> Location { get; } = location;
}
