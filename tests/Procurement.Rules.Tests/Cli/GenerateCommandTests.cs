using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Cli;

/// <summary>
/// <c>generate</c>: the benchmarks' and tests' design generator as a command, reproducible by seed, as YAML, JSON, or YAML
/// with its care profiles and escalations in CSV data files.
/// </summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"generate-{Guid.NewGuid():N}");

    [Fact]
    public void Generate_WritesTheSeedsDesign_ThatLoadsWithItsProfiles_AndTheSameSeedGivesTheSameFile()
    {
        var (exit, output, _) = CliRunner.Run("generate", "--profiles", "300", "--seed", "7", "-o", _folder);
        var path = Path.Combine(_folder, "generated-7-300.yaml");
        var first = File.ReadAllText(path);
        var again = CliRunner.Run("generate", "--profiles", "300", "--seed", "7", "-o", _folder, "--force");
        var other = CliRunner.Run("generate", "--profiles", "300", "--seed", "8", "-o", _folder);

        Assert.Equal((0, 0, 0), (exit, again.Exit, other.Exit));
        Assert.Contains("wrote ", output, StringComparison.Ordinal);
        Assert.Contains("(300 care profiles, ", output, StringComparison.Ordinal);
        Assert.Contains($"next: procurement-rules validate {path}", output, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(path));
        Assert.NotEqual(first, File.ReadAllText(Path.Combine(_folder, "generated-8-300.yaml")));
        Assert.Equal(300, TenderDesignLoader.LoadFile(path).GetValueOrThrow().CareProfiles.Count);
    }

    [Fact]
    public void Generate_National_AsJson_IsTheSameDesignAsItsYaml_WithFindingsInEveryFamily()
    {
        Assert.Equal(0, CliRunner.Run("generate", "--profiles", "500", "--national", "-o", _folder).Exit);
        Assert.Equal(0, CliRunner.Run("generate", "--profiles", "500", "--national", "--format", "json", "-o", _folder).Exit);

        var yaml = TenderDesignLoader.LoadFile(Path.Combine(_folder, "generated-42-500-national.yaml")).GetValueOrThrow();
        var json = TenderDesignLoader.LoadFile(Path.Combine(_folder, "generated-42-500-national.json")).GetValueOrThrow();
        Assert.Equal(TenderDesignWriter.Write(yaml), TenderDesignWriter.Write(json));

        var (exit, report, _) = CliRunner.Run("validate", Path.Combine(_folder, "generated-42-500-national.json"), "--format", "json");
        Assert.Equal(1, exit);
        foreach (var prefix in new[] { "\"CO-", "\"CT-", "\"EL-", "\"ES-", "\"MC-" })
        {
            Assert.Contains(prefix, report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_National_AsCsv_WritesTheDesignAndTwoDataFiles_WithTheSameFindingsAsItsYaml()
    {
        Assert.Equal(0, CliRunner.Run("generate", "--profiles", "500", "--national", "-o", _folder).Exit);
        var (exit, output, _) = CliRunner.Run("generate", "--profiles", "500", "--national", "--format", "csv", "-o", _folder);

        var design = Path.Combine(_folder, "generated-42-500-national-csv.yaml");
        Assert.Equal(0, exit);
        Assert.Contains($"wrote {design}, {Path.Combine(_folder, "generated-42-500-national-csv-profiles.csv")}, {Path.Combine(_folder, "generated-42-500-national-csv-escalations.csv")} (500 care profiles, ", output, StringComparison.Ordinal);
        Assert.Contains("careProfiles: { file: generated-42-500-national-csv-profiles.csv }", File.ReadAllText(design), StringComparison.Ordinal);
        Assert.Equal(501, File.ReadAllLines(Path.Combine(_folder, "generated-42-500-national-csv-profiles.csv")).Length);

        var fromYaml = CliRunner.Run("validate", Path.Combine(_folder, "generated-42-500-national.yaml"), "--format", "json");
        var fromCsv = CliRunner.Run("validate", design, "--format", "json");
        Assert.Equal((1, 1), (fromYaml.Exit, fromCsv.Exit));
        Assert.Equal(Findings(fromYaml.Output), Findings(fromCsv.Output));
        Assert.Contains("generated-42-500-national-csv-profiles.csv", fromCsv.Output, StringComparison.Ordinal);

        // Over existing data files too, --force is needed.
        var again = CliRunner.Run("generate", "--profiles", "500", "--national", "--format", "csv", "-o", _folder);
        Assert.Equal(2, again.Exit);
        Assert.Contains("generated-42-500-national-csv.yaml already exists", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "error: --profiles must be between 1 and 500,000; got 0.")]
    [InlineData("500001", "error: --profiles must be between 1 and 500,000; got 500001.")]
    public void Generate_ProfilesOutOfRange_IsInvalidInput(string profiles, string message)
    {
        var (exit, _, error) = CliRunner.Run("generate", "--profiles", profiles, "-o", _folder);

        Assert.Equal(2, exit);
        Assert.Equal(message, error.Trim());
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void Generate_OverAnExistingFile_NeedsForce_AndAnUnknownFormatIsRefused()
    {
        Assert.Equal(0, CliRunner.Run("generate", "--profiles", "10", "-o", _folder).Exit);
        File.WriteAllText(Path.Combine(_folder, "generated-42-10.yaml"), "mine");

        var (exit, _, error) = CliRunner.Run("generate", "--profiles", "10", "-o", _folder);
        var xml = CliRunner.Run("generate", "--profiles", "10", "--format", "xml", "-o", _folder);

        Assert.Equal(2, exit);
        Assert.Contains("already exists; use --force to overwrite it.", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_folder, "generated-42-10.yaml")));
        Assert.Equal(2, xml.Exit);
        Assert.Contains("xml", xml.Error, StringComparison.Ordinal);
    }

    // The findings of a JSON report without where they are: rule, subject, clause and message.
    private static string Findings(string report) => string.Join('\n', System.Text.Json.JsonDocument.Parse(report).RootElement[0].GetProperty("findings").EnumerateArray()
        .Select(f => $"{f.GetProperty("ruleId")} {f.GetProperty("subject")} {f.GetProperty("clause")} {f.GetProperty("message")}"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
