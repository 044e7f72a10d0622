using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

public sealed class SecurityTests
{
    private const string Zhz = "zuid-holland-zuid.yaml";

    [Fact]
    public async Task Write_WithoutToken_Is403Problem_AndWritesNothing()
    {
        await using var host = await WorkbenchHost.StartAsync();
        var before = File.ReadAllText(Path.Combine(host.Folder, Zhz));

        var (status, body, response) = await host.PutAsync("api/designs/" + Zhz, new { text = "design: weg\n", version = FileVersion(host) }, token: false);

        Assert.Equal(403, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("X-Procurement-Token", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(host.Folder, Zhz)));
    }

    [Fact]
    public async Task Post_WithAWrongToken_Is403()
    {
        await using var host = await WorkbenchHost.StartAsync();
        using var request = host.Request(HttpMethod.Post, "api/validate", new { text = "design: x\n" }, token: false);
        request.Headers.Add("X-Procurement-Token", host.Token[..^1] + (host.Token[^1] == 'a' ? 'b' : 'a'));

        var (status, _, _) = await host.SendAsync(request);

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task Write_FromAnotherOrigin_Is403_EvenWithTheToken()
    {
        await using var host = await WorkbenchHost.StartAsync();
        var before = File.ReadAllText(Path.Combine(host.Folder, Zhz));
        using var request = host.Request(HttpMethod.Put, "api/designs/" + Zhz, new { text = "design: weg\n", version = FileVersion(host) });
        request.Headers.Add("Origin", "http://evil.example");

        var (status, body, _) = await host.SendAsync(request);

        Assert.Equal(403, status);
        Assert.Contains("Origin", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(host.Folder, Zhz)));
    }

    [Fact]
    public async Task Write_FromTheOwnOrigin_IsAccepted()
    {
        await using var host = await WorkbenchHost.StartAsync();
        using var request = host.Request(HttpMethod.Post, "api/validate", new { text = "design: x\n" });
        request.Headers.Add("Origin", "http://localhost");

        var (status, _, _) = await host.SendAsync(request);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task AnyRequest_ForAHostNameTheWorkbenchDoesNotServe_Is403()
    {
        await using var host = await WorkbenchHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url("api/designs"));
        request.Headers.Host = "rebound.evil.example";

        var (status, _, _) = await host.SendAsync(request);

        Assert.Equal(403, status);
    }

    [Theory]
    [InlineData("/api/designs/../buiten.yaml", 403)]
    [InlineData("/api/designs/sub/../../buiten.yaml", 403)]
    [InlineData("/api/designs/%2e%2e/buiten.yaml", 403)]
    [InlineData("/api/designs/%2E%2E%2Fbuiten.yaml", 403)]
    [InlineData("/api/designs/..%5Cbuiten.yaml", 400)]
    [InlineData("/api/designs/%2Fetc%2Fbuiten.yaml", 400)]
    [InlineData("/api/designs//tmp/buiten.yaml", 400)]
    [InlineData("/api/designs/C:%5Cbuiten.yaml", 400)]
    [InlineData("/api/designs/CON.yaml", 403)]
    [InlineData("/api/designs/sub/lpt1.yml", 403)]
    [InlineData("/api/designs/geen-yaml.txt", 400)]
    public async Task Save_ToAPathThatLeavesTheFolderOrIsNoYaml_IsRefusedWithAProblem(string path, int expected)
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body) = await host.RawAsync("PUT", path, """{"text":"design: x\n","version":null}""");

        Assert.Equal(expected, status);
        Assert.Contains("\"title\"", body, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(host.Folder)!, "buiten.yaml")));
        Assert.Equal(4, Directory.EnumerateFiles(host.Folder, "*", SearchOption.AllDirectories).Count());
    }

    [Theory]
    [InlineData("/api/designs/../../../etc/hostname.yaml")]
    [InlineData("/api/designs/%2e%2e%2f%2e%2e%2fbuiten.yaml")]
    public async Task Read_OfAPathOutsideTheFolder_IsRefused(string path)
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, _) = await host.RawAsync("GET", path, null);

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task ReadAndSave_ThroughASymbolicLinkToOutsideTheFolder_AreRefused()
    {
        var outside = Directory.CreateTempSubdirectory("workbench-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "geheim.yaml"), "design: geheim\n");
        try
        {
            await using var host = await WorkbenchHost.StartAsync(prepare: folder =>
            {
                Directory.CreateSymbolicLink(Path.Combine(folder, "link"), outside);
                File.CreateSymbolicLink(Path.Combine(folder, "geheim.yaml"), Path.Combine(outside, "geheim.yaml"));
            });

            using var read = await host.Client.GetAsync(host.Url("api/designs/geheim.yaml"));
            var (save, _, _) = await host.PutAsync("api/designs/link/nieuw.yaml", new { text = "design: x\n", version = (string?)null });
            var (validate, _, _) = await host.PostAsync("api/validate", new { path = "link/geheim.yaml" });

            Assert.Equal(403, (int)read.StatusCode);
            Assert.Equal(403, save);
            Assert.Equal(403, validate);
            Assert.False(File.Exists(Path.Combine(outside, "nieuw.yaml")));
            Assert.DoesNotContain("geheim.yaml", (await host.GetJsonAsync("api/designs")).AsArray().Select(d => d!["path"]!.GetValue<string>()));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Body_OverTheLimit_Is413Problem_AndTheServerAnswersTheNextRequest()
    {
        await using var host = await WorkbenchHost.StartAsync(configure: o => o.MaxRequestBytes = 1024 * 1024);
        var huge = new string('a', 2 * 1024 * 1024);

        var (status, body, response) = await host.PostAsync("api/validate", new { text = huge });

        Assert.Equal(413, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Te groot", body!["title"]!.GetValue<string>());
        Assert.Equal(200, (await host.PostAsync("api/validate", new { text = "design: x\n" })).Status);
    }

    [Fact]
    public async Task Body_ThatIsNotJson_Is400Problem()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, _) = await host.PostAsync("api/validate", WorkbenchHost.Raw("{\"text\": \u0001\u0002\u00ff"));

        Assert.Equal(400, status);
        Assert.Equal("Ongeldig verzoek", body!["title"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnly_RefusesSaves()
    {
        await using var host = await WorkbenchHost.StartAsync(configure: o => o.ReadOnly = true);

        var (status, body, _) = await host.PutAsync("api/designs/" + Zhz, new { text = "design: x\n", version = FileVersion(host) });

        Assert.Equal(403, status);
        Assert.Equal("Alleen lezen", body!["title"]!.GetValue<string>());
        Assert.True((await host.GetJsonAsync("api/session"))["readOnly"]!.GetValue<bool>());
    }

    private static string FileVersion(WorkbenchHost host) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(host.Folder, Zhz))));
}
