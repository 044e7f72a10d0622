using System.CommandLine;
using System.Globalization;
using Procurement.Rules.Model;
using Procurement.Rules.Monitoring;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>
/// <c>monitor</c>: the report to colleges and councils on a running framework, from the design's period data, month by
/// month and per quarter, with the monitoring rules evaluated at the end of every month.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var design = new Argument<string>("design") { Description = "Tender design YAML file with period data (profileMonths, outcomes, spending)." };
        var from = new Option<string?>("--from") { Description = "First month (yyyy-MM); default: the first month of the design's period data." };
        var until = new Option<string?>("--until") { Description = "Last month (yyyy-MM), at most 120 months after --from; default: the last month of the period data." };
        var rules = new Option<string?>("--rules") { Description = "Directory of rule packs; default: the embedded monitoring pack (rules/monitoring)." };
        var format = new Option<string>("--format") { Description = "Output format: markdown, html (one self-contained file with charts), json (every series) or sarif (the signals at the end).", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "html", "json", "sarif");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a signal at the end of the range has at least this severity: error, warning or info.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");
        var outputFile = new Option<string?>("--output") { Description = "Write the report to this file instead of standard output." };
        var budget = new WorkBudget();
        var waivers = new WaiverOptions();

        var command = new Command(
            "monitor",
            "Report on a running framework over its period data: per month and per quarter the main figures of the region, each lot\n"
            + "and each contract party, trend charts, and the signals of the monitoring rules at the end of every month, with a\n"
            + "one-page Dutch summary. Exit codes: 0 = no signal at the end of the range at or above --fail-on; 1 = such signals;\n"
            + "2 = invalid input or an evaluation over its --timeout or --max-memory budget.")
        {
            design, from, until, rules, format, failOn, outputFile, budget.Timeout, budget.MaxMemory, waivers.Files, waivers.WarningDays,
        };
        command.SetAction(parse =>
        {
            if (!budget.TryApply(parse, EvaluationOptions.Default, error, out var evaluation)
                || !TryMonth(parse, from, error, out var first) || !TryMonth(parse, until, error, out var last))
            {
                return ExitCodes.InvalidInput;
            }

            var ruleSet = parse.GetValue(rules) is { } directory
                ? RuleLoading.Load(RuleLoading.Choose(directory, [], preferLocal: false), error)
                : RuleSet.Load(RuleSource.MonitoringPacks()).GetValueOrThrow();
            if (ruleSet is null || waivers.Apply(parse, ruleSet, evaluation, error) is not { } withWaivers)
            {
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(design)!;
            var loaded = ValidateCommand.Load(path, error);
            SafeText.WriteErrors(error, loaded.Errors);
            if (loaded.Value is not { } tender)
            {
                return ExitCodes.InvalidInput;
            }

            if (!TryRange(tender, first, last, error, out var range))
            {
                return ExitCodes.InvalidInput;
            }

            var large = tender.CareProfiles.Count > 10_000;
            MonitoringReport report;
            using (Progress.Start(large, $"monitoring {path} over {range.From:yyyy-MM} to {range.Until:yyyy-MM}", error))
            {
                report = ruleSet.Monitor(tender, range.From, range.Until, withWaivers with { Parallel = large });
            }

            using (var writer = parse.GetValue(outputFile) is { } target ? new StreamWriter(target) : null)
            {
                ReportWriter.WriteMonitoring(Enum.Parse<ReportFormat>(parse.GetValue(format)!, ignoreCase: true), report, ruleSet, (TextWriter?)writer ?? output);
            }

            var threshold = Enum.Parse<Severity>(parse.GetValue(failOn)!, ignoreCase: true);
            return report.Months[^1].Findings!.Any(f => f.Severity >= threshold && !f.IsWaived) ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }

    private static bool TryMonth(ParseResult parse, Option<string?> option, TextWriter error, out DateOnly? month)
    {
        month = null;
        if (parse.GetValue(option) is not { } text)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            error.WriteLine(SafeText.Terminal($"error: {option.Name} '{text}' is not a month; write it as yyyy-MM (for example 2024-01)."));
            return false;
        }

        if (parsed < MonitoringReport.EarliestMonth || parsed > MonitoringReport.LatestMonth)
        {
            error.WriteLine(SafeText.Terminal($"error: {option.Name} '{text}' is outside the months a report covers ({MonitoringReport.EarliestMonth:yyyy-MM} to {MonitoringReport.LatestMonth:yyyy-MM})."));
            return false;
        }

        month = parsed;
        return true;
    }

    /// <summary>The months to report on: those given, else the first and last month of the design's period data.</summary>
    private static bool TryRange(TenderDesign design, DateOnly? first, DateOnly? last, TextWriter error, out (DateOnly From, DateOnly Until) range)
    {
        var months = design.PeriodDataMonths;
        range = default;
        if ((first is null || last is null) && months is null)
        {
            error.WriteLine(SafeText.Terminal($"error: {design.SourceFile} has no period data (profileMonths, outcomes or spending); give the months with --from and --until."));
            return false;
        }

        range = (first ?? months!.Value.First, last ?? months!.Value.Last);
        if (range.From < MonitoringReport.EarliestMonth || range.Until > MonitoringReport.LatestMonth)
        {
            error.WriteLine(SafeText.Terminal($"error: the period data of {design.SourceFile} run from {range.From:yyyy-MM} to {range.Until:yyyy-MM}; a report covers months from {MonitoringReport.EarliestMonth:yyyy-MM} to {MonitoringReport.LatestMonth:yyyy-MM}: give --from and --until."));
            return false;
        }

        var count = ((range.Until.Year - range.From.Year) * 12) + range.Until.Month - range.From.Month + 1;
        if (count < 1 || count > MonitoringReport.MaxMonths)
        {
            error.WriteLine(SafeText.Terminal(count < 1
                ? $"error: --until {range.Until:yyyy-MM} lies before --from {range.From:yyyy-MM}."
                : $"error: {range.From:yyyy-MM} to {range.Until:yyyy-MM} is {count} months; a monitoring report covers at most {MonitoringReport.MaxMonths}."));
            return false;
        }

        return true;
    }
}
