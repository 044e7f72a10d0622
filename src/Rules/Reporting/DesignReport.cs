using Procurement.Rules.Model;

namespace Procurement.Rules.Reporting;

/// <summary>
/// One evaluated design, as the report writers take it: the report and the design it was made from, which gives the
/// lot and municipality each finding is grouped under.
/// </summary>
/// <param name="Report">The evaluation report.</param>
/// <param name="Design">The design that was evaluated.</param>
public sealed record DesignReport(EvaluationReport Report, TenderDesign Design)
{
    private Dictionary<string, (string Lot, string Municipality)>? _profiles;

    /// <summary>
    /// The names of the lot and municipality a finding is about, from its <see cref="Finding.SubjectReference"/>: a care
    /// profile's own, a lot's (or a lot category's) name and municipality, a contract's lot and its municipality when it
    /// has one, an escalation's target lot and its profile's municipality; <c>-</c> where the subject has none.
    /// </summary>
    /// <param name="finding">A finding of <see cref="Report"/>.</param>
    /// <returns>The lot and municipality names.</returns>
    public (string Lot, string Municipality) Group(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.SubjectReference is { } reference ? Group(reference) : ("-", "-");
    }

    /// <summary>
    /// Open findings (waived ones left out) ordered for reading: by lot, municipality, then severity (highest first) and
    /// rule, grouped by lot and municipality.
    /// </summary>
    /// <returns>The groups, in order.</returns>
    public IEnumerable<IGrouping<(string Lot, string Municipality), Finding>> ByLotAndMunicipality() =>
        Report.Findings
            .Where(f => !f.IsWaived)
            .OrderBy(f => Group(f).Lot, StringComparer.Ordinal)
            .ThenBy(f => Group(f).Municipality, StringComparer.Ordinal)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .GroupBy(Group);

    /// <summary>The names of the lot and municipality of a subject (see <see cref="Group(Finding)"/>).</summary>
    /// <param name="reference">The subject.</param>
    /// <returns>The lot and municipality names, <c>-</c> where the subject has none.</returns>
    public (string Lot, string Municipality) Group(SubjectReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        switch (reference.Type)
        {
            case SubjectType.CareProfile:
                _profiles ??= Design.CareProfiles
                    .GroupBy(p => p.Id, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (g.First().Lot.Name, g.First().Municipality.Name), StringComparer.Ordinal);
                return _profiles.TryGetValue(reference.Id, out var group) ? group : ("-", "-");
            case SubjectType.Lot or SubjectType.Category:
                var lot = Design.FindLot(reference.Id);
                return (lot?.Name ?? reference.Id, lot?.Municipality?.Name ?? "-");
            case SubjectType.Contract when Design.FindContract(reference.Id) is { } contract:
                return (contract.Lot.Name, contract.Municipalities.Count == 1 ? contract.Municipalities[0].Name : "-");
            case SubjectType.Escalation when Design.Escalations.FirstOrDefault(e => e.Id == reference.Id) is { } escalation:
                return (escalation.TargetLot.Name, escalation.Profile.Municipality.Name);
            default:
                return ("-", "-");
        }
    }
}
