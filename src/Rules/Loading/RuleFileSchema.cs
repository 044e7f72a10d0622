using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Loading;

/// <summary>The keys of every mapping in a rule file, with their kinds and meanings.</summary>
internal static class RuleFileSchema
{
    public static readonly ObjectSpec Effective = new(
        "effective",
        "When a rule is in force (geldigheid), both ends inclusive; compared with the evaluation's reference date.",
        new("from", FieldKind.Date, false, "First day the rule applies."),
        new("until", FieldKind.Date, false, "Last day the rule applies."));

    public static readonly ObjectSpec Rule = new(
        "rule",
        "A rule: for each subject where 'when' holds, every 'require' clause must hold; each failing clause is a finding.",
        new("id", FieldKind.Text, true, "Stable id, e.g. MC-002; unique across all loaded packs."),
        new("title", FieldKind.Text, false, "Short English title."),
        FieldSpec.Enum<Severity>("severity", false, "error (default), warning or info."),
        new("reference", FieldKind.Text, false, "Policy reference, e.g. a paragraph of the purchasing framework."),
        new("effective", FieldKind.Object, false, "Period in which the rule applies.") { Object = Effective },
        new("for", FieldKind.Text, true, "Subjects: 'design', or '<name> in <collection>' with CareProfiles, Lots, Categories, Contracts, Providers, Cooperatives, Municipalities or Escalations.")
        {
            Pattern = "^(design|[A-Za-z][A-Za-z0-9_]* in (CareProfiles|Lots|Categories|Contracts|Providers|Cooperatives|Municipalities|Escalations))$",
        },
        new("when", FieldKind.Expression, false, "Expression that selects the subjects the rule applies to."),
        new("require", FieldKind.ExpressionMap, true, "Named clauses (name: expression) that must all hold."),
        new("message", FieldKind.Text, false, "Message with {expression} placeholders, shown for each failing clause."),
        new("reason", FieldKind.Text, false, "Reason code for the finding, e.g. no-contract."),
        new("enabled", FieldKind.Boolean, false, "false switches the rule off."));

    public static readonly ObjectSpec Override = new(
        "override",
        "Changes a rule of an extended pack by id; what is left out stays as it was.",
        new("id", FieldKind.Text, true, "Id of the rule to change."),
        FieldSpec.Enum<Severity>("severity", false, "New severity."),
        new("enabled", FieldKind.Boolean, false, "false switches the rule off, true on."),
        new("effective", FieldKind.Object, false, "New effective period.") { Object = Effective },
        new("parameters", FieldKind.ScalarMap, false, "Parameter values for this rule only."));

    public static readonly ObjectSpec LetGroup = new(
        "let",
        "Derived values (name: expression) per subject collection, usable by the pack's rules; evaluated in dependency order.",
        new("for", FieldKind.Text, true, "'<name> in <collection>', as in a rule."),
        new("values", FieldKind.ExpressionMap, true, "Named expressions."));

    public static readonly ObjectSpec Pack = new(
        "rulePack",
        "A Procurement.Rules rule pack, or an override file that extends one.",
        new("pack", FieldKind.Text, true, "Name of the pack; other files extend it by this name."),
        new("version", FieldKind.Text, false, "Version of the pack, e.g. 1.0.0."),
        new("description", FieldKind.Text, false, "What the pack checks."),
        new("extends", FieldKind.Text, false, "Name of the pack this file extends and overrides."),
        new("parameters", FieldKind.ScalarMap, false, "Named values the rules use; in an extending file, new values for the extended pack's parameters."),
        new("let", FieldKind.ObjectList, false, "Derived values.") { Object = LetGroup },
        new("rules", FieldKind.ObjectList, false, "The rules.") { Object = Rule },
        new("overrides", FieldKind.ObjectList, false, "Changes to rules of the extended pack.") { Object = Override });
}
