using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>
/// Which rules a command uses, and where they came from. <c>--rules DIR</c> when given; otherwise <c>./rules</c> when the
/// current folder has one (what a policy author working in a rule folder expects: the files in front of them, never the
/// packs compiled into the tool); otherwise the embedded default packs. Override files come after the packs.
/// </summary>
/// <param name="Directory">The directory of packs, or null for the embedded packs.</param>
/// <param name="Overrides">Override files, in order.</param>
/// <param name="Given">Whether <paramref name="Directory"/> was given with <c>--rules</c> (not found in the current folder).</param>
internal sealed record RuleChoice(string? Directory, IReadOnlyList<string> Overrides, bool Given)
{
    /// <summary>
    /// The line every command prints about its rules, e.g. <c>Rules: directory './rules' (...), hash 957a4be6a18be87c.</c>;
    /// in Dutch (<c>Regels: ...</c>) for the Dutch report of <c>validate</c>.
    /// </summary>
    public string Summary(string hash, ReportLanguage language = ReportLanguage.English)
    {
        var dutch = language == ReportLanguage.Dutch;
        var origin = (Directory, Given, dutch) switch
        {
            (null, _, false) => "the embedded default packs (no --rules, no ./rules folder here)",
            (null, _, true) => "ingebouwde pakketten (geen --rules en geen map ./rules hier)",
            (_, true, false) => $"directory '{Directory}' (--rules)",
            (_, true, true) => $"map '{Directory}' (--rules)",
            (_, false, false) => $"directory './{RuleLoading.DefaultDirectory}' (found in the current folder; no --rules given)",
            (_, false, true) => $"map './{RuleLoading.DefaultDirectory}' (in deze map gevonden; geen --rules)",
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

    /// <summary>The rules for <paramref name="given"/> (the <c>--rules</c> value, or null) and <paramref name="overrideFiles"/>.</summary>
    public static RuleChoice Choose(string? given, IReadOnlyList<string> overrideFiles)
    {
        if (given is not null)
        {
            return new RuleChoice(given, overrideFiles, Given: true);
        }

        var local = WorkingFolder.Resolve(DefaultDirectory);
        return new RuleChoice(Directory.Exists(local) ? local : null, overrideFiles, Given: false);
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
