using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary><see cref="RuleSet.Explain"/>: the public explanation (toelichting) a UI renders.</summary>
public sealed class ExplainTests
{
    // X-1 has a 'when' that holds for P-0001 (heavy) only; there its budget clause fails (24000), its duration clause
    // holds (12) and its ratio clause divides by zero. X-2 has no 'when': P-0001 fails it, P-0002 passes it.
    internal const string Pack = """
        pack: explain
        version: 1.0.0
        parameters:
          maxBudget: 20000
        rules:
          - id: X-1
            title: Heavy profiles
            for: profile in CareProfiles
            when: profile.Category == CareCategory.Heavy
            require:
              budget: profile.Budget <= maxBudget
              duration: profile.DurationMonths <= 12
              ratio: 100 / (profile.DurationMonths - 12) > 0
          - id: X-2
            title: Every profile
            for: profile in CareProfiles
            require:
              budget: profile.Budget <= maxBudget
        """;

    internal static readonly Lazy<RuleSet> Rules = new(() => RuleFiles.LoadOrThrow(Pack));

    internal static readonly Lazy<TenderDesign> Design = new(() => TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow());

    [Fact]
    public void Explain_FailingAndPassingSubject_ReturnsEachClauseWithItsValues()
    {
        var explained = Rules.Value.Explain(Design.Value, "X-2")!;

        Assert.Equal(("X-2", new DateOnly(2023, 1, 1)), (explained.RuleId, explained.AsOf));
        Assert.Collection(
            explained.Subjects,
            failing =>
            {
                Assert.Equal(("careProfiles[P-0001]", new SourceLocation("sample.yaml", 23, 5), ConditionOutcome.Held, null), (failing.Subject, failing.Location, failing.When, failing.Error));
                Assert.Equal(new SubjectReference(SubjectType.CareProfile, "P-0001"), failing.SubjectReference);
                var clause = Assert.Single(failing.Clauses);
                Assert.Equal(("budget", "profile.Budget <= maxBudget", ConditionOutcome.Failed, null), (clause.Name, clause.Expression, clause.Outcome, clause.Error));
                Assert.Equal([new FindingValue("profile.Budget", "24000"), new FindingValue("maxBudget", "20000")], clause.Values);
            },
            passing =>
            {
                Assert.Equal(("careProfiles[P-0002]", new SourceLocation("sample.yaml", 24, 5), ConditionOutcome.Held), (passing.Subject, passing.Location, passing.When));
                var clause = Assert.Single(passing.Clauses);
                Assert.Equal(ConditionOutcome.Held, clause.Outcome);
                Assert.Equal([new FindingValue("profile.Budget", "2500"), new FindingValue("maxBudget", "20000")], clause.Values);
            });
    }

    [Fact]
    public void Explain_RuleWithWhen_ShowsWhenFalseAndAClauseThatFailsHoldsAndThrows()
    {
        var explained = Rules.Value.Explain(Design.Value, "X-1")!;

        var heavy = explained.Subjects[0];
        Assert.Equal(ConditionOutcome.Held, heavy.When);
        Assert.Equal(
            [("budget", ConditionOutcome.Failed, null), ("duration", ConditionOutcome.Held, null), ("ratio", ConditionOutcome.Threw, "DivideByZeroException: Attempted to divide by zero.")],
            heavy.Clauses.Select(c => (c.Name, c.Outcome, c.Error)));
        Assert.Equal([new FindingValue("profile.DurationMonths", "12")], heavy.Clauses[2].Values);
        var light = explained.Subjects[1];
        Assert.Equal(("careProfiles[P-0002]", ConditionOutcome.Failed), (light.Subject, light.When));
        Assert.Empty(light.Clauses);
    }

    [Fact]
    public void Explain_OneSubject_ReturnsOnlyThatSubject()
    {
        var explained = Rules.Value.Explain(Design.Value, "X-2", "careProfiles[P-0002]", new EvaluationOptions { AsOf = new DateOnly(2024, 6, 1) })!;

        Assert.Equal(new DateOnly(2024, 6, 1), explained.AsOf);
        Assert.Equal("careProfiles[P-0002]", Assert.Single(explained.Subjects).Subject);
        Assert.Empty(Rules.Value.Explain(Design.Value, "X-2", "careProfiles[P-9999]")!.Subjects);
    }

    [Fact]
    public void Explain_CancelledByTheCaller_ThrowsWithTheCallersToken()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var thrown = Assert.ThrowsAny<OperationCanceledException>(() => Rules.Value.Explain(Design.Value, "X-1", cancellationToken: cancelled.Token));

        Assert.Equal(cancelled.Token, thrown.CancellationToken);
    }

    [Fact]
    public void Explain_UnknownRule_ReturnsNull()
    {
        Assert.Null(Rules.Value.Explain(Design.Value, "X-9"));
    }

    [Fact]
    public void Explain_WhenThatThrows_IsAThrownWhenWithItsError()
    {
        var rules = RuleFiles.LoadOrThrow(RuleFiles.WithClause("true").Replace("    require:", "    when: 100 / (profile.DurationMonths - 12) != 0\n    require:", StringComparison.Ordinal));

        var subjects = rules.Explain(Design.Value, "T-1")!.Subjects;

        Assert.Equal((ConditionOutcome.Threw, "DivideByZeroException: Attempted to divide by zero."), (subjects[0].When, subjects[0].Error));
        Assert.Empty(subjects[0].Clauses);
        Assert.Equal((ConditionOutcome.Held, null), (subjects[1].When, subjects[1].Error));
    }
}
