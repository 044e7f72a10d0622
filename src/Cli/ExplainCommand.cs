using System.CommandLine;
using System.Globalization;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>
/// <c>explain</c>: for one rule, how it was applied to a design: whether it was effective, enabled and by which file,
/// how many subjects it had and applied to, and for every subject whether 'when' held and each clause's outcome with the values read.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var design = new Argument<string>("design") { Description = "Tender design YAML file." };
        var ruleId = new Option<string>("--rule") { Description = "The rule id to explain, e.g. MC-002.", Required = true };
        var subject = new Option<string?>("--subject") { Description = "Only this subject path, e.g. careProfiles[zhz-zp-010]." };
        var rules = new Option<string?>("--rules") { Description = "Directory of rule packs; default: ./rules when the current folder has one, else the embedded packs." };
        var overrides = new Option<string[]>("--override") { Description = "Override file(s) that extend the packs; later files win.", AllowMultipleArgumentsPerToken = true };
        var asOf = ReferenceDate.Option("Reference date (yyyy-MM-dd); default: the first day of the design's purchasing period.");
        var budget = new WorkBudget();
        var waivers = new WaiverOptions();
        var command = new Command("explain", "Explain one rule on a design: where it applied, each failing clause with the values read, and why it did not apply.")
        {
            design, ruleId, subject, rules, overrides, asOf, budget.Timeout, budget.MaxMemory, waivers.Files, waivers.WarningDays,
        };
        command.SetAction(parse =>
        {
            if (!ReferenceDate.TryRead(parse, asOf, error, out var referenceDate)
                || !budget.TryApply(parse, new EvaluationOptions { AsOf = referenceDate, MinimumSeverity = Severity.Info }, error, out var evaluation))
            {
                return ExitCodes.InvalidInput;
            }

            var choice = RuleLoading.Choose(parse.GetValue(rules), parse.GetValue(overrides) ?? [], preferLocal: false);
            var ruleSet = RuleLoading.Load(choice, error);
            if (ruleSet is null || waivers.Apply(parse, ruleSet, evaluation, error) is not { } withWaivers)
            {
                return ExitCodes.InvalidInput;
            }

            var id = parse.GetValue(ruleId)!;
            var rule = ruleSet.Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
            if (rule is null)
            {
                error.WriteLine(SafeText.Terminal($"error: no rule '{id}' in the rule set; known ids: {string.Join(", ", ruleSet.Rules.Select(r => r.Id).Order(StringComparer.Ordinal))}."));
                return ExitCodes.InvalidInput;
            }

            var loaded = TenderDesignLoader.LoadFile(parse.GetValue(design)!);
            SafeText.WriteErrors(error, loaded.Errors);
            if (loaded.Value is null)
            {
                return ExitCodes.InvalidInput;
            }

            var only = parse.GetValue(subject);
            if (only is not null && !HasSubject(ruleSet, rule, loaded.Value, only, withWaivers, error))
            {
                return ExitCodes.InvalidInput;
            }

            Explain(output, ruleSet, rule, loaded.Value, only, withWaivers);
            output.WriteLine(choice.Summary(ruleSet.Hash));
            return ExitCodes.Clean;
        });
        return command;
    }

    // A --subject the rule does not have is a usage error with the nearest subject paths, never an empty explanation.
    private static bool HasSubject(RuleSet ruleSet, RuleInfo rule, TenderDesign design, string only, EvaluationOptions evaluation, TextWriter error)
    {
        var subjects = ruleSet.Explain(design, rule.Id, null, evaluation)?.Subjects.Select(s => s.Subject).ToArray() ?? [];
        if (subjects.Contains(only, StringComparer.Ordinal))
        {
            return true;
        }

        var near = NearestNames.Find(only, subjects);
        var hint = near.Count > 0 ? NearestNames.DidYouMean(near) : subjects.Length == 0 ? "; it has no subjects in this design." : $"; its subjects look like '{subjects[0]}'.";
        error.WriteLine(SafeText.Terminal($"error: rule {rule.Id} has no subject '{only}' in {design.Id}{hint}"));
        return false;
    }

    private static void Explain(TextWriter output, RuleSet ruleSet, RuleInfo rule, TenderDesign design, string? only, EvaluationOptions evaluation)
    {
        var report = ruleSet.Evaluate(design, evaluation);
        var summary = report.Rules.FirstOrDefault(r => r.RuleId == rule.Id);
        WriteRule(output, rule, report);
        var application = summary?.Application ?? RuleApplication.NoMatchingSubjects;
        WriteApplication(output, rule, report, summary, application);

        // Every subject with each clause's outcome and values; failing clauses also show the finding's message.
        var explanations = application is RuleApplication.Applied or RuleApplication.NoMatchingSubjects
            ? ruleSet.Explain(design, rule.Id, only, evaluation)?.Subjects ?? []
            : [];
        var findings = report.Findings.Where(f => f.RuleId == rule.Id && (only is null || f.Subject == only)).ToList();
        var result = new DesignReport(report, design);
        foreach (var explained in explanations)
        {
            WriteSubject(output, rule, explained, result, findings);
        }

        if (only is not null && explanations.Count == 0)
        {
            output.WriteLine();
            output.WriteLine(SafeText.Terminal($"{only}: not a subject of this rule in the design"));
        }
    }

    private static void WriteRule(TextWriter output, RuleInfo rule, EvaluationReport report)
    {
        output.WriteLine(SafeText.Terminal($"{rule.Id} {rule.Title}"));
        output.WriteLine(SafeText.Terminal($"  pack {rule.Pack}, defined at {ReportNames.Location(rule.Location)}"));
        output.WriteLine(SafeText.Terminal($"  severity {ReportNames.Severity(rule.Severity)}, set by {ReportNames.Location(rule.SeveritySetBy)}"));
        if (rule.Reference is not null)
        {
            output.WriteLine(SafeText.Terminal($"  reference {rule.Reference}"));
        }

        output.WriteLine(SafeText.Terminal($"  for {rule.SubjectVariable} in {rule.Subject}"));
        output.WriteLine(SafeText.Terminal($"  when {rule.When ?? "(always)"}"));
        foreach (var (name, expression) in rule.Clauses)
        {
            output.WriteLine(SafeText.Terminal($"  require {name}: {expression}"));
        }

        output.WriteLine(SafeText.Terminal(string.Create(CultureInfo.InvariantCulture, $"  as of {report.AsOf:yyyy-MM-dd}, design {report.DesignId} ({report.DesignFile})")));
        output.WriteLine();
    }

    private static void WriteApplication(TextWriter output, RuleInfo rule, EvaluationReport report, RuleSummary? summary, RuleApplication application)
    {
        switch (application)
        {
            case RuleApplication.Disabled:
                output.WriteLine(SafeText.Terminal($"not applied: disabled by {ReportNames.Location(summary?.DisabledBy ?? rule.DisabledBy)}"));
                break;
            case RuleApplication.NotEffective:
                output.WriteLine(SafeText.Terminal(string.Create(CultureInfo.InvariantCulture,
                    $"not applied: not effective on {report.AsOf:yyyy-MM-dd} (effective {rule.Effective?.From:yyyy-MM-dd} .. {rule.Effective?.Until:yyyy-MM-dd})")));
                break;
            case RuleApplication.NoMatchingSubjects:
                output.WriteLine(SafeText.Terminal((summary?.Subjects ?? 0) == 0
                    ? $"not applied: the design has no {rule.Subject}"
                    : $"not applied: 'when' was false for all {summary!.Subjects} subject(s) in {rule.Subject}"));
                break;
            default:
                var subjects = summary?.Subjects ?? 0;
                var applied = summary?.Applied ?? 0;
                var failed = summary?.Failed ?? 0;
                output.WriteLine(SafeText.Terminal(string.Create(CultureInfo.InvariantCulture,
                    $"applied: {subjects} subject(s) in {rule.Subject}; 'when' held for {applied} and was false for {subjects - applied} (not applied there); {failed} failed, {applied - failed} passed every clause")));
                break;
        }
    }

    private static void WriteSubject(TextWriter output, RuleInfo rule, SubjectExplanation explained, DesignReport result, List<Finding> findings)
    {
        var (lot, municipality) = result.Group(explained.SubjectReference);
        output.WriteLine();
        output.WriteLine(SafeText.Terminal($"{explained.Subject}  ({ReportNames.Location(explained.Location)}; lot {lot}, municipality {municipality})"));
        if (explained.Waiver is { } waiver)
        {
            output.WriteLine(SafeText.Terminal(WaiverText.Explain(waiver)));
        }
        switch (explained.When)
        {
            case ConditionOutcome.Threw:
                output.WriteLine(SafeText.Terminal($"  evaluation error: 'when' threw {explained.Error}"));
                return;
            case ConditionOutcome.Failed:
                output.WriteLine(SafeText.Terminal($"  not applied: 'when' is false ({rule.When})"));
                return;
        }

        foreach (var clause in explained.Clauses)
        {
            output.WriteLine(SafeText.Terminal(clause.Outcome switch
            {
                ConditionOutcome.Held => $"  {clause.Name}: holds",
                ConditionOutcome.Failed => $"  {clause.Name}: FAILS ({ReportNames.Severity(rule.Severity)}) {clause.Expression}",
                _ => $"  {clause.Name}: ERROR {clause.Error}",
            }));
            foreach (var value in clause.Values)
            {
                output.WriteLine(SafeText.Terminal($"      {value.Expression} = {value.Value}"));
            }

            if (findings.FirstOrDefault(f => f.Subject == explained.Subject && f.Clause == clause.Name) is { } failing)
            {
                output.WriteLine(SafeText.Terminal($"      {failing.Message}"));
            }
        }
    }
}
