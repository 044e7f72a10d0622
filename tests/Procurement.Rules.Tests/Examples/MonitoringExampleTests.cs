using System.Text;
using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Examples;

/// <summary>
/// The monitoring example (examples/monitoring, issue 23): its data files are exactly what
/// <see cref="MonitoringExampleData"/> writes, the design is valid under the embedded packs, and at every month end of
/// 2021 the monitoring pack finds exactly the planted issues that examples/README.md documents. Set
/// <c>PROCUREMENT_UPDATE_GOLDEN=1</c> to rewrite the data files after changing the generator, and review the findings.
/// </summary>
public sealed class MonitoringExampleTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "examples", "monitoring");

    private static readonly string DesignPath = Path.Combine(Folder, "heerlen-landgraaf-voerendaal-2021.yaml");

    private static readonly string MonitoringPack = Path.Combine(Repository.Root, "rules", "monitoring");

    private static readonly Lazy<TenderDesign> Design = new(() => TenderDesignLoader.LoadFile(DesignPath).GetValueOrThrow());

    private static readonly Lazy<RuleSet> Monitoring = new(() => RuleSet.LoadDirectory(MonitoringPack).GetValueOrThrow());

    // The planted issues as examples/README.md lists them: the finding and the first and last month end of 2021 it shows at.
    private static readonly (string Finding, int From, int Until)[] Planted =
    [
        ("MO-001 contracts[hlv-jens-ggz-heavy]", 4, 12),
        ("MO-002 careProfiles[hlv-zp-0228]", 5, 12),
        ("MO-002 careProfiles[hlv-zp-0190]", 8, 12),
        ("MO-002 careProfiles[hlv-zp-0305]", 11, 12),
        ("MO-003 providers[radar]", 9, 11),
        ("MO-004 providers[meandergroep]", 11, 12),
        ("MO-006 lots[basishulp-ggz]", 4, 12),
    ];

    public static TheoryData<int> MonthsOf2021 => [.. Enumerable.Range(1, 12)];

    [Fact]
    public void DataFiles_AreWhatTheGeneratorWrites()
    {
        var generated = MonitoringExampleData.Generate();
        var update = Environment.GetEnvironmentVariable("PROCUREMENT_UPDATE_GOLDEN") == "1";
        foreach (var (name, text) in generated)
        {
            var path = Path.Combine(Folder, name);
            var bytes = new UTF8Encoding(false).GetBytes(text);
            if (update)
            {
                File.WriteAllBytes(path, bytes);
            }

            Assert.True(File.Exists(path), $"{path} is missing; run this test with PROCUREMENT_UPDATE_GOLDEN=1 to write it.");
            Assert.True(
                bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)),
                $"{path} is not what MonitoringExampleData writes: run dotnet test --project tests/Procurement.Rules.Tests -- --filter-class '*MonitoringExampleTests' with PROCUREMENT_UPDATE_GOLDEN=1.");
        }

        // The design reads every generated file, and the folder holds no other data file.
        var design = File.ReadAllText(DesignPath);
        Assert.All(generated, g => Assert.Contains($"{{ file: {g.Name} }}", design, StringComparison.Ordinal));
        Assert.Equal(generated.Select(g => g.Name).Order(StringComparer.Ordinal), Directory.EnumerateFiles(Folder, "*.csv").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Design_IsValid_UnderTheEmbeddedPacks()
    {
        var report = Shipped.Rules.Evaluate(Design.Value);

        // Only the reminders that the design does not record how the lump sums were announced (as in the 2019 example).
        Assert.Equal(
            [
                "Info EL-011 lots[basishulp-ambulant].heavy",
                "Info EL-011 lots[basishulp-ambulant].light",
                "Info EL-011 lots[basishulp-ggz].heavy",
                "Info EL-011 lots[basishulp-ggz].light",
            ],
            report.Findings.Select(f => $"{f.Severity} {f.RuleId} {f.Subject}"));
    }

    [Theory]
    [MemberData(nameof(MonthsOf2021))]
    public void MonthEnd_GivesExactlyThePlantedFindings(int month)
    {
        var asOf = new DateOnly(2021, month, 1).AddMonths(1).AddDays(-1);

        var findings = Monitoring.Value.Evaluate(Design.Value, new EvaluationOptions { AsOf = asOf }).Findings;

        Assert.Equal(
            Planted.Where(p => p.From <= month && month <= p.Until).Select(p => p.Finding).Order(StringComparer.Ordinal),
            findings.Select(f => $"{f.RuleId} {f.Subject}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    public void DocumentedCommand_ExitsAsDocumented(string failOn, int exit)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var actual = Program.Run(["validate", DesignPath, "--rules", MonitoringPack, "--as-of", "2021-12-31", "--fail-on", failOn], output, error);

        Assert.Equal((exit, ""), (actual, error.ToString()));
    }

    [Fact]
    public void Data_AreAYearOfARegionOfItsSize()
    {
        var design = Design.Value;
        var year = new DateOnly(2021, 1, 1);

        Assert.InRange(design.CareProfiles.Count, 500, 800);
        Assert.All(design.CareProfiles, p => Assert.True(p.End >= year && p.Start.Year is 2020 or 2021, p.Id));
        Assert.Equal(Enumerable.Range(1, 12).Select(m => new DateOnly(2021, m, 1)), design.ProfileMonths.Select(m => m.Month).Distinct().Order());
        Assert.All(design.Contracts, c => Assert.Equal(12, c.Spending.Count));
        Assert.All(design.Outcomes, o => Assert.Equal(2021, o.Ended.Year));
    }
}
