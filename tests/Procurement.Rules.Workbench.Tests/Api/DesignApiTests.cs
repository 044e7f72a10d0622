using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

public sealed class DesignApiTests
{
    private const string Zhz = "zuid-holland-zuid.yaml";

    [Fact]
    public async Task Session_GivesTheTokenTheFolderAndWhetherItIsReadOnly()
    {
        await using var host = await WorkbenchHost.StartAsync(configure: o => o.Token = "test-token-1234");

        var session = await host.GetJsonAsync("api/session");

        Assert.Equal("test-token-1234", session["token"]!.GetValue<string>());
        Assert.Equal(Path.GetFileName(host.Folder), session["folder"]!.GetValue<string>());
        Assert.False(session["readOnly"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Designs_ListsEveryDesignWithItsCounts_NotTheRuleFiles()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);

        var designs = (await host.GetJsonAsync("api/designs")).AsArray();

        Assert.Equal(
            ["haaglanden.yaml", "heerlen-landgraaf-voerendaal.yaml", "zuid-holland-zuid.yaml", "zuid-limburg.yaml"],
            designs.Select(d => d!["path"]!.GetValue<string>()));
        var zhz = designs.Single(d => d!["path"]!.GetValue<string>() == Zhz)!;
        Assert.Equal("zhz-inkoopkader-2018-2021", zhz["id"]!.GetValue<string>());
        Assert.Equal("Zuid-Holland Zuid", zhz["name"]!.GetValue<string>());
        Assert.Equal((3, 1, 0, 0), Counts(zhz["counts"]!));
        Assert.Equal(0, zhz["loadErrors"]!.GetValue<int>());
    }

    [Fact]
    public async Task Designs_InASubfolder_AreListedWithSlashPaths_AndABrokenOneCountsItsLoadErrors()
    {
        await using var host = await WorkbenchHost.StartAsync(prepare: folder =>
        {
            Directory.CreateDirectory(Path.Combine(folder, "regio", "concept"));
            File.WriteAllText(Path.Combine(folder, "regio", "concept", "kapot.yaml"), "design: kapot\nregion: [\n");
        });

        var designs = (await host.GetJsonAsync("api/designs")).AsArray();

        var broken = designs.Single(d => d!["path"]!.GetValue<string>() == "regio/concept/kapot.yaml")!;
        Assert.Equal(1, broken["loadErrors"]!.GetValue<int>());
        Assert.Null(broken["id"]);
    }

    [Fact]
    public async Task Design_Get_GivesTheTextAndItsContentHash()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var file = await host.GetJsonAsync("api/designs/" + Zhz);

        var text = File.ReadAllText(Path.Combine(host.Folder, Zhz));
        Assert.Equal(Zhz, file["path"]!.GetValue<string>());
        Assert.Equal(text, file["text"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(host.Folder, Zhz)))), file["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Design_GetOfAMissingFile_Is404Problem()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, response) = await host.SendAsync(new HttpRequestMessage(HttpMethod.Get, host.Url("api/designs/bestaat-niet.yaml")));

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Niet gevonden", body!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Design_PutWithTheVersionRead_WritesTheTextAndReturnsTheNewVersion()
    {
        await using var host = await WorkbenchHost.StartAsync();
        var file = await host.GetJsonAsync("api/designs/" + Zhz);
        var edited = file["text"]!.GetValue<string>().Replace("budget: 16800", "budget: 16900", StringComparison.Ordinal);

        var (status, body, _) = await host.PutAsync("api/designs/" + Zhz, new { text = edited, version = file["version"]!.GetValue<string>() });

        Assert.Equal(200, status);
        Assert.Equal(edited, File.ReadAllText(Path.Combine(host.Folder, Zhz)));
        var reread = await host.GetJsonAsync("api/designs/" + Zhz);
        Assert.Equal(reread["version"]!.GetValue<string>(), body!["version"]!.GetValue<string>());
        Assert.Empty(Directory.EnumerateFiles(host.Folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Design_PutAfterTheFileChangedOnDisk_Is409WithTheCurrentText_AndWritesNothing()
    {
        await using var host = await WorkbenchHost.StartAsync();
        var file = await host.GetJsonAsync("api/designs/" + Zhz);
        var path = Path.Combine(host.Folder, Zhz);
        var changedElsewhere = File.ReadAllText(path) + "\n# bewerkt door een collega\n";
        File.WriteAllText(path, changedElsewhere);

        var (status, body, response) = await host.PutAsync("api/designs/" + Zhz, new { text = "design: overschreven\n", version = file["version"]!.GetValue<string>() });

        Assert.Equal(409, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(changedElsewhere, body!["currentText"]!.GetValue<string>());
        Assert.Equal((await host.GetJsonAsync("api/designs/" + Zhz))["version"]!.GetValue<string>(), body["currentVersion"]!.GetValue<string>());
        Assert.Equal(changedElsewhere, File.ReadAllText(path));
    }

    [Fact]
    public async Task Design_PutOfANewFileWithoutVersion_CreatesIt_AndAgainWithoutVersionConflicts()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (created, _, _) = await host.PutAsync("api/designs/nieuw/ontwerp.yaml", new { text = "design: nieuw\n", version = (string?)null });
        var (again, _, _) = await host.PutAsync("api/designs/nieuw/ontwerp.yaml", new { text = "design: anders\n", version = (string?)null });

        Assert.Equal(200, created);
        Assert.Equal(409, again);
        Assert.Equal("design: nieuw\n", File.ReadAllText(Path.Combine(host.Folder, "nieuw", "ontwerp.yaml")));
    }

    [Fact]
    public async Task Validate_AnExample_GivesItsFindingsWithPositionGroupAndPlainDutchExplanation()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, _) = await host.PostAsync("api/validate", new { text = WorkbenchHost.ReadExample(Zhz), path = Zhz });

        Assert.Equal(200, status);
        Assert.Empty(body!["loadErrors"]!.AsArray());
        Assert.Equal((3, 1, 0, 0), Counts(body["counts"]!));
        Assert.Matches("^[0-9a-f]+$", body["ruleSetHash"]!.GetValue<string>());
        var mc002 = body["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "MC-002")!;
        Assert.Equal("error", mc002["severity"]!.GetValue<string>());
        Assert.Equal("main-contractor", mc002["family"]!.GetValue<string>());
        Assert.Equal("careProfiles[zhz-zp-010]", mc002["subject"]!.GetValue<string>());
        Assert.Equal(("careProfile", "zhz-zp-010"), (mc002["subjectType"]!.GetValue<string>(), mc002["subjectId"]!.GetValue<string>()));
        var profileLine = 1 + Array.IndexOf(WorkbenchHost.ReadExample(Zhz).ReplaceLineEndings("\n").Split('\n'), "  - id: zhz-zp-010");
        Assert.Equal((profileLine, 5), (mc002["line"]!.GetValue<int>(), mc002["column"]!.GetValue<int>()));
        Assert.Equal("contracted", mc002["clause"]!.GetValue<string>());
        Assert.Equal("Inkoopkader jeugdhulp, par. 4.2", mc002["reference"]!.GetValue<string>());
        Assert.StartsWith("Niet voldaan aan de voorwaarde 'contracted' van regel MC-002", mc002["clauseText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(mc002["message"]!.GetValue<string>().TrimEnd('.'), mc002["clauseText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("HoldsContract", mc002["clauseText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(mc002["values"]!.AsArray());
        Assert.NotEqual(string.Empty, mc002["lot"]!.GetValue<string>());
        Assert.NotEqual(string.Empty, mc002["municipality"]!.GetValue<string>());
        Assert.Null(mc002["waiver"]);
    }

    [Fact]
    public async Task Validate_BrokenYaml_Is200WithPositionedLoadErrors_NotAProblem()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, _) = await host.PostAsync("api/validate", new { text = "design: x\nregion: [a,\n" });

        Assert.Equal(200, status);
        var error = body!["loadErrors"]!.AsArray().First()!;
        Assert.Equal("ontwerp.yaml", error["file"]!.GetValue<string>());
        Assert.True(error["line"]!.GetValue<int>() >= 2);
        Assert.True(error["column"]!.GetValue<int>() >= 1);
        Assert.Empty(body["findings"]!.AsArray());
    }

    [Fact]
    public async Task Validate_ADesignWithDataFiles_ReadsThemNextToItsPath_AndUnsavedTextLooksInTheFoldersRoot()
    {
        const string Zl = "zuid-limburg.yaml";
        await using var host = await WorkbenchHost.StartAsync(prepare: folder =>
        {
            Directory.CreateDirectory(Path.Combine(folder, "data"));
            Procurement.Rules.Cli.DesignCsv.Write(WorkbenchHost.ReadExample(Zl), Path.Combine(folder, "data", "zl.yaml"));
        });
        var text = File.ReadAllText(Path.Combine(host.Folder, "data", "zl.yaml"));

        var (status, body, _) = await host.PostAsync("api/validate", new { text, path = "data/zl.yaml" });
        var (_, inline, _) = await host.PostAsync("api/validate", new { text = WorkbenchHost.ReadExample(Zl), path = Zl });
        var (_, unsaved, _) = await host.PostAsync("api/validate", new { text });

        Assert.Equal(200, status);
        Assert.Empty(body!["loadErrors"]!.AsArray());
        Assert.Equal(Counts(inline!["counts"]!), Counts(body["counts"]!));
        Assert.Contains(body["findings"]!.AsArray(), f => f!["file"]!.GetValue<string>() == "data/zl-profiles.csv" && f["line"]!.GetValue<int>() > 1);
        Assert.Contains(body["findings"]!.AsArray(), f => f!["file"]!.GetValue<string>() == "data/zl.yaml");
        var error = unsaved!["loadErrors"]!.AsArray().First()!;
        Assert.Equal(("file-unreadable", "ontwerp.yaml"), (error["code"]!.GetValue<string>(), error["file"]!.GetValue<string>()));
        Assert.Contains("does not exist next to the design", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ByPath_EvaluatesTheSavedFile()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, _) = await host.PostAsync("api/validate", new { path = Zhz });

        Assert.Equal(200, status);
        Assert.Equal((3, 1, 0, 0), Counts(body!["counts"]!));
        Assert.All(body["findings"]!.AsArray(), f => Assert.NotNull(f!["line"]));
    }

    [Fact]
    public async Task Schemas_GivesEachKind_And404ForAnUnknownOne()
    {
        await using var host = await WorkbenchHost.StartAsync();

        foreach (var kind in new[] { "design", "rules", "override", "ruletests", "waivers" })
        {
            var schema = await host.GetJsonAsync("api/schemas/" + kind);
            Assert.Equal("http://json-schema.org/draft-07/schema#", schema["$schema"]!.GetValue<string>());
        }

        using var unknown = await host.Client.GetAsync(host.Url("api/schemas/geheim"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    internal static (int Error, int Warning, int Info, int Waived) Counts(JsonNode counts) =>
        (counts["error"]!.GetValue<int>(), counts["warning"]!.GetValue<int>(), counts["info"]!.GetValue<int>(), counts["waived"]!.GetValue<int>());
}
