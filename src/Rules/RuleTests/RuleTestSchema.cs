using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.RuleTests;

/// <summary>The keys of a rule-test file: designs, the findings expected of them, and rules that must stay silent.</summary>
internal static class RuleTestSchema
{
    public static readonly ObjectSpec Replacement = new(
        "replacement",
        "A text edit of the design file: 'find' must occur exactly once and is replaced by 'with'.",
        new("find", FieldKind.Text, true, "Text to find in the design file."),
        new("with", FieldKind.Text, true, "Text to put in its place (may be empty)."));

    public static readonly ObjectSpec ExpectedFinding = new(
        "expectedFinding",
        "A finding the test expects.",
        new("rule", FieldKind.Text, true, "Rule id, e.g. MC-002."),
        new("subject", FieldKind.Text, true, "Subject path, e.g. careProfiles[P-1] or lots[ambulant].heavy."),
        new("clause", FieldKind.Text, false, "Name of the failing clause; leave out to accept any."),
        FieldSpec.Enum<Severity>("severity", false, "Expected severity; leave out to accept any."));

    public static readonly ObjectSpec Test = new(
        "ruleTest",
        "One rule test: a design, and what the rules must (and must not) find in it.",
        new("name", FieldKind.Text, true, "What the test shows, e.g. 'MC-002 fails: main contractor without a heavy contract'."),
        new("design", FieldKind.Text, false, "Design file, relative to this file and inside the rules folder, to use instead of 'base'; or write the design inline as a mapping."),
        new("replace", FieldKind.ObjectList, false, "Text edits applied to the design file before loading.") { Object = Replacement },
        new("asOf", FieldKind.Date, false, "Reference date; default the file's asOf, else the design's first day."),
        new("expect", FieldKind.ObjectList, false, "Findings expected. For each rule named here, its findings must be exactly these.") { Object = ExpectedFinding },
        new("absent", FieldKind.TextList, false, "Rule ids that must not fire (and must apply to at least one subject)."));

    public static readonly ObjectSpec File = new(
        "ruleTests",
        "Rule tests for Procurement.Rules packs: run with 'procurement-rules test'.",
        new("base", FieldKind.Text, false, "Design file, relative to this file and inside the rules folder, that the tests edit."),
        new("asOf", FieldKind.Date, false, "Default reference date of the tests."),
        new("tests", FieldKind.ObjectList, true, "The tests.") { Object = Test });
}
