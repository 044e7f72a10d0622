using System.Globalization;
using System.Text;
using Procurement.Rules.Model;
using Procurement.Rules.RuleTests;
using Procurement.Rules.Tests.Cli;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// The error cap (<see cref="YamlLimits.MaxErrors"/>): a file with a flood of errors reports the first 200 and one final
/// <c>too-many-errors</c> error, for designs, rule files and rule-test files alike, and reading stops there.
/// </summary>
public sealed class ErrorCapTests : IDisposable
{
    private const string DesignHead = "design: x\nregion: r\nperiod: { from: 2024-01-01 }\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("pr-error-cap-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary><paramref name="count"/> items <c>1</c> in one flow list on line 4: item i (from 0) stands at column 16 + 3i.</summary>
    private static string FlowItems(string key, int count) =>
        new StringBuilder(DesignHead).Append(key).Append(": [").AppendJoin(", ", Enumerable.Repeat("1", count)).Append("]\n").ToString();

    private static string UnknownKeys(int count)
    {
        var builder = new StringBuilder(DesignHead);
        for (var i = 0; i < count; i++)
        {
            builder.Append('k').Append(i).Append(": 1\n");
        }

        return builder.ToString();
    }

    private static void AssertStoppedAt(IReadOnlyList<LoadError> errors, int max, int line, int column)
    {
        Assert.Equal(max + 1, errors.Count);
        Assert.DoesNotContain(errors.Take(max), e => e.Code == LoadErrorCodes.TooManyErrors);
        var last = errors[^1];
        Assert.Equal(LoadErrorCodes.TooManyErrors, last.Code);
        Assert.Equal((line, column), (last.Line, last.Column));
        Assert.Equal($"More than {max} errors (limit MaxErrors): reading stopped here; further errors not reported.", last.Message);
    }

    [Fact]
    public void Design_100kInvalidFlowItems_Reports200AndWhereReadingStopped()
    {
        var result = TenderDesignLoader.LoadString(FlowItems("careProfiles", 100_000), "flood.yaml");

        Assert.False(result.Succeeded);
        AssertStoppedAt(result.Errors, 200, 4, 16 + (3 * 200));
        Assert.All(result.Errors.Take(200), e => Assert.Equal(LoadErrorCodes.WrongType, e.Code));
        Assert.Equal((4, 16), (result.Errors[0].Line, result.Errors[0].Column));
    }

    [Fact]
    public void Design_300kUnknownKeys_Reports200AndWhereReadingStopped()
    {
        var result = TenderDesignLoader.LoadString(UnknownKeys(300_000), "keys.yaml");

        AssertStoppedAt(result.Errors, 200, 4 + 200, 1);
        Assert.All(result.Errors.Take(200), e => Assert.Equal(LoadErrorCodes.UnknownField, e.Code));
    }

    [Fact]
    public void Design_DuplicateKeysPastTheCap_StopTheTreeReader()
    {
        var builder = new StringBuilder(DesignHead).Append("municipalities:\n  - id: m\n");
        for (var i = 0; i < 1_000; i++)
        {
            builder.Append("    id: m\n");
        }

        var result = TenderDesignLoader.LoadString(builder.ToString(), "dup.yaml");

        AssertStoppedAt(result.Errors, 200, 6 + 200, 5);
        Assert.All(result.Errors.Take(200), e => Assert.Equal(LoadErrorCodes.DuplicateKey, e.Code));
    }

    [Fact]
    public void Design_ExactlyTheCap_ReportsEveryErrorAndNoSummary()
    {
        var result = TenderDesignLoader.LoadString(FlowItems("careProfiles", 200), "flood.yaml");

        Assert.Equal(200, result.Errors.Count);
        Assert.DoesNotContain(result.Errors, e => e.Code == LoadErrorCodes.TooManyErrors);
    }

    [Fact]
    public void Design_MaxErrorsIsSettable()
    {
        var result = TenderDesignLoader.LoadString(FlowItems("lots", 50), "flood.yaml", YamlLimits.Default with { MaxErrors = 5 });

        AssertStoppedAt(result.Errors, 5, 4, 8 + (3 * 5));
    }

    [Fact]
    public void Design_MaxErrorsBelowOne_CountsAsOne()
    {
        var result = TenderDesignLoader.LoadString(FlowItems("lots", 50), "flood.yaml", YamlLimits.Default with { MaxErrors = 0 });

        AssertStoppedAt(result.Errors, 1, 4, 8 + 3);
    }

    [Fact]
    public void Design_FromAFile_IsCappedToo()
    {
        var path = Path.Combine(_directory, "flood.yaml");
        File.WriteAllText(path, FlowItems("providers", 10_000));

        var result = TenderDesignLoader.LoadFile(path);

        AssertStoppedAt(result.Errors, 200, 4, 13 + (3 * 200));
        Assert.All(result.Errors, e => Assert.Equal(path, e.File));
    }

