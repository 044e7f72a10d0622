using System.Globalization;
using Procurement.Rules.Comparing;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The report vocabulary (rapportteksten) in one place: the headings, labels and counts the HTML, Markdown and text
/// reports show, in Dutch (the default) or English. Machine names for JSON and SARIF stay in <see cref="ReportNames"/>.
/// </summary>
public sealed class ReportText
{
    /// <summary>The Dutch names of the months, January first.</summary>
    internal static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private ReportText(ReportLanguage language) => Language = language;

    /// <summary>The Dutch vocabulary (Nederlands), the default.</summary>
    public static ReportText Dutch { get; } = new(ReportLanguage.Dutch);

    /// <summary>The English vocabulary.</summary>
    public static ReportText English { get; } = new(ReportLanguage.English);

    /// <summary>The language of this vocabulary.</summary>
    public ReportLanguage Language { get; }

    /// <summary>The report's title (toetsingsrapport).</summary>
    public string Title => Nl ? "Toetsingsrapport inkoopkader jeugdhulp" : "Tender design check report";

    /// <summary>The column or label for a design (ontwerp).</summary>
    public string Design => Nl ? "ontwerp" : "design";

    /// <summary>The column or label for a design file (bestand).</summary>
    public string File => Nl ? "bestand" : "file";

    /// <summary>The column or label for the reference date (peildatum).</summary>
    public string AsOf => Nl ? "peildatum" : "as of";

    /// <summary>The label of a total over several designs (totaal).</summary>
    public string Total => Nl ? "totaal" : "total";

    /// <summary>The heading of the findings (bevindingen).</summary>
    public string Findings => Nl ? "Bevindingen" : "Findings";

    /// <summary>The heading of the chart of findings per rule.</summary>
    public string FindingsPerRule => Nl ? "Bevindingen per regel" : "Findings per rule";

    /// <summary>What a report says when a design has no findings.</summary>
    public string NoFindings => Nl ? "Geen bevindingen." : "No findings.";

    /// <summary>The label of a lot (perceel).</summary>
    public string Lot => Nl ? "perceel" : "lot";

    /// <summary>The label of a municipality (gemeente).</summary>
    public string Municipality => Nl ? "gemeente" : "municipality";

    /// <summary>The label of a rule (regel).</summary>
    public string Rule => Nl ? "regel" : "rule";

    /// <summary>The label of a rule's title (titel).</summary>
    public string RuleTitle => Nl ? "titel" : "title";

    /// <summary>The label of a policy reference (beleidsreferentie).</summary>
    public string Reference => Nl ? "referentie" : "reference";

    /// <summary>The label of a clause (clausule).</summary>
    public string Clause => Nl ? "clausule" : "clause";

    /// <summary>The label of a finding's subject (onderwerp).</summary>
    public string Subject => Nl ? "onderwerp" : "subject";

    /// <summary>The label of a location in the design file (locatie).</summary>
    public string Location => Nl ? "locatie" : "location";

    /// <summary>The label of a clause's expression (expressie).</summary>
    public string Expression => Nl ? "expressie" : "expression";

    /// <summary>The label of the values a clause read (gelezen waarden).</summary>
    public string ValuesRead => Nl ? "gelezen waarden" : "values read";

    /// <summary>The toggle that shows a clause's expression and the values it read.</summary>
    public string ExpressionAndValues => Nl ? "Expressie en gelezen waarden" : "Expression and values read";

    /// <summary>The label of a severity (ernst).</summary>
    public string Severity => Nl ? "ernst" : "severity";

    /// <summary>The filter choice that shows every severity (alle).</summary>
    public string All => Nl ? "alle" : "all";

    /// <summary>The label of the text filter (zoeken).</summary>
    public string Search => Nl ? "zoeken" : "search";

    /// <summary>The hint inside the text filter.</summary>
    public string SearchHint => Nl ? "regel, onderwerp, tekst" : "rule, subject, text";

    /// <summary>The word after the number of findings a filter shows (getoond).</summary>
    public string Shown => Nl ? "getoond" : "shown";

    /// <summary>The heading of the list of rules checked (gecontroleerde regels).</summary>
    public string RulesChecked => Nl ? "Gecontroleerde regels" : "Rules checked";

