using System.Globalization;
using System.Text.Json;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The waivers in SARIF: a waived result gets a <c>suppressions</c> entry (kind <c>external</c>, status <c>accepted</c>,
/// the justification, and approver, expiry, decision and reference as properties); a result whose waiver expired says
/// so in its properties; the run lists the waivers that matched nothing or expire soon.
/// </summary>
internal static class SarifWaivers
{
    public static void WriteSuppression(Utf8JsonWriter json, Finding finding)
    {
        if (finding.Waiver is not { State: WaiverState.Active } waiver)
        {
            return;
        }

        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", "external");
        json.WriteString("status", "accepted");
        json.WriteString("justification", waiver.Justification);
        json.WriteStartObject("properties");
        if (waiver.Id is { } id)
        {
            json.WriteString("waiverId", id);
        }

        json.WriteString("approvedBy", waiver.ApprovedBy);
        json.WriteString("expires", Date(waiver.Expires));
        if (waiver.Decided is { } decided)
        {
            json.WriteString("decided", Date(decided));
        }

        if (waiver.Reference is { } reference)
        {
            json.WriteString("reference", reference);
        }

        if (waiver.Location is { } location)
        {
            json.WriteString("waiverLocation", location.ToString());
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>Inside a result's <c>properties</c>: the waiver that expired, when it did.</summary>
    public static void WriteExpired(Utf8JsonWriter json, Finding finding)
    {
        if (finding.Waiver is not { State: WaiverState.Expired } waiver)
        {
            return;
        }

        json.WriteStartObject("expiredWaiver");
        if (waiver.Id is { } id)
        {
            json.WriteString("waiverId", id);
        }

        json.WriteString("expires", Date(waiver.Expires));
        json.WriteString("approvedBy", waiver.ApprovedBy);
        json.WriteEndObject();
    }

    /// <summary>Inside the run's <c>properties</c>: waivers that matched no finding, and active ones that expire soon (none written when no report had waivers).</summary>
    public static void WriteUnmatched(Utf8JsonWriter json, IEnumerable<EvaluationReport> reports)
    {
        var uses = reports.Where(r => r.Waivers is not null).SelectMany(r => r.Waivers!.Select(u => (r.DesignId, Use: u))).ToList();
        if (uses.Count == 0)
        {
            return;
        }

        json.WriteStartArray("unmatchedWaivers");
        foreach (var (design, use) in uses.Where(u => u.Use.Matched == 0))
        {
            json.WriteStringValue($"{use.Waiver.Name} ({design})");
        }

        json.WriteEndArray();
        json.WriteStartArray("expiringWaivers");
        foreach (var (design, use) in uses.Where(u => u.Use.ExpiresSoon))
        {
            json.WriteStringValue($"{use.Waiver.Name} ({design}, {Date(use.Waiver.Expires)})");
        }

        json.WriteEndArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
