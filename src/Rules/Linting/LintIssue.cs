using Procurement.Rules.Model;

namespace Procurement.Rules.Linting;

/// <summary>
/// Something in a rule file that loads but is probably wrong. Codes: <c>never-applies</c>, <c>expired</c>,
/// <c>unused-parameter</c>, <c>missing-message</c>, <c>missing-reference</c>, <c>duplicate-title</c>.
/// </summary>
/// <param name="Code">Stable code of the issue.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Location">Where it is.</param>
public sealed record LintIssue(string Code, string Message, SourceLocation Location)
{
    /// <summary>Renders the issue as <c>file:line:column: warning code: message</c>.</summary>
    public override string ToString() => $"{Location}: warning {Code}: {Message}";
}
