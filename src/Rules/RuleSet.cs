using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using Procurement.Rules.Compiling;
using Procurement.Rules.Evaluating;
using Procurement.Rules.Loading;
using Procurement.Rules.Loading.Syntax;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;
using Procurement.Rules.Waivers;

namespace Procurement.Rules;

/// <summary>
/// A compiled, immutable set of rules (regelset). Load it once, then evaluate any number of designs,
/// from any number of threads at once.
/// </summary>
public sealed class RuleSet
{
    // Parsing is recursive; compiling on a thread with a large stack keeps even a hostile expression from
    // overflowing the caller's stack (which .NET cannot catch), on top of the static shape limits.
    private const int CompilerStackBytes = 64 * 1024 * 1024;

    private readonly ICompiledRule[] _rules;
    private readonly IRuleBatch[] _batches;

    // Runs on the compiler thread: the batches' subject scans are compiled here.
    private RuleSet(ICompiledRule[] rules, string hash, IReadOnlyList<string> sources)
    {
        _rules = rules;
        _batches = RuleBatches.Create(rules);
        Hash = hash;
        Sources = sources;
        Rules = rules.Select(r => r.Info).ToArray();
        LoadedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>Every rule after layering, ordered by id, including disabled ones.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>SHA-256 (first 16 hex digits) over the names and texts of the rule files: the same files give the same hash.</summary>
    public string Hash { get; }

    /// <summary>Names of the rule files the set was built from, in load order.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>When the set was compiled.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Loads the rule packs shipped in the library.</summary>
    /// <param name="limits">Limits on the rule files; <see cref="RuleLimits.Default"/> when null.</param>
    public static LoadResult<RuleSet> LoadDefault(RuleLimits? limits = null) => Load(RuleSource.DefaultPacks(), limits);

    /// <summary>Loads the rule files directly in <paramref name="directory"/>; a directory without rules is a <c>no-rules</c> error.</summary>
    /// <param name="directory">A directory of rule files (<c>*.yaml</c>, <c>*.yml</c>).</param>
    /// <param name="limits">Limits on the rule files; <see cref="RuleLimits.Default"/> when null.</param>
    public static LoadResult<RuleSet> LoadDirectory(string directory, RuleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Load(new RuleSourceOptions { Directories = [directory], Limits = limits ?? RuleLimits.Default });
    }

    /// <summary>Loads rule files from disk; later files may extend and override earlier ones.</summary>
    /// <param name="paths">Rule packs first, then override files.</param>
    /// <param name="limits">Limits on the rule files; <see cref="RuleLimits.Default"/> when null.</param>
    public static LoadResult<RuleSet> LoadFiles(IEnumerable<string> paths, RuleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Load(new RuleSourceOptions { Files = [.. paths], Limits = limits ?? RuleLimits.Default });
    }

    /// <summary>
    /// Loads the rule files <paramref name="options"/> name (see <see cref="RuleSourceOptions"/> for the order and for
    /// the rule on empty and unreadable directories). When a file or directory cannot be read, its errors are the
    /// result and nothing is compiled.
    /// </summary>
    /// <param name="options">Where the rule files come from, and their limits.</param>
    public static LoadResult<RuleSet> Load(RuleSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sources = options.ReadSources();
        if (sources.Errors.Count > 0)
        {
            return new LoadResult<RuleSet>(null, sources.Errors);
        }

        var list = sources.Value!.ToArray();
        return options.RequireRules(OnCompilerThread(() => LoadOnThisThread(list, options.Limits)));
    }

    /// <summary>Loads, vets and compiles rule files given as text; later files may extend and override earlier ones.</summary>
    /// <param name="sources">Rule packs first, then override files, in the order they should apply.</param>
    /// <param name="limits">Limits on the files' size and shape and on their expressions; <see cref="RuleLimits.Default"/> when null.</param>
    public static LoadResult<RuleSet> Load(IEnumerable<RuleSource> sources, RuleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return Load(new RuleSourceOptions { Packs = Checked(sources), Limits = limits ?? RuleLimits.Default });
    }

    /// <summary>The sources as an array, refusing nulls here: on the compiler thread they would end the process.</summary>
    internal static RuleSource[] Checked(IEnumerable<RuleSource> sources)
    {
        var list = sources.ToArray();
        foreach (var source in list)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
            ArgumentNullException.ThrowIfNull(source.Name, nameof(sources));
            ArgumentNullException.ThrowIfNull(source.Yaml, nameof(sources));
        }

        return list;
    }

