using System.Text.Json;
using Procurement.Rules.Comparing;

namespace Procurement.Rules.Reporting;

/// <summary>SARIF 2.1.0 of a diff with <c>baselineState</c> per result: head findings as new, unchanged or updated, resolved ones as absent.</summary>
internal static class DiffSarifWriter
{
    public static void Write(DiffReport result, TextWriter output)
    {
        var rules = result.HeadRules.Rules
            .Concat(result.BaseRules.Rules.Where(r => result.HeadRules.Rules.All(h => !string.Equals(h.Id, r.Id, StringComparison.Ordinal))))
            .ToArray();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        SarifLog.Write(
            output,
            json =>
            {
                foreach (var rule in rules)
                {
                    WriteRule(json, rule);
                }
            },
            json =>
            {
                json.WriteStartArray("results");
                foreach (var diff in result.Diffs)
                {
                    foreach (var f in diff.Findings)
                    {
                        WriteResult(json, diff, f, index);
                    }
                }

                json.WriteEndArray();
            });
    }

    private static void WriteRule(Utf8JsonWriter json, RuleInfo rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", ReportNames.SarifLevel(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("pack", rule.Pack);
        if (rule.Reference is { } reference)
        {
            json.WriteString("reference", reference);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ReportDiff diff, FindingDiff f, Dictionary<string, int> index)
    {
        var finding = f.Current;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (index.TryGetValue(finding.RuleId, out var ruleIndex))
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", ReportNames.SarifLevel(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        SarifLog.WriteLocations(json, f.Head is null ? diff.Base.DesignFile : diff.Head.DesignFile, finding.SubjectLocation, finding.Subject);
        json.WriteString("baselineState", ReportNames.BaselineState(f.Change));
        json.WriteStartObject("partialFingerprints");
        json.WriteString("ruleSubjectClause/v1", $"{finding.RuleId}|{finding.Subject}|{finding.Clause}");
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
