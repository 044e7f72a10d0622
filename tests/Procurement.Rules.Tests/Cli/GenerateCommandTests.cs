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
    public void Generate_WithMonths_AddsPeriodDataWithItsPlantedIssues_AndLeavesTheRestOfTheDesignAsItWas()
    {
        Assert.Equal(0, CliRunner.Run("generate", "--profiles", "3000", "--national", "-o", _folder).Exit);
        var (exit, output, _) = CliRunner.Run("generate", "--profiles", "3000", "--national", "--months", "12", "-o", _folder);
        var path = Path.Combine(_folder, "generated-42-3000-national-12m.yaml");

        Assert.Equal(0, exit);
        Assert.Contains(path, output, StringComparison.Ordinal);
        Assert.StartsWith(File.ReadAllText(Path.Combine(_folder, "generated-42-3000-national.yaml")), File.ReadAllText(path), StringComparison.Ordinal);

        var design = TenderDesignLoader.LoadFile(path).GetValueOrThrow();
        Assert.All(design.ProfileMonths, m => Assert.Equal(2024, m.Month.Year));
        Assert.Equal(12, design.ProfileMonths.Select(m => m.Month).Distinct().Count());
        Assert.All(design.Outcomes, o => Assert.Equal(ProfileStatus.Ended, o.Profile.Months[^1].Status));

        // Planted: profiles that go on past their planned end, early endings at the first provider, and one lump sum
        // spending 30% over its monthly budget.
        Assert.Contains(design.CareProfiles, p => p.Months.Count > 0 && p.Months[^1].Month > p.End);
        double EarlyShare(IEnumerable<ProfileOutcome> outcomes) => outcomes.Average(o => o.EndedEarly ? 1.0 : 0.0);
        Assert.True(EarlyShare(design.Outcomes.Where(o => o.Profile.MainContractor!.Id == "p0")) > 2 * EarlyShare(design.Outcomes.Where(o => o.Profile.MainContractor!.Id != "p0")));
        var monthly = design.Contracts.Where(c => c.Spending.Count > 0).ToDictionary(c => c.Id, c => c.Spending.Average(s => s.Amount) / (c.Budget!.Value / 24));
        Assert.Equal("C-coop1-lot6-heavy-2023", monthly.MaxBy(m => m.Value).Key);
        Assert.InRange(monthly["C-coop1-lot6-heavy-2023"], 1.15m, 1.35m);
        Assert.All(monthly.Where(m => m.Key != "C-coop1-lot6-heavy-2023"), m => Assert.InRange(m.Value, 0.9m, 1.05m));
    }

    [Fact]
    public void Generate_WithMonths_AsCsv_WritesThePeriodDataAsDataFiles_ThatLoadToTheSameDesign()
    {
        Assert.Equal(0, CliRunner.Run("generate", "--profiles", "500", "--national", "--months", "6", "-o", _folder).Exit);
        var (exit, output, _) = CliRunner.Run("generate", "--profiles", "500", "--national", "--months", "6", "--format", "csv", "-o", _folder);

        Assert.Equal(0, exit);
        foreach (var suffix in new[] { "profiles", "escalations", "profile-months", "outcomes", "spending" })
        {
            Assert.Contains($"generated-42-500-national-6m-csv-{suffix}.csv", output, StringComparison.Ordinal);
        }

        var fromYaml = TenderDesignLoader.LoadFile(Path.Combine(_folder, "generated-42-500-national-6m.yaml")).GetValueOrThrow();
        var fromCsv = TenderDesignLoader.LoadFile(Path.Combine(_folder, "generated-42-500-national-6m-csv.yaml")).GetValueOrThrow();
        Assert.NotEmpty(fromCsv.ProfileMonths);
        Assert.Equal(TenderDesignWriter.Write(fromYaml), TenderDesignWriter.Write(fromCsv));
    }

    [Fact]
    public void Generate_WithMonths_NotNational_AsCsv_WritesNoSpending()
    {
        var (exit, output, _) = CliRunner.Run("generate", "--profiles", "200", "--months", "3", "--format", "csv", "-o", _folder);

        Assert.Equal(0, exit);
        Assert.Contains("generated-42-200-3m-csv-outcomes.csv", output, StringComparison.Ordinal);
        Assert.DoesNotContain("spending", output, StringComparison.Ordinal);
        Assert.NotEmpty(TenderDesignLoader.LoadFile(Path.Combine(_folder, "generated-42-200-3m-csv.yaml")).GetValueOrThrow().ProfileMonths);
    }

    [Theory]
    [InlineData("37")]
    [InlineData("-1")]
    public void Generate_MonthsOutOfRange_IsInvalidInput(string months)
    {
        var (exit, _, error) = CliRunner.Run("generate", "--profiles", "10", "--months", months, "-o", _folder);

        Assert.Equal(2, exit);
        Assert.Contains($"--months must be between 1 and 36; got {months}.", error, StringComparison.Ordinal);
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
