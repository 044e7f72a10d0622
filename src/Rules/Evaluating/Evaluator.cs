using Procurement.Rules.Compiling;
using Procurement.Rules.Model;

namespace Procurement.Rules.Evaluating;

/// <summary>Runs compiled rules over a design: sequentially or in parallel chunks, with the same, ordered report either way.</summary>
internal static class Evaluator
{
    private const int ParallelChunk = 4096;

    public static EvaluationReport Evaluate(ICompiledRule[] rules, string hash, TenderDesign design, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var asOf = options.AsOf ?? design.Period.From;
        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked?.Token ?? cancellationToken;

        var findings = new List<Finding>();
        var summaries = new List<RuleSummary>(rules.Length);
        try
        {
            foreach (var rule in rules)
            {
                var coverage = options.Coverage?.GetValueOrDefault(rule.Info.Id);
                summaries.Add(EvaluateRule(rule, design, asOf, options.Parallel && coverage is null, findings, token, coverage));
            }
        }
        catch (OperationCanceledException) when (timeout is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Evaluating design '{design.Id}' took longer than {options.Timeout}.");
        }

        var ordered = findings
            .Where(f => f.Severity >= options.MinimumSeverity)
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToArray();
        return new EvaluationReport
        {
            DesignId = design.Id,
            DesignFile = design.SourceFile,
            AsOf = asOf,
            RuleSetHash = hash,
            Findings = ordered,
            Rules = summaries,
        };
    }

    private static RuleSummary EvaluateRule(ICompiledRule rule, TenderDesign design, DateOnly asOf, bool parallel, List<Finding> findings, CancellationToken token, ClauseCounts? coverage)
    {
        var info = rule.Info;
        var subjects = rule.CountSubjects(design);
        if (!info.Enabled)
        {
            return new RuleSummary { RuleId = info.Id, Application = RuleApplication.Disabled, Subjects = subjects, DisabledBy = info.DisabledBy };
        }

        if (info.Effective is { } effective && !effective.Contains(asOf))
        {
            return new RuleSummary { RuleId = info.Id, Application = RuleApplication.NotEffective, Subjects = subjects };
        }

        int applied, failed;
        if (parallel && subjects > ParallelChunk)
        {
            var chunks = (subjects + ParallelChunk - 1) / ParallelChunk;
            var results = new (int Applied, int Failed, List<Finding> Findings)[chunks];
            Parallel.For(0, chunks, new ParallelOptions { CancellationToken = token }, chunk =>
            {
                var local = new List<Finding>();
                var from = chunk * ParallelChunk;
                var (a, f) = rule.Evaluate(design, asOf, from, Math.Min(subjects, from + ParallelChunk), local, token);
                results[chunk] = (a, f, local);
            });
            applied = results.Sum(r => r.Applied);
            failed = results.Sum(r => r.Failed);
            foreach (var result in results)
            {
                findings.AddRange(result.Findings);
            }
        }
        else
        {
            (applied, failed) = rule.Evaluate(design, asOf, 0, subjects, findings, token, coverage);
        }

        return new RuleSummary
        {
            RuleId = info.Id,
            Application = applied > 0 ? RuleApplication.Applied : RuleApplication.NoMatchingSubjects,
            Subjects = subjects,
            Applied = applied,
            Failed = failed,
        };
    }
}
