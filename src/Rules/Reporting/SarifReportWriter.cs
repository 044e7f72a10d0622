using System.Text.Json;

namespace Procurement.Rules.Reporting;

/// <summary>SARIF 2.1.0 of a validate report: one run, the rule set's rules as tool rules, one result per finding located at the offending YAML node.</summary>
internal static class SarifReportWriter
{
    public static void Write(IReadOnlyList<DesignReport> results, RuleSet ruleSet, TextWriter output)
    {
        var rules = ruleSet.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        SarifLog.Write(
            output,
            json => rules.ForEach(rule => WriteRule(json, rule)),
            json =>
            {
                json.WriteStartArray("artifacts");
                foreach (var result in results)
                {
                    json.WriteStartObject();
                    json.WriteStartObject("location");
                    json.WriteString("uri", SarifLog.Uri(result.Report.DesignFile));
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("results");
                foreach (var result in results)
                {
                    foreach (var finding in result.Report.Findings)
                    {
                        WriteResult(json, result.Report.DesignId, result.Report.DesignFile, finding, index);
                    }
                }

                json.WriteEndArray();
                json.WriteStartObject("properties");
                json.WriteString("ruleSetHash", ruleSet.Hash);
                SarifWaivers.WriteUnmatched(json, results.Select(r => r.Report));
                json.WriteEndObject();
            });
    }

    public static void WriteRule(Utf8JsonWriter json, RuleInfo rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Id.Replace("-", "", StringComparison.Ordinal));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Reference is null ? rule.Title : $"{rule.Title} ({rule.Reference})");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", ReportNames.SarifLevel(rule.Severity));
        json.WriteBoolean("enabled", rule.Enabled);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("pack", rule.Pack);
        json.WriteString("subject", rule.Subject);
        json.WriteStartArray("tags");
        json.WriteStringValue("procurement");
        json.WriteStringValue(rule.Pack);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>One result of design <paramref name="designId"/> in <paramref name="designFile"/>; <paramref name="properties"/> adds to the result's property bag.</summary>
    public static void WriteResult(Utf8JsonWriter json, string designId, string designFile, Finding finding, Dictionary<string, int> index, Action<Utf8JsonWriter>? properties = null)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("level", ReportNames.SarifLevel(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", $"{finding.Message} (clause {finding.Clause}: {finding.ClauseExpression})");
        json.WriteEndObject();
        SarifLog.WriteLocations(json, designFile, finding.SubjectLocation, finding.Subject);
        json.WriteStartObject("properties");
        json.WriteString("designId", designId);
        json.WriteString("subject", finding.Subject);
        json.WriteString("clause", finding.Clause);
        json.WriteStartObject("values");
        foreach (var value in finding.Values)
        {
            json.WriteString(value.Expression, value.Value);
        }

        json.WriteEndObject();
        SarifWaivers.WriteExpired(json, finding);
        properties?.Invoke(json);
        json.WriteEndObject();
        if (index.TryGetValue(finding.RuleId, out var ruleIndex))
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        SarifWaivers.WriteSuppression(json, finding);
        json.WriteEndObject();
    }
}
