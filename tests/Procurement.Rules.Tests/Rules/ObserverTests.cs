using System.Text.Json;
using Procurement.Rules.Evaluating;
using Procurement.Rules.Model;
using Procurement.Rules.RuleTests;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary>
/// <see cref="IEvaluationObserver"/>: what an observer is told, that watching leaves the report as it is, and that the
/// rule-test coverage it counts is what it was before coverage became an observer.
/// </summary>
public sealed class ObserverTests
{
    // Clause coverage of the shipped packs' rule tests (rules/tests) when it was counted in the fused scan.
    private static readonly string[] ShippedCoverage =
    [
        "CO-001 light-contracted 347/1, heavy-contracted 347/1",
        "CO-002 all-municipalities-covered 342/6",
        "CO-003 enough-providers 115/1",
        "CO-004 no-overlap 234/4",
        "CO-005 covers-period-start 230/2, no-gap 230/2",
        "CO-006 profile-share 2/1, budget-share 2/1",
        "CO-007 second-party 1/1",
        "CO-008 responsible-named 115/1, responsible-participates 115/1",
        "CO-009 no-stays-after-leaving 1/2",
        "CT-001 in-lot-categories 342/6",
        "CT-002 one-meaning 344/4",
        "CT-003 variant-fits-financing 347/1, unit-fits-variant 346/2",
        "CT-004 certified-institution-required 1/1",
        "CT-005 build-up-stated 5/1, build-up-adds-up 5/1",
        "CT-006 differentiation-stated 232/2",
        "CT-007 indexation-stated 233/1",
        "CT-008 budget-stated 231/7, duration-stated 237/1, hardship-clause-stated 231/7",
        "EL-001 qualified 460/3",
        "EL-002 members-qualified 352/1",
        "EL-003 heavy-procurement-form 347/1",
        "EL-004 has-maximum 114/1, within-maximum 114/1",
        "EL-005 no-maximum 116/1",
        "EL-006 within-purchasing-period 793/23",
        "EL-007 municipalities-participate 795/21",
        "EL-008 has-members 116/1",
        "EL-009 within-region 352/1",
        "EL-010 single-party 236/2",
        "EL-011 below-european-threshold 339/1",
        "EL-012 european-publication 2/2",
        "EL-013 european-publication 2/1",
        "EL-014 invitation-published 114/3",
        "ES-001 within-intensity 231/1, within-duration 231/1, within-budget 231/1",
        "ES-002 approved 347/1, by-own-access-team 346/2",
        "ES-003 heavy-contract 223/9",
        "ES-004 target-lot-regional 115/1",
        "ES-005 light-contract 113/3",
        "ES-006 expert-team-named 115/1",
        "MC-001 has-main-contractor 490/1, not-also-co-provider 490/1",
        "MC-002 contracted 481/9",
        "MC-003 co-providers-allowed 343/5",
        "MC-004 member-of-contract-party 5/1",
        "MC-005 within-budget 489/2",
        "MC-006 same-lot 6/1, same-category 6/1, covers-municipality 6/1, in-period 6/1",
    ];

    [Fact]
    public void Observer_IsToldExactlyWhatExplainReports()
    {
        // X-1: a 'when' that holds for one profile and not the other, and clauses that fail, hold and throw.
        var observer = new Recorder(_ => true);

        ExplainTests.Rules.Value.EvaluateObserved(ExplainTests.Design.Value, EvaluationOptions.Default, observer);

        Assert.Equal(["X-1", "X-2"], observer.Lines.Keys.Order(StringComparer.Ordinal));
        foreach (var (rule, lines) in observer.Lines)
        {
            Assert.Equal(Lines(ExplainTests.Rules.Value.Explain(ExplainTests.Design.Value, rule)!), lines);
        }

        Assert.Contains("  ratio Threw [profile.DurationMonths = 12] DivideByZeroException: Attempted to divide by zero.", observer.Lines["X-1"]);
        Assert.Contains("X-1 careProfiles[P-0002] sample.yaml:24:5 when Failed ", observer.Lines["X-1"]);
    }

    [Fact]
    public void Observer_WatchingSomeRules_IsToldAboutThoseOnly()
    {
        var observer = new Recorder(r => r.Id == "X-2");

        ExplainTests.Rules.Value.EvaluateObserved(ExplainTests.Design.Value, EvaluationOptions.Default, observer);

        Assert.Equal("X-2", Assert.Single(observer.Lines.Keys));
        Assert.Equal(Lines(ExplainTests.Rules.Value.Explain(ExplainTests.Design.Value, "X-2")!), observer.Lines["X-2"]);
    }

