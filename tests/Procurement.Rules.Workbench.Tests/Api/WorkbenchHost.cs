using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.Rules.AspNetCore;
using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

/// <summary>The workbench in process (TestHost) over a temporary copy of a folder, with a client that knows the token.</summary>
internal sealed class WorkbenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WorkbenchHost(WebApplication app, HttpClient client, string folder, string prefix)
    {
        _app = app;
        Client = client;
        Folder = folder;
        Prefix = prefix;
    }

    public HttpClient Client { get; }

    /// <summary>The served folder (a temporary directory, deleted on dispose).</summary>
    public string Folder { get; }

    public string Prefix { get; }

    public string Token { get; private set; } = string.Empty;

    /// <summary>Starts the workbench over a fresh folder holding the four examples (and, with <paramref name="withRules"/>, the shipped rules under rules/).</summary>
    public static async Task<WorkbenchHost> StartAsync(string prefix = "", bool withRules = false, Action<WorkbenchOptions>? configure = null, Action<string>? prepare = null)
    {
        var folder = Directory.CreateTempSubdirectory("workbench-").FullName;
        foreach (var example in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml"))
        {
            File.Copy(example, Path.Combine(folder, Path.GetFileName(example)));
        }

        if (withRules)
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "rules"), Path.Combine(folder, "rules"));
        }

        prepare?.Invoke(folder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddProcurementRulesWorkbench(options =>
        {
            options.Folder = folder;
            configure?.Invoke(options);
        });
        var app = builder.Build();
        app.MapProcurementRules(prefix);
        await app.StartAsync();
        var host = new WorkbenchHost(app, app.GetTestClient(), folder, prefix);
        var session = await host.GetJsonAsync("api/session");
        host.Token = session["token"]!.GetValue<string>();
        return host;
    }

    /// <summary>The URL of <paramref name="relative"/> under the prefix.</summary>
    public string Url(string relative) => $"{Prefix}/{relative}";

    public async Task<JsonNode> GetJsonAsync(string relative)
    {
        using var response = await Client.GetAsync(Url(relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {relative}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A request with the token (unless <paramref name="token"/> is false) and a JSON body.</summary>
    public HttpRequestMessage Request(HttpMethod method, string relative, object? body, bool token = true)
    {
        var request = new HttpRequestMessage(method, Url(relative));
        if (token)
        {
            request.Headers.Add("X-Procurement-Token", Token);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return request;
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.Ordinal) && text.Length > 0)
        {
            body = JsonNode.Parse(text);
        }

        return ((int)response.StatusCode, body, response);
    }

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string relative, object body, bool token = true) =>
        SendAsync(Request(HttpMethod.Post, relative, body, token));

    public Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PutAsync(string relative, object body, bool token = true) =>
        SendAsync(Request(HttpMethod.Put, relative, body, token));

    /// <summary>
    /// Sends a request with exactly this path (no client normalisation of <c>..</c> or percent-escapes) and the token;
    /// returns the status and the body.
    /// </summary>
    public async Task<(int Status, string Body)> RawAsync(string method, string path, string? json)
    {
        var context = await _app.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = new PathString(Prefix + path);
            c.Request.Headers["X-Procurement-Token"] = Token;
            if (json is not null)
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    /// <summary>A JSON body of exactly this text.</summary>
    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static string ReadExample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));

    /// <summary>Copies the example folder <paramref name="name"/> (e.g. <c>monitoring</c>, a design with its data files) into <paramref name="folder"/>.</summary>
    public static void CopyExampleFolder(string name, string folder) =>
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "examples", name), Path.Combine(folder, name));

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temporary folder is left for the system to clean.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
