using System.Text.Json.Nodes;
using Procurement.Rules.Workbench.Tests.Api;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Waivers;

/// <summary><c>POST api/waivers</c> ("afwijking accepteren") and the folder's waiver files applied to the workbench's evaluations.</summary>
public sealed class WaiverApiTests
{
    private static object Crisis(string? file = null, string expires = "2023-12-31", string rule = "CO-003", string? justification = "Tijdelijk één crisisaanbieder; aanvullende aanbesteding loopt.") => new
    {
        ruleId = rule,
        subject = "lots[crisis].heavy",
        justification,
        approvedBy = "Bestuurscommissie Jeugdhulp Zuid-Limburg",
        expires,
        decided = "2022-12-15",
        reference = "BC-JZL 2022-041",
        file,
    };

    private static async Task<JsonNode> ValidateZuidLimburg(WorkbenchHost host)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(host.Folder, "zuid-limburg.yaml"), TestContext.Current.CancellationToken);
        var (status, body, _) = await host.PostAsync("api/validate", new { text, path = "zuid-limburg.yaml" });
        Assert.Equal(200, status);
        return body!;
    }

    [Fact]
    public async Task Post_CreatesTheFoldersWaiverFile_AndTheNextValidationWaivesTheFinding()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, _) = await host.PostAsync("api/waivers", Crisis());

        Assert.Equal(201, status);
        Assert.Equal("waivers.yaml", body!["file"]!.GetValue<string>());
        var written = await File.ReadAllTextAsync(Path.Combine(host.Folder, "waivers.yaml"), TestContext.Current.CancellationToken);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(written))), body["version"]!.GetValue<string>());
        var validated = await ValidateZuidLimburg(host);
        var waived = validated["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "CO-003")!;
        Assert.Equal("active", waived["waiver"]!["state"]!.GetValue<string>());
        Assert.Equal("2023-12-31", waived["waiver"]!["expires"]!.GetValue<string>());
        Assert.Equal(1, validated["counts"]!["waived"]!.GetValue<int>());
        Assert.Equal(6, validated["counts"]!["error"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_ToAnExistingWaiverFile_KeepsItsLinesAndAppends()
    {
        const string existing = "# register van de regio\nwaivers:\n  - rule: MC-002\n    subject: careProfiles[zl-zp-13]\n    justification: overgang\n    approvedBy: wethouder\n    expires: 2023-06-30\n";
        await using var host = await WorkbenchHost.StartAsync(prepare: folder =>
        {
            Directory.CreateDirectory(Path.Combine(folder, "besluiten"));
            File.WriteAllText(Path.Combine(folder, "besluiten", "regio.waivers.yaml"), existing);
        });

        var (status, body, _) = await host.PostAsync("api/waivers", Crisis("besluiten/regio.waivers.yaml"));

        Assert.Equal(201, status);
        Assert.Equal("besluiten/regio.waivers.yaml", body!["file"]!.GetValue<string>());
        var written = await File.ReadAllTextAsync(Path.Combine(host.Folder, "besluiten", "regio.waivers.yaml"), TestContext.Current.CancellationToken);
        Assert.StartsWith(existing, written, StringComparison.Ordinal);
        Assert.Contains("  - rule: \"CO-003\"\n", written, StringComparison.Ordinal);
        var validated = await ValidateZuidLimburg(host);
        Assert.Equal(2, validated["counts"]!["waived"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("XX-999", "2023-12-31", "Reden", "unknown-rule")]
    [InlineData("CO-003", "31-12-2023", "Reden", "bad-date")]
    [InlineData("CO-003", "2023-12-31", "  ", "missing-field")]
    [InlineData("CO-003", "2022-01-01", "Reden", "bad-value")]
    public async Task Post_InvalidWaiver_Is422WithTheError_AndWritesNothing(string rule, string expires, string justification, string code)
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, response) = await host.PostAsync("api/waivers", Crisis(expires: expires, rule: rule, justification: justification));

        Assert.Equal(422, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(body!["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == code);
        Assert.False(File.Exists(Path.Combine(host.Folder, "waivers.yaml")));
    }

    [Theory]
    [InlineData("../waivers.yaml", 403)]
    [InlineData("/tmp/waivers.yaml", 400)]
    [InlineData("zuid-limburg.yaml", 400)]
    public async Task Post_FileOutsideTheFolderOrNotAWaiverFile_IsRefused(string file, int expected)
    {
        await using var host = await WorkbenchHost.StartAsync();
        var before = await File.ReadAllTextAsync(Path.Combine(host.Folder, "zuid-limburg.yaml"), TestContext.Current.CancellationToken);

        var (status, _, _) = await host.PostAsync("api/waivers", Crisis(file));

        Assert.Equal(expected, status);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(host.Folder, "zuid-limburg.yaml"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_WithoutTokenOrReadOnly_IsForbidden()
    {
        await using var host = await WorkbenchHost.StartAsync();
        await using var readOnly = await WorkbenchHost.StartAsync(configure: o => o.ReadOnly = true);

        Assert.Equal(403, (await host.PostAsync("api/waivers", Crisis(), token: false)).Status);
        Assert.Equal(403, (await readOnly.PostAsync("api/waivers", Crisis())).Status);
        Assert.False(File.Exists(Path.Combine(host.Folder, "waivers.yaml")));
        Assert.False(File.Exists(Path.Combine(readOnly.Folder, "waivers.yaml")));
    }

    [Fact]
    public async Task Validate_AnExpiredWaiverInTheFolder_LeavesTheFindingOpenWithTheNote()
    {
        await using var host = await WorkbenchHost.StartAsync();
        Assert.Equal(201, (await host.PostAsync("api/waivers", Crisis(expires: "2022-12-31"))).Status);

        var validated = await ValidateZuidLimburg(host);

        var finding = validated["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "CO-003")!;
        Assert.Equal("expired", finding["waiver"]!["state"]!.GetValue<string>());
        Assert.Equal((7, 0), (validated["counts"]!["error"]!.GetValue<int>(), validated["counts"]!["waived"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Explain_SaysWhichWaiverAppliesToTheSubject_AndNoneForAnother()
    {
        await using var host = await WorkbenchHost.StartAsync();
        Assert.Equal(201, (await host.PostAsync("api/waivers", Crisis())).Status);
        var text = await File.ReadAllTextAsync(Path.Combine(host.Folder, "zuid-limburg.yaml"), TestContext.Current.CancellationToken);

        var (status, body, _) = await host.PostAsync("api/explain", new { text, path = "zuid-limburg.yaml", ruleId = "CO-003" });

        Assert.Equal(200, status);
        var subjects = body!["subjects"]!.AsArray();
        var crisis = subjects.Single(s => s!["subject"]!.GetValue<string>() == "lots[crisis].heavy")!;
        Assert.Equal(
            ("active", "Bestuurscommissie Jeugdhulp Zuid-Limburg", "2023-12-31"),
            (crisis["waiver"]!["state"]!.GetValue<string>(), crisis["waiver"]!["approvedBy"]!.GetValue<string>(), crisis["waiver"]!["expires"]!.GetValue<string>()));
        Assert.All(subjects.Where(s => s != crisis), s => Assert.Null(s!["waiver"]));
    }
}
