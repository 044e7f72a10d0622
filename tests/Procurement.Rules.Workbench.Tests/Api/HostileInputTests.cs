using System.Text;
using Procurement.Rules.Cli;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

public sealed class HostileInputTests
{
    // Two nested scans over every profile: profiles^2 work per subject, far beyond any budget on a large design.
    private const string SlowPack = """
        pack: slow
        version: 1.0.0
        rules:
          - id: SLOW-1
            title: Pairs of profiles
            for: design
            require:
              no-pairs: "!design.CareProfiles.Any(a => design.CareProfiles.Any(b => a.Id == b.Id && a != b))"
            message: "Dubbele profielen."
        """;

    [Fact]
    public async Task Validate_OfADesignThatSpendsTheWorkBudget_Is422Problem_AndTheServerAnswersTheNextRequest()
    {
        await using var host = await WorkbenchHost.StartAsync(
            configure: o => o.EvaluationTimeout = TimeSpan.FromMilliseconds(200),
            prepare: folder =>
            {
                Directory.CreateDirectory(Path.Combine(folder, "rules"));
                File.WriteAllText(Path.Combine(folder, "rules", "slow.yaml"), SlowPack);
            });
        var large = new DesignGenerator { Seed = 5, Profiles = 6_000, DefectRate = 0 }.Generate();

        var (status, body, response) = await host.PostAsync("api/validate", new { text = large });

        Assert.Equal(422, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Evaluatie gestopt", body!["title"]!.GetValue<string>());
        Assert.Contains("SLOW-1", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, (await host.PostAsync("api/validate", new { path = "zuid-holland-zuid.yaml" })).Status);
    }

    [Fact]
    public async Task Lint_And_Impact_OfAnExpressionBomb_GiveLoadErrors_AndTheServerAnswersTheNextRequest()
    {
        await using var host = await WorkbenchHost.StartAsync(withRules: true);
        var lets = new StringBuilder("      x0: profile.Budget\n");
        for (var i = 1; i <= 60; i++)
        {
            lets.Append(System.Globalization.CultureInfo.InvariantCulture, $"      x{i}: x{i - 1} + x{i - 1}\n");
        }

        var bomb = $"""
            pack: bomb
            version: 1.0.0
            let:
              - for: profile in CareProfiles
                values:
            {lets}rules:
              - id: B-1
                title: Bomb
                for: profile in CareProfiles
                require:
                  big: x60 > 0
                message: "Bom."
            """;

        var (lint, lintBody, _) = await host.PostAsync("api/rules/lint", new { path = "rules/bomb.yaml", text = bomb });
        var (impact, impactBody, _) = await host.PostAsync("api/rules/impact", new { path = "rules/bomb.yaml", text = bomb });

        Assert.Equal(200, lint);
        Assert.NotEmpty(lintBody!["loadErrors"]!.AsArray());
        Assert.Equal("rules/bomb.yaml", lintBody["loadErrors"]![0]!["file"]!.GetValue<string>());
        Assert.Equal(200, impact);
        Assert.NotEmpty(impactBody!["loadErrors"]!.AsArray());
        Assert.Equal(200, (await host.PostAsync("api/validate", new { path = "zuid-holland-zuid.yaml" })).Status);
    }

    [Fact]
    public async Task Validate_OfFiftyMegabytesOfGarbage_Is413_AndOnDiskItIsListedAsNotLoadable()
    {
        var garbage = new byte[50 * 1024 * 1024];
        new Random(7).NextBytes(garbage);
        await using var host = await WorkbenchHost.StartAsync(prepare: folder => File.WriteAllBytes(Path.Combine(folder, "vuilnis.yaml"), garbage));

        var (status, _, _) = await host.PostAsync("api/validate", new ByteArrayContent(garbage) { Headers = { ContentType = new("application/json") } });
        var listed = (await host.GetJsonAsync("api/designs")).AsArray().Single(d => d!["path"]!.GetValue<string>() == "vuilnis.yaml")!;
        using var read = await host.Client.GetAsync(host.Url("api/designs/vuilnis.yaml"));

        Assert.Equal(413, status);
        Assert.Equal(1, listed["loadErrors"]!.GetValue<int>());
        Assert.Equal(413, (int)read.StatusCode);
        Assert.Equal(200, (await host.PostAsync("api/validate", new { path = "zuid-holland-zuid.yaml" })).Status);
    }

    [Fact]
    public async Task BinaryFile_IsRefusedAsNotText_AndBinaryCharactersInATextAreLoadErrors()
    {
        await using var host = await WorkbenchHost.StartAsync(prepare: folder => File.WriteAllBytes(Path.Combine(folder, "binair.yaml"), [0x64, 0x00, 0xff, 0xfe, 0x00, 0x01]));

        using var read = await host.Client.GetAsync(host.Url("api/designs/binair.yaml"));
        var (validate, body, _) = await host.PostAsync("api/validate", new { text = "design: \u0000\u0001\u0002\uFFFE" });

        Assert.Equal(422, (int)read.StatusCode);
        Assert.Contains("Geen tekstbestand", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(200, validate);
        Assert.NotEmpty(body!["loadErrors"]!.AsArray());
    }

    [Fact]
    public async Task Errors_NeverCarryAStackTrace()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var responses = new[]
        {
            await host.PostAsync("api/validate", WorkbenchHost.Raw("[1,2,3]")),
            await host.PostAsync("api/validate", WorkbenchHost.Raw("{\"text\": 12}")),
            await host.PostAsync("api/explain", new { text = "design: x\n" }),
            await host.PostAsync("api/diff", new { }),
            await host.PostAsync("api/monitoring", new { }),
            await host.PostAsync("api/monitoring", WorkbenchHost.Raw("{\"path\": \"zuid-holland-zuid.yaml\", \"format\": \"html\", \"from\": 202101}")),
        };

        Assert.All(responses, r =>
        {
            Assert.Equal(400, r.Status);
            Assert.Equal("application/problem+json", r.Response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain(" at Procurement", r.Body!.ToJsonString(), StringComparison.Ordinal);
        });
    }
}
