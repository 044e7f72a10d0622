namespace Procurement.Rules;

/// <summary>Which budget of an evaluation ran out (werkbudget).</summary>
public enum EvaluationBudget
{
    /// <summary>The time budget: <see cref="EvaluationOptions.Timeout"/>.</summary>
    Time,

    /// <summary>The memory budget: <see cref="EvaluationOptions.MaxAllocatedBytes"/>.</summary>
    Memory,
}

/// <summary>
/// An evaluation stopped because it used up its time or memory budget. No report is returned: a partial one would look
/// complete. The exception names the budget, and the rule and subject being evaluated when it ran out, when known.
/// It derives from <see cref="TimeoutException"/>, so code that handled the time limit before handles both budgets.
/// </summary>
public sealed class EvaluationBudgetExceededException : TimeoutException
{
    /// <summary>An exception for the given budget and position.</summary>
    /// <param name="budget">Which budget ran out.</param>
    /// <param name="limit">The budget as a person reads it, e.g. <c>20 s</c> or <c>1024 MiB</c>.</param>
    /// <param name="designId">The design being evaluated.</param>
    /// <param name="ruleId">The rule being evaluated, when known.</param>
    /// <param name="subject">The subject being evaluated, when known.</param>
    public EvaluationBudgetExceededException(EvaluationBudget budget, string limit, string designId, string? ruleId, string? subject)
        : base(Describe(budget, limit, designId, ruleId, subject))
    {
        Budget = budget;
        DesignId = designId;
        RuleId = ruleId;
        Subject = subject;
    }

    /// <summary>Which budget ran out.</summary>
    public EvaluationBudget Budget { get; }

    /// <summary>The id of the design being evaluated.</summary>
    public string DesignId { get; }

    /// <summary>The rule (regel) being evaluated when the budget ran out, or null when it stopped between rules.</summary>
    public string? RuleId { get; }

    /// <summary>The path of the subject being evaluated when the budget ran out, e.g. <c>careProfiles[P-1]</c>, when known.</summary>
    public string? Subject { get; }

    private static string Describe(EvaluationBudget budget, string limit, string designId, string? ruleId, string? subject)
    {
        var what = budget == EvaluationBudget.Time ? "time" : "memory";
        var where = (ruleId, subject) switch
        {
            (not null, not null) => $" at rule {ruleId}, subject {subject}",
            (not null, null) => $" at rule {ruleId}",
            (null, not null) => $" at subject {subject}",
            _ => string.Empty,
        };
        return $"Evaluating design '{designId}' ran out of its {what} budget ({limit}){where}; no report was made.";
    }
}
