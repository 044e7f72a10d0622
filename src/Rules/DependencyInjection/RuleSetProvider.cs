using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Procurement.Rules.Model;

namespace Procurement.Rules.DependencyInjection;

/// <summary>
/// The singleton behind <see cref="IRuleSetProvider"/>: loads the configured rule files, watches them, and swaps in a new
/// set only when it compiles without errors. A broken or half-written file never replaces the working set.
/// </summary>
internal sealed partial class RuleSetProvider : IRuleSetProvider, IDisposable
{
    private readonly ProcurementRulesOptions _options;
    private readonly ILogger<RuleSetProvider> _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _reloadLock = new();
    private readonly Timer _debounce;
    private RuleSet _current;
    private IReadOnlyList<LoadError> _lastErrors = [];

    // Logging is optional: without a logger factory in the container the provider stays silent.
    public RuleSetProvider(IOptions<ProcurementRulesOptions> options, ILogger<RuleSetProvider>? logger = null)
    {
        _options = options.Value;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<RuleSetProvider>.Instance;
        var first = LoadSources();
        if (first.Value is null)
        {
            LogRejected(_logger, first.Errors.Count, string.Join(Environment.NewLine, first.Errors));
            throw new LoadException(first.Errors);
        }

        _current = first.Value;
        LogLoaded(_logger, _current.Hash, _current.Rules.Count);
        _debounce = new Timer(_ => ReloadFromWatcher(), null, Timeout.Infinite, Timeout.Infinite);
        if (_options.WatchForChanges)
        {
            Watch();
        }
    }

    public RuleSet Current => Volatile.Read(ref _current);

    public IReadOnlyList<LoadError> LastErrors => Volatile.Read(ref _lastErrors);

    public event EventHandler<RuleSet>? Reloaded;

    public bool Reload()
    {
        lock (_reloadLock)
        {
            LoadResult<RuleSet> result;
            try
            {
                result = LoadSources();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever goes wrong while loading, the working set stays and the failure is reported like any load error.
                result = new LoadResult<RuleSet>(null, [new LoadError(LoadErrorCodes.FileUnreadable, $"Cannot load the rule files: {ex.GetType().Name}: {ex.Message}", "(rules)", 1, 1)]);
            }

            if (result.Value is not { } next)
            {
                Volatile.Write(ref _lastErrors, result.Errors);
                LogRejected(_logger, result.Errors.Count, string.Join(Environment.NewLine, result.Errors));
                return false;
            }

            Volatile.Write(ref _lastErrors, []);
            var previous = Interlocked.Exchange(ref _current, next);
            if (previous.Hash != next.Hash)
            {
                LogReloaded(_logger, previous.Hash, next.Hash, next.Rules.Count);
            }

            Reloaded?.Invoke(this, next);
            return true;
        }
    }

    public EvaluationReport Evaluate(TenderDesign design, CancellationToken cancellationToken = default)
    {
        var ruleSet = Current;
        return ruleSet.Evaluate(
            design,
            new EvaluationOptions
            {
                AsOf = _options.DefaultAsOf,
                MinimumSeverity = _options.MinimumSeverity,
                Timeout = _options.EvaluationTimeout,
                MaxAllocatedBytes = _options.EvaluationMaxAllocatedBytes,
                Waivers = _options.WaiverFiles.Count == 0 ? [] : WaiverFile.LoadFiles(_options.WaiverFiles, ruleSet, _options.Limits.Yaml).Value ?? [],
                WaiverExpiryWarningDays = _options.WaiverExpiryWarningDays,
            },
            cancellationToken);
    }

    /// <summary>
    /// The watcher's reload, on a timer thread: an exception escaping it (a failing <see cref="Reloaded"/> handler, say)
    /// would end the process, so it is logged instead and the set that was swapped in, if any, stays.
    /// </summary>
    internal void ReloadFromWatcher()
    {
        try
        {
            Reload();
        }
        catch (Exception ex)
        {
            LogReloadFailed(_logger, ex);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _debounce.Dispose();
    }

    private LoadResult<RuleSet> LoadSources() => RuleSet.Load(_options.Sources());

    private void Watch()
    {
        var targets = _options.RuleDirectories.Select(d => (Directory: d, Filter: "*.y*ml"))
            .Concat(_options.OverrideFiles.Select(f => (Directory: Path.GetDirectoryName(Path.GetFullPath(f))!, Filter: Path.GetFileName(f))));
        foreach (var (directory, filter) in targets)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            var watcher = new FileSystemWatcher(directory, filter)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _debounce.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rule set {Hash} loaded with {RuleCount} rules")]
    private static partial void LogLoaded(ILogger logger, string hash, int ruleCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Rule set reloaded: {PreviousHash} -> {Hash}, {RuleCount} rules")]
    private static partial void LogReloaded(ILogger logger, string previousHash, string hash, int ruleCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Rule files rejected with {ErrorCount} error(s); the working rule set stays active:\n{Errors}")]
    private static partial void LogRejected(ILogger logger, int errorCount, string errors);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Reloading the rule files failed; the working rule set stays active")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
