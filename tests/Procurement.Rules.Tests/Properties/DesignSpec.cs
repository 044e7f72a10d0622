using System.Globalization;
using System.Text;
using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Properties;

// A plain, immutable description of a tender design: what the generators build and shrink, what the oracles read,
// and what is rendered to YAML and loaded through the real loader. References are ids, as in the YAML.

internal sealed record PeriodSpec(DateOnly From, DateOnly? Until);

internal sealed record MunicipalitySpec(string Id, string Name, DateOnly? From, DateOnly? Until, string? AccessTeam);

internal sealed record LimitsSpec(decimal? Intensity, int? Duration, decimal? Budget)
{
    public static LimitsSpec None { get; } = new(null, null, null);
}

internal sealed record PublicationSpec(PublicationProcedure Procedure, DateOnly? Published, string? Notice);

/// <summary>A tariff; the cost build-up is stated in full (all three parts) or not at all (all null), as the YAML allows.</summary>
internal sealed record TariffSpec(decimal Amount, decimal? Staff, decimal? ClientRelated, decimal? Overhead, string? Indexation, string? Differentiation);

internal sealed record ProductSpec(string Code, string Name, string Category, FinancingForm Variant, ProductUnit? Unit, bool Standard, TariffSpec? Tariff);

internal sealed record ExpertTeamSpec(string Id, string Name);

internal sealed record TermsSpec(ProcurementForm Procurement, int? MaxProviders, string[] Qualifications, FinancingForm? Financing, LimitsSpec Limits, PublicationSpec? Publication = null, ProductSpec[]? Products = null)
{
    /// <summary>The products; none when <see cref="Products"/> is left null.</summary>
    public ProductSpec[] ProductList => Products ?? [];
}

internal sealed record LotSpec(
    string Id,
    string Name,
    string? Sector,
    string[] ProductCategories,
    LotScope Scope,
    string? Municipality,
    string[] Excludes,
    TermsSpec Light,
    TermsSpec Heavy)
{
    public TermsSpec Terms(CareCategory category) => category == CareCategory.Heavy ? Heavy : Light;

    public string EffectiveSector => Sector ?? Id;
}

internal sealed record ProviderSpec(string Id, string Agb, string Name, string[] Qualifications, string[] Subcontractors);

internal sealed record CooperativeSpec(string Id, string Name, string[] Members, string[] Region);

internal sealed record ContractSpec(
    string Id,
    string Party,
    string Lot,
    CareCategory Category,
    string[] Municipalities,
    PeriodSpec Period,
    FinancingForm? Financing,
    decimal Value,
    PublicationSpec? Publication = null,
    decimal? Budget = null,
    string? HardshipClause = null);

internal sealed record ProfileSpec(
    string Id,
    string? Client,
    string Municipality,
    string Lot,
    CareCategory Category,
    string? MainContractor,
    string[] CoProviders,
    decimal Intensity,
    int Duration,
    decimal Budget,
    DateOnly Start,
    string? TransferredTo,
    string? Contract,
    bool Stay = false,
    string? ResponsibleMunicipality = null);

