using BenchmarkDotNet.Attributes;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// Compiling the shipped rule packs from scratch: read, layer, vet and compile every rule (on the compiler's own
/// thread). The library keeps no cache between calls, so every invocation does the full work; only JIT is warm.
/// </summary>
public class CompileBenchmarks : BenchmarkBase
{
    /// <summary>Loads and compiles the default rule set.</summary>
    [Benchmark]
    public RuleSet? LoadDefault() => RuleSet.LoadDefault().Value;
}
