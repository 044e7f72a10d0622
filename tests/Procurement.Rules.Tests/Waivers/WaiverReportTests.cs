using System.Text.Json;
using NJsonSchema;
using Procurement.Rules.Comparing;
using Procurement.Rules.Reporting;
using Procurement.Rules.Tests.Properties;
using Procurement.Rules.Tests.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Waivers;

/// <summary>Every report format with the example waiver of Zuid-Limburg: active (on the design's first day) and expired (a year later).</summary>
public sealed class WaiverReportTests
{
    private static readonly string WaiverPath = Path.Combine(AppContext.BaseDirectory, "examples", "waivers", "zuid-limburg.waivers.yaml");

    private static IReadOnlyList<Waiver> ExampleWaivers => WaiverFile.LoadFiles([WaiverPath], Shipped.Rules).GetValueOrThrow();

    private static DesignReport Evaluate(DateOnly? asOf = null)
    {
        var design = ReportDocuments.Example("zuid-limburg.yaml");
        return new DesignReport(Shipped.Rules.Evaluate(design, new EvaluationOptions { AsOf = asOf, Waivers = ExampleWaivers }), design);
    }

    [Fact]
    public void Json_CarriesTheWaiverOnTheFindingTheCountsAndEveryWaiversUse_AndRoundTrips()
    {
        var json = ReportDocuments.Write(ReportFormat.Json, Evaluate());

        using var document = JsonDocument.Parse(json);
        var report = document.RootElement[0];
        var waived = report.GetProperty("findings").EnumerateArray().Single(f => f.TryGetProperty("waiver", out _));
        Assert.Equal(("CO-003", "active", "ZL-AFW-2023-01", "Bestuurscommissie Jeugdhulp Zuid-Limburg", "2023-12-31", "BC-JZL 2022-041"), (
            waived.GetProperty("ruleId").GetString(), waived.GetProperty("waiver").GetProperty("state").GetString(), waived.GetProperty("waiver").GetProperty("id").GetString(),
            waived.GetProperty("waiver").GetProperty("approvedBy").GetString(), waived.GetProperty("waiver").GetProperty("expires").GetString(), waived.GetProperty("waiver").GetProperty("reference").GetString()));
        Assert.Equal((6, 1, 0), (report.GetProperty("errorCount").GetInt32(), report.GetProperty("waivedCount").GetInt32(), report.GetProperty("expiredWaiverCount").GetInt32()));
        var use = Assert.Single(report.GetProperty("waivers").EnumerateArray().ToArray());
        Assert.Equal((1, false, "active"), (use.GetProperty("matched").GetInt32(), use.GetProperty("expiresSoon").GetBoolean(), use.GetProperty("state").GetString()));
        using var again = new StringWriter();
        ReportWriter.WriteJson(ReportWriter.ReadJson(json), again);
        Assert.Equal(json, again.ToString());
    }

