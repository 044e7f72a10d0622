using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Procurement.Rules.Comparing;
using Procurement.Rules.Model;

namespace Procurement.Rules.Cli;

/// <summary>
/// <c>diff</c>: what a design revision (<c>--base</c>/<c>--head</c>) or a rule edit (<c>--rules-base</c>/<c>--rules-head</c>
/// over one or many designs) changes in the findings; text, json, markdown or SARIF with <c>baselineState</c>.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var designs = new Argument<string[]>("design") { Description = "Design(s) to check with both rule sets (rule change).", Arity = ArgumentArity.ZeroOrMore };
        designs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unknown option '{token.Value}'. See 'procurement-rules diff --help'.");
            }
        });
        var baseDesign = new Option<string?>("--base") { Description = "The design before the revision (design revision)." };
        var headDesign = new Option<string?>("--head") { Description = "The design after the revision (design revision)." };
        var rules = new Option<string?>("--rules") { Description = "Directory of rule packs for a design revision; default: the embedded rules." };
        var rulesBase = new Option<string?>("--rules-base") { Description = "Directory of rule packs before the edit (rule change)." };
        var rulesHead = new Option<string?>("--rules-head") { Description = "Directory of rule packs after the edit (rule change)." };
        var asOf = ReferenceDate.Option("Reference date (yyyy-MM-dd); default: the first day of each design's purchasing period.");
        var format = new Option<string>("--format") { Description = "Output format: text, json, markdown or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "sarif");
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when the head introduces a finding of at least this severity: error, warning or info.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");
        var outputFile = new Option<string?>("--output") { Description = "Write the report to this file instead of standard output." };
        var budget = new WorkBudget();

        var command = new Command(
            "diff",
            "Show what changes between two revisions of a design (--base A --head B [--rules DIR]) or two versions of the rules "
            + "(--rules-base DIR --rules-head DIR design...): new, resolved, changed and unchanged findings.")
        {
            designs, baseDesign, headDesign, rules, rulesBase, rulesHead, asOf, format, failOn, outputFile, budget.Timeout, budget.MaxMemory,
        };
        command.SetAction(parse =>
        {
            if (!ReferenceDate.TryRead(parse, asOf, error, out var referenceDate)
                || !budget.TryApply(parse, new EvaluationOptions { AsOf = referenceDate }, error, out var evaluation))
            {
                return ExitCodes.InvalidInput;
            }

            var designFiles = parse.GetValue(designs) ?? [];
            var (baseFile, headFile) = (parse.GetValue(baseDesign), parse.GetValue(headDesign));
            var (rulesBaseDir, rulesHeadDir) = (parse.GetValue(rulesBase), parse.GetValue(rulesHead));
            var designRevision = baseFile is not null || headFile is not null;
            var ruleChange = rulesBaseDir is not null || rulesHeadDir is not null;
            if (designRevision == ruleChange)
            {
                error.WriteLine("error: give either --base and --head (a design revision) or --rules-base and --rules-head with designs (a rule change).");
                return ExitCodes.InvalidInput;
            }

            var options = (TenderDesign d) => evaluation with { Parallel = d.CareProfiles.Count > 10_000 };
            var diffs = new List<ReportDiff>();
            DiffResult result;
            if (designRevision)
            {
                if (baseFile is null || headFile is null || designFiles.Length > 0)
                {
                    error.WriteLine("error: a design revision needs both --base and --head and no further designs.");
                    return ExitCodes.InvalidInput;
                }

                var ruleSet = RuleLoading.Load(parse.GetValue(rules), [], error);
                var before = LoadDesign(baseFile, error);
                var after = LoadDesign(headFile, error);
                if (ruleSet is null || before is null || after is null)
                {
                    return ExitCodes.InvalidInput;
                }

                diffs.Add(ReportComparer.Compare(ruleSet.Evaluate(before, options(before)), ruleSet.Evaluate(after, options(after))));
                result = new DiffResult(diffs, ruleSet, ruleSet, null);
            }
            else
            {
                if (rulesBaseDir is null || rulesHeadDir is null || designFiles.Length == 0 || parse.GetValue(rules) is not null)
                {
                    error.WriteLine("error: a rule change needs --rules-base DIR, --rules-head DIR and at least one design (and no --rules).");
                    return ExitCodes.InvalidInput;
                }

                var before = RuleLoading.Load(rulesBaseDir, [], error);
                var after = RuleLoading.Load(rulesHeadDir, [], error);
                var loaded = designFiles.Select(f => LoadDesign(f, error)).ToArray();
                if (before is null || after is null || loaded.Any(d => d is null))
                {
                    return ExitCodes.InvalidInput;
                }

                diffs.AddRange(Compare(before, after, loaded!, options));
                result = new DiffResult(diffs, before, after, ReportComparer.CompareRules(before, after, diffs));
            }

            var target = parse.GetValue(outputFile);
            using (var writer = target is null ? null : new StreamWriter(target))
            {
                var sink = (TextWriter?)writer ?? output;
                switch (parse.GetValue(format))
                {
                    case "json": DiffJson.Write(result, sink); break;
                    case "markdown": DiffMarkdown.Write(result, sink); break;
                    case "sarif": DiffSarif.Write(result, sink); break;
                    default: DiffText.Write(result, sink); break;
                }
            }

            var threshold = Enum.Parse<Severity>(parse.GetValue(failOn)!, ignoreCase: true);
            return result.Diffs.Any(d => d.Findings.Any(f => Introduces(f, threshold))) ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>Evaluates every design with both rule sets and compares the reports.</summary>
    internal static IEnumerable<ReportDiff> Compare(RuleSet before, RuleSet after, IReadOnlyList<TenderDesign> designs, Func<TenderDesign, EvaluationOptions> options) =>
        designs.Select(d => ReportComparer.Compare(before.Evaluate(d, options(d)), after.Evaluate(d, options(d))));

    /// <summary>Whether the head brings a finding at or above <paramref name="threshold"/> that the base did not have at that level.</summary>
    internal static bool Introduces(FindingDiff finding, Severity threshold) => finding.Change switch
    {
        FindingChange.New => finding.Head!.Severity >= threshold,
        FindingChange.Changed => finding.Head!.Severity >= threshold && finding.Base!.Severity < threshold,
        _ => false,
    };

    private static TenderDesign? LoadDesign(string path, TextWriter error)
    {
        var design = TenderDesignLoader.LoadFile(path);
        SafeText.WriteErrors(error, design.Errors);

        return design.Value;
    }

    internal static string ChangeName(FindingChange change) => change switch
    {
        FindingChange.New => "new",
        FindingChange.Resolved => "resolved",
        FindingChange.Changed => "changed",
        _ => "unchanged",
    };

    internal static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    internal static string KindName(RuleChangeKind kind) => kind switch
    {
        RuleChangeKind.Added => "added",
        RuleChangeKind.Removed => "removed",
        RuleChangeKind.Changed => "changed",
        _ => "unchanged",
    };
}

/// <summary>Everything a diff report shows: the per-design comparisons, both rule sets, and for a rule change the per-rule impact.</summary>
internal sealed record DiffResult(IReadOnlyList<ReportDiff> Diffs, RuleSet BaseRules, RuleSet HeadRules, IReadOnlyList<RuleImpact>? Impact);

/// <summary>The plain-text diff: <c>+</c> new, <c>-</c> resolved, <c>~</c> changed; unchanged findings are only counted.</summary>
internal static class DiffText
{
    public static void Write(DiffResult result, TextWriter output)
    {
        foreach (var diff in result.Diffs)
        {
            output.WriteLine(SafeText.Terminal(Header(diff)));
            foreach (var f in diff.Findings.Where(f => f.Change != FindingChange.Unchanged))
            {
                var mark = f.Change switch { FindingChange.New => '+', FindingChange.Resolved => '-', _ => '~' };
                var current = f.Current;
                output.WriteLine(SafeText.Terminal($"  {mark} {DiffCommand.SeverityName(current.Severity),-7} {current.RuleId,-7} {current.Subject}  clause {current.Clause}"));
                output.WriteLine(SafeText.Terminal($"          {current.Message}"));
                if (f.Change == FindingChange.Changed)
                {
                    output.WriteLine(SafeText.Terminal($"          was: {DiffCommand.SeverityName(f.Base!.Severity)}, clause {f.Base.Clause}, values {Values(f.Base)}"));
                    output.WriteLine(SafeText.Terminal($"          now: {DiffCommand.SeverityName(f.Head!.Severity)}, clause {f.Head.Clause}, values {Values(f.Head)}"));
                }
            }

            output.WriteLine(Summary(diff));
        }

        if (result.Impact is { } impact)
        {
            output.WriteLine(impact.Count == 0 ? "rules: no rule changed and no subject moved" : "rules:");
            foreach (var rule in impact)
            {
                output.WriteLine(SafeText.Terminal(
                    $"  {rule.RuleId,-7} {DiffCommand.KindName(rule.Kind)}{(rule.Aspects.Count > 0 ? $" ({string.Join(", ", rule.Aspects)})" : "")}: "
                    + $"{rule.NewlyFailing} newly fail, {rule.NewlyPassing} newly pass, {rule.Changed} changed"));
            }
        }
    }

    internal static string Header(ReportDiff diff) =>
        string.Equals(diff.Base.DesignFile, diff.Head.DesignFile, StringComparison.Ordinal)
            ? $"{diff.Head.DesignFile}: design {diff.Head.DesignId}, rules {diff.Base.RuleSetHash} -> {diff.Head.RuleSetHash}"
            : $"{diff.Base.DesignFile} -> {diff.Head.DesignFile}: design {diff.Head.DesignId}, rules {diff.Head.RuleSetHash}";

    internal static string Summary(ReportDiff diff) =>
        $"  {diff.Count(FindingChange.New)} new, {diff.Count(FindingChange.Resolved)} resolved, "
        + $"{diff.Count(FindingChange.Changed)} changed, {diff.Count(FindingChange.Unchanged)} unchanged";

    internal static string Values(Finding finding) =>
        finding.Values.Count == 0 ? "-" : string.Join(", ", finding.Values.Select(v => $"{v.Expression} = {v.Value}"));
}

/// <summary>The JSON diff: one object with the designs' changed findings and, for a rule change, the per-rule impact.</summary>
internal static class DiffJson
{
    public static void Write(DiffResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("baseRuleSetHash", result.BaseRules.Hash);
            json.WriteString("headRuleSetHash", result.HeadRules.Hash);
            json.WriteStartArray("designs");
            foreach (var diff in result.Diffs)
            {
                json.WriteStartObject();
                json.WriteString("designId", diff.Head.DesignId);
                json.WriteString("baseFile", diff.Base.DesignFile);
                json.WriteString("headFile", diff.Head.DesignFile);
                json.WriteNumber("new", diff.Count(FindingChange.New));
                json.WriteNumber("resolved", diff.Count(FindingChange.Resolved));
                json.WriteNumber("changed", diff.Count(FindingChange.Changed));
                json.WriteNumber("unchanged", diff.Count(FindingChange.Unchanged));
                json.WriteStartArray("findings");
                foreach (var f in diff.Findings.Where(f => f.Change != FindingChange.Unchanged))
                {
                    json.WriteStartObject();
                    json.WriteString("change", DiffCommand.ChangeName(f.Change));
                    json.WriteString("ruleId", f.Current.RuleId);
                    json.WriteString("subject", f.Current.Subject);
                    if (f.Base is { } before)
                    {
                        WriteFinding(json, "base", before);
                    }

                    if (f.Head is { } after)
                    {
                        WriteFinding(json, "head", after);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.Impact is { } impact)
            {
                json.WriteStartArray("rules");
                foreach (var rule in impact)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", rule.RuleId);
                    json.WriteString("kind", DiffCommand.KindName(rule.Kind));
                    json.WriteStartArray("aspects");
                    foreach (var aspect in rule.Aspects)
                    {
                        json.WriteStringValue(aspect);
                    }

                    json.WriteEndArray();
                    json.WriteNumber("newlyFailing", rule.NewlyFailing);
                    json.WriteNumber("newlyPassing", rule.NewlyPassing);
                    json.WriteNumber("changed", rule.Changed);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteFinding(Utf8JsonWriter json, string name, Finding finding)
    {
        json.WriteStartObject(name);
        json.WriteString("severity", DiffCommand.SeverityName(finding.Severity));
        json.WriteString("clause", finding.Clause);
        json.WriteString("message", finding.Message);
        if (finding.SubjectLocation is { } location)
        {
            json.WriteString("location", location.ToString());
        }

        json.WriteStartObject("values");
        foreach (var value in finding.Values)
        {
            json.WriteString(value.Expression, value.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}

/// <summary>The Markdown diff, for a pull-request comment: a summary table, the changed findings, and the rule impact.</summary>
internal static class DiffMarkdown
{
    private const int MaxRows = 200;

    public static void Write(DiffResult result, TextWriter output)
    {
        output.WriteLine("## procurement-rules diff");
        output.WriteLine();
        output.WriteLine("| design | new | resolved | changed | unchanged |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var diff in result.Diffs)
        {
            output.WriteLine($"| {SafeText.MarkdownCode(diff.Head.DesignFile)} | {diff.Count(FindingChange.New)} | {diff.Count(FindingChange.Resolved)} | {diff.Count(FindingChange.Changed)} | {diff.Count(FindingChange.Unchanged)} |");
        }

        if (result.Impact is { Count: > 0 } impact)
        {
            output.WriteLine();
            output.WriteLine("### Rules");
            output.WriteLine();
            output.WriteLine("| rule | change | what | newly fail | newly pass | changed |");
            output.WriteLine("|---|---|---|---:|---:|---:|");
            foreach (var rule in impact)
            {
                output.WriteLine($"| {SafeText.Markdown(rule.RuleId)} | {DiffCommand.KindName(rule.Kind)} | {SafeText.Markdown(string.Join(", ", rule.Aspects))} | {rule.NewlyFailing} | {rule.NewlyPassing} | {rule.Changed} |");
            }
        }

        foreach (var diff in result.Diffs)
        {
            var changed = diff.Findings.Where(f => f.Change != FindingChange.Unchanged).ToArray();
            if (changed.Length == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"### {SafeText.MarkdownCode(diff.Head.DesignFile)}");
            output.WriteLine();
            output.WriteLine("| | severity | rule | subject | clause | message |");
            output.WriteLine("|---|---|---|---|---|---|");
            foreach (var f in changed.Take(MaxRows))
            {
                var current = f.Current;
                var severity = f.Change == FindingChange.Changed && f.Base!.Severity != f.Head!.Severity
                    ? $"{DiffCommand.SeverityName(f.Base.Severity)} → {DiffCommand.SeverityName(f.Head.Severity)}"
                    : DiffCommand.SeverityName(current.Severity);
                output.WriteLine($"| {DiffCommand.ChangeName(f.Change)} | {severity} | {SafeText.Markdown(current.RuleId)} | {SafeText.MarkdownCode(current.Subject)} | {SafeText.Markdown(current.Clause)} | {SafeText.Markdown(current.Message)} |");
            }

            if (changed.Length > MaxRows)
            {
                output.WriteLine();
                output.WriteLine($"… and {changed.Length - MaxRows} more; run `procurement-rules diff --format text` for all of them.");
            }
        }
    }
}

/// <summary>SARIF 2.1.0 with <c>baselineState</c> per result: head findings as new, unchanged or updated, resolved ones as absent.</summary>
internal static class DiffSarif
{
    public static void Write(DiffResult result, TextWriter output)
    {
        var rules = result.HeadRules.Rules
            .Concat(result.BaseRules.Rules.Where(r => result.HeadRules.Rules.All(h => !string.Equals(h.Id, r.Id, StringComparison.Ordinal))))
            .ToArray();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "procurement-rules");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.Severity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("pack", rule.Pack);
                if (rule.Reference is { } reference)
                {
                    json.WriteString("reference", reference);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var diff in result.Diffs)
            {
                foreach (var f in diff.Findings)
                {
                    var finding = f.Current;
                    json.WriteStartObject();
                    json.WriteString("ruleId", finding.RuleId);
                    if (index.TryGetValue(finding.RuleId, out var ruleIndex))
                    {
                        json.WriteNumber("ruleIndex", ruleIndex);
                    }

                    json.WriteString("level", Level(finding.Severity));
                    json.WriteStartObject("message");
                    json.WriteString("text", finding.Message);
                    json.WriteEndObject();
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", Uri(finding.SubjectLocation?.File ?? (f.Head is null ? diff.Base.DesignFile : diff.Head.DesignFile)));
                    json.WriteEndObject();
                    if (finding.SubjectLocation is { } location)
                    {
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", location.Line);
                        json.WriteNumber("startColumn", location.Column);
                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                    json.WriteStartArray("logicalLocations");
                    json.WriteStartObject();
                    json.WriteString("fullyQualifiedName", finding.Subject);
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteString("baselineState", f.Change switch
                    {
                        FindingChange.New => "new",
                        FindingChange.Resolved => "absent",
                        FindingChange.Changed => "updated",
                        _ => "unchanged",
                    });
                    json.WriteStartObject("partialFingerprints");
                    json.WriteString("ruleSubjectClause/v1", $"{finding.RuleId}|{finding.Subject}|{finding.Clause}");
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Uri(string path) => path.Replace('\\', '/');
}
