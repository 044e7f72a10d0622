using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Rules.DependencyInjection;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// Faults of the file system under a running provider and under the loaders: the working rule set stays, the errors
/// are reported, and once the files are whole again nothing is lost.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pr-faults-").FullName;

    public FaultTests() => Directory.CreateDirectory(RulesDirectory);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string RulesDirectory => Path.Combine(_root, "rules");

    private string PackFile => Path.Combine(RulesDirectory, "oracle.yaml");

    private static string Version(int maxLightBudget) =>
        EvaluationTests.OraclePack.Replace("maxLightBudget: 5000", $"maxLightBudget: {maxLightBudget}", StringComparison.Ordinal);

    private ServiceProvider Services() => new ServiceCollection().AddProcurementRules(o =>
    {
        o.RuleDirectories.Add(RulesDirectory);
        o.WatchForChanges = false;
    }).BuildServiceProvider();

    private (ServiceProvider Services, IRuleSetProvider Provider, RuleSet Working) Started()
    {
        File.WriteAllText(PackFile, Version(5000));
        var services = Services();
        var provider = services.GetRequiredService<IRuleSetProvider>();
        return (services, provider, provider.Current);
    }

    private static void AssertKeptAndReported(IRuleSetProvider provider, RuleSet working, string file, string code = LoadErrorCodes.FileUnreadable)
    {
        Assert.False(provider.Reload());
        Assert.Same(working, provider.Current);
        var error = Assert.Single(provider.LastErrors);
        Assert.Equal((code, file), (error.Code, error.File));
    }

    [Fact]
    public void Reload_RuleDirectoryDeleted_KeepsTheWorkingSetUntilItIsBack()
    {
        var (services, provider, working) = Started();
        using (services)
        {
            var moved = RulesDirectory + ".away";
            Directory.Move(RulesDirectory, moved);

            AssertKeptAndReported(provider, working, RulesDirectory);

            Directory.Move(moved, RulesDirectory);
            Assert.True(provider.Reload());
            Assert.Empty(provider.LastErrors);
            Assert.Equal(working.Hash, provider.Current.Hash);
        }
    }

    [Fact]
    public void Reload_EveryRuleFileGone_KeepsTheWorkingSet()
    {
        // A delete-and-rewrite seen between its two steps: an empty set would silently stop every check.
        var (services, provider, working) = Started();
        using (services)
        {
            File.Delete(PackFile);

            AssertKeptAndReported(provider, working, RulesDirectory, RuleErrorCodes.NoRules);

            File.WriteAllText(PackFile, Version(5000));
            Assert.True(provider.Reload());
        }
    }

    [Fact]
    public void Reload_RuleDirectoryUnreadable_KeepsTheWorkingSet()
    {
        // A path that cannot be opened even by root: a symbolic link that points at itself.
        var (services, provider, working) = Started();
        using (services)
        {
            var moved = RulesDirectory + ".away";
            Directory.Move(RulesDirectory, moved);
            Directory.CreateSymbolicLink(RulesDirectory, RulesDirectory);

            AssertKeptAndReported(provider, working, RulesDirectory);

            File.Delete(RulesDirectory);
            Directory.Move(moved, RulesDirectory);
            Assert.True(provider.Reload());
        }
    }

    [Fact]
    public void Reload_RuleFileUnreadable_KeepsTheWorkingSetAndNamesTheFile()
    {
        var (services, provider, working) = Started();
        using (services)
        {
            var broken = Path.Combine(RulesDirectory, "zz-extra.yaml");
            File.CreateSymbolicLink(broken, broken);

            AssertKeptAndReported(provider, working, broken);
            var message = Assert.Single(provider.LastErrors).Message;
            Assert.StartsWith("Cannot read the rule file", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reload_FileDeletedBetweenListingAndReading_KeepsTheWorkingSet()
    {
        // A dangling link is listed like a file and gone when opened: the state of a file deleted mid-reload.
        var (services, provider, working) = Started();
        using (services)
        {
            var target = Path.Combine(_root, "gone.yaml");
            var listed = Path.Combine(RulesDirectory, "gone.yaml");
            File.WriteAllText(target, "pack: gone\n");
            File.CreateSymbolicLink(listed, target);
            File.Delete(target);

            AssertKeptAndReported(provider, working, listed);

            File.Delete(listed);
            Assert.True(provider.Reload());
            Assert.Equal(working.Hash, provider.Current.Hash);
        }
    }

    [Fact]
    public void Reload_HalfWrittenFile_IsRejectedAndTheCompletedFileLoads()
    {
        var (services, provider, working) = Started();
        using (services)
        {
            var next = Version(7000);
            foreach (var cut in new[] { 0, 17, next.Length / 3, next.IndexOf("coProviders:", StringComparison.Ordinal) + 5, next.Length - 3 })
            {
                File.WriteAllText(PackFile, next[..cut]);

                Assert.False(provider.Reload(), $"a file cut at {cut} replaced the working set");
                Assert.Same(working, provider.Current);
                Assert.NotEmpty(provider.LastErrors);
            }

            File.WriteAllText(PackFile, next);
            Assert.True(provider.Reload());
            Assert.Equal(7000, provider.Current.Rules.Single(r => r.Id == "O-2").Parameters["maxLightBudget"]);
        }
    }

    [Fact]
    public async Task Reload_WhileAWriterDeletesAndRewritesFiles_NeverThrowsAndOnlyEverServesWholeSets()
    {
        var (services, provider, working) = Started();
        using (services)
        {
            var design = EvaluationTests.Generated(3, 200, 0.3);
            var whole = new HashSet<string> { working.Hash };
            File.WriteAllText(PackFile, Version(9000));
            Assert.True(provider.Reload());
            whole.Add(provider.Current.Hash);
            var expectedFindings = new Dictionary<string, int>
            {
                [working.Hash] = working.Evaluate(design).Findings.Count,
                [provider.Current.Hash] = provider.Current.Evaluate(design).Findings.Count,
            };

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            var writer = Task.Run(() =>
            {
                var toggle = false;
                while (!stop.IsCancellationRequested)
                {
                    toggle = !toggle;
                    var text = Encoding.UTF8.GetBytes(Version(toggle ? 5000 : 9000));
                    File.Delete(PackFile);
                    using var stream = new FileStream(PackFile, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                    stream.Write(text, 0, text.Length / 2);
                    stream.Flush();
                    Thread.Sleep(1);
                    stream.Write(text, text.Length / 2, text.Length - (text.Length / 2));
                }
            });

            var reloads = 0;
            var rejected = 0;
            while (!stop.IsCancellationRequested)
            {
                reloads++;
                if (!provider.Reload())
                {
                    rejected++;
                }

                var current = provider.Current;
                Assert.Contains(current.Hash, whole);
                Assert.Equal(expectedFindings[current.Hash], current.Evaluate(design).Findings.Count);
            }

            await writer;
            Assert.True(reloads > 10);

            // Once the writer is done, the file is whole and the next reload serves it.
            Assert.True(provider.Reload());
            Assert.Contains(provider.Current.Hash, whole);
        }
    }

    [Fact]
    public void WatcherReload_HandlerThatThrows_DoesNotEscapeTheTimerThread()
    {
        var (services, provider, working) = Started();
        using (services)
        {
            provider.Reloaded += (_, _) => throw new InvalidOperationException("a subscriber's bug");
            File.WriteAllText(PackFile, Version(6000));

            // What the watcher's timer calls: an exception out of it would end the process.
            ((RuleSetProvider)provider).ReloadFromWatcher();

            Assert.NotSame(working, provider.Current);
            Assert.Equal(6000, provider.Current.Rules.Single(r => r.Id == "O-2").Parameters["maxLightBudget"]);
        }
    }

    [Fact]
    public void RuleSetLoad_NullText_IsAnArgumentErrorOnTheCallersThread()
    {
        // On the compiler thread a null would be an unhandled exception: the end of the process.
        Assert.Throws<ArgumentNullException>(() => RuleSet.Load([new RuleSource("null.yaml", null!)]));
        Assert.Throws<ArgumentNullException>(() => RuleSet.Load([null!]));
    }

    [Fact]
    public void RuleSetLoad_AnExpressionTheVetterCannotRebuild_IsALoadErrorNotACrash()
    {
        // The vetter used to return null for a rejected node inside a comparison, and rebuilding the comparison threw
        // on the compiler thread.
        var error = Assert.Single(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, "asOf < DateOnly(2020, 1, 1)")).Errors);

        Assert.Equal((RuleErrorCodes.RejectedExpression, 9, 9 + "asOf < ".Length), (error.Code, error.Line, error.Column));
        Assert.Contains("rules may not create objects", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Examples() => [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void LoadFile_DesignTruncatedMidWrite_ReportsErrorsAndNeverThrows(string example)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", example));
        var path = Path.Combine(_root, example);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').Length;
        var step = Math.Max(1, bytes.Length / 150);
        var failed = 0;
        for (var cut = 0; cut < bytes.Length; cut += step)
        {
            // A cut may fall inside a multi-byte character: the reader must cope with that too.
            File.WriteAllBytes(path, bytes[..cut]);

            var result = TenderDesignLoader.LoadFile(path);

            Assert.Equal(result.Value is null, result.Errors.Count > 0);
            Assert.All(result.Errors, e =>
            {
                Assert.Equal(path, e.File);
                Assert.InRange(e.Line, 1, lines + 1);
                Assert.True(e.Column >= 1);
            });
            failed += result.Succeeded ? 0 : 1;
        }

        // Most cuts break a reference or a required field; and the whole file, written at last, loads.
        Assert.True(failed > 100, $"only {failed} of the cuts were reported");
        File.WriteAllBytes(path, bytes);
        Assert.True(TenderDesignLoader.LoadFile(path).Succeeded);
    }
}
