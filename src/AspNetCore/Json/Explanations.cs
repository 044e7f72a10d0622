namespace Procurement.Rules.AspNetCore.Json;

/// <summary>The library's <see cref="RuleExplanation"/> as the API's JSON.</summary>
internal static class Explanations
{
    public static ExplainDto Of(RuleExplanation explanation, string title) => new(
        explanation.RuleId,
        title,
        [.. explanation.Subjects.Select(s => new SubjectExplanationDto(
            s.Subject,
            Outcome(s.When),
            [.. s.Clauses.Select(c => new ClauseExplanationDto(c.Name, c.Expression, Outcome(c.Outcome), [.. c.Values.Select(v => new ValueDto(v.Expression, v.Value))], c.Error))])
        {
            Line = s.Location.Line,
            Column = s.Location.Column,
            Error = s.Error,
            Waiver = Findings.Waiver(s.Waiver),
        })]);

    public static string Outcome(ConditionOutcome outcome) => outcome switch
    {
        ConditionOutcome.Held => "held",
        ConditionOutcome.Failed => "failed",
        _ => "threw",
    };
}
