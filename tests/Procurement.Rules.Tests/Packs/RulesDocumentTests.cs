using System.Text;
using Procurement.Rules.Model;
using Procurement.Rules.RuleTests;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Packs;

/// <summary>
/// docs/rules.md is generated from the shipped packs: every rule with its id, title, severity, legal reference, clause
/// names and one example finding message, taken from the first rule test in rules/tests/ that expects the rule to fail.
/// Set <c>PROCUREMENT_UPDATE_GOLDEN=1</c> to rewrite it.
/// </summary>
public sealed class RulesDocumentTests
{
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
        var examples = ExampleMessages();

        Assert.All(Shipped.Rules.Rules, rule => Assert.True(examples.ContainsKey(rule.Id), $"No rule test makes {rule.Id} fail."));
        Assert.All(Shipped.Rules.Rules, rule => Assert.Contains($"### {rule.Id} ", Generate(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipe_or_line_break_in_a_cell_does_not_break_the_table() =>
        Assert.Equal("a \\| b c", Cell("a | b\nc"));

    internal static string Generate()
    {
        var examples = ExampleMessages();
        var rules = Shipped.Rules.Rules.OrderBy(r => r.Pack, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        var b = new StringBuilder();
        b.Append("# Shipped rules\n\n");
        b.Append("Generated from the packs in `rules/` by `tests/Procurement.Rules.Tests/Packs/RulesDocumentTests.cs`; do not edit by hand.\n");
        b.Append("After changing a pack, run that test with `PROCUREMENT_UPDATE_GOLDEN=1` to rewrite this page. Every example message\n");
        b.Append("comes from the first rule test in `rules/tests/` that makes the rule fail.\n\n");
        b.Append(System.Globalization.CultureInfo.InvariantCulture, $"{rules.Length} rules in {rules.Select(r => r.Pack).Distinct().Count()} packs.\n\n");
        b.Append("| id | title | severity | reference |\n|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            b.Append($"| [{rule.Id}](#{Anchor(rule)}) | {Cell(rule.Title)} | {Severity(rule)} | {Cell(rule.Reference ?? "-")} |\n");
        }

        foreach (var pack in rules.GroupBy(r => r.Pack))
        {
            b.Append($"\n## Pack `{pack.Key}`\n");
            foreach (var rule in pack)
            {
                b.Append($"\n### {rule.Id} {rule.Title}\n\n");
                b.Append($"- severity: {Severity(rule)}\n");
                b.Append($"- reference: {rule.Reference ?? "-"}\n");
                b.Append($"- for: `{rule.SubjectVariable} in {rule.Subject}`\n");
                b.Append($"- clauses: {string.Join(", ", rule.Clauses.Select(c => $"`{c.Key}`"))}\n");
                b.Append($"- example finding: {(examples.TryGetValue(rule.Id, out var message) ? Cell(message) : "-")}\n");
            }
        }

        return b.ToString();
    }

    /// <summary>The message of the first expected finding of each rule, in the order of the test files and their tests.</summary>
    private static Dictionary<string, string> ExampleMessages()
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in RuleTestRunner.FindTestFiles(Path.Combine(Repository.Root, "rules", "tests")).Order(StringComparer.Ordinal))
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

                var report = Shipped.Rules.Evaluate(TenderDesignLoader.LoadString(text, path).GetValueOrThrow(), new EvaluationOptions { AsOf = test.AsOf ?? read.AsOf });
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
