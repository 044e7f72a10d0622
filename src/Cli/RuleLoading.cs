using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>
/// Which rules a command uses, and where they came from. <c>--rules DIR</c> when given. Otherwise the commands for people
/// who write rules (<c>lint</c>, <c>test</c>) use <c>./rules</c> when the current folder has one (the files in front of
/// them, never a false all-clear on the packs compiled into the tool), and the commands that check a design
/// (<c>validate</c>, <c>explain</c>, <c>diff</c>) use the embedded default packs wherever they run, saying so when a
/// <c>./rules</c> folder is there and not used. Override files come after the packs.
/// </summary>
/// <param name="Directory">The directory of packs, or null for the embedded packs.</param>
/// <param name="Overrides">Override files, in order.</param>
/// <param name="Given">Whether <paramref name="Directory"/> was given with <c>--rules</c> (not found in the current folder).</param>
/// <param name="LocalNotUsed">Whether the embedded packs are used although the current folder has a <c>./rules</c> folder.</param>
internal sealed record RuleChoice(string? Directory, IReadOnlyList<string> Overrides, bool Given, bool LocalNotUsed = false)
{
    /// <summary>
    /// The line every command prints about its rules, e.g. <c>Rules: directory './rules' (...), hash 957a4be6a18be87c.</c>;
    /// in Dutch (<c>Regels: ...</c>) for the Dutch report of <c>validate</c>.
    /// </summary>
    public string Summary(string hash, ReportLanguage language = ReportLanguage.English)
    {
        var dutch = language == ReportLanguage.Dutch;
        var local = RuleLoading.DefaultDirectory;
        var origin = (Directory, Given, dutch) switch
        {
            (null, _, false) when LocalNotUsed => $"the embedded default packs (./{local} here only with --rules {local})",
            (null, _, true) when LocalNotUsed => $"ingebouwde pakketten (./{local} hier alleen met --rules {local})",
            (null, _, false) => $"the embedded default packs (no --rules, no ./{local} folder here)",
            (null, _, true) => $"ingebouwde pakketten (geen --rules en geen map ./{local} hier)",
            (_, true, false) => $"directory '{Directory}' (--rules)",
            (_, true, true) => $"map '{Directory}' (--rules)",
            (_, false, false) => $"directory './{local}' (found in the current folder; no --rules given)",
            (_, false, true) => $"map './{local}' (in deze map gevonden; geen --rules)",
        };
        var overrides = Overrides.Count == 0 ? string.Empty : $", {(dutch ? "aanpassingen" : "overrides")} {string.Join(", ", Overrides.Select(o => $"'{o}'"))}";
        return SafeText.Terminal($"{(dutch ? "Regels" : "Rules")}: {origin}{overrides}, {(dutch ? "regelset" : "hash")} {hash}.");
    }
}

/// <summary>Loads the rule set a command asks for (<see cref="RuleChoice"/>); prints load errors.</summary>
internal static class RuleLoading
{
    /// <summary>The folder name looked for in the current folder when no <c>--rules</c> is given.</summary>
    public const string DefaultDirectory = "rules";

    /// <summary>
    /// The rules for <paramref name="given"/> (the <c>--rules</c> value, or null) and <paramref name="overrideFiles"/>;
    /// without <c>--rules</c>, <c>./rules</c> when <paramref name="preferLocal"/> and the folder exists, else the embedded packs.
    /// </summary>
    public static RuleChoice Choose(string? given, IReadOnlyList<string> overrideFiles, bool preferLocal)
    {
        if (given is not null)
        {
            return new RuleChoice(given, overrideFiles, Given: true);
        }

        var local = WorkingFolder.Resolve(DefaultDirectory);
        var exists = Directory.Exists(local);
        return preferLocal && exists
            ? new RuleChoice(local, overrideFiles, Given: false)
            : new RuleChoice(null, overrideFiles, Given: false, LocalNotUsed: exists);
    }

    public static RuleSet? Load(RuleChoice choice, TextWriter error)
    {
        var result = RuleSet.Load(Options(choice));
        SafeText.WriteErrors(error, result.Errors);
        return result.Value;
    }

    /// <summary>The rule files the choice names, or null (with the errors printed) when one cannot be read.</summary>
    public static IReadOnlyList<RuleSource>? Sources(RuleChoice choice, TextWriter error)
    {
        var sources = Options(choice).ReadSources();
        SafeText.WriteErrors(error, sources.Errors);
        return sources.Value;
    }

    private static RuleSourceOptions Options(RuleChoice choice) =>
        RuleSourceOptions.DirectoriesOrDefault(choice.Directory is null ? [] : [choice.Directory], choice.Overrides);
}

/// <summary>
/// The folder a command runs in, for the one default that depends on it (<c>./rules</c>): the process's current
/// directory, or the folder a test runs the tool in (<see cref="Program.Run(string[], TextWriter, TextWriter, string)"/>).
/// </summary>
internal static class WorkingFolder
{
    private static readonly AsyncLocal<string?> Given = new();

    /// <summary>Runs with <paramref name="folder"/> as the working folder of this call chain.</summary>
    public static T With<T>(string folder, Func<T> action)
    {
        var previous = Given.Value;
        Given.Value = folder;
        try
        {
            return action();
        }
        finally
        {
            Given.Value = previous;
        }
    }

    /// <summary><paramref name="relative"/> inside the working folder; unchanged (relative to the current directory) when none was given.</summary>
    public static string Resolve(string relative) => Given.Value is { } folder ? Path.Combine(folder, relative) : relative;
}
