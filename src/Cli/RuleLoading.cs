namespace Procurement.Rules.Cli;

/// <summary>Loads the rule set the options ask for: the embedded default or a directory, plus override files; prints load errors.</summary>
internal static class RuleLoading
{
    public static RuleSet? Load(string? directory, IReadOnlyList<string> overrideFiles, TextWriter error)
    {
        var result = RuleSet.Load(Options(directory, overrideFiles));
        SafeText.WriteErrors(error, result.Errors);
        return result.Value;
    }

    /// <summary>The rule files the options name, or null (with the errors printed) when one cannot be read.</summary>
    public static IReadOnlyList<RuleSource>? Sources(string? directory, IReadOnlyList<string> overrideFiles, TextWriter error)
    {
        var sources = Options(directory, overrideFiles).ReadSources();
        SafeText.WriteErrors(error, sources.Errors);
        return sources.Value;
    }

    private static RuleSourceOptions Options(string? directory, IReadOnlyList<string> overrideFiles) =>
        RuleSourceOptions.DirectoriesOrDefault(directory is null ? [] : [directory], overrideFiles);
}
