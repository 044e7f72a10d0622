using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Rules.DependencyInjection;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// Evaluation is bounded by its cancellation token and timeout even inside one subject's expression, and a rule that
/// throws at run time becomes an evaluation-error finding for that subject while the rest carries on.
/// </summary>
[Collection(nameof(TimedBoundsCollection))]
public sealed class EvaluationLimitTests
{
    // Two quantifiers over all profiles: the deepest the allow-list lets through, costing profiles^2 per subject.
    private const string PairScan = "design.CareProfiles.Any(a => design.CareProfiles.Any(b => a.Id == b.Id && a != b))";

    private static readonly Lazy<TenderDesign> Large = new(() => EvaluationTests.Generated(21, 10_000, 0));

    private static readonly Lazy<TenderDesign> Sample = new(() => TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow());

    private static RuleSet Pack(string subject, string clause) => RuleFiles.LoadOrThrow(RuleFiles.WithClause(clause, subject));

    [Fact]
    public void Evaluate_OverTimeout_ThrowsBudgetExceeded()
    {
        // The time budget is a timer: with other tests running beside it, it may fire only after a short evaluation ended.
        var design = EvaluationTests.Generated(1, 50_000, 0);

        Assert.Throws<EvaluationBudgetExceededException>(() => RuleFiles.LoadOrThrow(EvaluationTests.OraclePack).Evaluate(design, new EvaluationOptions { Timeout = TimeSpan.FromTicks(1) }));
    }

