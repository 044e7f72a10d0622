using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// Runs the properties in this folder with a fixed seed per property, a number of cases that can be scaled, and a
/// failure message that says how to replay the failing case. Environment variables:
/// <list type="bullet">
/// <item><c>PROCUREMENT_RULES_PROPERTY_SCALE</c>: multiplies every property's number of cases (default 1; e.g. 100 locally).</item>
/// <item><c>PROCUREMENT_RULES_PROPERTY_SEED</c>: another base seed, to explore other cases than CI does (default fixed).</item>
/// <item><c>PROCUREMENT_RULES_PROPERTY_REPLAY</c>: <c>seed,gamma[,size]</c> printed by a failure: reruns exactly that case (with size) or run.</item>
/// <item><c>PROCUREMENT_RULES_CASE_LOG</c>: a file to which every property appends a line <c>name, cases, running|passed|failed</c> (tab-separated) every 10 cases and when it finishes, so that <c>tests/explore.sh</c> can count the cases it ran, even of a run it stops.</item>
/// </list>
/// </summary>
internal static class PropertyRun
{
    public const string ScaleVariable = "PROCUREMENT_RULES_PROPERTY_SCALE";
    public const string SeedVariable = "PROCUREMENT_RULES_PROPERTY_SEED";
    public const string ReplayVariable = "PROCUREMENT_RULES_PROPERTY_REPLAY";
    public const string CaseLogVariable = "PROCUREMENT_RULES_CASE_LOG";

    // Properties run in parallel; appends to the case log must not interleave.
    private static readonly Lock CaseLogLock = new();

    /// <summary>The base seed CI uses; each property mixes its own name in, so properties see different cases.</summary>
    public const ulong DefaultSeed = 20_240_901;

    public static double Scale
    {
        get
        {
            var text = Environment.GetEnvironmentVariable(ScaleVariable);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;
        }
    }

    /// <summary>Whether a replay was asked for: then a property runs one given case (or run), not its usual number.</summary>
    public static bool IsReplaying => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ReplayVariable));

    /// <summary>Checks <paramref name="body"/> for <paramref name="cases"/> (times the scale) values of <paramref name="arbitrary"/>; throws with the shrunk case and how to replay it.</summary>
    /// <param name="replay">A <c>seed,gamma[,size]</c> to replay instead of <see cref="ReplayVariable"/>; for tests of this runner.</param>
    public static void Check<T>(string name, int cases, Arbitrary<T> arbitrary, Action<T> body, string? replay = null) =>
        global::FsCheck.Check.One(Config(name, cases, replay), Prop.ForAll(arbitrary, body));

    /// <summary>As <see cref="Check{T}(string, int, Arbitrary{T}, Action{T}, string?)"/>, for a property that returns whether it holds.</summary>
    public static void Check<T>(string name, int cases, Arbitrary<T> arbitrary, Func<T, bool> body, string? replay = null) =>
        global::FsCheck.Check.One(Config(name, cases, replay), Prop.ForAll(arbitrary, body));

    public static Config Config(string name, int cases, string? replay = null)
    {
        var maxTest = Math.Max(1, (int)Math.Ceiling(cases * Scale));
        return global::FsCheck.Config.QuickThrowOnFailure
            .WithName(name)
            .WithMaxTest(maxTest)
            .WithMaxRejected(maxTest * 10)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(ReplayFor(name, replay)))
            .WithRunner(new ThrowingRunner(name));
    }

    private static Replay ReplayFor(string name, string? replay)
    {
        replay ??= Environment.GetEnvironmentVariable(ReplayVariable);
        if (!string.IsNullOrWhiteSpace(replay))
        {
            var parts = replay.Split(',', StringSplitOptions.TrimEntries);
            var rnd = new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture));
            var size = parts.Length > 2 ? FSharpOption<int>.Some(int.Parse(parts[2], CultureInfo.InvariantCulture)) : FSharpOption<int>.None;
            return new Replay(rnd, size);
        }

        var text = Environment.GetEnvironmentVariable(SeedVariable);
        var seed = ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var mixed = seed ^ StableHash(name);
        return new Replay(new Rnd(mixed, (StableHash(name + "/gamma") ^ seed) | 1), FSharpOption<int>.None);
    }

    /// <summary>Every how many cases a running property logs its progress.</summary>
    public const int CaseLogInterval = 10;

    /// <summary>Appends how many cases <paramref name="name"/> has run to the file named by <see cref="CaseLogVariable"/>, if set.</summary>
    /// <param name="passed">True or false when the property has finished, null while it runs.</param>
    public static void LogCases(string name, int cases, bool? passed)
    {
        var path = Environment.GetEnvironmentVariable(CaseLogVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        lock (CaseLogLock)
        {
            File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{name}\t{cases}\t{passed switch { true => "passed", false => "failed", null => "running" }}\n"));
        }
    }

    // FNV-1a: string.GetHashCode differs between runs, the seed must not.
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Like FsCheck's throwing runner, plus the exact environment variable that replays the failing case.</summary>
    private sealed class ThrowingRunner(string name) : IRunner
    {
        public void OnStartFixture(Type t)
        {
        }

        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
        {
            if (ntest % CaseLogInterval == 0)
            {
                LogCases(name, ntest, passed: null);
            }
        }

        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
        {
        }

        public void OnFinished(string testName, TestResult testResult)
        {
            LogCases(name, testResult switch
            {
                TestResult.Passed p => p.Item1.NumberOfTests,
                TestResult.Failed f => f.Item1.NumberOfTests,
                TestResult.Exhausted e => e.Item.NumberOfTests,
                _ => 0,
            }, testResult.IsPassed);
            if (testResult.IsPassed)
            {
                return;
            }

            var message = new StringBuilder();
            message.AppendLine(CultureInfo.InvariantCulture, $"Property '{name}' failed.");
            if (testResult is TestResult.Failed failed)
            {
                var seed = failed.Item6;
                var method = Xunit.TestContext.Current.TestMethod?.MethodName ?? name;
                message.AppendLine(CultureInfo.InvariantCulture, $"Replay the failing case: {ReplayVariable}={seed.Seed},{seed.Gamma},{failed.Item7} (run with --filter-method '*.{method}').");
                message.AppendLine(CultureInfo.InvariantCulture, $"Replay the whole run:    {ReplayVariable}={failed.Item5.Seed},{failed.Item5.Gamma}");
            }

            message.Append(Runner.onFinishedToString(testName, testResult));
            throw new PropertyFailedException(message.ToString());
        }
    }
}

/// <summary>A property found a counter-example (or ran out of cases it could use).</summary>
internal sealed class PropertyFailedException(string message) : Exception(message);
