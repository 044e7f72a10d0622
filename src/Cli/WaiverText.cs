using System.Globalization;

namespace Procurement.Rules.Cli;

/// <summary>
/// The section "Geaccepteerde afwijkingen" of the text report, for a design evaluated with waivers: each waived finding
/// with approver, justification, expiry and decision; findings whose waiver expired; waivers that matched nothing.
/// </summary>
internal static class WaiverText
{
    public static IEnumerable<string> Lines(EvaluationReport report)
    {
        if (report.Waivers is null)
        {
            yield break;
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"  Geaccepteerde afwijkingen: {report.WaivedCount} bevinding(en)");
        foreach (var f in report.Findings.Where(f => f.IsWaived))
        {
            var w = f.Waiver!;
            var soon = report.Waivers.Any(u => u.ExpiresSoon && u.Waiver.Id == w.Id && u.Waiver.Expires == w.Expires && u.Waiver.Justification == w.Justification);
            yield return $"  afwijking {f.RuleId,-7} {f.Subject}  ({w.Id ?? "zonder kenmerk"})";
            yield return $"          goedgekeurd door {w.ApprovedBy}, geldig tot en met {w.Expires:yyyy-MM-dd}{(soon ? " (verloopt binnenkort)" : "")}{(w.Reference is null ? "" : $", besluit {w.Reference}")}";
            yield return $"          onderbouwing: {w.Justification}";
        }

        foreach (var f in report.Findings.Where(f => f.Waiver is { State: WaiverState.Expired }))
        {
            yield return $"  verlopen: afwijking {f.Waiver!.Id ?? f.RuleId} voor {f.RuleId} {f.Subject} gold tot en met {f.Waiver.Expires:yyyy-MM-dd}; de bevinding staat weer open";
        }

        foreach (var use in report.Waivers.Where(u => u.Matched == 0))
        {
            yield return $"  zonder bevinding: afwijking {use.Waiver.Name} ({use.Waiver.Location?.ToString() ?? "-"}) past op geen enkele bevinding";
        }
    }

    /// <summary>The line explain writes under a subject a waiver matches.</summary>
    public static string Explain(FindingWaiver waiver) => waiver.State == WaiverState.Active
        ? $"  afwijking geaccepteerd: {waiver.Id ?? "zonder kenmerk"}, goedgekeurd door {waiver.ApprovedBy}, geldig tot en met {waiver.Expires:yyyy-MM-dd}{(waiver.Reference is null ? "" : $", besluit {waiver.Reference}")}; een bevinding hier telt niet mee"
        : $"  afwijking verlopen: {waiver.Id ?? "zonder kenmerk"} gold tot en met {waiver.Expires:yyyy-MM-dd}; een bevinding hier staat open";
}
