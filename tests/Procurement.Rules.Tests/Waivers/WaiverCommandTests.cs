using Procurement.Rules.Tests.Cli;
using Xunit;

namespace Procurement.Rules.Tests.Waivers;

/// <summary>The <c>--waivers</c> option of validate, explain, diff and lint, and <c>schema --kind waivers</c>.</summary>
public sealed class WaiverCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pr-waivers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static string ExampleWaivers => Example(Path.Combine("waivers", "zuid-limburg.waivers.yaml"));

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static string Entry(string rule, string subject, string expires = "2030-01-01") =>
        $"  - {{ rule: {rule}, subject: '{subject}', justification: reden, approvedBy: wethouder, expires: {expires} }}\n";

    [Fact]
    public void Validate_EveryErrorWaived_ExitsClean_AndTheSummaryCountsOnlyOpenFindings()
    {
        var waivers = File("w.waivers.yaml", "waivers:\n" + Entry("ES-001", "careProfiles[zhz-zp-001]") + Entry("MC-002", "careProfiles[zhz-zp-010]") + Entry("MC-003", "careProfiles[zhz-zp-*]"));

        var (exit, output, error) = CliRunner.Run("validate", Example("zuid-holland-zuid.yaml"), "--waivers", waivers);

        Assert.True(exit == 0, error);
        Assert.Contains("Geaccepteerde afwijkingen: 3 bevinding(en)", output, StringComparison.Ordinal);
        Assert.Contains("0 fouten, 1 waarschuwing, 0 info", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExpiredWaiver_StillFails()
    {
        var waivers = File("w.waivers.yaml", "waivers:\n" + Entry("ES-001", "careProfiles[zhz-zp-001]", "2017-12-31") + Entry("MC-002", "careProfiles[zhz-zp-010]") + Entry("MC-003", "careProfiles[zhz-zp-013]"));

        var (exit, output, _) = CliRunner.Run("validate", Example("zuid-holland-zuid.yaml"), "--waivers", waivers);

        Assert.Equal(1, exit);
        Assert.Contains("verlopen: afwijking ES-001 voor ES-001 careProfiles[zhz-zp-001] gold tot en met 2017-12-31", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenWaiverFile_ExitsTwoWithThePositionedError()
    {
        var waivers = File("w.waivers.yaml", "waivers:\n" + Entry("XX-999", "design"));

        var (exit, _, error) = CliRunner.Run("validate", Example("zuid-holland-zuid.yaml"), "--waivers", waivers);

        Assert.Equal(2, exit);
        Assert.Contains($"{waivers}:2:13: error unknown-rule:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NamesTheWaiverThatApplies()
    {
        var (exit, output, _) = CliRunner.Run("explain", Example("zuid-limburg.yaml"), "--rule", "CO-003", "--subject", "lots[crisis].heavy", "--waivers", ExampleWaivers);

        Assert.Equal(0, exit);
        Assert.Contains("  afwijking geaccepteerd: ZL-AFW-2023-01, goedgekeurd door Bestuurscommissie Jeugdhulp Zuid-Limburg, geldig tot en met 2023-12-31, besluit BC-JZL 2022-041", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_AWaiverThatExpiredInTheHead_IsReportedAndReopensTheError()
    {
        var expired = File("old.waivers.yaml", System.IO.File.ReadAllText(ExampleWaivers).Replace("expires: 2023-12-31", "expires: 2022-12-31", StringComparison.Ordinal).Replace("decided: 2022-12-15", "decided: 2022-12-01", StringComparison.Ordinal));

        var (exit, output, _) = CliRunner.Run("diff", "--base", Example("zuid-limburg.yaml"), "--head", Example("zuid-limburg.yaml"), "--base-waivers", ExampleWaivers, "--waivers", expired);

        Assert.Equal(1, exit);
        Assert.Contains("afwijking ZL-AFW-2023-01 (CO-003 lots[crisis].heavy, tot en met 2022-12-31): verlopen", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_WaiverThatMatchesNothing_IsAWarningAtItsEntry()
    {
        var (exit, output, _) = CliRunner.Run("lint", "--as-of", "2023-01-01", "--waivers", ExampleWaivers, "--design", Example("zuid-holland-zuid.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains($"{ExampleWaivers}:16:5: warning waiver-unmatched: Waiver ZL-AFW-2023-01 matches no finding", output, StringComparison.Ordinal);
        Assert.DoesNotContain("waiver-unmatched", CliRunner.Run("lint", "--as-of", "2023-01-01", "--waivers", ExampleWaivers, "--design", Example("zuid-limburg.yaml")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ExpiredAndExpiringWaivers_AreWarnings()
    {
        Assert.Contains("warning waiver-expired: Waiver ZL-AFW-2023-01 expired on 2023-12-31", CliRunner.Run("lint", "--as-of", "2024-01-01", "--waivers", ExampleWaivers).Output, StringComparison.Ordinal);
        Assert.Contains("warning waiver-expiring: Waiver ZL-AFW-2023-01 expires on 2023-12-31, within 30 days.", CliRunner.Run("lint", "--as-of", "2023-12-01", "--waivers", ExampleWaivers).Output, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("lint", "--as-of", "2023-01-01", "--waivers", ExampleWaivers).Exit);
    }

    [Fact]
    public void Schema_KindWaivers_IsTheCommittedSchema()
    {
        var (exit, output, _) = CliRunner.Run("schema", "--kind", "waivers");

        Assert.Equal(0, exit);
        Assert.Equal(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "waivers.schema.json")), output);
    }
}
