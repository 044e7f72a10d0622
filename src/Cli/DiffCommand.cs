using System.CommandLine;
using Procurement.Rules.Comparing;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>
/// <c>diff</c>: what a design revision (<c>--base</c>/<c>--head</c>) or a rule edit (<c>--rules-base</c>/<c>--rules-head</c>
/// over one or many designs) changes in the findings; text, json, markdown or SARIF with <c>baselineState</c>.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var o = new DiffOptions();
        var command = new Command(
            "diff",
            "Show what changes between two revisions of a design (--base A --head B [--rules DIR]) or two versions of the rules "
            + "(--rules-base DIR --rules-head DIR design...): new, resolved, changed and unchanged findings.")
        {
            o.Designs, o.BaseDesign, o.HeadDesign, o.Rules, o.RulesBase, o.RulesHead, o.AsOf, o.Format, o.FailOn, o.OutputFile, o.Language, o.Budget.Timeout, o.Budget.MaxMemory,
            o.Waivers.Files, o.Waivers.WarningDays, o.BaseWaivers,
        };
        command.SetAction(parse => Run(parse, o, output, error));
        return command;
    }

    private static int Run(ParseResult parse, DiffOptions o, TextWriter output, TextWriter error)
    {
        if (!ReferenceDate.TryRead(parse, o.AsOf, error, out var referenceDate)
            || !o.Budget.TryApply(parse, new EvaluationOptions { AsOf = referenceDate }, error, out var evaluation))
        {
            return ExitCodes.InvalidInput;
        }

        var designRevision = parse.GetValue(o.BaseDesign) is not null || parse.GetValue(o.HeadDesign) is not null;
        var ruleChange = parse.GetValue(o.RulesBase) is not null || parse.GetValue(o.RulesHead) is not null;
        if (designRevision == ruleChange)
        {
            error.WriteLine("error: give either --base and --head (a design revision) or --rules-base and --rules-head with designs (a rule change).");
            return ExitCodes.InvalidInput;
        }

        var sides = new DiffWaivers(parse, o.Waivers, o.BaseWaivers, evaluation, error);
        var language = ReportLanguageOption.Read(parse, o.Language);
        var (result, rules) = designRevision ? Revision(parse, o, sides, language, error) : RuleChange(parse, o, sides, language, error);
        if (result is null)
        {
            return ExitCodes.InvalidInput;
        }

        var target = parse.GetValue(o.OutputFile);
        using (var writer = target is null ? null : new StreamWriter(target))
        {
            var sink = (TextWriter?)writer ?? output;
            switch (parse.GetValue(o.Format))
            {
                case "json": ReportWriter.WriteDiff(ReportFormat.Json, result, sink); break;
                case "markdown": ReportWriter.WriteDiff(ReportFormat.Markdown, result, sink, language); break;
                case "sarif": ReportWriter.WriteDiff(ReportFormat.Sarif, result, sink); break;
                default:
                    DiffText.Write(result, sink, language);
                    sink.WriteLine(rules);
                    break;
            }
        }

        var threshold = Enum.Parse<Severity>(parse.GetValue(o.FailOn)!, ignoreCase: true);
        return result.Diffs.Any(d => d.Findings.Any(f => Introduces(f, threshold))) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>
    /// A design revision: both designs with one rule set, and the line that names the rules; no report (after writing
    /// why) when the input is not usable.
    /// </summary>
    private static (DiffReport? Report, string Rules) Revision(ParseResult parse, DiffOptions o, DiffWaivers sides, ReportLanguage language, TextWriter error)
    {
        var (baseFile, headFile) = (parse.GetValue(o.BaseDesign), parse.GetValue(o.HeadDesign));
        if (baseFile is null || headFile is null || (parse.GetValue(o.Designs) ?? []).Length > 0)
        {
            error.WriteLine("error: a design revision needs both --base and --head and no further designs.");
            return (null, "");
        }

        var choice = RuleLoading.Choose(parse.GetValue(o.Rules), [], preferLocal: false);
        var ruleSet = RuleLoading.Load(choice, error);
        var before = LoadDesign(baseFile, error);
        var after = LoadDesign(headFile, error);
        if (ruleSet is null || before is null || after is null || sides.For(ruleSet, ruleSet) is not var (baseOptions, headOptions))
        {
            return (null, "");
        }

        var report = new DiffReport([ReportComparer.Compare(ruleSet.Evaluate(before, baseOptions(before)), ruleSet.Evaluate(after, headOptions(after)))], ruleSet, ruleSet, null);
        return (report, choice.Summary(ruleSet.Hash, language));
    }

    /// <summary>
    /// A rule change: every design with both rule sets, and the line that names both; no report (after writing why)
    /// when the input is not usable.
    /// </summary>
    private static (DiffReport? Report, string Rules) RuleChange(ParseResult parse, DiffOptions o, DiffWaivers sides, ReportLanguage language, TextWriter error)
    {
        var designFiles = parse.GetValue(o.Designs) ?? [];
        var (rulesBaseDir, rulesHeadDir) = (parse.GetValue(o.RulesBase), parse.GetValue(o.RulesHead));
        if (rulesBaseDir is null || rulesHeadDir is null || designFiles.Length == 0 || parse.GetValue(o.Rules) is not null)
        {
            error.WriteLine("error: a rule change needs --rules-base DIR, --rules-head DIR and at least one design (and no --rules).");
            return (null, "");
        }

        var before = RuleLoading.Load(RuleLoading.Choose(rulesBaseDir, [], preferLocal: false), error);
        var after = RuleLoading.Load(RuleLoading.Choose(rulesHeadDir, [], preferLocal: false), error);
        var loaded = designFiles.Select(f => LoadDesign(f, error)).ToArray();
        if (before is null || after is null || loaded.Any(d => d is null) || sides.For(before, after) is not var (baseOptions, headOptions))
        {
            return (null, "");
        }

        var diffs = loaded.Select(d => ReportComparer.Compare(before.Evaluate(d!, baseOptions(d!)), after.Evaluate(d!, headOptions(d!)))).ToList();
        var rules = language == ReportLanguage.Dutch
            ? $"Regels: oud map '{rulesBaseDir}' (--rules-base), regelset {before.Hash}; nieuw map '{rulesHeadDir}' (--rules-head), regelset {after.Hash}."
            : $"Rules: base directory '{rulesBaseDir}' (--rules-base), hash {before.Hash}; head directory '{rulesHeadDir}' (--rules-head), hash {after.Hash}.";
        return (new DiffReport(diffs, before, after, ReportComparer.CompareRules(before, after, diffs)), SafeText.Terminal(rules));
    }

    /// <summary>
    /// Whether the head brings an open finding at or above <paramref name="threshold"/> that the base did not have open at
    /// that level (a waiver that expired reopens one; a waived finding is not counted).
    /// </summary>
    internal static bool Introduces(FindingDiff finding, Severity threshold) => finding.Change switch
    {
        FindingChange.New => finding.Head!.Severity >= threshold && !finding.Head.IsWaived,
        FindingChange.Changed => finding.Head!.Severity >= threshold && !finding.Head.IsWaived && (finding.Base!.Severity < threshold || finding.Base.IsWaived),
        FindingChange.Unchanged => finding.Head!.Severity >= threshold && !finding.Head.IsWaived && finding.Base!.IsWaived,
        _ => false,
    };

    private static TenderDesign? LoadDesign(string path, TextWriter error)
    {
        var design = TenderDesignLoader.LoadFile(path);
        SafeText.WriteErrors(error, design.Errors);

        return design.Value;
    }

    /// <summary>The command's arguments and options.</summary>
    private sealed class DiffOptions
    {
        public DiffOptions()
        {
            Designs.Validators.Add(result =>
            {
                foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
                {
                    result.AddError($"Unknown option '{token.Value}'. See 'procurement-rules diff --help'.");
                }
            });
            Format.AcceptOnlyFromAmong("text", "json", "markdown", "sarif");
            FailOn.AcceptOnlyFromAmong("error", "warning", "info");
        }

        public Option<string> Language { get; } = ReportLanguageOption.Create();

        public Argument<string[]> Designs { get; } = new("design") { Description = "Design(s) to check with both rule sets (rule change).", Arity = ArgumentArity.ZeroOrMore };

        public Option<string?> BaseDesign { get; } = new("--base") { Description = "The design before the revision (design revision)." };

        public Option<string?> HeadDesign { get; } = new("--head") { Description = "The design after the revision (design revision)." };

        public Option<string?> Rules { get; } = new("--rules") { Description = "Directory of rule packs for a design revision; default: ./rules when the current folder has one, else the embedded packs." };

        public Option<string?> RulesBase { get; } = new("--rules-base") { Description = "Directory of rule packs before the edit (rule change)." };

        public Option<string?> RulesHead { get; } = new("--rules-head") { Description = "Directory of rule packs after the edit (rule change)." };

        public Option<string?> AsOf { get; } = ReferenceDate.Option("Reference date (yyyy-MM-dd); default: the first day of each design's purchasing period.");

        public Option<string> Format { get; } = new("--format") { Description = "Output format: text, json, markdown or sarif.", DefaultValueFactory = _ => "text" };

        public Option<string> FailOn { get; } = new("--fail-on") { Description = "Exit 1 when the head introduces a finding of at least this severity: error, warning or info.", DefaultValueFactory = _ => "error" };

        public Option<string?> OutputFile { get; } = new("--output") { Description = "Write the report to this file instead of standard output." };

        public WorkBudget Budget { get; } = new();

        public WaiverOptions Waivers { get; } = new();

        public Option<string[]> BaseWaivers { get; } = new("--base-waivers")
        {
            Description = "Waiver file(s) for the base side only (the waivers before the change); default: the --waivers files on both sides.",
            AllowMultipleArgumentsPerToken = true,
        };
    }
}
