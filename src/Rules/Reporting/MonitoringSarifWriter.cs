using Procurement.Rules.Monitoring;

namespace Procurement.Rules.Reporting;

/// <summary>
/// SARIF 2.1.0 of a monitoring report: one run with the rule set's rules, and a result for every open signal at the end
/// of the range (the last month's findings, as <c>validate --as-of</c> that day gives them), each with the month it has
/// been reported since (<c>properties.since</c>) and the reference date (<c>properties.asOf</c>); the run's properties
/// name the range.
/// </summary>
internal static class MonitoringSarifWriter
{
    public static void Write(MonitoringReport report, RuleSet ruleSet, TextWriter output)
    {
        var rules = ruleSet.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        SarifLog.Write(
            output,
            json => rules.ForEach(rule => SarifReportWriter.WriteRule(json, rule)),
            json =>
            {
                json.WriteStartArray("artifacts");
                json.WriteStartObject();
                json.WriteStartObject("location");
                json.WriteString("uri", SarifLog.Uri(report.DesignFile));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartArray("results");
                foreach (var (finding, since) in MonitoringAttention.Since(report))
                {
                    SarifReportWriter.WriteResult(json, report.DesignId, report.DesignFile, finding, index, properties =>
                    {
                        properties.WriteString("asOf", report.Until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                        properties.WriteString("since", since.Label);
                    });
                }

                json.WriteEndArray();
                json.WriteStartObject("properties");
                json.WriteString("ruleSetHash", ruleSet.Hash);
                json.WriteString("from", report.Months[0].Label);
                json.WriteString("until", report.Months[^1].Label);
                json.WriteEndObject();
            });
    }
}
