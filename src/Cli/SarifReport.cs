using System.Text.Json;
using System.Text.Json.Nodes;

namespace Procurement.Rules.Cli;

/// <summary>SARIF 2.1.0: one run, the rule set's rules as tool rules, one result per finding located at the offending YAML node.</summary>
internal static class SarifReport
{
    public static void Write(IReadOnlyList<DesignResult> results, RuleSet ruleSet, TextWriter output)
    {
        var rules = ruleSet.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var ruleArray = new JsonArray();
        foreach (var rule in rules)
        {
            var entry = new JsonObject
            {
                ["id"] = rule.Id,
                ["name"] = rule.Id.Replace("-", "", StringComparison.Ordinal),
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
                ["fullDescription"] = new JsonObject { ["text"] = rule.Reference is null ? rule.Title : $"{rule.Title} ({rule.Reference})" },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity), ["enabled"] = rule.Enabled },
                ["properties"] = new JsonObject
                {
                    ["pack"] = rule.Pack,
                    ["subject"] = rule.Subject,
                    ["tags"] = new JsonArray("procurement", rule.Pack),
                },
            };
            ruleArray.Add(entry);
        }

        var resultArray = new JsonArray();
        var artifacts = new JsonArray();
        foreach (var result in results)
        {
            artifacts.Add(new JsonObject { ["location"] = new JsonObject { ["uri"] = Uri(result.Report.DesignFile) } });
            foreach (var finding in result.Report.Findings)
            {
                var location = finding.SubjectLocation;
                var physical = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Uri(location?.File ?? result.Report.DesignFile) },
                };
                if (location is not null)
                {
                    physical["region"] = new JsonObject { ["startLine"] = Math.Max(1, location.Line), ["startColumn"] = Math.Max(1, location.Column) };
                }

                var item = new JsonObject
                {
                    ["ruleId"] = finding.RuleId,
                    ["level"] = Level(finding.Severity),
                    ["message"] = new JsonObject { ["text"] = $"{finding.Message} (clause {finding.Clause}: {finding.ClauseExpression})" },
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = physical,
                        ["logicalLocations"] = new JsonArray(new JsonObject { ["fullyQualifiedName"] = finding.Subject }),
                    }),
                    ["properties"] = new JsonObject
                    {
                        ["designId"] = result.Report.DesignId,
                        ["subject"] = finding.Subject,
                        ["clause"] = finding.Clause,
                        ["values"] = new JsonObject(finding.Values.Select(v => KeyValuePair.Create(v.Expression, (JsonNode?)JsonValue.Create(v.Value)))),
                    },
                };
                if (index.TryGetValue(finding.RuleId, out var ruleIndex))
                {
                    item["ruleIndex"] = ruleIndex;
                }

                resultArray.Add(item);
            }
        }

        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "procurement-rules",
                        ["semanticVersion"] = typeof(SarifReport).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                        ["rules"] = ruleArray,
                    },
                },
                ["artifacts"] = artifacts,
                ["results"] = resultArray,
                ["properties"] = new JsonObject { ["ruleSetHash"] = ruleSet.Hash },
            }),
        };
        output.WriteLine(log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative URI (forward slashes) when the file is under the current folder, otherwise an absolute file URI.</summary>
    private static string Uri(string file)
    {
        var full = Path.GetFullPath(file);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
        {
            return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(System.Uri.EscapeDataString));
        }

        return new Uri(full).AbsoluteUri;
    }
}
