using System.Globalization;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.AspNetCore.Json;

/// <summary>Findings as the API's JSON: grouped by lot and municipality, with the rule's family and a plain-language Dutch explanation of the failed clause.</summary>
internal static class Findings
{
    public static FindingDto Of(Finding finding, DesignReport report, IReadOnlyDictionary<string, string> families)
    {
        var (lot, municipality) = report.Group(finding);
        var reference = finding.SubjectReference;
        return new FindingDto
        {
            RuleId = finding.RuleId,
            Title = finding.Title,
            Severity = ReportNames.Severity(finding.Severity),
            Family = families.GetValueOrDefault(finding.RuleId, string.Empty),
            Subject = finding.Subject,
            SubjectType = reference is null ? null : JsonNamingPolicyCamel(reference.Type.ToString()),
            SubjectId = reference?.Id,
            Lot = lot,
            Municipality = municipality,
            File = finding.SubjectLocation?.File.Replace('\\', '/'),
            Line = finding.SubjectLocation?.Line,
            Column = finding.SubjectLocation?.Column,
            Message = finding.Message,
            Clause = finding.Clause,
            ClauseText = ClauseText(finding),
            Values = [.. finding.Values.Select(v => new ValueDto(v.Expression, v.Value))],
            Reference = finding.Reference,
            ReasonCode = finding.ReasonCode,
            Waiver = Waiver(finding.Waiver),
        };
    }

    /// <summary>The waiver a finding or an explained subject carries, or null.</summary>
    public static WaiverDto? Waiver(FindingWaiver? waiver) => waiver is { } w
        ? new WaiverDto(w.Id, w.Justification, w.ApprovedBy, w.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.State == WaiverState.Active ? "active" : "expired")
        : null;

    public static IReadOnlyList<FindingDto> Of(DesignReport report, RuleSet ruleSet)
    {
        var families = Families(ruleSet);
        return [.. report.Report.Findings.Select(f => Of(f, report, families))];
    }

    /// <summary>The family (the pack) of every rule, by rule id.</summary>
    public static IReadOnlyDictionary<string, string> Families(RuleSet ruleSet)
    {
        var families = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in ruleSet.Rules)
        {
            families.TryAdd(rule.Id, rule.Pack);
        }

        return families;
    }

    public static CountsDto Counts(IReadOnlyList<FindingDto> findings) => new(
        findings.Count(f => f.Severity == "error" && f.Waiver?.State != "active"),
        findings.Count(f => f.Severity == "warning" && f.Waiver?.State != "active"),
        findings.Count(f => f.Severity == "info" && f.Waiver?.State != "active"),
        findings.Count(f => f.Waiver?.State == "active"));

    /// <summary>
    /// A Dutch sentence for an officer: which condition of the rule was not met (its name in words, not the expression)
    /// and the rule's own message, which already names the subject and the values that matter.
    /// </summary>
    public static string ClauseText(Finding finding)
    {
        var condition = finding.Clause.Replace('-', ' ').Replace('_', ' ');
        var message = finding.Message.TrimEnd();
        var ending = message.EndsWith('.') || message.EndsWith('!') || message.EndsWith('?') ? string.Empty : ".";
        return string.Create(CultureInfo.InvariantCulture, $"Niet voldaan aan de voorwaarde '{condition}' van regel {finding.RuleId} ({finding.Title}): {message}{ending}");
    }

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
