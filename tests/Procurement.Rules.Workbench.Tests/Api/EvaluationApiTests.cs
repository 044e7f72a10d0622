using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

public sealed class EvaluationApiTests
{
    private const string Zhz = "zuid-holland-zuid.yaml";

    private const string Mc002Line = "    mainContractor: hoeksewaard-psy  # deliberate: MC-002 -- this practice holds only the LIGHT Jeugd-GGZ contract, not the heavy one\n";

    [Fact]
    public async Task Explain_AFailingSubject_GivesEachClauseWithItsOutcomeAndTheValuesRead()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, _) = await host.PostAsync("api/explain", new { text = WorkbenchHost.ReadExample(Zhz), ruleId = "MC-002", subject = "careProfiles[zhz-zp-010]" });

        Assert.Equal(200, status);
        Assert.Equal("MC-002", body!["ruleId"]!.GetValue<string>());
        Assert.Equal("The main contractor holds a contract for the profile's lot and category", body["title"]!.GetValue<string>());
        var subject = body["subjects"]!.AsArray().Single()!;
        Assert.Equal("careProfiles[zhz-zp-010]", subject["subject"]!.GetValue<string>());
        Assert.Equal("held", subject["when"]!.GetValue<string>());
        var clause = subject["clauses"]!.AsArray().Single()!;
        Assert.Equal(("contracted", "failed"), (clause["name"]!.GetValue<string>(), clause["outcome"]!.GetValue<string>()));
        Assert.Contains("HoldsContract", clause["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(clause["values"]!.AsArray());
    }

    [Fact]
    public async Task Explain_AnUnknownRule_Is404_AndABrokenDesignIs422WithItsErrors()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (unknown, _, _) = await host.PostAsync("api/explain", new { text = WorkbenchHost.ReadExample(Zhz), ruleId = "XX-999" });
        var (broken, body, _) = await host.PostAsync("api/explain", new { text = "design: [\n", ruleId = "MC-002" });

        Assert.Equal(404, unknown);
        Assert.Equal(422, broken);
        Assert.NotEmpty(body!["errors"]!.AsArray());
        Assert.Equal("ontwerp.yaml", body["errors"]![0]!["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task Diff_OfTheSavedFileAndAnEdit_GivesNewAndResolvedFindings()
    {
        await using var host = await WorkbenchHost.StartAsync();
        var text = WorkbenchHost.ReadExample(Zhz);
        Assert.Contains(Mc002Line, text, StringComparison.Ordinal);

        var (status, body, _) = await host.PostAsync("api/diff", new { basePath = Zhz, headText = text.Replace(Mc002Line, string.Empty, StringComparison.Ordinal) });

        Assert.Equal(200, status);
        var findings = body!["findings"]!.AsArray();
        var resolved = findings.Single(f => f!["change"]!.GetValue<string>() == "resolved")!;
        Assert.Equal("MC-002", resolved["base"]!["ruleId"]!.GetValue<string>());
        Assert.Null(resolved["head"]);
        var added = findings.Single(f => f!["change"]!.GetValue<string>() == "new")!;
        Assert.Equal(("MC-001", "careProfiles[zhz-zp-010]"), (added["head"]!["ruleId"]!.GetValue<string>(), added["head"]!["subject"]!.GetValue<string>()));
        Assert.Equal((1, 1, 0), (body["counts"]!["new"]!.GetValue<int>(), body["counts"]!["resolved"]!.GetValue<int>(), body["counts"]!["changed"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Diff_OfTwoFiles_WithoutChanges_IsEmpty()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, _) = await host.PostAsync("api/diff", new { basePath = Zhz, headPath = Zhz });

        Assert.Equal(200, status);
        Assert.Empty(body!["findings"]!.AsArray());
    }

    [Theory]
    [InlineData("html", "text/html", "zuid-holland-zuid-rapport.html", "<html")]
    [InlineData("markdown", "text/markdown", "zuid-holland-zuid-rapport.md", "MC-002")]
    [InlineData("json", "application/json", "zuid-holland-zuid-rapport.json", "\"designId\": \"zhz-inkoopkader-2018-2021\"")]
    [InlineData("sarif", "application/sarif+json", "zuid-holland-zuid-rapport.sarif", "\"version\": \"2.1.0\"")]
    public async Task Report_InEachFormat_IsAnAttachmentWrittenByTheLibrary(string format, string contentType, string fileName, string contains)
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, _, response) = await host.PostAsync("api/report", new { path = Zhz, format });

        Assert.Equal(200, status);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Contains(contains, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_InAnUnknownFormat_Is400()
    {
        await using var host = await WorkbenchHost.StartAsync();

        var (status, body, _) = await host.PostAsync("api/report", new { path = Zhz, format = "pdf" });

        Assert.Equal(400, status);
        Assert.Contains("html, markdown, json of sarif", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