    [Fact]
    public void ObservedEvaluation_WithErrorsFailuresAndAThrowingWhen_ReportsWhatTheFusedScanReports()
    {
        var throwingWhen = RuleFiles.WithClause("profile.Budget < 3000").Replace("    require:", "    when: 100 / (profile.DurationMonths - 12) != 0\n    require:", StringComparison.Ordinal);
        foreach (var rules in new[] { ExplainTests.Rules.Value, RuleFiles.LoadOrThrow(throwingWhen) })
        {
            var fused = rules.Evaluate(ExplainTests.Design.Value);

            var observed = rules.EvaluateObserved(ExplainTests.Design.Value, EvaluationOptions.Default, new Recorder(_ => true));

            Assert.Contains(fused.Findings, f => f.Clause == "evaluation-error");
            Assert.Equal(JsonSerializer.Serialize(fused), JsonSerializer.Serialize(observed));
        }
    }

    [Fact]
    public void ObservedEvaluation_OfTheShippedRules_ReportsWhatTheFusedScanReports() =>
        PropertyRun.Check(nameof(ObservedEvaluation_OfTheShippedRules_ReportsWhatTheFusedScanReports), 30, DesignGen.Mixed, x =>
        {
            var design = x.Spec.Load();
            var watched = Shipped.Rules.Rules.Where((_, i) => i % 2 == 0).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

            var fused = JsonSerializer.Serialize(Shipped.Rules.Evaluate(design));
            var everyRule = JsonSerializer.Serialize(Shipped.Rules.EvaluateObserved(design, EvaluationOptions.Default, new Recorder(_ => true)));
            var half = JsonSerializer.Serialize(Shipped.Rules.EvaluateObserved(design, EvaluationOptions.Default with { Parallel = true }, new Recorder(r => watched.Contains(r.Id))));

            Assert.Equal(fused, everyRule);
            Assert.Equal(fused, half);
        });

    [Fact]
    public void Coverage_OfTheShippedPackTests_IsWhatTheFusedScanCounted()
    {
        var rules = Path.Combine(AppContext.BaseDirectory, "rules");

        var report = RuleTestRunner.Run(RuleSet.LoadDefault().GetValueOrThrow(), RuleTestRunner.FindTestFiles(Path.Combine(rules, "tests")));

        Assert.Equal(
            ShippedCoverage,
            report.Coverage.GroupBy(c => c.RuleId).Select(r => $"{r.Key} {string.Join(", ", r.Select(c => $"{c.Clause} {c.Held}/{c.Failed}"))}"));
    }

    [Fact]
    public void Coverage_ClauseThatThrows_CountsAsNeitherHeldNorFailed()
    {
        var rules = ExplainTests.Rules.Value;
        var coverage = new CoverageObserver(rules.Rules);

        rules.EvaluateObserved(ExplainTests.Design.Value, EvaluationOptions.Default, coverage);

        // X-1 applies to P-0001 only: budget fails, duration holds, ratio throws.
        Assert.Equal((0, 1), (coverage.Held("X-1", 0), coverage.Failed("X-1", 0)));
        Assert.Equal((1, 0), (coverage.Held("X-1", 1), coverage.Failed("X-1", 1)));
        Assert.Equal((0, 0), (coverage.Held("X-1", 2), coverage.Failed("X-1", 2)));
        Assert.Equal((1, 1), (coverage.Held("X-2", 0), coverage.Failed("X-2", 0)));
    }

    private static IEnumerable<string> Lines(RuleExplanation explanation)
    {
        foreach (var subject in explanation.Subjects)
        {
            yield return $"{explanation.RuleId} {subject.Subject} {subject.Location} when {subject.When} {subject.Error}";
            foreach (var clause in subject.Clauses)
            {
                yield return $"  {clause.Name} {clause.Outcome} [{string.Join(", ", clause.Values.Select(v => $"{v.Expression} = {v.Value}"))}] {clause.Error}";
            }
        }
    }

    /// <summary>Writes down every outcome it is told, in the shape of <see cref="Lines"/>.</summary>
    private sealed class Recorder(Func<RuleInfo, bool> watches) : IEvaluationObserver
    {
        private string _subject = string.Empty;

        /// <summary>Per rule id, the outcomes in the order told.</summary>
        public Dictionary<string, List<string>> Lines { get; } = [];

        public bool ReadsValues => true;

        public bool Watches(RuleInfo rule) => watches(rule);

        public void SubjectEntered(RuleInfo rule, SubjectReference subject, SourceLocation location) => _subject = $"{rule.Id} {subject.Path} {location}";

        public void WhenEvaluated(RuleInfo rule, ConditionOutcome outcome, Exception? error) => Of(rule).Add($"{_subject} when {outcome} {Describe(error)}");

        public void ClauseEvaluated(RuleInfo rule, int clause, ConditionOutcome outcome, IReadOnlyList<FindingValue> values, Exception? error) =>
            Of(rule).Add($"  {rule.Clauses[clause].Key} {outcome} [{string.Join(", ", values.Select(v => $"{v.Expression} = {v.Value}"))}] {Describe(error)}");

        private static string? Describe(Exception? error) => error is null ? null : $"{error.GetType().Name}: {error.Message}";

        private List<string> Of(RuleInfo rule) => Lines.TryGetValue(rule.Id, out var lines) ? lines : Lines[rule.Id] = [];
    }
}
