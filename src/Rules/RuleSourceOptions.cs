using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>
/// Where the rule files of a rule set come from, and the limits they are read under: the one configuration through which
/// <see cref="RuleSet"/>, the command-line tool and the dependency-injection provider gather their rule files.
/// The files apply in this order: <see cref="Packs"/>, then the files of each of <see cref="Directories"/>, then
/// <see cref="Files"/>; later files may extend and override earlier ones.
/// </summary>
/// <remarks>
/// One rule for directories, wherever they are given: a directory that cannot be read (it does not exist, say) is a
/// <c>file-unreadable</c> error at the directory; a directory without rule files is a <c>no-rules</c> error at the
/// directory; and rule files from directories that together define no rule are a <c>no-rules</c> error at the first
/// directory. Rules fail closed: a rule set without rules would pass every design.
/// </remarks>
public sealed class RuleSourceOptions
{
    /// <summary>Rule files given as text (the packs shipped in the library, say), applied first.</summary>
    public IReadOnlyList<RuleSource> Packs { get; init; } = [];

    /// <summary>Directories whose rule files (<c>*.yaml</c>, <c>*.yml</c> directly in each) apply after <see cref="Packs"/>, in name order per directory.</summary>
    public IReadOnlyList<string> Directories { get; init; } = [];

    /// <summary>Rule files on disk applied last, in order: override files that extend the packs (regional, then municipal, ...).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Limits on the rule files and their expressions.</summary>
    public RuleLimits Limits { get; init; } = RuleLimits.Default;

    /// <summary>
    /// The packs in <paramref name="directories"/>, or the packs shipped in the library when none is given, followed by
    /// <paramref name="overrideFiles"/>: how the command-line tool and the provider choose their rules.
    /// </summary>
    /// <param name="directories">Directories of rule packs; none for the shipped packs.</param>
    /// <param name="overrideFiles">Override files applied after the packs.</param>
    /// <param name="limits">Limits on the rule files; <see cref="RuleLimits.Default"/> when null.</param>
    public static RuleSourceOptions DirectoriesOrDefault(IEnumerable<string> directories, IEnumerable<string> overrideFiles, RuleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(overrideFiles);
        var given = directories.ToArray();
        return new RuleSourceOptions
        {
            Packs = given.Length == 0 ? RuleSource.DefaultPacks() : [],
            Directories = given,
            Files = [.. overrideFiles],
            Limits = limits ?? RuleLimits.Default,
        };
    }

    /// <summary>
    /// Reads every rule file these options name, in the order they apply. A file or directory that cannot be read, a
    /// file over the size limit and a directory without rule files are errors, in the order met; with any error there
    /// are no sources.
    /// </summary>
    public LoadResult<IReadOnlyList<RuleSource>> ReadSources()
    {
        var sources = new List<RuleSource>(RuleSet.Checked(Packs));
        var errors = new List<LoadError>();
        foreach (var directory in Directories)
        {
            var found = RuleSource.FromDirectory(directory, Limits);
            errors.AddRange(found.Errors);
            sources.AddRange(found.Value ?? []);
        }

        foreach (var file in Files)
        {
            var found = RuleSource.FromFile(file, Limits);
            errors.AddRange(found.Errors);
            if (found.Value is { } source)
            {
                sources.Add(source);
            }
        }

        return new LoadResult<IReadOnlyList<RuleSource>>(sources, errors);
    }

    /// <summary>
    /// Fails closed on rule files from <see cref="Directories"/> that define no rule at all (packs without rules, say):
    /// such a set would pass every design. The error is placed at the first directory, where the rules were expected.
    /// </summary>
    internal LoadResult<RuleSet> RequireRules(LoadResult<RuleSet> loaded) =>
        Directories.Count > 0 && loaded.Value is { Rules.Count: 0 }
            ? new LoadResult<RuleSet>(null, [new LoadError(RuleErrorCodes.NoRules, "The rule files in the rule directory define no rules; without rules every design would pass.", Directories[0], 1, 1)])
            : loaded;
}
