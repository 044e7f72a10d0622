using Procurement.Rules.Loading.Syntax;

namespace Procurement.Rules.Compiling;

/// <summary>What a compiled rule says about itself (<see cref="RuleInfo"/>), taken from its layered syntax.</summary>
internal static class RuleInfos
{
    public static RuleInfo Of(LayeredRule rule, SubjectKind kind, string variable, bool whenIsAlwaysFalse) => new()
    {
        Id = rule.Rule.Id.Value,
        Title = rule.Rule.Title ?? rule.Rule.Id.Value,
        Pack = rule.Pack.Name.Value,
        Severity = rule.Severity,
        Subject = kind.Collection,
        SubjectVariable = variable,
        When = rule.Rule.When?.Text,
        Clauses = rule.Rule.Clauses.Select(c => new KeyValuePair<string, string>(c.Name.Value, c.Expression.Text)).ToArray(),
        Message = rule.Rule.Message?.Text,
        Reference = rule.Rule.Reference,
        ReasonCode = rule.Rule.Reason,
        Effective = rule.Effective,
        Enabled = rule.Enabled,
        Location = rule.Rule.Location,
        SeveritySetBy = rule.SeveritySetBy,
        DisabledBy = rule.DisabledBy,
        Parameters = rule.Parameters,
        ParametersSetBy = rule.ParametersSetBy,
        WhenIsAlwaysFalse = whenIsAlwaysFalse,
    };
}
