namespace Procurement.Rules.Model;

/// <summary>
/// Publication (aankondiging) of a tendered category or contract, or of an open-house invitation to join: the procedure,
/// the day it was published and the notice reference (e.g. a TED or TenderNed notice number).
/// </summary>
public sealed class Publication
{
    internal Publication(PublicationProcedure procedure, DateOnly? published, string? notice)
    {
        Procedure = procedure;
        Published = published;
        Notice = notice;
    }

    /// <summary>The procedure (procedure): European, national or none.</summary>
    public PublicationProcedure Procedure { get; }

    /// <summary>The day of publication (publicatiedatum), or <see langword="null"/> when not stated.</summary>
    public DateOnly? Published { get; }

    /// <summary>Where it was published: the notice reference (kenmerk aankondiging), e.g. <c>TED 2017/S 123-252345</c>; <see langword="null"/> when not stated.</summary>
    public string? Notice { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", new[] { Yaml.YamlNames.Kebab(Procedure.ToString()), Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Notice }.Where(part => part is not null));
}
