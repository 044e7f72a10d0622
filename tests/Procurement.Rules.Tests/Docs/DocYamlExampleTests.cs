using System.Text.RegularExpressions;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Docs;

/// <summary>
/// The complete rule and waiver files shown in README.md and docs/*.md load: a YAML block that starts with <c>pack:</c>
/// as a pack on its own, or as an override file (<c>extends:</c>) on top of the shipped packs; one that starts with
/// <c>waivers:</c> as a waiver file against the shipped rules; the rule test (<c>base:</c>) runs, and passes, beside the
/// shipped rule tests. Broken samples fed through the same checks fail them, so the checks are not vacuous. (Shorter YAML snippets show one part of a file and are not loaded on their own.)
/// </summary>
public sealed partial class DocYamlExampleTests
{
    public static TheoryData<string, int> RuleFileExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, line, _) in DocPages.All().SelectMany(Blocks))
        {
            data.Add(file, line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFileExamples))]
    public void RuleFileExample_Loads(string file, int line)
    {
        var yaml = Blocks(file).Single(b => b.Line == line).Yaml;

        Assert.Equal([], Check(file, yaml));
    }

    [Fact]
    public void TheCheck_FailsABrokenExample()
    {
        const string broken = "pack: zhz-2019\nextends: coverage\nparameters:\n  maxLightBudget: 9000\n";

        Assert.Equal(
            ["README.md:4:3: error unknown-parameter: Parameter 'maxLightBudget' is not defined by 'coverage' or the packs it extends; known: maxPartyShare, minHeavyProviders, minProfilesForShare."],
            Check("README.md", broken));
    }

    [Fact]
    public void TheDocuments_ShowRuleFilesAndAWaiverFile()
    {
        Assert.True(RuleFileExamples().Count >= 4);
        Assert.Contains(Blocks(Path.Combine(Repository.Root, "docs", "waivers.md")), b => b.Yaml.StartsWith("waivers:", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleTestExample_RunsAndPasses_NextToTheShippedTests()
    {
        var file = Path.Combine(Repository.Root, "docs", "writing-rules.md");
        var example = Blocks(file, "base:").Single();

        var report = RunRuleTest(example.Yaml);

        Assert.Empty(report.Errors);
        Assert.Equal(2, report.Tests.Count);
        Assert.All(report.Tests, t => Assert.True(t.Passed, t.Name));
    }

    [Fact]
    public void TheRuleTestCheck_FailsABrokenExample()
    {
        const string broken = "base: designs/base-design.yaml\ntests:\n  - name: wrong\n    expect:\n      - { rule: MC-002, subject: \"careProfiles[P-1]\", clause: contracted }\n";

        Assert.False(RunRuleTest(broken).Passed);
    }

    // The test file sits in a copy of the shipped rules folder's tests/, where its base design is.
    private static Procurement.Rules.RuleTests.RuleTestReport RunRuleTest(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("pr-doc-test-").FullName;
        try
        {
            foreach (var source in Directory.EnumerateFiles(Path.Combine(Repository.Root, "rules"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, Path.GetRelativePath(Path.Combine(Repository.Root, "rules"), source));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }

            var test = Path.Combine(folder, "tests", "doc-example.yaml");
            File.WriteAllText(test, yaml);
            return Procurement.Rules.RuleTests.RuleTestRunner.Run(RuleSet.LoadDirectory(folder).GetValueOrThrow(), [test]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheCheck_FailsABrokenWaiverExample()
    {
        const string broken = "waivers:\n  - rule: XX-999\n    subject: lots[crisis].heavy\n    justification: x\n    approvedBy: y\n    expires: 2023-12-31\n";

        Assert.Contains(Check("docs/waivers.md", broken), e => e.StartsWith("docs/waivers.md:2:11: error unknown-rule", StringComparison.Ordinal));
    }

    private static string[] Check(string file, string yaml)
    {
        if (yaml.StartsWith("waivers:", StringComparison.Ordinal))
        {
            return [.. WaiverFile.Load(yaml, file, Shipped.Rules).Errors.Select(e => e.ToString())];
        }

        var source = new RuleSource(file, yaml);
        var result = yaml.Contains("\nextends:", StringComparison.Ordinal)
            ? RuleSet.Load([.. RuleSource.DefaultPacks(), source])
            : RuleSet.Load([source]);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    private static IEnumerable<(string File, int Line, string Yaml)> Blocks(string file) => Blocks(file, "pack:", "waivers:");

    private static IEnumerable<(string File, int Line, string Yaml)> Blocks(string file, params string[] starts)
    {
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        foreach (Match match in YamlBlock().Matches(text))
        {
            var yaml = match.Groups["yaml"].Value;
            if (starts.Any(s => yaml.StartsWith(s, StringComparison.Ordinal)))
            {
                yield return (file, text[..match.Index].Count(c => c == '\n') + 2, yaml);
            }
        }
    }

    [GeneratedRegex("^```yaml[^\\n]*\\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
