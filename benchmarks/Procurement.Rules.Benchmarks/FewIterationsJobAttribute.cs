using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// A short job for benchmarks whose single invocation takes seconds at the national size: one launch, one warm-up
/// and <c>iterationCount</c> measured iterations instead of BenchmarkDotNet's default of up to a hundred. In quick mode it
/// adds no job, because BenchmarkDotNet runs a class's own jobs next to the Dry job of the command line, not instead of it.
/// </summary>
/// <param name="iterationCount">Number of measured iterations.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FewIterationsJobAttribute(int iterationCount) : Attribute, IConfigSource
{
    /// <summary>The job, or an empty configuration in quick mode.</summary>
    public IConfig Config { get; } = BenchmarkBase.Quick
        ? ManualConfig.CreateEmpty()
        : ManualConfig.CreateEmpty().AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(iterationCount).WithId("FewIterations"));
}
