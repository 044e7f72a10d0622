using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Waivers;

/// <summary>The keys of a waiver file (afwijkingenregister): a list of accepted deviations, each from one rule for one subject.</summary>
internal static class WaiverSchema
{
    public static readonly ObjectSpec Entry = new(
        "waiver",
        "An accepted deviation: a justified, approved exception to one rule for one subject, valid up to and including 'expires'.",
        new("id", FieldKind.Text, false, "The waiver's own id (kenmerk), unique in the file, e.g. ZL-AFW-2024-01."),
        new("rule", FieldKind.Text, true, "Id of the rule the deviation is from, e.g. CO-003; it must exist in the rule set."),
        new("design", FieldKind.Text, false, "Only for the design with this id; leave out for every design."),
        new("subject", FieldKind.Text, true, "Subject path as findings name it, e.g. lots[crisis].heavy; '*' stands for any text, e.g. careProfiles[zl-zp-*]."),
        new("justification", FieldKind.Text, true, "Why the deviation is accepted (onderbouwing)."),
        new("approvedBy", FieldKind.Text, true, "Who approved it (goedgekeurd door)."),
        new("decided", FieldKind.Date, false, "Date of the decision (besluitdatum), yyyy-MM-dd."),
        new("expires", FieldKind.Date, true, "Last day the deviation is accepted (vervaldatum), yyyy-MM-dd."),
        new("reference", FieldKind.Text, false, "Decision number or document (besluitnummer)."));

    public static readonly ObjectSpec File = new(
        "waivers",
        "Accepted deviations (geaccepteerde afwijkingen) for Procurement.Rules: use with 'procurement-rules validate --waivers'.",
        new FieldSpec("waivers", FieldKind.ObjectList, true, "The accepted deviations.") { Object = Entry });
}
