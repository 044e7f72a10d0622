namespace Procurement.Rules.Cli;

/// <summary>
/// Which rules a command uses, and where they came from. <c>--rules DIR</c> when given; otherwise <c>./rules</c> when the
/// current folder has one (what a policy author working in a rule folder expects: the files in front of them, never the
/// packs compiled into the tool); otherwise the embedded default packs. Override files come after the packs.
/// </summary>
/// <param name="Directory">The directory of packs, or null for the embedded packs.</param>
/// <param name="Overrides">Override files, in order.</param>
/// <param name="Origin">Where the packs come from, for the summary line.</param>
internal sealed record RuleChoice(string? Directory, IReadOnlyList<string> Overrides, string Origin)
{
    /// <summary>The summary line every command prints: <c>Rules: directory './rules' (...), hash 957a4be6a18be87c.</c></summary>
    public string Summary(string hash)
    {
        var overrides = Overrides.Count == 0 ? string.Empty : $", overrides {string.Join(", ", Overrides.Select(o => $"'{o}'"))}";
        return SafeText.Terminal($"Rules: {Origin}{overrides}, hash {hash}.");
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
            return new RuleChoice(given, overrideFiles, $"directory '{given}' (--rules)");
        }

        var local = WorkingFolder.Resolve(DefaultDirectory);
        return Directory.Exists(local)
            ? new RuleChoice(local, overrideFiles, $"directory './{DefaultDirectory}' (found in the current folder; no --rules given)")
            : new RuleChoice(null, overrideFiles, "the embedded default packs (no --rules given and no ./rules folder here)");
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