    [Fact]
    public void Evaluate_DesignRuleWithTwoNestedQuantifiers_StopsAtTheTimeoutInsideTheSubject()
    {
        // One subject (the design) whose clause alone takes seconds: only the checks inside the quantifiers can stop it.
        var rules = Pack("design", PairScan);
        var design = Large.Value;
        var watch = Stopwatch.StartNew();

        Assert.Throws<EvaluationBudgetExceededException>(() => rules.Evaluate(design, new EvaluationOptions { Timeout = TimeSpan.FromMilliseconds(200) }));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Evaluate_DesignRuleWithTwoNestedQuantifiers_StopsWhenCancelled()
    {
        var rules = Pack("design", PairScan);
        var design = Large.Value;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        var thrown = Assert.ThrowsAny<OperationCanceledException>(() => rules.Evaluate(design, cancellationToken: cancel.Token));

        Assert.Equal(cancel.Token, thrown.CancellationToken);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_ProfileRuleWithTwoNestedQuantifiers_IsBoundedByTheTimeout(bool parallel)
    {
        // profiles^3 work in all: hours without the checks.
        var rules = Pack("profile in CareProfiles", PairScan);
        var design = Large.Value;
        var watch = Stopwatch.StartNew();

        var thrown = Assert.Throws<EvaluationBudgetExceededException>(() => rules.Evaluate(design, new EvaluationOptions { Timeout = TimeSpan.FromMilliseconds(300), Parallel = parallel }));

        Assert.Equal((EvaluationBudget.Time, "T-1"), (thrown.Budget, thrown.RuleId));
        Assert.StartsWith("careProfiles[P-", thrown.Subject, StringComparison.Ordinal);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Evaluate_QuantifierInAMessagePlaceholder_IsBoundedByTheTimeout()
    {
        const string yaml = """
            pack: slow-message
            version: 1.0.0
            rules:
              - id: S-1
                title: Slow message
                for: design
                require:
                  never: false
                message: "pairs: {design.CareProfiles.Count(a => design.CareProfiles.Any(b => a.Id == b.Id && a != b))}"
            """;
        var rules = RuleFiles.LoadOrThrow(yaml);
        var design = Large.Value;
        var watch = Stopwatch.StartNew();

        var thrown = Assert.Throws<EvaluationBudgetExceededException>(() => rules.Evaluate(design, new EvaluationOptions { Timeout = TimeSpan.FromMilliseconds(200) }));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal((EvaluationBudget.Time, "S-1", "design"), (thrown.Budget, thrown.RuleId, thrown.Subject));
    }

    [Fact]
    public void Evaluate_TimeoutIsPerEvaluation_AFastDesignAfterASlowOneStillEvaluates()
    {
        var rules = Pack("design", PairScan);
        var options = new EvaluationOptions { Timeout = TimeSpan.FromMilliseconds(200) };
        Assert.Throws<EvaluationBudgetExceededException>(() => rules.Evaluate(Large.Value, options));

        var report = rules.Evaluate(Sample.Value, options);

        Assert.Equal(RuleApplication.Applied, Assert.Single(report.Rules).Application);
    }

    [Fact]
    public void Provider_EvaluationTimeout_AppliesToEveryEvaluation()
    {
        var directory = Directory.CreateTempSubdirectory("pr-timeout-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "slow.yaml"), RuleFiles.WithClause(PairScan, "design"));
            using var services = new ServiceCollection().AddProcurementRules(o =>
            {
                o.RuleDirectories.Add(directory);
                o.WatchForChanges = false;
                o.EvaluationTimeout = TimeSpan.FromMilliseconds(200);
            }).BuildServiceProvider();
            var provider = services.GetRequiredService<IRuleSetProvider>();

            Assert.Throws<EvaluationBudgetExceededException>(() => provider.Evaluate(Large.Value));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static TheoryData<string, string> RuntimeFaults => new()
    {
        // clause, exception the finding names
        { "profile.DurationMonths * 2147483647 > 0", nameof(OverflowException) },
        { "profile.DurationMonths - 2147483647 - 2147483647 < 0", nameof(OverflowException) },
        { "-(profile.DurationMonths - 12 - 2147483647 - 1) > 0", nameof(OverflowException) },
        { "int(profile.DurationMonths * 1000000000000) > 0", nameof(OverflowException) },
        { "profile.Budget * 1000000000000 * 1000000000000 * 1000000000000 > 0", nameof(OverflowException) },
        { "profile.Budget / (profile.DurationMonths - profile.DurationMonths) > 0", nameof(DivideByZeroException) },
        { "profile.DurationMonths % (profile.DurationMonths - profile.DurationMonths) > 0", nameof(DivideByZeroException) },
        { "profile.TransferredTo.Name != \"\"", nameof(NullReferenceException) },
        { "design.CareProfiles[100000].Id != \"\"", nameof(ArgumentOutOfRangeException) },
        { "asOf.AddYears(100000) > asOf", nameof(ArgumentOutOfRangeException) },
    };

    [Theory]
    [MemberData(nameof(RuntimeFaults))]
    public void Evaluate_ClauseThatThrows_GivesAnEvaluationErrorPerSubjectAndTheOtherRulesStillRun(string clause, string exception)
    {
        var yaml = $$"""
            pack: faulty
            version: 1.0.0
            rules:
              - id: F-1
                title: Throws at run time
                for: profile in CareProfiles
                require:
                  fault: {{clause}}
              - id: F-2
                title: Still evaluated
                for: profile in CareProfiles
                require:
                  small: profile.Budget < 3000
            """;

        var report = RuleFiles.LoadOrThrow(yaml).Evaluate(Sample.Value);

        var errors = report.Findings.Where(f => f.RuleId == "F-1").ToArray();
        Assert.Equal(["careProfiles[P-0001]", "careProfiles[P-0002]"], errors.Select(f => f.Subject));
        Assert.All(errors, f =>
        {
            Assert.Equal("evaluation-error", f.Clause);
            Assert.Equal(Severity.Error, f.Severity);
            Assert.Contains(exception, f.Message, StringComparison.Ordinal);
        });
        Assert.Equal("careProfiles[P-0001]", Assert.Single(report.Findings, f => f.RuleId == "F-2").Subject);
        Assert.Equal((2, 2), report.Rules.Where(r => r.RuleId == "F-1").Select(r => (r.Applied, r.Failed)).Single());
    }

    [Fact]
    public void Evaluate_WhenThatOverflows_IsAnEvaluationErrorNamingTheCondition()
    {
        const string yaml = """
            pack: faulty
            version: 1.0.0
            rules:
              - id: F-1
                title: Overflowing condition
                for: profile in CareProfiles
                when: profile.DurationMonths * 1000000000 > 0
                require:
                  any: true
            """;

        var findings = RuleFiles.LoadOrThrow(yaml).Evaluate(Sample.Value).Findings;

        // 12 * 10^9 and 3 * 10^9 overflow an int; unchecked, both would wrap to negative numbers and the rule would silently skip them.
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Contains("(when): OverflowException", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_OnlySomeSubjectsThrow_TheOthersAreJudgedNormally()
    {
        // P-0001 has no transfer target and throws; P-0002 is light and skips the navigation.
        const string clause = "profile.Category == CareCategory.Light || profile.TransferredTo.Name != \"\"";

        var findings = Pack("profile in CareProfiles", clause).Evaluate(Sample.Value).Findings;

        var finding = Assert.Single(findings);
        Assert.Equal(("careProfiles[P-0001]", "evaluation-error"), (finding.Subject, finding.Clause));
    }

    [Fact]
    public void Evaluate_PlaceholderThatThrows_ShowsNullAndKeepsTheFinding()
    {
        const string yaml = """
            pack: faulty
            version: 1.0.0
            rules:
              - id: F-1
                title: Message reads a missing value
                for: profile in CareProfiles
                require:
                  never: false
                message: "to {profile.TransferredTo.Name}, ratio {profile.DurationMonths * 2147483647}"
            """;

        var findings = RuleFiles.LoadOrThrow(yaml).Evaluate(Sample.Value).Findings;

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(("never", "to null, ratio null"), (f.Clause, f.Message)));
    }
}

/// <summary>
/// Tests that bound an evaluation's wall-clock time (a 300 ms timeout must stop it within seconds) run alone: on a
/// 2-core machine shared with every other test class, a starved thread pool made the parallel case overrun its bound.
/// </summary>
[CollectionDefinition(nameof(TimedBoundsCollection), DisableParallelization = true)]
public sealed class TimedBoundsCollection;