    private static LoadResult<RuleSet> LoadOnThisThread(RuleSource[] sources, RuleLimits limits)
    {
        var build = Build(sources, limits);
        if (build.Errors.Count > 0)
        {
            return new LoadResult<RuleSet>(null, build.Errors);
        }

        return new LoadResult<RuleSet>(new RuleSet([.. build.Compiled], HashOf(sources), sources.Select(s => s.Name).ToArray()), []);
    }

    /// <summary>Reads, flattens and compiles the sources, keeping every stage for the linter; runs on the compiler thread.</summary>
    internal static RuleSetBuild Build(RuleSource[] sources, RuleLimits limits)
    {
        var errors = new List<LoadError>();
        var packs = new List<PackDto>();
        foreach (var source in sources)
        {
            if (source.Yaml.Length > limits.Yaml.MaxFileBytes)
            {
                errors.Add(new LoadError(LoadErrorCodes.LimitExceeded, $"The rule file is over the limit of {limits.Yaml.MaxFileBytes:N0} bytes (limit MaxFileBytes).", source.Name, 1, 1));
                continue;
            }

            var read = RulePackReader.Read(source.Yaml, source.Name, limits.Yaml);
            errors.AddRange(read.Errors);
            if (read.Value is { } pack)
            {
                packs.Add(pack);
            }
        }

        // Counted before anything is compiled: compiling is where the time goes.
        if (packs.SelectMany(p => p.Rules).Skip(limits.MaxRules).FirstOrDefault() is { } over)
        {
            errors.Add(new LoadError(LoadErrorCodes.LimitExceeded, $"The rule files hold more than {limits.MaxRules:N0} rules (limit MaxRules).", over.Location.File, over.Span));
            return new RuleSetBuild(RuleSetSyntax.Build(packs, []), [], Sorted(errors, limits));
        }

        var (flattened, layeringErrors) = PackFlattener.Flatten(packs);
        errors.AddRange(layeringErrors);
        var syntax = RuleSetSyntax.Build(packs, flattened!);
        var compiler = new RuleCompiler(limits);
        var compiled = new List<ICompiledRule>(syntax.Rules.Length);
        foreach (var rule in syntax.Rules)
        {
            var result = compiler.Compile(rule);
            errors.AddRange(result.Errors);
            if (result.Value is { } done)
            {
                compiled.Add(done);
            }
        }

        return new RuleSetBuild(syntax, compiled, Sorted(errors, limits));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a thread with a large stack (see <see cref="CompilerStackBytes"/>); an exception
    /// is rethrown to the caller, since escaping that thread it would end the process.
    /// </summary>
    internal static T OnCompilerThread<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            CompilerStackBytes) { Name = "Procurement.Rules compiler" };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    private static IReadOnlyList<LoadError> Sorted(List<LoadError> errors, RuleLimits limits) =>
        LoadErrorCap.SortedAndCapped(errors, LoadErrorCap.Of(limits.Yaml));

    /// <summary>
    /// Checks <paramref name="design"/> against every enabled, effective rule and reports the findings; with
    /// <see cref="EvaluationOptions.Waivers"/>, each finding a waiver matches carries it (see <see cref="Finding.Waiver"/>).
    /// </summary>
    /// <param name="design">The loaded design.</param>
    /// <param name="options">Reference date, severity threshold, timeout, parallelism; defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluation with an <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="EvaluationBudgetExceededException">The evaluation used up its time or memory budget (<see cref="EvaluationOptions.Timeout"/>, <see cref="EvaluationOptions.MaxAllocatedBytes"/>).</exception>
    public EvaluationReport Evaluate(TenderDesign design, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        options ??= EvaluationOptions.Default;
        var report = Evaluator.Evaluate(_rules, _batches, Hash, design, options, cancellationToken);
        return options.Waivers.Count == 0 ? report : WaiverMatcher.Apply(report, options);
    }

