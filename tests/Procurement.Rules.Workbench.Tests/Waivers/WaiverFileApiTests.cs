using Procurement.Rules.Workbench.Tests.Api;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Waivers;

/// <summary>Waiver files on the rules page: listed with kind <c>waivers</c>, linted against the rules, saved only when they load.</summary>
public sealed class WaiverFileApiTests
{
    private const string Broken = "waivers:\n  - rule: XX-999\n    subject: lots[crisis].heavy\n    justification: r\n    approvedBy: a\n    expires: 2023-12-31\n";

    private static Task<WorkbenchHost> Start() => WorkbenchHost.StartAsync(prepare: folder =>
    {
        Directory.CreateDirectory(Path.Combine(folder, "besluiten"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "examples", "waivers", "zuid-limburg.waivers.yaml"), Path.Combine(folder, "besluiten", "zuid-limburg.waivers.yaml"));
    });

    [Fact]
    public async Task RuleFiles_ListTheFoldersWaiverFiles()
    {
        await using var host = await Start();

        var files = (await host.GetJsonAsync("api/rules/files")).AsArray();

        Assert.Contains(files, f => f!["path"]!.GetValue<string>() == "besluiten/zuid-limburg.waivers.yaml" && f["kind"]!.GetValue<string>() == "waivers");
    }

    [Fact]
    public async Task Lint_AWaiverFileNamingAnUnknownRule_GivesTheErrorWithLineAndColumn()
    {
        await using var host = await Start();

        var (status, body, _) = await host.PostAsync("api/rules/lint", new { path = "besluiten/zuid-limburg.waivers.yaml", text = Broken });

        Assert.Equal(200, status);
        var error = Assert.Single(body!["loadErrors"]!.AsArray())!;
        Assert.Equal(("unknown-rule", "besluiten/zuid-limburg.waivers.yaml", 2, 11), (error["code"]!.GetValue<string>(), error["file"]!.GetValue<string>(), error["line"]!.GetValue<int>(), error["column"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Save_AWaiverFileWithErrors_Is422AndWritesNothing_AValidOneIsSaved()
    {
        await using var host = await Start();
        var path = Path.Combine(host.Folder, "besluiten", "zuid-limburg.waivers.yaml");
        var before = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        var version = (await host.GetJsonAsync("api/rules/files/besluiten/zuid-limburg.waivers.yaml"))["version"]!.GetValue<string>();

        var (refused, problem, _) = await host.PutAsync("api/rules/files/besluiten/zuid-limburg.waivers.yaml", new { text = Broken, version });
        var (saved, _, _) = await host.PutAsync("api/rules/files/besluiten/zuid-limburg.waivers.yaml", new { text = before.Replace("2023-12-31", "2024-06-30", StringComparison.Ordinal), version });

        Assert.Equal(422, refused);
        Assert.Equal("unknown-rule", problem!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(200, saved);
        Assert.Contains("expires: 2024-06-30", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