    [Fact]
    public void RuleFile_100kInvalidRules_Reports200AndIsNotCompiled()
    {
        var yaml = new StringBuilder("pack: flood\nversion: 1.0.0\nrules: [").AppendJoin(", ", Enumerable.Repeat("1", 100_000)).Append("]\n").ToString();

        var result = RuleSet.Load([new RuleSource("flood.yaml", yaml)]);

        AssertStoppedAt(result.Errors, 200, 3, 9 + (3 * 200));
    }

    [Fact]
    public void RuleFile_MaxErrorsComesFromRuleLimitsYaml()
    {
        var yaml = new StringBuilder("pack: flood\nversion: 1.0.0\nrules: [").AppendJoin(", ", Enumerable.Repeat("1", 100)).Append("]\n").ToString();
        var limits = RuleLimits.Default with { Yaml = RuleLimits.Default.Yaml with { MaxErrors = 3 } };

        var result = RuleSet.Load([new RuleSource("flood.yaml", yaml)], limits);

        AssertStoppedAt(result.Errors, 3, 3, 9 + (3 * 3));
    }

    [Fact]
    public void RuleFile_CompileErrorsPastTheCap_AreCountedInTheLastError()
    {
        // Compiling does not stop at the cap (it is bounded by MaxRules), so the errors it leaves out are counted.
        var yaml = new StringBuilder("pack: broken\nversion: 1.0.0\nrules:\n");
        for (var i = 0; i < 250; i++)
        {
            yaml.Append("  - { id: B-").Append(i.ToString("000", CultureInfo.InvariantCulture)).Append(", for: profile in CareProfiles, require: { check: profile.Nope > 1 } }\n");
        }

        var result = RuleSet.Load([new RuleSource("broken.yaml", yaml.ToString())]);

        Assert.Equal(201, result.Errors.Count);
        Assert.All(result.Errors.Take(200), e => Assert.Equal(RuleErrorCodes.InvalidExpression, e.Code));
        var last = result.Errors[^1];
        Assert.Equal(LoadErrorCodes.TooManyErrors, last.Code);
        Assert.Equal("… and 50 more errors, the first of them here (limit MaxErrors).", last.Message);
        Assert.Equal(4 + 200, last.Line);
        Assert.Equal(result.Errors[0].Column, last.Column);
    }

    [Fact]
    public void RuleFiles_TheCapIsPerFile()
    {
        var flood = new StringBuilder("pack: flood\nversion: 1.0.0\nrules: [").AppendJoin(", ", Enumerable.Repeat("1", 300)).Append("]\n").ToString();

        var result = RuleSet.Load([new RuleSource("a.yaml", flood), new RuleSource("b.yaml", flood.Replace("pack: flood", "pack: other", StringComparison.Ordinal))]);

        Assert.Equal(402, result.Errors.Count);
        Assert.Equal([(200, 1), (200, 1)], result.Errors.GroupBy(e => e.File).Select(g => (g.Count(e => e.Code != LoadErrorCodes.TooManyErrors), g.Count(e => e.Code == LoadErrorCodes.TooManyErrors))));
        Assert.Equal(LoadErrorCodes.TooManyErrors, result.Errors[200].Code);
        Assert.Equal(LoadErrorCodes.TooManyErrors, result.Errors[^1].Code);
    }

    [Fact]
    public void RuleTestFile_100kInvalidTests_Reports200AndWhereReadingStopped()
    {
        var path = Path.Combine(_directory, "flood-tests.yaml");
        File.WriteAllText(path, new StringBuilder("tests: [").AppendJoin(", ", Enumerable.Repeat("1", 100_000)).Append("]\n").ToString());

        var report = RuleTestRunner.Run(RuleSet.LoadDefault().GetValueOrThrow(), [path]);

        AssertStoppedAt(report.Errors, 200, 1, 9 + (3 * 200));
        Assert.Empty(report.Tests);
    }

    [Fact]
    public void Cli_Validate_FloodedDesign_PrintsAtMost201LinesAndExitsTwo()
    {
        var path = Path.Combine(_directory, "flood.yaml");
        File.WriteAllText(path, FlowItems("careProfiles", 100_000));

        var (exit, output, error) = CliRunner.Run("validate", path);

        Assert.Equal(2, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(201, lines.Length);
        Assert.Contains("error too-many-errors: More than 200 errors (limit MaxErrors)", lines[^1], StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void Cli_Validate_300kUnknownKeys_PrintsAtMost201Lines()
    {
        var path = Path.Combine(_directory, "keys.yaml");
        File.WriteAllText(path, UnknownKeys(300_000));

        var (exit, _, error) = CliRunner.Run("validate", path);

        Assert.Equal(2, exit);
        Assert.Equal(201, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.InRange(error.Length, 1, 64 * 1024);
    }
}