    /// <summary>The label of the rules that did not apply (niet toegepast).</summary>
    public string NotApplied => Nl ? "niet toegepast" : "not applied";

    /// <summary>The label of a rule set's hash (regelset).</summary>
    public string RuleSetName => Nl ? "regelset" : "rule set";

    /// <summary>The label of what a changed finding was in the base (was).</summary>
    public string Was => "was";

    /// <summary>The label of what a changed finding is in the head (nu).</summary>
    public string Now => Nl ? "nu" : "now";

    /// <summary>What a rule diff says when no rule changed and no subject moved.</summary>
    public string NoRuleChanged => Nl ? "geen regel gewijzigd en geen onderwerp verschoven" : "no rule changed and no subject moved";

    /// <summary>The label of the rules (regels).</summary>
    public string Rules => Nl ? "regels" : "rules";

    /// <summary>The label of a finding's message (melding).</summary>
    public string Message => Nl ? "melding" : "message";

    /// <summary>The heading of a diff report (verschil in bevindingen).</summary>
    public string DiffTitle => Nl ? "Verschil in bevindingen" : "procurement-rules diff";

    /// <summary>The label of what changed in a rule (wat).</summary>
    public string Aspects => Nl ? "wat" : "what";

    /// <summary>The label of subjects that newly fail a rule (nieuw afgekeurd).</summary>
    public string NewlyFailing => Nl ? "nieuw afgekeurd" : "newly fail";

    /// <summary>The label of subjects that newly pass a rule (nieuw goedgekeurd).</summary>
    public string NewlyPassing => Nl ? "nieuw goedgekeurd" : "newly pass";

    /// <summary>The label of a change (wijziging).</summary>
    public string ChangeHeading => Nl ? "wijziging" : "change";

    /// <summary>The label of a rule's status in an evaluation (status).</summary>
    public string Status => "status";

    private bool Nl => Language == ReportLanguage.Dutch;

    /// <summary>The vocabulary of <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>Its vocabulary.</returns>
    public static ReportText For(ReportLanguage language) => language == ReportLanguage.English ? English : Dutch;

    /// <summary>One finding's severity as a label: <c>fout</c>, <c>waarschuwing</c> or <c>info</c> (English: error, warning, info).</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The label.</returns>
    public string SeverityName(Severity severity) => severity switch
    {
        Procurement.Rules.Severity.Error => Nl ? "fout" : "error",
        Procurement.Rules.Severity.Warning => Nl ? "waarschuwing" : "warning",
        _ => "info",
    };

    /// <summary>The heading of the findings of one severity: <c>Fouten</c>, <c>Waarschuwingen</c> or <c>Ter informatie</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The heading.</returns>
    public string SeverityHeading(Severity severity) => severity switch
    {
        Procurement.Rules.Severity.Error => Nl ? "Fouten" : "Errors",
        Procurement.Rules.Severity.Warning => Nl ? "Waarschuwingen" : "Warnings",
        _ => Nl ? "Ter informatie" : "Information",
    };

    /// <summary>Counts of findings by severity, e.g. <c>3 fouten, 1 waarschuwing, 7 info</c>.</summary>
    /// <param name="errors">Number of errors.</param>
    /// <param name="warnings">Number of warnings.</param>
    /// <param name="info">Number of info findings.</param>
    /// <returns>The text.</returns>
    public string Counts(int errors, int warnings, int info) => Nl
        ? Invariant($"{errors} {(errors == 1 ? "fout" : "fouten")}, {warnings} {(warnings == 1 ? "waarschuwing" : "waarschuwingen")}, {info} info")
        : Invariant($"{errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}, {info} info");

    /// <summary>How many of the rules applied, e.g. <c>18 van 27 regels toegepast</c>.</summary>
    /// <param name="applied">Rules that applied to at least one subject.</param>
    /// <param name="total">Rules in the rule set.</param>
    /// <returns>The text.</returns>
    public string RulesApplied(int applied, int total) =>
        Nl ? Invariant($"{applied} van {total} regels toegepast") : Invariant($"{applied} of {total} rules applied");

    /// <summary>The rule set line, e.g. <c>regelset 202042194071b234, 27 regels</c>.</summary>
    /// <param name="hash">The rule set's content hash.</param>
    /// <param name="rules">Its number of rules.</param>
    /// <returns>The text.</returns>
    public string RuleSet(string hash, int rules) =>
        Nl ? Invariant($"regelset {hash}, {rules} regels") : Invariant($"rule set {hash}, {rules} rules");

