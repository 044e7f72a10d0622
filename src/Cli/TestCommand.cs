using System.CommandLine;
using System.Globalization;
using Procurement.Rules.RuleTests;

namespace Procurement.Rules.Cli;

/// <summary><c>test</c>: run the rule tests written in YAML and print clause coverage.</summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rules = new Option<string?>("--rules") { Description = "Directory of rule packs; default: ./rules when the current folder has one. The embedded packs are never tested against files on disk." };
        var tests = new Option<string?>("--tests") { Description = "Directory of rule-test files; default: <rules>/tests. The tests read designs only inside the folder that holds this one." };
        var minCoverage = new Option<double>("--min-coverage") { Description = "Fail when fewer than this percentage of clauses both held and failed in the tests.", DefaultValueFactory = _ => 0 };
        var command = new Command("test", "Run the rule tests (rules/tests/*.yaml) and report clause coverage.")
        {
            rules, tests, minCoverage,
        };
        command.SetAction(parse =>
        {
            // Rule tests belong to the rule files next to them: never the embedded packs with test files from disk.
            var choice = RuleLoading.Choose(parse.GetValue(rules), [], preferLocal: true);
            if (choice.Directory is null)
            {
                error.WriteLine("error: no rules to test: there is no ./rules folder here and no --rules was given (the embedded packs are not tested against files on disk).");
                return ExitCodes.InvalidInput;
            }

            var ruleSet = RuleLoading.Load(choice, error);
            if (ruleSet is null)
            {
                return ExitCodes.InvalidInput;
            }

            var directory = parse.GetValue(tests) ?? Path.Combine(choice.Directory, "tests");
            var files = RuleTestRunner.FindTestFiles(directory);
            if (files.Count == 0)
            {
                error.WriteLine($"error: no rule-test files (*.yaml) in '{directory}'.");
                return ExitCodes.InvalidInput;
            }

            var report = RuleTestRunner.Run(ruleSet, files);
            SafeText.WriteErrors(error, report.Errors);
            foreach (var line in report.Tests.SelectMany(t => t.Describe().Split('\n')))
            {
                output.WriteLine(SafeText.Terminal(line));
            }

            output.WriteLine();
            output.WriteLine("Clause coverage (held / failed in the tests):");
            foreach (var rule in report.Coverage.GroupBy(c => c.RuleId))
            {
                output.WriteLine(SafeText.Terminal($"  {rule.Key,-8} {string.Join("  ", rule.Select(c => $"{(c.Covered ? "ok " : "-- ")}{c.Clause} {c.Held}/{c.Failed}"))}"));
            }

            var passed = report.Tests.Count(t => t.Passed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} of {report.Tests.Count} rule tests passed; clause coverage {report.CoveragePercent:0.#}%."));
            output.WriteLine(choice.Summary(ruleSet.Hash));
            var min = parse.GetValue(minCoverage);
            if (report.CoveragePercent < min)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Coverage {report.CoveragePercent:0.#}% is below the required {min:0.#}%."));
            }

            if (report.Errors.Count > 0)
            {
                return ExitCodes.InvalidInput;
            }

            return report.Passed && report.CoveragePercent >= min ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return command;
    }
}
