using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.Rules.DependencyInjection;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.DependencyInjection;

public sealed class RuleSetProviderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pr-di-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PackFile => Path.Combine(_directory, "oracle.yaml");

    private static string Version(int maxLightBudget) =>
        EvaluationTests.OraclePack.Replace("maxLightBudget: 5000", $"maxLightBudget: {maxLightBudget}", StringComparison.Ordinal);

    private ServiceProvider Services(bool watch = false, Action<ProcurementRulesOptions>? more = null, List<string>? log = null)
    {
        var services = new ServiceCollection();
        if (log is not null)
        {
            services.AddLogging(b => b.AddProvider(new ListLoggerProvider(log)));
        }

        services.AddProcurementRules(o =>
        {
            o.RuleDirectories.Add(_directory);
            o.WatchForChanges = watch;
            o.ReloadDelay = TimeSpan.FromMilliseconds(50);
            more?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Provider_IsASingleton()
    {
        File.WriteAllText(PackFile, Version(5000));
        using var services = Services();

        var first = services.GetRequiredService<IRuleSetProvider>();
        using var scope = services.CreateScope();

        Assert.Same(first, services.GetRequiredService<IRuleSetProvider>());
        Assert.Same(first, scope.ServiceProvider.GetRequiredService<IRuleSetProvider>());
        Assert.Equal(3, first.Current.Rules.Count);
    }

    [Fact]
    public void Provider_WithoutDirectories_UsesTheEmbeddedPacks()
    {
        var services = new ServiceCollection().AddProcurementRules(o => o.WatchForChanges = false).BuildServiceProvider();

        var provider = services.GetRequiredService<IRuleSetProvider>();

        Assert.Equal(RuleSet.LoadDefault().GetValueOrThrow().Hash, provider.Current.Hash);
    }

    [Fact]
    public async Task Reload_UnderConcurrentEvaluation_NeverTearsOrFails()
    {
        File.WriteAllText(PackFile, Version(5000));
        using var services = Services();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var design = EvaluationTests.Generated(7, 300, 0.3);
        var strictHash = provider.Current.Hash;
        var strictCount = provider.Current.Evaluate(design).Findings.Count;
        File.WriteAllText(PackFile, Version(100_000));
        Assert.True(provider.Reload());
        var lenientHash = provider.Current.Hash;
        var lenientCount = provider.Current.Evaluate(design).Findings.Count;
        Assert.NotEqual(strictCount, lenientCount);

        using var stop = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var evaluations = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var report = provider.Evaluate(design);
                    var expected = report.RuleSetHash == strictHash ? strictCount : report.RuleSetHash == lenientHash ? lenientCount : -1;
                    if (report.Findings.Count != expected)
                    {
                        failures.Add($"hash {report.RuleSetHash}: {report.Findings.Count} findings, expected {expected}");
                    }

                    Interlocked.Increment(ref evaluations);
                }
                catch (Exception ex)
                {
                    failures.Add(ex.ToString());
                }
            }
        })).ToArray();

        for (var i = 0; i < 1000; i++)
        {
            File.WriteAllText(PackFile, Version(i % 2 == 0 ? 5000 : 100_000));
            Assert.True(provider.Reload());
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Empty(failures);
        Assert.True(evaluations > 0);
    }

    [Fact]
    public void Reload_BrokenFile_KeepsTheWorkingSetAndReportsTheError()
    {
        File.WriteAllText(PackFile, Version(5000));
        var log = new List<string>();
        using var services = Services(log: log);
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var working = provider.Current;

        File.WriteAllText(PackFile, Version(5000).Replace("profile.Budget <= maxLightBudget", "profile.Budget <= DateTime.Now.Year", StringComparison.Ordinal));

        Assert.False(provider.Reload());
        Assert.Same(working, provider.Current);
        var error = Assert.Single(provider.LastErrors);
        Assert.Equal((RuleErrorCodes.RejectedExpression, PackFile), (error.Code, error.File));
        Assert.Contains(log, l => l.Contains("rejected", StringComparison.Ordinal) && l.Contains("working rule set stays active", StringComparison.Ordinal));

        File.WriteAllText(PackFile, Version(6000));
        Assert.True(provider.Reload());
        Assert.Empty(provider.LastErrors);
        Assert.NotSame(working, provider.Current);
    }

    [Fact]
    public void Watcher_FileChangeOnDisk_SwapsTheSet()
    {
        File.WriteAllText(PackFile, Version(5000));
        using var services = Services(watch: true);
        var provider = services.GetRequiredService<IRuleSetProvider>();
        var before = provider.Current.Hash;
        using var reloaded = new ManualResetEventSlim();
        provider.Reloaded += (_, set) =>
        {
            if (set.Hash != before)
            {
                reloaded.Set();
            }
        };

        File.WriteAllText(PackFile, Version(7000));

        Assert.True(reloaded.Wait(TimeSpan.FromSeconds(20)), "the watcher did not reload the rule set");
        Assert.Equal(7000, provider.Current.Rules.Single(r => r.Id == "O-2").Parameters["maxLightBudget"]);
    }

    [Fact]
    public void Evaluate_UsesConfiguredDefaults()
    {
        File.WriteAllText(PackFile, Version(5000));
        using var services = Services(more: o =>
        {
            o.DefaultAsOf = new DateOnly(2024, 6, 1);
            o.MinimumSeverity = Severity.Error;
        });
        var design = EvaluationTests.Generated(7, 100, 0.3);

        var report = services.GetRequiredService<IRuleSetProvider>().Evaluate(design);

        Assert.Equal(new DateOnly(2024, 6, 1), report.AsOf);
    }

    [Fact]
    public void Provider_InitialLoadFails_Throws()
    {
        File.WriteAllText(PackFile, "pack: [");
        using var services = Services();

        var exception = Assert.Throws<LoadException>(() => services.GetRequiredService<IRuleSetProvider>());

        Assert.Equal(LoadErrorCodes.YamlSyntax, Assert.Single(exception.Errors).Code);
    }

    private sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }

        private sealed class ListLogger(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (lines)
                {
                    lines.Add(formatter(state, exception));
                }
            }
        }
    }
}