    [Fact]
    public void Json_WithoutWaivers_HasNoWaiverFields()
    {
        var json = ReportDocuments.Write(ReportFormat.Json, ReportDocuments.Evaluate(ReportDocuments.Example("zuid-limburg.yaml")));

        Assert.DoesNotContain("waive", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sarif_ActiveWaiver_IsAnAcceptedExternalSuppression_ExpiredOneIsNot_BothValidAgainstTheSchema()
    {
        var active = ReportDocuments.Write(ReportFormat.Sarif, Evaluate());
        var expired = ReportDocuments.Write(ReportFormat.Sarif, Evaluate(new DateOnly(2024, 6, 1)));

        var suppression = Assert.Single(Results(active), r => r.TryGetProperty("suppressions", out _)).GetProperty("suppressions")[0];
        Assert.Equal(("external", "accepted"), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("status").GetString()));
        Assert.StartsWith("Na de gunning", suppression.GetProperty("justification").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Bestuurscommissie Jeugdhulp Zuid-Limburg", "2023-12-31"), (suppression.GetProperty("properties").GetProperty("approvedBy").GetString(), suppression.GetProperty("properties").GetProperty("expires").GetString()));
        Assert.DoesNotContain(Results(expired), r => r.TryGetProperty("suppressions", out _));
        var reopened = Assert.Single(Results(expired), r => r.GetProperty("properties").TryGetProperty("expiredWaiver", out _));
        Assert.Equal("CO-003", reopened.GetProperty("ruleId").GetString());

        var schemaFile = Path.Combine(Repository.Root, ".artifacts", "sarif-2.1.0.json");
        if (!File.Exists(schemaFile))
        {
            Assert.Skip($"SARIF schema not found at {schemaFile}; run 'bash tests/fetch-sarif-schema.sh' to download it.");
        }

        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(schemaFile, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.Empty(schema.Validate(active).Select(e => $"{e.Path}: {e.Kind}"));
        Assert.Empty(schema.Validate(expired).Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void Markdown_HasTheSectionWithApproverReasonExpiryAndDecision_AndListsTheWaivedFindingOnlyThere()
    {
        var markdown = ReportDocuments.Write(ReportFormat.Markdown, Evaluate());

        var section = markdown.IndexOf("### Geaccepteerde afwijkingen", StringComparison.Ordinal);
        Assert.True(section > 0);
        Assert.Contains("| CO-003 | <code>lots\\[crisis\\].heavy</code> | ZL-AFW-2023-01 | Bestuurscommissie Jeugdhulp Zuid-Limburg | Na de gunning", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2023-12-31 | BC-JZL 2022-041 |", markdown, StringComparison.Ordinal);
        Assert.Single(AllIndexes(markdown, "CO-003"));
        Assert.Contains("**MC-002**", markdown, StringComparison.Ordinal);
        Assert.Contains("| 6 | 1 | 0 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ExpiredWaiver_SaysTheFindingIsOpenAgain_AndAnUnmatchedWaiverIsNamed()
    {
        var design = ReportDocuments.Example("zuid-limburg.yaml");
        var unmatched = ExampleWaivers[0] with { Id = "ZL-AFW-OUD", Subject = "lots[verblijf].heavy" };
        var report = new DesignReport(Shipped.Rules.Evaluate(design, new EvaluationOptions { AsOf = new DateOnly(2024, 6, 1), Waivers = [.. ExampleWaivers, unmatched] }), design);

        var markdown = ReportDocuments.Write(ReportFormat.Markdown, report);

        Assert.Contains("Verlopen: afwijking ZL-AFW-2023-01 voor CO-003 lots\\[crisis\\].heavy gold tot en met 2023-12-31; de bevinding staat weer open.", markdown, StringComparison.Ordinal);
        Assert.Contains("Zonder bevinding: afwijking ZL-AFW-OUD", markdown, StringComparison.Ordinal);
        Assert.Contains("🔴 **CO-003**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_HasTheSection_AndTheWaivedFindingIsNotAmongTheOpenFindings()
    {
        var html = ReportDocuments.Write(ReportFormat.Html, Evaluate());

        Assert.Contains("<h2>Geaccepteerde afwijkingen — zuid-limburg-jeugdhulp-2023-2026</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>CO-003</td><td><code>lots[crisis].heavy</code></td><td>ZL-AFW-2023-01</td><td>Bestuurscommissie Jeugdhulp Zuid-Limburg</td>", html, StringComparison.Ordinal);
        var start = html.IndexOf("<h2>Bevindingen</h2>", StringComparison.Ordinal);
        var findings = html[start..html.IndexOf("<h2>Geaccepteerde afwijkingen", start, StringComparison.Ordinal)];
        Assert.Contains("MC-002", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("CO-003", findings, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WaiversAddedRemovedAndExpired_AreReportedPerDesign()
    {
        var design = ReportDocuments.Example("zuid-limburg.yaml");
        var kept = ExampleWaivers[0];
        var gone = kept with { Id = "GONE", Subject = "lots[verblijf].heavy" };
        var added = kept with { Id = "NEW", RuleId = "MC-002", Subject = "careProfiles[zl-zp-13]" };
        var before = Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = [kept, gone] });
        var after = Shipped.Rules.Evaluate(design, new EvaluationOptions { AsOf = new DateOnly(2024, 2, 1), Waivers = [kept, added] });

        var diff = ReportComparer.Compare(before, after);

        Assert.Equal([(WaiverChangeKind.Expired, "ZL-AFW-2023-01"), (WaiverChangeKind.Added, "NEW"), (WaiverChangeKind.Removed, "GONE")], diff.Waivers.Select(c => (c.Kind, c.Waiver.Id!)));
        var json = ReportDocuments.WriteDiff(ReportFormat.Json, new DiffReport([diff], Shipped.Rules, Shipped.Rules, null));
        Assert.Contains("\"change\": \"expired\"", json, StringComparison.Ordinal);
        var markdown = ReportDocuments.WriteDiff(ReportFormat.Markdown, new DiffReport([diff], Shipped.Rules, Shipped.Rules, null));
        Assert.Contains("afwijking GONE (CO-003 <code>lots\\[verblijf\\].heavy</code>, tot en met 2023-12-31): verwijderd", markdown, StringComparison.Ordinal);
    }

    private static JsonElement[] Results(string sarif) =>
        [.. JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
