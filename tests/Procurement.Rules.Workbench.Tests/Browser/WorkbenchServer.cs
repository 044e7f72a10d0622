using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.Rules.AspNetCore;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Browser;

/// <summary>
/// The workbench on a real loopback port (Kestrel on port 0, in this process) over a temporary copy of examples/ with
/// the shipped rule packs in its rules/ folder, so tests may save files without touching the repository.
/// </summary>
public sealed class WorkbenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WorkbenchServer(WebApplication app, string folder, string prefix, Uri address)
    {
        _app = app;
        Folder = folder;
        Prefix = prefix;
        Address = address;
    }

    /// <summary>The served folder (a temporary copy).</summary>
    public string Folder { get; }

    /// <summary>The path prefix the workbench is mapped under ("" or e.g. "/inkoopkader").</summary>
    public string Prefix { get; }

    /// <summary>scheme://host:port of the server.</summary>
    public Uri Address { get; }

    /// <summary>Starts a server over a fresh copy of the examples and the rule packs.</summary>
    public static async Task<WorkbenchServer> StartAsync(string prefix = "")
    {
        var folder = Path.Combine(Path.GetTempPath(), "workbench-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // The test project copies examples/ and rules/ (with the rule tests) next to its binaries.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var rules = Path.Combine(folder, "rules");
        var source = Path.Combine(AppContext.BaseDirectory, "rules");
        foreach (var file in Directory.EnumerateFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(rules, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddProcurementRulesWorkbench(options =>
        {
            options.Folder = folder;
            options.RuleDirectories.Add(rules);
        });
        var app = builder.Build();
        app.MapProcurementRules(prefix);
        await app.StartAsync();
        // After start, Urls holds the address Kestrel bound (the port it chose).
        var address = app.Urls.First();
        return new WorkbenchServer(app, folder, prefix, new Uri(address));
    }

    /// <summary>The absolute url of a page or file of the workbench, relative to its prefix.</summary>
    public string Url(string path) => new Uri(Address, Prefix + "/" + path).AbsoluteUri;

    /// <summary>A file of the served folder.</summary>
    public string FilePath(string relative) => Path.Combine(Folder, relative);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the stopping server: the temp folder is cleaned by the system.
        }
    }
}
