using Procurement.Rules.Model;

namespace Procurement.Rules.Cli;

/// <summary>Loads the rule set the options ask for: the embedded default or a directory, plus override files; prints load errors.</summary>
internal static class RuleLoading
{
    public static RuleSet? Load(string? directory, IReadOnlyList<string> overrideFiles, TextWriter error)
    {
        var sources = Sources(directory, overrideFiles, error);
        if (sources is null)
        {
            return null;
        }

        var result = RuleSet.Load(sources);
        if (directory is not null)
        {
            result = RuleSet.WithRules(result, directory);
        }

        SafeText.WriteErrors(error, result.Errors);

        return result.Value;
    }

    /// <summary>The rule files the options name, or null (with the errors printed) when one cannot be read.</summary>
    public static IReadOnlyList<RuleSource>? Sources(string? directory, IReadOnlyList<string> overrideFiles, TextWriter error)
    {
        var sources = new List<RuleSource>();
        var errors = new List<LoadError>();
        if (directory is null)
        {
            sources.AddRange(RuleSource.DefaultPacks());
        }
        else
        {
            var fromDirectory = RuleSource.FromDirectory(directory);
            errors.AddRange(fromDirectory.Errors);
            sources.AddRange(fromDirectory.Value ?? []);
        }

        foreach (var file in overrideFiles)
        {
            var source = RuleSource.FromFile(file);
            errors.AddRange(source.Errors);
            if (source.Value is { } value)
            {
                sources.Add(value);
            }
        }

        SafeText.WriteErrors(error, errors);
        return errors.Count == 0 ? sources : null;
    }
}