internal sealed record EscalationSpec(
    string? Id,
    string Profile,
    CareCategory From,
    CareCategory To,
    LotScope? FromScope,
    LotScope? ToScope,
    string? ToLot,
    DateOnly Date,
    string? ApprovedBy,
    string? ExpertTeam = null)
{
    /// <summary>The id the loader gives the escalation: its own, else <c>profile/date</c>.</summary>
    public string EffectiveId => Id ?? $"{Profile}/{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

internal sealed record DesignSpec(
    string Id,
    string Region,
    PeriodSpec Period,
    MunicipalitySpec[] Municipalities,
    LotSpec[] Lots,
    ProviderSpec[] Providers,
    CooperativeSpec[] Cooperatives,
    ContractSpec[] Contracts,
    ProfileSpec[] Profiles,
    EscalationSpec[] Escalations,
    ExpertTeamSpec? ExpertTeam = null)
{
    /// <summary>Number of items, for reporting how small a counter-example is.</summary>
    public int ItemCount =>
        Municipalities.Length + Lots.Length + Providers.Length + Cooperatives.Length + Contracts.Length + Profiles.Length + Escalations.Length;

    /// <summary>The YAML text of this design, written independently of <see cref="TenderDesignWriter"/>.</summary>
    public string ToYaml() => SpecYaml.Render(this);

    /// <summary>Loads <see cref="ToYaml"/> through the real loader; a generated design that does not load is a generator bug.</summary>
    public TenderDesign Load(string fileName = "generated.yaml") => TenderDesignLoader.LoadString(ToYaml(), fileName).GetValueOrThrow();

    /// <summary>
    /// The design as the loader will see it: sectors, escalation ids and target lots made explicit, duplicate
    /// references in sets (contract municipalities, members, regions, excludes) removed. Oracles read this form.
    /// </summary>
    public DesignSpec Normalized()
    {
        var lotOfProfile = Profiles.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Lot, StringComparer.Ordinal);
        return this with
        {
            Lots = [.. Lots.Select(l => l with { Sector = l.EffectiveSector, Excludes = Distinct(l.Excludes) })],
            Cooperatives = [.. Cooperatives.Select(c => c with { Members = Distinct(c.Members), Region = Distinct(c.Region) })],
            Contracts = [.. Contracts.Select(c => c with { Municipalities = Distinct(c.Municipalities) })],
            Escalations = [.. Escalations.Select(e => e with { Id = e.EffectiveId, ToLot = e.ToLot ?? lotOfProfile.GetValueOrDefault(e.Profile) })],
        };

        static string[] Distinct(string[] items) => [.. items.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Reads a loaded design back into a spec through plain data only (no model logic), in normalized form.</summary>
    public static DesignSpec FromModel(TenderDesign d)
    {
        static string[] Ids<T>(IEnumerable<T> items, Func<T, string> id) => [.. items.Select(id)];
        static TermsSpec Terms(CategoryTerms t) => new(
            t.Procurement, t.MaxProviders, [.. t.Qualifications], t.Financing,
            new LimitsSpec(t.Limits.IntensityHoursPerWeek, t.Limits.DurationMonths, t.Limits.Budget), PublicationOf(t.Publication),
            t.Products.Count == 0 ? null : [.. t.Products.Select(ProductOf)]);
        static ProductSpec ProductOf(Product p) => new(p.Code, p.Name, p.Category, p.Variant, p.Unit, p.IsStandard, p.Tariff is { } t
            ? new TariffSpec(t.Amount, t.StaffCosts, t.ClientRelatedCosts, t.Overhead, t.Indexation, t.Differentiation)
            : null);
        static PublicationSpec? PublicationOf(Publication? p) => p is null ? null : new(p.Procedure, p.Published, p.Notice);

        return new DesignSpec(
            d.Id,
            d.Region,
            new PeriodSpec(d.Period.From, d.Period.Until),
            [.. d.Municipalities.Select(m => new MunicipalitySpec(m.Id, m.Name, m.From, m.Until, m.AccessTeam))],
            [.. d.Lots.Select(l => new LotSpec(l.Id, l.Name, l.Sector, [.. l.ProductCategories], l.Scope, l.Municipality?.Id, Ids(l.ExcludedMunicipalities, m => m.Id), Terms(l.Light), Terms(l.Heavy)))],
            [.. d.Providers.Select(p => new ProviderSpec(p.Id, p.Agb, p.Name, [.. p.Qualifications], Ids(p.Subcontractors, s => s.Id)))],
            [.. d.Cooperatives.Select(c => new CooperativeSpec(c.Id, c.Name, Ids(c.Members, m => m.Id), Ids(c.Region, m => m.Id)))],
            [.. d.Contracts.Select(c => new ContractSpec(c.Id, c.Party.Id, c.Lot.Id, c.Category, Ids(c.Municipalities, m => m.Id), new PeriodSpec(c.Period.From, c.Period.Until), c.Financing, c.Value, PublicationOf(c.Publication), c.Budget, c.HardshipClause))],
            [.. d.CareProfiles.Select(p => new ProfileSpec(
                p.Id, p.Client, p.Municipality.Id, p.Lot.Id, p.Category, p.MainContractor?.Id, Ids(p.CoProviders, c => c.Id),
                p.IntensityHoursPerWeek, p.DurationMonths, p.Budget, p.Start, p.TransferredTo?.Id, p.Contract?.Id, p.Stay, p.ResponsibleMunicipality?.Id))],
            [.. d.Escalations.Select(e => new EscalationSpec(e.Id, e.Profile.Id, e.From, e.To, e.FromScope, e.ToScope, e.TargetLot.Id, e.Date, e.ApprovedBy, e.ExpertTeam?.Id))],
            d.ExpertTeam is { } team ? new ExpertTeamSpec(team.Id, team.Name) : null);
    }
}

/// <summary>Renders a <see cref="DesignSpec"/> as YAML: block style for lots, flow style for the other items, every free text quoted.</summary>
internal static class SpecYaml
{
    public static string Render(DesignSpec d)
    {
        var b = new StringBuilder();
        b.Append("design: ").Append(Q(d.Id)).Append('\n');
        b.Append("region: ").Append(Q(d.Region)).Append('\n');
        b.Append("period: ").Append(Period(d.Period)).Append('\n');
        if (d.ExpertTeam is { } team)
        {
            b.Append("expertTeam: ").Append(Flow(("id", Q(team.Id)), ("name", Q(team.Name)))).Append('\n');
        }

        b.Append("municipalities:").Append(d.Municipalities.Length == 0 ? " []\n" : "\n");
        foreach (var m in d.Municipalities)
        {
            b.Append("  - ").Append(Flow(("id", Q(m.Id)), ("name", Q(m.Name)), ("from", Date(m.From)), ("until", Date(m.Until)), ("accessTeam", QOrNull(m.AccessTeam)))).Append('\n');
        }

        b.Append("lots:").Append(d.Lots.Length == 0 ? " []\n" : "\n");
        foreach (var l in d.Lots)
        {
            b.Append("  - id: ").Append(Q(l.Id)).Append('\n');
            b.Append("    name: ").Append(Q(l.Name)).Append('\n');
            if (l.Sector is { } sector)
            {
                b.Append("    sector: ").Append(Q(sector)).Append('\n');
            }

            b.Append("    productCategories: ").Append(List(l.ProductCategories.Select(Q))).Append('\n');
            b.Append("    scope: ").Append(Kebab(l.Scope)).Append('\n');
            if (l.Municipality is { } buyer)
            {
                b.Append("    municipality: ").Append(Q(buyer)).Append('\n');
            }

            if (l.Excludes.Length > 0)
            {
                b.Append("    excludes: ").Append(List(l.Excludes.Select(Q))).Append('\n');
            }

            b.Append("    light: ").Append(Terms(l.Light)).Append('\n');
            b.Append("    heavy: ").Append(Terms(l.Heavy)).Append('\n');
        }

        b.Append("providers:").Append(d.Providers.Length == 0 ? " []\n" : "\n");
        foreach (var p in d.Providers)
        {
            b.Append("  - ").Append(Flow(("id", Q(p.Id)), ("agb", Q(p.Agb)), ("name", Q(p.Name)), ("qualifications", List(p.Qualifications.Select(Q))),
                ("subcontractors", p.Subcontractors.Length == 0 ? null : List(p.Subcontractors.Select(Q))))).Append('\n');
        }

        b.Append("cooperatives:").Append(d.Cooperatives.Length == 0 ? " []\n" : "\n");
        foreach (var c in d.Cooperatives)
        {
            b.Append("  - ").Append(Flow(("id", Q(c.Id)), ("name", Q(c.Name)), ("members", List(c.Members.Select(Q))),
                ("region", c.Region.Length == 0 ? null : List(c.Region.Select(Q))))).Append('\n');
        }

        b.Append("contracts:").Append(d.Contracts.Length == 0 ? " []\n" : "\n");
        foreach (var c in d.Contracts)
        {
            b.Append("  - ").Append(Flow(("id", Q(c.Id)), ("party", Q(c.Party)), ("lot", Q(c.Lot)), ("category", Kebab(c.Category)),
                ("municipalities", List(c.Municipalities.Select(Q))), ("period", Period(c.Period)),
                ("financing", c.Financing is { } f ? Kebab(f) : null), ("value", Number(c.Value)), ("publication", Publication(c.Publication)),
                ("budget", c.Budget is { } budget ? Number(budget) : null), ("hardshipClause", QOrNull(c.HardshipClause)))).Append('\n');
        }

        b.Append("careProfiles:").Append(d.Profiles.Length == 0 ? " []\n" : "\n");
        foreach (var p in d.Profiles)
        {
            b.Append("  - ").Append(Flow(("id", Q(p.Id)), ("client", QOrNull(p.Client)), ("municipality", Q(p.Municipality)), ("lot", Q(p.Lot)),
                ("category", Kebab(p.Category)), ("mainContractor", QOrNull(p.MainContractor)),
                ("coProviders", p.CoProviders.Length == 0 ? null : List(p.CoProviders.Select(Q))),
                ("intensityHoursPerWeek", Number(p.Intensity)), ("durationMonths", p.Duration.ToString(CultureInfo.InvariantCulture)),
                ("budget", Number(p.Budget)), ("start", Date(p.Start)), ("transferredTo", QOrNull(p.TransferredTo)), ("contract", QOrNull(p.Contract)),
                ("stay", p.Stay ? "true" : null), ("responsibleMunicipality", QOrNull(p.ResponsibleMunicipality)))).Append('\n');
        }

        b.Append("escalations:").Append(d.Escalations.Length == 0 ? " []\n" : "\n");
        foreach (var e in d.Escalations)
        {
            b.Append("  - ").Append(Flow(("id", QOrNull(e.Id)), ("profile", Q(e.Profile)), ("from", Kebab(e.From)), ("to", Kebab(e.To)),
                ("fromScope", e.FromScope is { } fs ? Kebab(fs) : null), ("toScope", e.ToScope is { } ts ? Kebab(ts) : null),
                ("toLot", QOrNull(e.ToLot)), ("date", Date(e.Date)), ("approvedBy", QOrNull(e.ApprovedBy)), ("expertTeam", QOrNull(e.ExpertTeam)))).Append('\n');
        }

        return b.ToString();
    }

    private static string Terms(TermsSpec t)
    {
        var l = t.Limits;
        var limits = l == LimitsSpec.None
            ? null
            : Flow(("intensityHoursPerWeek", l.Intensity is { } i ? Number(i) : null), ("durationMonths", l.Duration?.ToString(CultureInfo.InvariantCulture)), ("budget", l.Budget is { } bu ? Number(bu) : null));
        return Flow(
            ("procurement", Kebab(t.Procurement)),
            ("maxProviders", t.MaxProviders?.ToString(CultureInfo.InvariantCulture)),
            ("qualifications", List(t.Qualifications.Select(Q))),
            ("financing", t.Financing is { } f ? Kebab(f) : null),
            ("limits", limits),
            ("publication", Publication(t.Publication)),
            ("products", t.ProductList.Length == 0 ? null : List(t.ProductList.Select(Product))));
    }

    private static string Product(ProductSpec p) => Flow(
        ("code", Q(p.Code)), ("name", Q(p.Name)), ("category", Q(p.Category)), ("variant", Kebab(p.Variant)),
        ("unit", p.Unit is { } unit ? Kebab(unit) : null), ("standard", p.Standard ? "true" : null),
        ("tariff", p.Tariff is not { } t ? null : Flow(
            ("amount", Number(t.Amount)),
            ("costBuildUp", t.Staff is { } staff ? Flow(("staff", Number(staff)), ("clientRelated", Number(t.ClientRelated ?? 0)), ("overhead", Number(t.Overhead ?? 0))) : null),
            ("indexation", QOrNull(t.Indexation)), ("differentiation", QOrNull(t.Differentiation)))));

    private static string? Publication(PublicationSpec? p) =>
        p is null ? null : Flow(("procedure", Kebab(p.Procedure)), ("published", Date(p.Published)), ("notice", QOrNull(p.Notice)));

    private static string Period(PeriodSpec p) => Flow(("from", Date(p.From)), ("until", Date(p.Until)));

    private static string Flow(params (string Key, string? Value)[] fields) =>
        "{ " + string.Join(", ", fields.Where(f => f.Value is not null).Select(f => $"{f.Key}: {f.Value}")) + " }";

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Kebab<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var b = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                b.Append('-');
            }

            b.Append(char.ToLowerInvariant(name[i]));
        }

        return b.ToString();
    }

    private static string? QOrNull(string? text) => text is null ? null : Q(text);

    // Every text double-quoted, so no id or name can be misread as a number, a boolean or YAML syntax; anything YAML
    // does not print as itself (controls, its own line breaks U+0085/U+2028/U+2029, the BOM) as a \u escape; so is U+FFFD,
    // which the loader takes for the scar of bytes that were not UTF-8 (a file holding one raw is 'not-text').
    private static string Q(string text)
    {
        var b = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFD' or '\uFFFE' or '\uFFFF')
                    {
                        b.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        return b.Append('"').ToString();
    }
}
