using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Procurement.Rules.Cli;

/// <summary>
/// <c>serve</c>: the workbench (werkbank) over a folder as a local web app, by default on <c>http://localhost:5080</c>
/// (loopback only unless <c>--urls</c> says otherwise); a thin host over <see cref="WorkbenchEndpointRouteBuilderExtensions.MapProcurementRules"/>.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 5080;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "Folder with the designs, rule files, override and waiver files to show; default the current folder.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var rules = new Option<string?>("--rules") { Description = "Directory of rule packs; default the folder's rules/ directory when it has rule files, else the embedded packs." };
        var overrides = new Option<string[]>("--override") { Description = "Override file(s) that extend the packs; later files win.", AllowMultipleArgumentsPerToken = true };
        var port = new Option<int>("--port") { Description = $"Port on localhost; default {DefaultPort}.", DefaultValueFactory = _ => DefaultPort };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on instead of http://localhost:PORT, separated by ';' (e.g. http://0.0.0.0:5080 to serve the network)." };
        var command = new Command("serve", "Start the workbench: a local web app over the designs and rule files of a folder (stop with Ctrl+C).")
        {
            folder, rules, overrides, port, urls,
        };
        command.SetAction(parse =>
        {
            var settings = new ServeSettings(parse.GetValue(folder) ?? ".", parse.GetValue(rules), parse.GetValue(overrides) ?? [], parse.GetValue(port), parse.GetValue(urls));
            if (!Directory.Exists(settings.Folder))
            {
                error.WriteLine(SafeText.Terminal($"error: folder '{settings.Folder}' does not exist."));
                return ExitCodes.InvalidInput;
            }

            if (settings.Port is < 0 or > 65535)
            {
                error.WriteLine($"error: --port {settings.Port} is not a port (0-65535).");
                return ExitCodes.InvalidInput;
            }

            using var app = Start(settings, output, error);
            app.WaitForShutdown();
            return ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>Builds and starts the workbench host; prints where it listens. Dispose it (or stop it) to end it.</summary>
    internal static WebApplication Start(ServeSettings settings, TextWriter output, TextWriter error)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Path.GetFullPath(settings.Folder) });
        var addresses = Addresses(settings);
        builder.WebHost.UseUrls([.. addresses]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProcurementRulesWorkbench(options =>
        {
            options.Folder = settings.Folder;
            if (settings.Rules is { } directory)
            {
                options.RuleDirectories.Add(Path.GetFullPath(directory));
            }

            foreach (var file in settings.Overrides)
            {
                options.OverrideFiles.Add(Path.GetFullPath(file));
            }

            foreach (var host in AddressHosts(addresses).Where(h => !options.AllowedHosts.Contains(h)))
            {
                options.AllowedHosts.Add(host);
            }
        });

        var app = builder.Build();
        app.MapProcurementRules();
        app.Start();
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in listening)
        {
            output.WriteLine(SafeText.Terminal($"Werkbank: {address}/   (map: {Path.GetFullPath(settings.Folder)})"));
        }

        if (AddressHosts(addresses).Contains("*"))
        {
            error.WriteLine("warning: the workbench answers for every host name on every network address; anyone who can reach it can read the folder.");
        }

        output.WriteLine("Stoppen / stop: Ctrl+C");
        return app;
    }

    // Loopback by default; port 0 (a free port) needs an IP address, localhost cannot bind a dynamic port.
    private static IReadOnlyList<string> Addresses(ServeSettings settings) =>
        settings.Urls is { } urls
            ? [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [settings.Port == 0 ? "http://127.0.0.1:0" : $"http://localhost:{settings.Port}"];

    // The host names the addresses listen on; '*' for a wildcard address, where every name must be answered.
    private static IEnumerable<string> AddressHosts(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            var host = Uri.TryCreate(address.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? uri.Host
                : "wildcard";
            yield return host is "wildcard" or "0.0.0.0" or "[::]" ? "*" : host;
        }
    }
}

/// <summary>What <c>serve</c> was asked for.</summary>
internal sealed record ServeSettings(string Folder, string? Rules, IReadOnlyList<string> Overrides, int Port = ServeCommand.DefaultPort, string? Urls = null);
