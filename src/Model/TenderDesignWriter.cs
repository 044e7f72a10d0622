using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model;

/// <summary>Writes a tender design back to YAML in the form <see cref="TenderDesignLoader"/> reads; loading the output gives an equal design.</summary>
public static partial class TenderDesignWriter
{
    /// <summary>Writes <paramref name="design"/> as YAML text.</summary>
    public static string Write(TenderDesign design)
    {
        var builder = new StringBuilder();
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture);
        Write(design, writer);
        return builder.ToString();
    }

    /// <summary>Writes <paramref name="design"/> as YAML to <paramref name="writer"/>.</summary>
    public static void Write(TenderDesign design, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"design: {Text(design.Id)}");
        writer.WriteLine($"region: {Text(design.Region)}");
        if (design.PurchasingOrganisation is { } organisation)
        {
            writer.WriteLine($"purchasingOrganisation: {Text(organisation)}");
        }

        writer.WriteLine($"period: {PeriodText(design.Period)}");
        if (design.ExpertTeam is { } team)
        {
            writer.WriteLine($"expertTeam: {Flow(("id", Text(team.Id)), ("name", Text(team.Name)))}");
        }

        writer.WriteLine("municipalities:");
        foreach (var m in design.Municipalities)
        {
            writer.WriteLine($"  - {Flow(("id", Text(m.Id)), ("name", Text(m.Name)), ("from", DateText(m.From)), ("until", DateText(m.Until)), ("accessTeam", TextOrNull(m.AccessTeam)))}");
        }

        WriteLots(design, writer);
        writer.WriteLine("providers:");
        foreach (var p in design.Providers)
        {
            writer.WriteLine($"  - {Flow(("id", Text(p.Id)), ("agb", Quoted(p.Agb)), ("name", Text(p.Name)), ("qualifications", List(p.Qualifications.Select(Text))), ("subcontractors", p.Subcontractors.Count == 0 ? null : List(p.Subcontractors.Select(s => Text(s.Id)))))}");
        }

        writer.WriteLine("cooperatives:");
        foreach (var c in design.Cooperatives)
        {
            writer.WriteLine($"  - {Flow(("id", Text(c.Id)), ("name", Text(c.Name)), ("members", List(c.Members.Select(m => Text(m.Id)))), ("region", c.Region.Count == 0 ? null : List(c.Region.Select(m => Text(m.Id)))))}");
        }

        writer.WriteLine("contracts:");
        foreach (var c in design.Contracts)
        {
            writer.WriteLine($"  - {Flow(("id", Text(c.Id)), ("party", Text(c.Party.Id)), ("lot", Text(c.Lot.Id)), ("category", Kebab(c.Category)), ("municipalities", List(c.Municipalities.Select(m => Text(m.Id)))), ("period", PeriodText(c.Period)), ("financing", c.Financing is { } f ? Kebab(f) : null), ("value", Number(c.Value)), ("publication", PublicationText(c.Publication)), ("budget", c.Budget is { } budget ? Number(budget) : null), ("hardshipClause", TextOrNull(c.HardshipClause)))}");
        }

        writer.WriteLine("careProfiles:");
        foreach (var p in design.CareProfiles)
        {
            writer.WriteLine($"  - {Flow(("id", Text(p.Id)), ("client", TextOrNull(p.Client)), ("municipality", Text(p.Municipality.Id)), ("lot", Text(p.Lot.Id)), ("category", Kebab(p.Category)), ("mainContractor", TextOrNull(p.MainContractor?.Id)), ("coProviders", p.CoProviders.Count == 0 ? null : List(p.CoProviders.Select(c => Text(c.Id)))), ("intensityHoursPerWeek", Number(p.IntensityHoursPerWeek)), ("durationMonths", Number(p.DurationMonths)), ("budget", Number(p.Budget)), ("start", DateText(p.Start)), ("transferredTo", TextOrNull(p.TransferredTo?.Id)), ("contract", TextOrNull(p.Contract?.Id)), ("stay", p.Stay ? "true" : null), ("responsibleMunicipality", TextOrNull(p.ResponsibleMunicipality?.Id)))}");
        }

        writer.WriteLine("escalations:");
        foreach (var e in design.Escalations)
        {
            // The id is left out when it is the one the loader derives (profile/date): two escalations of one profile on one
            // day may both have it, and written out explicitly it would be a duplicate id.
            var defaultId = $"{e.Profile.Id}/{e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            writer.WriteLine($"  - {Flow(("id", e.Id == defaultId ? null : Text(e.Id)), ("profile", Text(e.Profile.Id)), ("from", Kebab(e.From)), ("to", Kebab(e.To)), ("fromScope", e.FromScope is { } fs ? Kebab(fs) : null), ("toScope", e.ToScope is { } ts ? Kebab(ts) : null), ("toLot", ReferenceEquals(e.TargetLot, e.Profile.Lot) ? null : Text(e.TargetLot.Id)), ("date", DateText(e.Date)), ("approvedBy", TextOrNull(e.ApprovedBy)), ("expertTeam", TextOrNull(e.ExpertTeam?.Id)))}");
        }

        WritePeriodData(design, writer);
    }

    // The period data, each list only when the design has some: a design without it is written as before.
    private static void WritePeriodData(TenderDesign design, TextWriter writer)
    {
        static string Month(DateOnly month) => Text(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (design.ProfileMonths.Count > 0)
        {
            writer.WriteLine("profileMonths:");
            foreach (var m in design.ProfileMonths)
            {
                writer.WriteLine($"  - {Flow(("profile", Text(m.Profile.Id)), ("month", Month(m.Month)), ("status", Kebab(m.Status)), ("hours", m.Hours is { } hours ? Number(hours) : null), ("units", m.Units is { } units ? Number(units) : null), ("spend", m.Spend is { } spend ? Number(spend) : null))}");
            }
        }

        if (design.Outcomes.Count > 0)
        {
            writer.WriteLine("outcomes:");
            foreach (var o in design.Outcomes)
            {
                writer.WriteLine($"  - {Flow(("profile", Text(o.Profile.Id)), ("ended", DateText(o.Ended)), ("goal", Kebab(o.Goal)), ("endedEarly", o.EndedEarly ? "true" : null), ("satisfaction", o.Satisfaction is { } mark ? Number(mark) : null))}");
            }
        }

        if (design.Spending.Count > 0)
        {
            writer.WriteLine("spending:");
            foreach (var s in design.Spending)
            {
                writer.WriteLine($"  - {Flow(("contract", Text(s.Contract.Id)), ("month", Month(s.Month)), ("amount", Number(s.Amount)))}");
            }
        }
    }

    private static void WriteLots(TenderDesign design, TextWriter writer)
    {
        writer.WriteLine("lots:");
        foreach (var lot in design.Lots)
        {
            writer.WriteLine($"  - id: {Text(lot.Id)}");
            writer.WriteLine($"    name: {Text(lot.Name)}");
            if (lot.Sector is { } sector && sector != lot.Id)
            {
                writer.WriteLine($"    sector: {Text(sector)}");
            }

            writer.WriteLine($"    productCategories: {List(lot.ProductCategories.Select(Quoted))}");
            writer.WriteLine($"    scope: {Kebab(lot.Scope)}");
            if (lot.Municipality is { } buyer)
            {
                writer.WriteLine($"    municipality: {Text(buyer.Id)}");
            }

            if (lot.ExcludedMunicipalities.Count > 0)
            {
                writer.WriteLine($"    excludes: {List(lot.ExcludedMunicipalities.Select(m => Text(m.Id)))}");
            }

            writer.WriteLine($"    light: {TermsText(lot.Light)}");
            writer.WriteLine($"    heavy: {TermsText(lot.Heavy)}");
        }
    }

    private static string TermsText(CategoryTerms terms)
    {
        var limits = terms.Limits;
        var limitsText = limits == CategoryLimits.None
            ? null
            : Flow(("intensityHoursPerWeek", limits.IntensityHoursPerWeek is { } i ? Number(i) : null), ("durationMonths", limits.DurationMonths is { } d ? Number(d) : null), ("budget", limits.Budget is { } b ? Number(b) : null));
        return Flow(
            ("procurement", Kebab(terms.Procurement)),
            ("maxProviders", terms.MaxProviders is { } max ? Number(max) : null),
            ("qualifications", terms.Qualifications.Count == 0 ? null : List(terms.Qualifications.Select(Text))),
            ("financing", terms.Financing is { } f ? Kebab(f) : null),
            ("limits", limitsText),
            ("publication", PublicationText(terms.Publication)),
            ("products", terms.Products.Count == 0 ? null : List(terms.Products.Select(ProductText))));
    }

    private static string ProductText(Product product) => Flow(
        ("code", Text(product.Code)),
        ("name", Text(product.Name)),
        ("category", Quoted(product.Category)),
        ("variant", Kebab(product.Variant)),
        ("unit", product.Unit is { } unit ? Kebab(unit) : null),
        ("standard", product.IsStandard ? "true" : null),
        ("tariff", product.Tariff is { } tariff ? TariffText(tariff) : null));

    private static string TariffText(Tariff tariff) => Flow(
        ("amount", Number(tariff.Amount)),
        ("costBuildUp", tariff.StaffCosts is { } staff && tariff.ClientRelatedCosts is { } client && tariff.Overhead is { } overhead
            ? Flow(("staff", Number(staff)), ("clientRelated", Number(client)), ("overhead", Number(overhead)))
            : null),
        ("indexation", TextOrNull(tariff.Indexation)),
        ("differentiation", TextOrNull(tariff.Differentiation)));

    private static string? PublicationText(Publication? publication) => publication is null
        ? null
        : Flow(("procedure", Kebab(publication.Procedure)), ("published", DateText(publication.Published)), ("notice", TextOrNull(publication.Notice)));

    private static string Flow(params (string Key, string? Value)[] fields) =>
        "{ " + string.Join(", ", fields.Where(f => f.Value is not null).Select(f => $"{f.Key}: {f.Value}")) + " }";

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string PeriodText(Period period) => Flow(("from", DateText(period.From)), ("until", DateText(period.Until)));

    private static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Kebab<T>(T value)
        where T : struct, Enum => YamlNames.Kebab(value.ToString());

    private static string? TextOrNull(string? value) => value is null ? null : Text(value);

    // Plain when it cannot be misread as another type or as YAML syntax; double-quoted otherwise. The pattern ends in \z,
    // not $, which would also match before a final line break (a block scalar such as 'name: |' ends in one).
    private static string Text(string value) =>
        PlainSafe().IsMatch(value) && !Reserved.Contains(value) ? value : Quoted(value);

    private static string Quoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (YamlText.MustEscape(c))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n" };

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-./]*( [A-Za-z0-9_\-./()]+)*\z")]
    private static partial Regex PlainSafe();
}
