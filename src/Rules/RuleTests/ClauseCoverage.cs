namespace Procurement.Rules.RuleTests;

/// <summary>How often the rule tests made one clause of one rule hold and fail; a clause is covered when it did both.</summary>
/// <param name="RuleId">Id of the rule.</param>
/// <param name="Clause">Name of the <c>require</c> clause.</param>
/// <param name="Held">Subjects on which the clause held.</param>
/// <param name="Failed">Subjects on which the clause failed.</param>
public sealed record ClauseCoverage(string RuleId, string Clause, int Held, int Failed)
{
    /// <summary>Whether the tests made the clause both hold and fail at least once.</summary>
    public bool Covered => Held > 0 && Failed > 0;
}
