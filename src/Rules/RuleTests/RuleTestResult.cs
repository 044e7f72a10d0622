using System.Text;
using Procurement.Rules.Model;

namespace Procurement.Rules.RuleTests;

/// <summary>The outcome of one rule test, with the difference between expected and actual findings.</summary>
public sealed record RuleTestResult
{
    /// <summary>The test's name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the test is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Expected findings that did not occur, as <c>RULE subject#clause</c>.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Findings of the rules under test that the test did not expect, with their messages.</summary>
    public IReadOnlyList<string> Unexpected { get; init; } = [];

    /// <summary>Why the test could not run (its design did not load, a replacement did not match), or null.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the test passed.</summary>
    public bool Passed => Error is null && Missing.Count == 0 && Unexpected.Count == 0;

    /// <summary>A readable account: PASS or FAIL with the test name, then '-' for expected but missing, '+' for unexpected.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Passed ? "PASS  " : "FAIL  ").Append(Name).Append("  (").Append(Location).Append(')');
        if (Error is not null)
        {
            text.Append("\n      error: ").Append(Error);
        }

        foreach (var missing in Missing)
        {
            text.Append("\n      - expected  ").Append(missing);
        }

        foreach (var unexpected in Unexpected)
        {
            text.Append("\n      + actual    ").Append(unexpected);
        }

        return text.ToString();
    }
}
