using BenchmarkDotNet.Attributes;
using Procurement.Rules.Model;
using Procurement.Rules.Testing;

namespace Procurement.Rules.Benchmarks;

/// <summary>Shared configuration: every benchmark reports allocations.</summary>
[MemoryDiagnoser]
public abstract class BenchmarkBase
{
    /// <summary>The seeded design YAML with <paramref name="profiles"/> care profiles (seed 42, the generator's default defect rate).</summary>
    protected static string GenerateYaml(int profiles) => new DesignGenerator { Profiles = profiles, Seed = 42 }.Generate();

    /// <summary>Loads <paramref name="yaml"/>, throwing with the first errors if it does not load.</summary>
    protected static TenderDesign Load(string yaml)
    {
        var result = TenderDesignLoader.LoadString(yaml, "generated.yaml");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The generated design did not load: " + string.Join("; ", result.Errors.Take(5)));
        }

        return result.Value!;
    }
}