    /// <summary>The number of designs, e.g. <c>4 ontwerpen</c>.</summary>
    /// <param name="designs">The number.</param>
    /// <returns>The text.</returns>
    public string Designs(int designs) =>
        Nl ? Invariant($"{designs} {(designs == 1 ? "ontwerp" : "ontwerpen")}") : Invariant($"{designs} {(designs == 1 ? "design" : "designs")}");

    /// <summary>Whether, and why not, a rule applied: <c>toegepast</c>, <c>geen onderwerpen</c>, <c>niet van kracht</c> or <c>uitgeschakeld</c>.</summary>
    /// <param name="application">The rule's application.</param>
    /// <returns>The text.</returns>
    public string Application(RuleApplication application) => application switch
    {
        RuleApplication.Applied => Nl ? "toegepast" : "applied",
        RuleApplication.NotEffective => Nl ? "niet van kracht" : "not effective",
        RuleApplication.Disabled => Nl ? "uitgeschakeld" : "disabled",
        _ => Nl ? "geen onderwerpen" : "no matching subjects",
    };

    /// <summary>A finding's change in a diff: <c>nieuw</c>, <c>opgelost</c>, <c>gewijzigd</c> or <c>ongewijzigd</c>.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The text.</returns>
    public string Change(FindingChange change) => change switch
    {
        FindingChange.New => Nl ? "nieuw" : "new",
        FindingChange.Resolved => Nl ? "opgelost" : "resolved",
        FindingChange.Changed => Nl ? "gewijzigd" : "changed",
        _ => Nl ? "ongewijzigd" : "unchanged",
    };

    /// <summary>A rule's change in a diff: <c>toegevoegd</c>, <c>verwijderd</c>, <c>gewijzigd</c> or <c>ongewijzigd</c>.</summary>
    /// <param name="kind">The kind of change.</param>
    /// <returns>The text.</returns>
    public string RuleChange(RuleChangeKind kind) => kind switch
    {
        RuleChangeKind.Added => Nl ? "toegevoegd" : "added",
        RuleChangeKind.Removed => Nl ? "verwijderd" : "removed",
        RuleChangeKind.Changed => Nl ? "gewijzigd" : "changed",
        _ => Nl ? "ongewijzigd" : "unchanged",
    };

    /// <summary>
    /// Where a finding is, from its lot and municipality (<c>-</c> when it has none): <c>perceel Crisishulp, gemeente
    /// Delft</c>, <c>perceel Crisishulp</c>, or <c>inkoopkader als geheel</c> for neither.
    /// </summary>
    /// <param name="lot">The lot's name, or <c>-</c>.</param>
    /// <param name="municipality">The municipality's name, or <c>-</c>.</param>
    /// <returns>The text.</returns>
    public string Place(string lot, string municipality)
    {
        var parts = new List<string>(2);
        if (lot != "-")
        {
            parts.Add($"{Lot} {lot}");
        }

        if (municipality != "-")
        {
            parts.Add($"{Municipality} {municipality}");
        }

        return parts.Count > 0 ? string.Join(", ", parts) : Nl ? "inkoopkader als geheel" : "the design as a whole";
    }

    /// <summary>The note under a list cut short, e.g. <c>… en 12 meer</c>, naming the command that shows them all.</summary>
    /// <param name="more">How many were left out.</param>
    /// <returns>The text.</returns>
    public string More(int more) => Nl
        ? Invariant($"… en {more} meer; `procurement-rules diff --format text` toont ze allemaal.")
        : Invariant($"… and {more} more; run `procurement-rules diff --format text` for all of them.");

    /// <summary>A date written out, e.g. <c>1 januari 2025</c> (English: <c>1 January 2025</c>).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public string Date(DateOnly date) => Invariant($"{date.Day} {(Nl ? DutchMonths : EnglishMonths)[date.Month - 1]} {date.Year}");

    /// <summary>The text with its first letter in capitals, for a label that starts a heading, a line or a cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, capitalised.</returns>
    public static string Capital(string text) => string.IsNullOrEmpty(text) ? text ?? string.Empty : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
