using BenchmarkDotNet.Running;
using Procurement.Rules.Benchmarks;

// Runs the benchmarks chosen on the command line (--filter, --job, ...). Exits non-zero when a selected
// benchmark failed (setup threw, counts disagreed, the process crashed) so that CI can rely on the exit code.
// --quick: the smoke run for CI. Every benchmark runs once (Dry job, in process) on its smallest size only.
if (args.Contains("--quick"))
{
    Environment.SetEnvironmentVariable(BenchmarkBase.QuickVariable, "1");
    args = [.. args.Where(a => a != "--quick"), "--job", "Dry", "--inProcess"];
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkBase).Assembly).Run(args).ToArray();

var filtered = args.Any(a => a is "--filter" or "-f");
var failures = summaries
    .SelectMany(s => s.HasCriticalValidationErrors
        ? [s.Title + ": critical validation errors"]
        : s.Reports.Where(r => !r.Success || r.ResultStatistics is null).Select(r => r.BenchmarkCase.DisplayInfo))
    .ToArray();
if (filtered && summaries.All(s => s.Reports.Length == 0))
{
    Console.Error.WriteLine("No benchmark matched the filter.");
    return 1;
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"Benchmark failed: {failure}");
}

return failures.Length == 0 ? 0 : 1;