    /// <summary>
    /// Monitors a running framework (monitoring): evaluates <paramref name="design"/> at the last day of every month from
    /// the month of <paramref name="from"/> through the month of <paramref name="until"/>, and adds up its period data
    /// (<see cref="TenderDesign.ProfileMonths"/>, <see cref="TenderDesign.Outcomes"/>, <see cref="TenderDesign.Spending"/>)
    /// per month, quarter and the whole range, for the region, each lot and each contract party.
    /// </summary>
    /// <param name="design">The loaded design with its period data.</param>
    /// <param name="from">A day of the first month.</param>
    /// <param name="until">A day of the last month; at most 120 months after the first.</param>
    /// <param name="options">Budgets, threshold and waivers for each month's evaluation (its reference date is the month's last day); defaults when null.</param>
    /// <param name="cancellationToken">Stops the run with an <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> lies before <paramref name="from"/>, the range is over 120 months, or it lies outside 1900-01 to 9998-12.</exception>
    /// <exception cref="EvaluationBudgetExceededException">A month's evaluation used up its time or memory budget.</exception>
    public Monitoring.MonitoringReport Monitor(TenderDesign design, DateOnly from, DateOnly until, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        return Monitoring.MonitoringRun.Run(this, design, from, until, options ?? EvaluationOptions.Default, cancellationToken);
    }

    /// <summary>
    /// <see cref="Evaluate"/> with <paramref name="observer"/> watching (the rule-test runner's coverage): the rules it
    /// watches are evaluated part by part, and it is told every outcome; the report is the same.
    /// </summary>
    internal EvaluationReport EvaluateObserved(TenderDesign design, EvaluationOptions options, IEvaluationObserver observer) =>
        Evaluator.Evaluate(_rules, _batches, Hash, design, options, CancellationToken.None, observer);

    /// <summary>
    /// Explains rule <paramref name="ruleId"/> on <paramref name="design"/> (toelichting): for every subject of the rule
    /// (or only <paramref name="subject"/>), whether <c>when</c> held and each clause's outcome with the values it read.
    /// It evaluates the rule part by part, more slowly than <see cref="Evaluate"/>, within the same budgets.
    /// </summary>
    /// <param name="design">The loaded design.</param>
    /// <param name="ruleId">Id of the rule to explain.</param>
    /// <param name="subject">Only this subject path (e.g. <c>careProfiles[zhz-zp-010]</c>); every subject when null.</param>
    /// <param name="options">Reference date, budgets and waivers as for <see cref="Evaluate"/> (a subject a waiver matches names it); defaults when null. The severity threshold and parallelism do not apply.</param>
    /// <param name="cancellationToken">Stops the explanation with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The explanation, or null when the set has no rule with that id.</returns>
    /// <exception cref="EvaluationBudgetExceededException">The explanation used up its time or memory budget (<see cref="EvaluationOptions.Timeout"/>, <see cref="EvaluationOptions.MaxAllocatedBytes"/>).</exception>
    public RuleExplanation? Explain(TenderDesign design, string ruleId, string? subject = null, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(ruleId);
        if (_rules.FirstOrDefault(r => string.Equals(r.Info.Id, ruleId, StringComparison.Ordinal)) is not { } rule)
        {
            return null;
        }

        options ??= EvaluationOptions.Default;
        var explanation = Evaluator.Explain(rule, design, subject, options, cancellationToken);
        return options.Waivers.Count == 0 ? explanation : WaiverMatcher.Apply(explanation, design.Id, options.Waivers);
    }

    internal static string HashOf(IReadOnlyList<RuleSource> sources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(source.Name));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(source.Yaml));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}

/// <summary>Every stage of building a rule set: the syntax tree of what was read and layered, what compiled, and the errors.</summary>
internal sealed record RuleSetBuild(RuleSetSyntax Syntax, List<ICompiledRule> Compiled, IReadOnlyList<LoadError> Errors);
