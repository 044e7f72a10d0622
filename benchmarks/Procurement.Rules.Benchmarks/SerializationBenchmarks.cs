using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// Writing the report as <c>validate --format json</c> and <c>--format sarif</c> do: the library's writers the CLI calls, over the
/// report of the shipped rule set on the generated national design (evaluated once, not measured; the setup's first
/// write renders the findings' text, so the measured writes only write), UTF-8 encoded into a reused memory stream
/// instead of a file. The work grows with the number of findings (the setup prints it), not of profiles.
/// </summary>
public class SerializationBenchmarks : BenchmarkBase
{
    private readonly MemoryStream _buffer = new();
    private RuleSet _ruleSet = null!;
    private DesignReport[] _results = null!;
    private EvaluationReport[] _reports = null!;
    private StreamWriter _writer = null!;

    /// <summary>Number of care profiles in the generated design.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Profiles { get; set; }

    /// <summary>Evaluates the design, and checks that both writers produce JSON with one entry per finding.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = RuleSet.LoadDefault().GetValueOrThrow();
        var design = LoadGenerated(Profiles, national: true);
        var report = _ruleSet.Evaluate(design, new EvaluationOptions { Parallel = Profiles > 10_000 });
        _results = [new DesignReport(report, design)];
        _reports = [report];
        _writer = new StreamWriter(_buffer, new UTF8Encoding(false), leaveOpen: true);

        var expected = report.Findings.Count;
        var json = Count(Json(), root => root[0].GetProperty("findings"));
        var sarif = Count(Sarif(), root => root.GetProperty("runs")[0].GetProperty("results"));
        Console.WriteLine($"// Profiles={Profiles}: {expected} findings; JSON {json}, SARIF {sarif} entries");
        if (expected == 0 || json != expected || sarif != expected)
        {
            throw new InvalidOperationException($"Expected {expected} findings (more than none), JSON has {json}, SARIF {sarif}.");
        }
    }

    /// <summary>Closes the writer.</summary>
    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    /// <summary>The JSON report; returns the bytes written.</summary>
    [Benchmark(Baseline = true)]
    public long Json()
    {
        _buffer.SetLength(0);
        ReportWriter.WriteJson(_reports, _writer);
        return Flush();
    }

    /// <summary>The SARIF 2.1.0 log; returns the bytes written.</summary>
    [Benchmark]
    public long Sarif()
    {
        _buffer.SetLength(0);
        ReportWriter.Write(ReportFormat.Sarif, _results, _ruleSet, _writer);
        return Flush();
    }

    private long Flush()
    {
        _writer.Flush();
        return _buffer.Length;
    }

    /// <summary>Parses what the last write left in the buffer and counts the array <paramref name="entries"/> selects.</summary>
    private int Count(long bytes, Func<JsonElement, JsonElement> entries)
    {
        if (bytes == 0)
        {
            throw new InvalidOperationException("The writer wrote nothing.");
        }

        using var document = JsonDocument.Parse(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length));
        return entries(document.RootElement).GetArrayLength();
    }
}
