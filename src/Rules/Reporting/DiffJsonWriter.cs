using System.Text;
using System.Text.Json;
using Procurement.Rules.Comparing;

namespace Procurement.Rules.Reporting;

/// <summary>The JSON diff: one object with the designs' changed findings and, for a rule change, the per-rule impact.</summary>
internal static class DiffJsonWriter
{
    public static void Write(DiffReport result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("baseRuleSetHash", result.BaseRules.Hash);
            json.WriteString("headRuleSetHash", result.HeadRules.Hash);
            json.WriteStartArray("designs");
            foreach (var diff in result.Diffs)
            {
                json.WriteStartObject();
                json.WriteString("designId", diff.Head.DesignId);
                json.WriteString("baseFile", diff.Base.DesignFile);
                json.WriteString("headFile", diff.Head.DesignFile);
                json.WriteNumber("new", diff.Count(FindingChange.New));
                json.WriteNumber("resolved", diff.Count(FindingChange.Resolved));
                json.WriteNumber("changed", diff.Count(FindingChange.Changed));
                json.WriteNumber("unchanged", diff.Count(FindingChange.Unchanged));
                json.WriteStartArray("findings");
                foreach (var f in diff.Findings.Where(f => f.Change != FindingChange.Unchanged))
                {
                    json.WriteStartObject();
                    json.WriteString("change", ReportNames.Change(f.Change));
                    json.WriteString("ruleId", f.Current.RuleId);
                    json.WriteString("subject", f.Current.Subject);
                    if (f.Base is { } before)
                    {
                        WriteFinding(json, "base", before);
                    }

                    if (f.Head is { } after)
                    {
                        WriteFinding(json, "head", after);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                WaiverSection.DiffJson(json, diff);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.Impact is { } impact)
            {
                json.WriteStartArray("rules");
                foreach (var rule in impact)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", rule.RuleId);
                    json.WriteString("kind", ReportNames.RuleChange(rule.Kind));
                    json.WriteStartArray("aspects");
                    foreach (var aspect in rule.Aspects)
                    {
                        json.WriteStringValue(aspect);
                    }

                    json.WriteEndArray();
                    json.WriteNumber("newlyFailing", rule.NewlyFailing);
                    json.WriteNumber("newlyPassing", rule.NewlyPassing);
                    json.WriteNumber("changed", rule.Changed);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteFinding(Utf8JsonWriter json, string name, Finding finding)
    {
        json.WriteStartObject(name);
        json.WriteString("severity", ReportNames.Severity(finding.Severity));
        json.WriteString("clause", finding.Clause);
        json.WriteString("message", finding.Message);
        if (finding.SubjectLocation is { } location)
        {
            json.WriteString("location", location.ToString());
        }

        json.WriteStartObject("values");
        foreach (var value in finding.Values)
        {
            json.WriteString(value.Expression, value.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
