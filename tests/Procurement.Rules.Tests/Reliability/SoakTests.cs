using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Rules.DependencyInjection;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// The largest example, evaluated 10,000 times from several threads through the provider while the rule files are
/// rewritten and reloaded: every report matches the set it was made with, and managed memory stays flat.
/// </summary>
[Collection(nameof(SoakTests))]
public sealed class SoakTests : IDisposable
{
    private const int Evaluations = 10_000;
    private const int Threads = 4;
    private const int ReloadEvery = 250;

    // Retained managed memory may grow by at most this much between the warmed-up start and the end. A leak of one
    // rule set per reload (compiled delegates, parsed files) would pass it within the 40 reloads of the run.
    private const long MaxGrowthBytes = 8 * 1024 * 1024;

    private readonly string _directory = Directory.CreateTempSubdirectory("pr-soak-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Soak_LargestExampleTenThousandTimesAcrossThreadsWithReloads_MemoryStaysFlat()
    {
        var largest = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").MaxBy(f => new FileInfo(f).Length)!;
        var design = TenderDesignLoader.LoadFile(largest).GetValueOrThrow();
        foreach (var pack in RuleSource.DefaultPacks())
        {
            File.WriteAllText(Path.Combine(_directory, Path.GetFileName(pack.Name)), pack.Yaml);
        }

        var coverage = Path.Combine(_directory, "coverage.yaml");
        var original = File.ReadAllText(coverage);
        var variants = new[] { original, original.Replace("minHeavyProviders: 2", "minHeavyProviders: 3", StringComparison.Ordinal) };
        Assert.NotEqual(variants[0], variants[1]);

        using var services = new ServiceCollection().AddProcurementRules(o =>
        {
            o.RuleDirectories.Add(_directory);
            o.WatchForChanges = false;
        }).BuildServiceProvider();
        var provider = services.GetRequiredService<IRuleSetProvider>();

        // Each variant's findings, to check every report against the set that made it.
        var expected = new Dictionary<string, int>();
        for (var i = 0; i < variants.Length * 2; i++)
        {
            File.WriteAllText(coverage, variants[i % variants.Length]);
            Assert.True(provider.Reload());
            expected[provider.Current.Hash] = provider.Evaluate(design).Findings.Count;
        }

        for (var i = 0; i < 200; i++)
        {
            provider.Evaluate(design);
        }

        var baseline = RetainedBytes();
        var baselineWorkingSet = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        var done = 0;
        var reloads = 0;
        var samples = new List<long>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var workers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref done);
                if (n > Evaluations)
                {
                    return;
                }

                try
                {
                    if (n % ReloadEvery == 0)
                    {
                        // One writer at a time: a reload that reads a file another thread is writing rejects it,
                        // rightly, and that is the fault tests' subject, not this one's.
                        lock (variants)
                        {
                            var reload = ++reloads;
                            File.WriteAllText(coverage, variants[reload % variants.Length]);
                            if (!provider.Reload())
                            {
                                failures.Enqueue($"reload {reload} rejected: {string.Join("; ", provider.LastErrors)}");
                            }
                        }

                        lock (samples)
                        {
                            samples.Add(GC.GetTotalMemory(forceFullCollection: false));
                        }
                    }

                    var report = provider.Evaluate(design);
                    if (!expected.TryGetValue(report.RuleSetHash, out var count) || count != report.Findings.Count)
                    {
                        failures.Enqueue($"evaluation {n}: {report.Findings.Count} findings with set {report.RuleSetHash}");
                    }
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"evaluation {n}: {ex}");
                }
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        watch.Stop();
        var final = RetainedBytes();
        var growth = final - baseline;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"soak: {Evaluations:N0} evaluations of {Path.GetFileName(largest)} ({design.CareProfiles.Count} profiles) on {Threads} threads with {reloads} reloads in {watch.Elapsed.TotalSeconds:0.0} s; " +
            $"retained managed memory {baseline / 1024.0 / 1024.0:0.0} MiB -> {final / 1024.0 / 1024.0:0.0} MiB ({growth / 1024.0:+0;-0} KiB); " +
            $"heap between collections {samples.Min() / 1024.0 / 1024.0:0.0}-{samples.Max() / 1024.0 / 1024.0:0.0} MiB; working set {baselineWorkingSet / 1024.0 / 1024.0:0} MiB -> {Environment.WorkingSet / 1024.0 / 1024.0:0} MiB");

        Assert.Empty(failures);
        Assert.Equal(Evaluations / ReloadEvery, reloads);
        Assert.InRange(growth, long.MinValue, MaxGrowthBytes);
    }

    private static long RetainedBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>The soak test measures the whole process's memory, so it runs alone: other tests' allocations would blur it.</summary>
[CollectionDefinition(nameof(SoakTests), DisableParallelization = true)]
public sealed class SoakCollection;
