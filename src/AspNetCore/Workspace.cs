using System.Security.Cryptography;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// The served folder: where its rule files are, the rule set loaded from them (reloaded when one of them changes) and
/// the evaluation of design texts under the work budget. One per application; safe to use from many requests at once.
/// </summary>
internal sealed class Workspace
{
    private readonly Lock _rulesLock = new();
    private RuleState? _rules;

    public Workspace(WorkbenchOptions options)
    {
        Options = options;
        Files = new FolderFiles(Path.GetFullPath(options.Folder), options.MaxRequestBytes);
        Token = string.IsNullOrEmpty(options.Token) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : options.Token;
        Designs = new DesignCatalog(this);
    }

    public WorkbenchOptions Options { get; }

    /// <summary>The folder's files: safe paths, bounded reads, atomic writes.</summary>
    public FolderFiles Files { get; }

    /// <summary>The designs in the folder with their last reports.</summary>
    public DesignCatalog Designs { get; }

    /// <summary>The anti-forgery token of this application.</summary>
    public string Token { get; }

    /// <summary>Serialises check-then-write of files so that a conflict is never missed between two saves.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>Limits of the design files read: the library's, with the file size held to the request limit.</summary>
    public YamlLimits DesignLimits => YamlLimits.Default with { MaxFileBytes = Options.MaxRequestBytes };

    /// <summary>Rule directories in use (full paths): the configured ones, else the folder's <c>rules/</c> when it holds rule files; none for the embedded packs.</summary>
    public IReadOnlyList<string> RuleDirectories
    {
        get
        {
            if (Options.RuleDirectories.Count > 0)
            {
                return [.. Options.RuleDirectories.Select(d => Path.GetFullPath(d, Files.Root))];
            }

            var local = Path.Combine(Files.Root, "rules");
            return Directory.Exists(local) && RuleFilesIn(local).Any() ? [local] : [];
        }
    }

    /// <summary>Override files in use (full paths).</summary>
    public IReadOnlyList<string> OverrideFiles => [.. Options.OverrideFiles.Select(f => Path.GetFullPath(f, Files.Root))];

    /// <summary>The rule files of a directory as the library reads them.</summary>
    public static IEnumerable<string> RuleFilesIn(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal);

    /// <summary>The current rule set (or its load errors), reloaded when a rule file changed since the last call.</summary>
    public RuleState Rules()
    {
        var directories = RuleDirectories;
        var overrides = OverrideFiles;
        var fingerprint = Fingerprint(directories, overrides);
        lock (_rulesLock)
        {
            if (_rules is { } cached && cached.Fingerprint == fingerprint)
            {
                return cached;
            }
        }

        var sourceOptions = RuleSourceOptions.DirectoriesOrDefault(directories, overrides);
        var sources = sourceOptions.ReadSources();
        var state = sources.Errors.Count > 0 || sources.Value is null
            ? new RuleState(null, sources.Errors, sources.Value ?? [], fingerprint)
            : Load(sources.Value, fingerprint);
        lock (_rulesLock)
        {
            _rules = state;
        }

        return state;
    }

    /// <summary>The saved rule sources with <paramref name="fullPath"/>'s text replaced by <paramref name="text"/> (added when it is a new file).</summary>
    public IReadOnlyList<RuleSource> SourcesWith(string fullPath, string text)
    {
        var sources = Rules().Sources;
        var replaced = false;
        var result = new List<RuleSource>(sources.Count + 1);
        foreach (var source in sources)
        {
            if (!replaced && SamePath(source.Name, fullPath))
            {
                result.Add(source with { Yaml = text });
                replaced = true;
            }
            else
            {
                result.Add(source);
            }
        }

        if (!replaced)
        {
            result.Add(new RuleSource(fullPath, text));
        }

        return result;
    }

    /// <summary>Options of one evaluation: the reference date and the work budget.</summary>
    public EvaluationOptions Evaluation(TenderDesign design) => new()
    {
        AsOf = Options.AsOf,
        Timeout = Options.EvaluationTimeout,
        MaxAllocatedBytes = Options.EvaluationMaxAllocatedBytes,
        Parallel = design.CareProfiles.Count > 10_000,
        Waivers = WorkspaceWaivers.Load(this, Rules().RuleSet),
    };

    /// <summary>
    /// Loads <paramref name="text"/> as the design at <paramref name="file"/> (relative to the folder): the data files it
    /// names are read next to that file, under the same limits. Unsaved text (named <c>ontwerp.yaml</c>) is read as if it
    /// were in the folder's root.
    /// </summary>
    public LoadResult<TenderDesign> LoadDesign(string text, string file) =>
        Files.Resolve(file).FullPath is { } full
            ? TenderDesignLoader.LoadStringInFolder(text, file, Path.GetDirectoryName(full)!, DesignLimits)
            : TenderDesignLoader.LoadString(text, file, DesignLimits);

    /// <summary>Loads <paramref name="text"/> as a design named <paramref name="file"/>; evaluates it when it loads.</summary>
    /// <exception cref="EvaluationBudgetExceededException">The evaluation spent its work budget.</exception>
    public DesignEvaluation Evaluate(RuleSet ruleSet, string text, string file, CancellationToken cancellationToken)
    {
        var loaded = LoadDesign(text, file);
        if (loaded.Value is not { } design)
        {
            return new DesignEvaluation(loaded.Errors, null);
        }

        var report = ruleSet.Evaluate(design, Evaluation(design), cancellationToken);
        return new DesignEvaluation(loaded.Errors, new DesignReport(report, design));
    }

    /// <summary>A file name as shown to users: relative to the folder with <c>/</c> when inside it, else as given.</summary>
    public string Display(string file) => Files.Display(file);

    private static RuleState Load(IReadOnlyList<RuleSource> sources, string fingerprint)
    {
        var loaded = RuleSet.Load(sources);
        return new RuleState(loaded.Value, loaded.Errors, sources, fingerprint);
    }

    private static bool SamePath(string a, string b)
    {
        try
        {
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    // Names, sizes and write times of every rule file: a change to any of them (or a file added) changes the fingerprint.
    private static string Fingerprint(IReadOnlyList<string> directories, IReadOnlyList<string> overrides)
    {
        var parts = new List<string>();
        foreach (var directory in directories)
        {
            parts.Add(Directory.Exists(directory) ? string.Join('|', RuleFilesIn(directory).Select(Stamp)) : $"missing:{directory}");
        }

        parts.AddRange(overrides.Select(Stamp));
        return string.Join('\n', parts);
    }

    private static string Stamp(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? $"{file}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : $"missing:{file}";
    }
}

/// <summary>A loaded rule set, or the errors that kept it from loading, with the sources it was read from.</summary>
internal sealed record RuleState(RuleSet? RuleSet, IReadOnlyList<LoadError> Errors, IReadOnlyList<RuleSource> Sources, string Fingerprint);

/// <summary>A design text's load errors, and its report when it loaded.</summary>
internal sealed record DesignEvaluation(IReadOnlyList<LoadError> LoadErrors, DesignReport? Report);
