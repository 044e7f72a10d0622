using Procurement.Rules.Model;

namespace Procurement.Rules.Evaluating;

/// <summary>Builds the explanation (toelichting) of one rule from the outcomes it is told: see <see cref="RuleSet.Explain"/>.</summary>
internal sealed class ExplainObserver(RuleInfo explained) : IEvaluationObserver
{
    private readonly List<Subject> _subjects = [];

    /// <summary>The subjects walked so far, in the order they were entered.</summary>
    public IReadOnlyList<SubjectExplanation> Subjects => [.. _subjects.Select(s => s.Build())];

    public bool ReadsValues => true;

    public bool Watches(RuleInfo rule) => string.Equals(rule.Id, explained.Id, StringComparison.Ordinal);

    public void SubjectEntered(RuleInfo rule, SubjectReference subject, SourceLocation location) => _subjects.Add(new Subject(subject, location));

    public void WhenEvaluated(RuleInfo rule, ConditionOutcome outcome, Exception? error) =>
        (_subjects[^1].When, _subjects[^1].Error) = (outcome, Describe(error));

    public void ClauseEvaluated(RuleInfo rule, int clause, ConditionOutcome outcome, IReadOnlyList<FindingValue> values, Exception? error) =>
        _subjects[^1].Clauses.Add(new ClauseExplanation
        {
            Name = rule.Clauses[clause].Key,
            Expression = rule.Clauses[clause].Value,
            Outcome = outcome,
            Values = values,
            Error = Describe(error),
        });

    private static string? Describe(Exception? error) => error is null ? null : $"{error.GetType().Name}: {error.Message}";

    private sealed class Subject(SubjectReference reference, SourceLocation location)
    {
        public ConditionOutcome When { get; set; }

        public string? Error { get; set; }

        public List<ClauseExplanation> Clauses { get; } = [];

        public SubjectExplanation Build() =>
            new() { Subject = reference.Path, SubjectReference = reference, Location = location, When = When, Error = Error, Clauses = Clauses };
    }
}
