using BenchmarkDotNet.Attributes;
using Procurement.Rules.Model;
using Procurement.Rules.Cli;

namespace Procurement.Rules.Benchmarks;

/// <summary>Shared configuration: every benchmark reports allocations; sizes and designs come from here.</summary>
[MemoryDiagnoser]
public abstract class BenchmarkBase
{
    /// <summary>Evaluation without a work budget: findings render their text on first read, as before budgets were on by default.</summary>
    public static readonly EvaluationOptions Unbudgeted = new() { Timeout = null, MaxAllocatedBytes = null };

    /// <summary>
    /// Set by <c>--quick</c> (see Program.cs): every benchmark runs once on its smallest size only, so CI can check that
    /// all of them still run and agree without spending minutes on timings.
    /// </summary>
    public const string QuickVariable = "PROCUREMENT_RULES_BENCH_QUICK";

    private static readonly object CacheLock = new();
    private static (int Profiles, bool National, TenderDesign Design)? Cached;

    /// <summary>Whether the run is the quick smoke run.</summary>
    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    /// <summary>Comma-separated sizes that replace <see cref="Sizes"/>, e.g. <c>500000</c> to look at the national size alone.</summary>
    public const string SizesVariable = "PROCUREMENT_RULES_BENCH_SIZES";

    /// <summary>
    /// The national-scale sizes in care profiles: 1k, 10k, 100k (a region) and 500k (the whole country); 1k in quick mode;
    /// those of <see cref="SizesVariable"/> when it is set.
    /// </summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable(SizesVariable) is { Length: > 0 } sizes
            ? [.. sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))]
            : Quick ? [1_000] : [1_000, 10_000, 100_000, 500_000];

    /// <summary>The sizes up to a region (1k, 10k, 100k), for benchmarks too slow to repeat at 500k; 1k in quick mode.</summary>
    public static IEnumerable<int> RegionalSizes => Sizes.Where(s => s <= 100_000);

    /// <summary>
    /// The seeded design YAML with <paramref name="profiles"/> care profiles (seed 42, the generator's default defect rate);
    /// <paramref name="national"/> adds the generator's national shape (cooperatives, a lump-sum lot, ...).
    /// </summary>
    protected static string GenerateYaml(int profiles, bool national = false) =>
        new DesignGenerator { Profiles = profiles, Seed = 42, National = national }.Generate();

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

    /// <summary>
    /// The generated design of <paramref name="profiles"/> care profiles (see <see cref="GenerateYaml"/>), loaded once per
    /// process, size and shape: loading 500k profiles from YAML takes seconds, so in-process runs share it between benchmark
    /// cases. Only the last one is kept, so a run over all sizes never holds more than one national design in memory.
    /// </summary>
    protected static TenderDesign LoadGenerated(int profiles, bool national = false)
    {
        lock (CacheLock)
        {
            if (Cached is { } hit && hit.Profiles == profiles && hit.National == national)
            {
                return hit.Design;
            }

            Cached = null;
            GC.Collect();
            var design = Load(GenerateYaml(profiles, national));
            Cached = (profiles, national, design);
            return design;
        }
    }
}
