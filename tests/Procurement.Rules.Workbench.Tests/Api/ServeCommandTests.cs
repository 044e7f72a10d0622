using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Rules.Cli;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_OnAFreePort_ListensOnLoopbackOnly_AndAnswers()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "examples");
        using var output = new StringWriter();
        using var error = new StringWriter();
        await using var app = ServeCommand.Start(new ServeSettings(examples, null, [], Port: 0), output, error);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var session = JsonNode.Parse(await client.GetStringAsync("/api/session"))!;
        var designs = JsonNode.Parse(await client.GetStringAsync("/api/designs"))!.AsArray();

        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Assert.Contains($"Werkbank: {address}/", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("examples", session["folder"]!.GetValue<string>());
        // The four examples and examples/monitoring's design, which loads with its data files.
        Assert.Equal(5, designs.Count);
        Assert.Equal(0, designs.Single(d => d!["path"]!.GetValue<string>() == "monitoring/heerlen-landgraaf-voerendaal-2021.yaml")!["loadErrors"]!.GetValue<int>());
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Serve_AMissingFolder_ExitsWith2AndSaysSo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = Program.Run(["serve", Path.Combine(Path.GetTempPath(), "bestaat-niet-" + Guid.NewGuid().ToString("N"))], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }
}
