using Procurement.Rules.Model;

namespace Procurement.Rules.RuleTests;

/// <summary>Results of running rule tests: each test, load errors of the test files, and clause coverage.</summary>
public sealed record RuleTestReport
{
    /// <summary>Each test's result, in file order.</summary>
    public required IReadOnlyList<RuleTestResult> Tests { get; init; }

    /// <summary>Errors in the test files themselves.</summary>
    public required IReadOnlyList<LoadError> Errors { get; init; }

    /// <summary>Coverage of every clause of every enabled rule, ordered by rule id and clause order.</summary>
    public required IReadOnlyList<ClauseCoverage> Coverage { get; init; }

    /// <summary>Share of clauses covered (held and failed at least once), 0-100; 100 when there are no clauses.</summary>
    public double CoveragePercent => Coverage.Count == 0 ? 100 : 100.0 * Coverage.Count(c => c.Covered) / Coverage.Count;

    /// <summary>Whether every test passed and the test files had no errors.</summary>
    public bool Passed => Errors.Count == 0 && Tests.All(t => t.Passed);
}
