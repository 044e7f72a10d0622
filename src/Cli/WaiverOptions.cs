using System.CommandLine;

namespace Procurement.Rules.Cli;

/// <summary>The <c>--waivers FILE...</c> and <c>--waiver-warning-days N</c> options of validate, explain, diff, lint and monitor, and loading the files they name.</summary>
internal sealed class WaiverOptions
{
    public Option<string[]> Files { get; } = new("--waivers")
    {
        Description = "Waiver file(s) with accepted deviations (geaccepteerde afwijkingen): a finding a valid waiver matches is reported as waived and not counted for --fail-on.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<int> WarningDays { get; } = new("--waiver-warning-days")
    {
        Description = "Flag a waiver that expires within this many days of the reference date (default 30).",
        DefaultValueFactory = _ => 30,
    };

    /// <summary>
    /// <paramref name="options"/> with the waivers of the named files, or null (with the errors printed) when a file
    /// cannot be read or has errors; <paramref name="options"/> unchanged when no file is named.
    /// </summary>
    public EvaluationOptions? Apply(ParseResult parse, RuleSet ruleSet, EvaluationOptions options, TextWriter error)
    {
        var files = parse.GetValue(Files) ?? [];
        var days = parse.GetValue(WarningDays);
        if (days < 0)
        {
            error.WriteLine("error: --waiver-warning-days cannot be negative.");
            return null;
        }

        if (files.Length == 0)
        {
            return options;
        }

        var loaded = WaiverFile.LoadFiles(files, ruleSet);
        SafeText.WriteErrors(error, loaded.Errors);
        return loaded.Errors.Count > 0 ? null : options with { Waivers = loaded.Value!, WaiverExpiryWarningDays = days };
    }
}
