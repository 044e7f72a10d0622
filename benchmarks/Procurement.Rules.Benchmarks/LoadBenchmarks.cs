using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using YamlDotNet.Core;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// Loading a generated design: parse, read, resolve and index, from YAML (<see cref="LoadString"/>, the baseline) and
/// from the same design as JSON (<see cref="LoadJson"/>), each against its parser's floor: YamlDotNet's bare event parse
/// (<see cref="YamlEvents"/>) and System.Text.Json's document parse (<see cref="JsonDocumentParse"/>). Target: 100k
/// profiles under 3 s. One load of 500k profiles takes seconds, so the job is one launch, one warm-up and three measured
/// iterations.
/// </summary>
[FewIterationsJob(3)]
public class LoadBenchmarks : BenchmarkBase
{
    private string _yaml = null!;
    private string _json = null!;

    /// <summary>Number of care profiles in the generated design.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Profiles { get; set; }

    /// <summary>Generates the YAML and its JSON once (not measured) and checks that both load to the same design.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _yaml = GenerateYaml(Profiles);
        _json = DesignJson.ToJson(_yaml);
        var design = Load(_yaml);
        if (design.CareProfiles.Count != Profiles)
        {
            throw new InvalidOperationException($"Loaded {design.CareProfiles.Count} profiles, expected {Profiles}.");
        }

        var fromJson = TenderDesignLoader.LoadString(_json, "generated.json").GetValueOrThrow();
        if (TenderDesignWriter.Write(fromJson) != TenderDesignWriter.Write(design))
        {
            throw new InvalidOperationException("The JSON design does not load to the same design as its YAML.");
        }
    }

    /// <summary>Loads the pre-generated YAML.</summary>
    [Benchmark(Baseline = true)]
    public TenderDesign? LoadString() => TenderDesignLoader.LoadString(_yaml, "generated.yaml").Value;

    /// <summary>The YAML parser's floor: every event of the text, nothing kept.</summary>
    [Benchmark]
    public int YamlEvents()
    {
        var parser = new Parser(new StringReader(_yaml));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    /// <summary>Loads the same design from its JSON text.</summary>
    [Benchmark]
    public TenderDesign? LoadJson() => TenderDesignLoader.LoadString(_json, "generated.json").Value;

    /// <summary>The JSON parser's floor: System.Text.Json's document of the text.</summary>
    [Benchmark]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("careProfiles").GetArrayLength();
    }
}
