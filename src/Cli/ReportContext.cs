using System.Globalization;
using Procurement.Rules.Model;

namespace Procurement.Rules.Cli;

/// <summary>One evaluated design: the report and the design it was made from (to group findings by lot and municipality).</summary>
internal sealed record DesignResult(EvaluationReport Report, TenderDesign Design)
{
    private Dictionary<string, (string Lot, string Municipality)>? profiles;

    /// <summary>The lot and municipality a finding is about ("-" where the subject has none).</summary>
    public (string Lot, string Municipality) Group(Finding finding) => Group(finding.Subject);

    /// <summary>The lot and municipality of a subject path: a profile's own, a contract's lot and municipalities, an escalation's profile.</summary>
    public (string Lot, string Municipality) Group(string subject)
    {
        profiles ??= Design.CareProfiles
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Lot.Name, g.First().Municipality.Name), StringComparer.Ordinal);
        if (Key(subject, "careProfiles[") is { } profileId && profiles.TryGetValue(profileId, out var group))
        {
            return group;
        }

        if (Key(subject, "lots[") is { } lotId)
        {
            var lot = Design.FindLot(lotId);
            return (lot?.Name ?? lotId, lot?.Municipality?.Name ?? "-");
        }

        if (Key(subject, "contracts[") is { } contractId && Design.FindContract(contractId) is { } contract)
        {
            return (contract.Lot.Name, contract.Municipalities.Count == 1 ? contract.Municipalities[0].Name : "-");
        }

        if (Key(subject, "escalations[") is { } escalationId && Design.Escalations.FirstOrDefault(e => e.Id == escalationId) is { } escalation)
        {
            return (escalation.TargetLot.Name, escalation.Profile.Municipality.Name);
        }

        return ("-", "-");
    }

    private static string? Key(string subject, string prefix)
    {
        if (!subject.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = subject.IndexOf(']', prefix.Length);
        return end < 0 ? null : subject[prefix.Length..end];
    }
}

/// <summary>Small helpers the report writers share.</summary>
internal static class ReportText
{
    public static string Label(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static string Location(SourceLocation? location) =>
        location is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{location.File}:{location.Line}:{location.Column}");

    /// <summary>Findings ordered for reading: by lot, municipality, then severity (highest first), rule and subject.</summary>
    public static IEnumerable<IGrouping<(string Lot, string Municipality), Finding>> ByLotAndMunicipality(DesignResult result) =>
        result.Report.Findings
            .OrderBy(f => result.Group(f).Lot, StringComparer.Ordinal)
            .ThenBy(f => result.Group(f).Municipality, StringComparer.Ordinal)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .GroupBy(result.Group);
}
