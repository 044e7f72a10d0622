using System.Net;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

public sealed class PageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("regels")]
    [InlineData("vergelijken")]
    [InlineData("monitoring")]
    public async Task Page_CarriesTheTokenAndTheSecurityHeaders(string page)
    {
        await using var host = await WorkbenchHost.StartAsync();

        using var response = await host.Client.GetAsync(host.Url(page));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<meta name=\"procurement-token\" content=\"{host.Token}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{token}}", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task EveryPage_LinksToEveryPage_AndMarksItselfAsCurrent()
    {
        await using var host = await WorkbenchHost.StartAsync();
        var links = new Dictionary<string, string>
        {
            [""] = "<a href=\"./\"",
            ["regels"] = "<a href=\"regels\"",
            ["vergelijken"] = "<a href=\"vergelijken\"",
            ["monitoring"] = "<a href=\"monitoring\"",
        };
        Assert.Equal(links.Keys.Order(StringComparer.Ordinal), Procurement.Rules.AspNetCore.StaticAssets.Pages.Keys.Order(StringComparer.Ordinal));

        foreach (var (page, link) in links)
        {
            var html = await host.Client.GetStringAsync(host.Url(page));
            var nav = html[html.IndexOf("<nav", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];

            Assert.All(links.Values, l => Assert.Contains(l, nav, StringComparison.Ordinal));
            Assert.Contains(link + " aria-current=\"page\">", nav, StringComparison.Ordinal);
            Assert.Single(nav.Split("aria-current").Skip(1));
        }
    }

    [Theory]
    [InlineData("monaco/vs/loader.js", "text/javascript")]
    [InlineData("monaco/vs/editor/editor.main.js", "text/javascript")]
    [InlineData("monaco/vs/editor/editor.main.css", "text/css")]
    [InlineData("monaco/vs/basic-languages/yaml/yaml.js", "text/javascript")]
    [InlineData("monaco/vs/base/worker/workerMain.js", "text/javascript")]
    [InlineData("app.css", "text/css")]
    [InlineData("js/common.js", "text/javascript")]
    [InlineData("js/monitoring.js", "text/javascript")]
    public async Task Asset_IsServedWithItsContentType(string path, string contentType)
    {
        await using var host = await WorkbenchHost.StartAsync();

        using var response = await host.Client.GetAsync(host.Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Theory]
    [InlineData("bestaat-niet.js")]
    [InlineData("monaco/vs/editor/editor.main.nls.de.js")]
    [InlineData("monaco/vs/../../Procurement.Rules.AspNetCore.dll")]
    public async Task Asset_NotEmbedded_Is404(string path)
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, _) = await host.RawAsync("GET", "/" + path, null);

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task HostedUnderAPrefix_RedirectsToTheSlash_AndServesPagesAndApiThere()
    {
        await using var host = await WorkbenchHost.StartAsync(prefix: "/inkoopkader");

        using var bare = await host.Client.GetAsync("/inkoopkader");
        using var page = await host.Client.GetAsync("/inkoopkader/");
        using var outside = await host.Client.GetAsync("/api/session");
        var (validate, body, _) = await host.PostAsync("api/validate", new { path = "zuid-holland-zuid.yaml" });

        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/inkoopkader/", bare.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(host.Token, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(200, validate);
        Assert.Equal(3, body!["counts"]!["error"]!.GetValue<int>());
    }

    [Fact]
    public async Task OpenApiDocument_UnderThePrefix_DescribesTheApi()
    {
        await using var host = await WorkbenchHost.StartAsync(prefix: "/inkoopkader");

        var document = await host.GetJsonAsync("openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Contains("/inkoopkader/api/validate", paths);
        Assert.Contains("/inkoopkader/api/designs/{path}", paths);
        Assert.Contains("/inkoopkader/api/rules/impact", paths);
        Assert.Contains("/inkoopkader/api/monitoring", paths);
        Assert.DoesNotContain(paths, p => p.EndsWith("{file}", StringComparison.Ordinal));
    }
}
