using System.CommandLine;
using System.Globalization;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary><c>validate</c>: load designs and rules, evaluate, print the findings.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var designs = new Argument<string[]>("design") { Description = "Tender design YAML file(s) to check.", Arity = ArgumentArity.OneOrMore };
        designs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unknown option '{token.Value}'. See 'procurement-rules validate --help'.");
            }
        });
        var rules = new Option<string?>("--rules") { Description = "Directory of rule packs; default: ./rules when the current folder has one, else the embedded packs." };
        var overrides = new Option<string[]>("--override") { Description = "Override file(s) that extend the packs; later files win.", AllowMultipleArgumentsPerToken = true };
        var asOf = ReferenceDate.Option("Reference date (yyyy-MM-dd); default: the first day of the design's purchasing period.");
        var format = new Option<string>("--format") { Description = "Output format: text, json, sarif (SARIF 2.1.0), html (one self-contained file) or markdown.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "html", "markdown");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding has at least this severity: error, warning or info.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");
        var outputFile = new Option<string?>("--output") { Description = "Write the report to this file instead of standard output." };
        var language = ReportLanguageOption.Create();
        var budget = new WorkBudget();
        var waivers = new WaiverOptions();

        var command = new Command(
            "validate",
            "Check tender designs against the rules and report every finding.\n"
            + "Exit codes: 0 = no open (not waived) finding at or above --fail-on; 1 = such findings; 2 = invalid input (load or usage error)\n"
            + "or an evaluation that ran out of its --timeout or --max-memory budget.")
        {
            designs, rules, overrides, asOf, format, failOn, outputFile, language, budget.Timeout, budget.MaxMemory, waivers.Files, waivers.WarningDays,
        };
        command.SetAction(parse =>
        {
            if (!ReferenceDate.TryRead(parse, asOf, error, out var referenceDate)
                || !budget.TryApply(parse, new EvaluationOptions { AsOf = referenceDate }, error, out var evaluation))
            {
                return ExitCodes.InvalidInput;
            }

            var choice = RuleLoading.Choose(parse.GetValue(rules), parse.GetValue(overrides) ?? [], preferLocal: false);
            var ruleSet = RuleLoading.Load(choice, error);
            if (ruleSet is null || waivers.Apply(parse, ruleSet, evaluation, error) is not { } withWaivers)
            {
                return ExitCodes.InvalidInput;
            }

            var threshold = Enum.Parse<Severity>(parse.GetValue(failOn)!, ignoreCase: true);
            var reports = new List<DesignReport>();
            var invalid = false;
            foreach (var path in parse.GetValue(designs) ?? [])
            {
                var design = Load(path, error);
                SafeText.WriteErrors(error, design.Errors);

                if (design.Value is null)
                {
                    invalid = true;
                    continue;
                }

                var large = design.Value.CareProfiles.Count > 10_000;
                using (Progress.Start(large, $"evaluating {design.Value.CareProfiles.Count:N0} care profiles of {path}", error))
                {
                    reports.Add(new DesignReport(ruleSet.Evaluate(design.Value, withWaivers with { Parallel = large }), design.Value));
                }
            }

            Write(parse.GetValue(format), reports, ruleSet, parse.GetValue(outputFile), output, ReportLanguageOption.Read(parse, language), choice);
            if (invalid)
            {
                return ExitCodes.InvalidInput;
            }

            return reports.Any(r => r.Report.HasFindingsAtOrAbove(threshold)) ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>
    /// Loads a design, showing how much of it and of its data files is read (on an interactive console, when loading takes
    /// long enough to show anything: see <see cref="Progress"/>).
    /// </summary>
    internal static LoadResult<TenderDesign> Load(string path, TextWriter error)
    {
        var latest = new LatestLoadProgress();
        using (Progress.Start(large: true, () => latest.Describe(path), error))
        {
            return TenderDesignLoader.LoadFile(path, progress: latest);
        }
    }

    /// <summary>Keeps the last progress the loader reported, for the indicator to read on its own thread.</summary>
    private sealed class LatestLoadProgress : IProgress<DesignLoadProgress>
    {
        private volatile DesignLoadProgress? _latest;

        public void Report(DesignLoadProgress value) => _latest = value;

        public string Describe(string path) => _latest switch
        {
            { DataFile: { } data } p => string.Create(CultureInfo.InvariantCulture, $"loading {path}: reading data file {data}, {p.CareProfilesRead:N0} care profiles read"),
            { } p => string.Create(CultureInfo.InvariantCulture, $"loading {path}: {p.CharactersRead / 1_048_576.0:0.0} of {p.Characters / 1_048_576.0:0.0} M characters, {p.CareProfilesRead:N0} care profiles read"),
            _ => $"loading {path}",
        };
    }

    /// <summary>
    /// Writes the report in <paramref name="format"/> to <paramref name="target"/>, or to <paramref name="output"/> when
    /// none is given; the text report ends with where the rules came from (the documents carry the rule set's hash).
    /// </summary>
    private static void Write(string? format, IReadOnlyList<DesignReport> reports, RuleSet ruleSet, string? target, TextWriter output, ReportLanguage language, RuleChoice choice)
    {
        using var writer = target is null ? null : new StreamWriter(target);
        var sink = (TextWriter?)writer ?? output;
        switch (format)
        {
            case "json": ReportWriter.Write(ReportFormat.Json, reports, ruleSet, sink); break;
            case "sarif": ReportWriter.Write(ReportFormat.Sarif, reports, ruleSet, sink); break;
            case "html": ReportWriter.Write(ReportFormat.Html, reports, ruleSet, sink, language); break;
            case "markdown": ReportWriter.Write(ReportFormat.Markdown, reports, ruleSet, sink, language); break;
            default:
                TextReport.Write(reports, ruleSet, sink, TextReport.UseColour(sink), language, choice.Summary(ruleSet.Hash, language));
                break;
        }
    }
}
