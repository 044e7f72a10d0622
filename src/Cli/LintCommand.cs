using System.CommandLine;
using Procurement.Rules.Linting;

namespace Procurement.Rules.Cli;

/// <summary><c>lint</c>: load and vet rule files only, and report every error and issue with file:line:column.</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rules = new Option<string?>("--rules") { Description = "Directory of rule packs; default: ./rules when the current folder has one, else the embedded packs." };
        var overrides = new Option<string[]>("--override") { Description = "Override file(s) to check with the packs.", AllowMultipleArgumentsPerToken = true };
        var asOf = ReferenceDate.Option("Date against which an effective period counts as ended (yyyy-MM-dd); default: today.");
        var waivers = new WaiverOptions();
        var designs = new Option<string[]>("--design") { Description = "Design file(s) to check the --waivers against: a waiver that matches no finding in any of them is reported.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("lint", "Load and vet rule files, and report rules that can never apply, unused parameters, missing messages and more; with --waivers, also waivers that expired, expire soon or (with --design) match nothing.")
        {
            rules, overrides, asOf, waivers.Files, waivers.WarningDays, designs,
        };
        command.SetAction(parse =>
        {
            if (!ReferenceDate.TryRead(parse, asOf, error, out var given))
            {
                return ExitCodes.InvalidInput;
            }

            var date = given ?? DateOnly.FromDateTime(DateTime.Today);

            var choice = RuleLoading.Choose(parse.GetValue(rules), parse.GetValue(overrides) ?? [], preferLocal: true);
            var sources = RuleLoading.Sources(choice, error);
            if (sources is null)
            {
                return ExitCodes.InvalidInput;
            }

            var report = RuleLinter.Lint(sources, date);
            if (report.Errors.Count == 0 && parse.GetValue(waivers.Files) is { Length: > 0 } waiverFiles)
            {
                var (errors, issues) = WaiverLint.Check(sources, waiverFiles, parse.GetValue(designs) ?? [], date, Math.Max(0, parse.GetValue(waivers.WarningDays)));
                report = report with { Errors = [.. report.Errors, .. errors], Issues = [.. report.Issues, .. issues] };
            }

            SafeText.WriteErrors(output, report.Errors);
            foreach (var issue in report.Issues)
            {
                output.WriteLine(SafeText.Terminal(issue.ToString()));
            }

            output.WriteLine($"{report.Errors.Count} error(s), {report.Issues.Count} warning(s) in {sources.Count} file(s).");
            output.WriteLine(choice.Summary(report.RuleSetHash));
            return report.Errors.Count > 0 ? ExitCodes.InvalidInput : report.Issues.Count > 0 ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }
}
