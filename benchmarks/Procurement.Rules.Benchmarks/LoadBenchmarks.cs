using BenchmarkDotNet.Attributes;
using Procurement.Rules.Model;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// Loading a generated design from YAML text: parse, read, resolve and index. Target: 100k profiles under 3 s.
/// One load of 500k profiles takes seconds, so the job is one launch, one warm-up and three measured iterations.
/// </summary>
[FewIterationsJob(3)]
public class LoadBenchmarks : BenchmarkBase
{
    private string _yaml = null!;

    /// <summary>Number of care profiles in the generated design.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Profiles { get; set; }

    /// <summary>Generates the YAML once (not measured) and checks that it loads with every profile.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _yaml = GenerateYaml(Profiles);
        var design = Load(_yaml);
        if (design.CareProfiles.Count != Profiles)
        {
            throw new InvalidOperationException($"Loaded {design.CareProfiles.Count} profiles, expected {Profiles}.");
        }
    }

    /// <summary>Loads the pre-generated YAML.</summary>
    [Benchmark]
    public TenderDesign? LoadString() => TenderDesignLoader.LoadString(_yaml, "generated.yaml").Value;
}
