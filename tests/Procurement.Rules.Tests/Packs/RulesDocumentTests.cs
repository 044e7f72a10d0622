using System.Text;
using Procurement.Rules.Model;
using Procurement.Rules.RuleTests;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Packs;

/// <summary>
/// docs/rules.md is generated from the shipped packs: every rule with its id, title, severity, legal reference, clause
/// names and one example finding message, taken from the first rule test in rules/tests/ that expects the rule to fail;
/// then the monitoring pack (rules/monitoring, with its tests in rules/monitoring/tests/), which <c>monitor</c> uses.
/// Set <c>PROCUREMENT_UPDATE_GOLDEN=1</c> to rewrite it.
/// </summary>
public sealed class RulesDocumentTests
{
    private static readonly Lazy<RuleSet> Monitoring = new(() => RuleSet.Load(RuleSource.MonitoringPacks()).GetValueOrThrow());

    private static string DocumentPath => Path.Combine(Repository.Root, "docs", "rules.md");

    [Fact]
    public void Docs_rules_md_is_generated_from_the_current_packs()
    {
        var generated = Generate();
        if (Environment.GetEnvironmentVariable("PROCUREMENT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(DocumentPath, generated);
        }

        Assert.True(File.Exists(DocumentPath), "docs/rules.md is missing; run the test with PROCUREMENT_UPDATE_GOLDEN=1 to write it.");
        Assert.True(
            File.ReadAllText(DocumentPath).ReplaceLineEndings("\n") == generated,
            "docs/rules.md is out of date: run dotnet test --project tests/Procurement.Rules.Tests -- --filter-class '*RulesDocumentTests' with PROCUREMENT_UPDATE_GOLDEN=1.");
    }

    [Fact]
    public void Every_shipped_rule_has_a_section_with_an_example_message()
    {
        var examples = ExampleMessages(Shipped.Rules, "rules", "tests").Concat(ExampleMessages(Monitoring.Value, "rules", "monitoring", "tests")).ToDictionary();
        var document = Generate();

        Assert.All(Shipped.Rules.Rules.Concat(Monitoring.Value.Rules), rule => Assert.True(examples.ContainsKey(rule.Id), $"No rule test makes {rule.Id} fail."));
        Assert.All(Shipped.Rules.Rules.Concat(Monitoring.Value.Rules), rule => Assert.Contains($"### {rule.Id} ", document, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipe_or_line_break_in_a_cell_does_not_break_the_table() =>
        Assert.Equal("a \\| b c", Cell("a | b\nc"));

    internal static string Generate()
    {
        var examples = ExampleMessages(Shipped.Rules, "rules", "tests");
        var rules = Shipped.Rules.Rules.OrderBy(r => r.Pack, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        var monitoring = Monitoring.Value.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        var b = new StringBuilder();
        b.Append("# Shipped rules\n\n");
        b.Append("Generated from the packs in `rules/` by `tests/Procurement.Rules.Tests/Packs/RulesDocumentTests.cs`; do not edit by hand.\n");
        b.Append("After changing a pack, run that test with `PROCUREMENT_UPDATE_GOLDEN=1` to rewrite this page. Every example message\n");
        b.Append("comes from the first rule test in `rules/tests/` that makes the rule fail.\n\n");
        b.Append(System.Globalization.CultureInfo.InvariantCulture, $"{rules.Length} rules in {rules.Select(r => r.Pack).Distinct().Count()} packs, and {monitoring.Length} rules in the [monitoring pack](#monitoring-pack).\n\n");
        b.Append("| id | title | severity | reference |\n|---|---|---|---|\n");
        foreach (var rule in rules.Concat(monitoring))
        {
            b.Append($"| [{rule.Id}](#{Anchor(rule)}) | {Cell(rule.Title)} | {Severity(rule)} | {Cell(rule.Reference ?? "-")} |\n");
        }

        foreach (var pack in rules.GroupBy(r => r.Pack))
        {
            b.Append($"\n## Pack `{pack.Key}`\n");
            Sections(b, pack, examples);
        }

        b.Append("\n## Monitoring pack\n\n");
        b.Append("The pack in `rules/monitoring/` is not among the default packs: it reads a running framework's period data, and the\n");
        b.Append("`monitor` command (`RuleSet.Monitor`) evaluates it at the last day of every month (`RuleSource.MonitoringPacks()`).\n");
        b.Append("Its example messages come from its rule tests in `rules/monitoring/tests/`.\n");
        Sections(b, monitoring, ExampleMessages(Monitoring.Value, "rules", "monitoring", "tests"));
        return b.ToString();
    }

    private static void Sections(StringBuilder b, IEnumerable<RuleInfo> rules, Dictionary<string, string> examples)
    {
        foreach (var rule in rules)
        {
            b.Append($"\n### {rule.Id} {rule.Title}\n\n");
            b.Append($"- severity: {Severity(rule)}\n");
            b.Append($"- reference: {rule.Reference ?? "-"}\n");
            b.Append($"- for: `{rule.SubjectVariable} in {rule.Subject}`\n");
            b.Append($"- clauses: {string.Join(", ", rule.Clauses.Select(c => $"`{c.Key}`"))}\n");
            b.Append($"- example finding: {(examples.TryGetValue(rule.Id, out var message) ? Cell(message) : "-")}\n");
        }
    }

    /// <summary>The message of the first expected finding of each rule of <paramref name="ruleSet"/>, in the order of the test files in <paramref name="testsFolder"/> and their tests.</summary>
    private static Dictionary<string, string> ExampleMessages(RuleSet ruleSet, params string[] testsFolder)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in RuleTestRunner.FindTestFiles(Path.Combine([Repository.Root, .. testsFolder])).Order(StringComparer.Ordinal))
        {
            var read = RuleTestFile.Read(file, YamlLimits.Default);
            foreach (var (test, design) in read.Tests)
            {
                var wanted = test.Expected.Where(e => !messages.ContainsKey(e.Rule)).ToArray();
                if (wanted.Length == 0 || design is not { Path: { } path, Text: { } text } || test.InlineDesign is not null)
                {
                    continue;
                }

                foreach (var (find, with) in test.Replacements)
                {
                    var at = text.IndexOf(find, StringComparison.Ordinal);
                    text = string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + find.Length));
                }

                var report = ruleSet.Evaluate(TenderDesignLoader.LoadString(text, path).GetValueOrThrow(), new EvaluationOptions { AsOf = test.AsOf ?? read.AsOf });
                foreach (var expected in wanted)
                {
                    if (report.Findings.FirstOrDefault(expected.Matches) is { } finding)
                    {
                        messages.TryAdd(expected.Rule, finding.Message);
                    }
                }
            }
        }

        return messages;
    }

    private static string Severity(RuleInfo rule) => rule.Severity.ToString().ToLowerInvariant();

    private static string Anchor(RuleInfo rule) =>
        new([.. $"{rule.Id} {rule.Title}".ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-').Select(c => c == ' ' ? '-' : c)]);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
