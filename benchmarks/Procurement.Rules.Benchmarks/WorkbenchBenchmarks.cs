using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// The workbench's live refresh: <c>POST api/validate</c> through the in-process test server (JSON in, load, evaluate
/// under the work budget, findings with groups and explanations out), on the largest shipped example and on a generated
/// design of <see cref="Profiles"/> care profiles. Targets (issue 18): 300 ms on the example, 2 s on 10,000 profiles.
/// </summary>
public class WorkbenchBenchmarks : BenchmarkBase
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _folder = null!;
    private string _example = null!;
    private string _generated = null!;

    /// <summary>Care profiles in the generated design: 10k, or 1k in quick mode.</summary>
    [ParamsSource(nameof(DesignSizes))]
    public int Profiles { get; set; }

    /// <summary>The size of the generated design: 10k, or 1k in quick mode.</summary>
    public static IEnumerable<int> DesignSizes => Quick ? [1_000] : [10_000];

    /// <summary>Starts the workbench over an empty folder with the embedded rules and checks that both designs give findings.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _example = File.ReadAllText(ShippedExamples.Paths().OrderByDescending(p => new FileInfo(p).Length).First());
        _generated = GenerateYaml(Profiles);
        _folder = Directory.CreateTempSubdirectory("workbench-bench-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddProcurementRulesWorkbench(options =>
        {
            options.Folder = _folder;
            options.Token = "benchmark";
        });
        _app = builder.Build();
        _app.MapProcurementRules();
        _app.StartAsync().GetAwaiter().GetResult();
        _client = _app.GetTestClient();
        _client.DefaultRequestHeaders.Add("X-Procurement-Token", "benchmark");
        foreach (var text in new[] { _example, _generated })
        {
            if (Post(text) == 0)
            {
                throw new InvalidOperationException("api/validate gave no findings for a design that has some.");
            }
        }
    }

    /// <summary>Stops the server and removes the folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The largest shipped example, as the designs page sends it after typing stops.</summary>
    [Benchmark(Baseline = true)]
    public int ValidateLargestExample() => Post(_example);

    /// <summary>The generated design of <see cref="Profiles"/> care profiles.</summary>
    [Benchmark]
    public int ValidateGenerated() => Post(_generated);

    // The number of findings in the response, so that the whole response is read and parsed.
    private int Post(string text)
    {
        using var response = _client.PostAsJsonAsync("api/validate", new { text, path = "ontwerp.yaml" }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())!;
        return body["findings"]!.AsArray().Count;
    }
}
