using System.Text.RegularExpressions;
using Xunit;

namespace Procurement.Rules.Tests.Docs;

/// <summary>
/// The complete rule files shown in README.md and docs/*.md (YAML blocks that start with <c>pack:</c>) load: a pack on
/// its own, an override file (<c>extends:</c>) on top of the shipped packs. A broken sample fed through the same check
/// fails it, so the check is not vacuous.
/// </summary>
public sealed partial class DocYamlExampleTests
{
    public static TheoryData<string, int> RuleFileExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, line, _) in Documents().SelectMany(Blocks))
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
    public void TheDocuments_ShowRuleFiles()
    {
        Assert.True(RuleFileExamples().Count >= 3);
    }

    private static string[] Check(string file, string yaml)
    {
        var source = new RuleSource(file, yaml);
        var result = yaml.Contains("\nextends:", StringComparison.Ordinal)
            ? RuleSet.Load([.. RuleSource.DefaultPacks(), source])
            : RuleSet.Load([source]);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    private static IEnumerable<string> Documents() =>
        [Path.Combine(Repository.Root, "README.md"), .. Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md").Order(StringComparer.Ordinal)];

    private static IEnumerable<(string File, int Line, string Yaml)> Blocks(string file)
    {
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        foreach (Match match in YamlBlock().Matches(text))
        {
            var yaml = match.Groups["yaml"].Value;
            if (yaml.StartsWith("pack:", StringComparison.Ordinal))
            {
                yield return (file, text[..match.Index].Count(c => c == '\n') + 2, yaml);
            }
        }
    }

    [GeneratedRegex("^```yaml[^\\n]*\\n(?<yaml>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
