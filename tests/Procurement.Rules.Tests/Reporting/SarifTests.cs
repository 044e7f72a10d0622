using System.Text.Json;
using Procurement.Rules.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Reporting;

/// <summary>The SARIF both validate and diff write: the tool driver and artifact URIs that the SARIF Multitool accepts.</summary>
public sealed class SarifTests
{
    [Fact]
    public void ValidateAndDiff_Driver_HasNameVersionAndInformationUri()
    {
        var example = ReportDocuments.Example("haaglanden.yaml");
        var logs = new[]
        {
            ReportDocuments.Write(ReportFormat.Sarif, ReportDocuments.Evaluate(example)),
            ReportDocuments.WriteDiff(ReportFormat.Sarif, ReportDocuments.Revision(example, ReportDocuments.Next("haaglanden.yaml"))),
        };

        foreach (var log in logs)
        {
            using var document = JsonDocument.Parse(log);
            var driver = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
            Assert.Equal("procurement-rules", driver.GetProperty("name").GetString());
            Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+$", driver.GetProperty("semanticVersion").GetString());
            Assert.True(Uri.TryCreate(driver.GetProperty("informationUri").GetString(), UriKind.Absolute, out _));
        }
    }

    [Fact]
    public void Uri_AFileUnderTheCurrentFolder_IsARelativeReferenceWithEscapedSegments() =>
        Assert.Equal("examples/a%20b/x%23.yaml", SarifLog.Uri(Path.Combine("examples", "a b", "x#.yaml")));

    [Fact]
    public void Uri_AnAbsolutePathOutsideTheCurrentFolder_IsAFileUri()
    {
        var outside = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", "elsewhere", "h2.yaml"));

        var uri = SarifLog.Uri(outside);

        Assert.StartsWith("file:///", uri, StringComparison.Ordinal);
        Assert.Equal(outside, new Uri(uri).LocalPath);
    }

    [Fact]
    public void Diff_DesignsOutsideTheCurrentFolder_LocatedByFileUris_NeverByBarePaths()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"pr-sarif-{Guid.NewGuid():N}");
        var before = ReportDocuments.Example("haaglanden.yaml");
        var after = Procurement.Rules.Model.TenderDesignLoader.LoadString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "zuid-limburg.yaml")), Path.Combine(outside, "h2.yaml")).GetValueOrThrow();

        using var document = JsonDocument.Parse(ReportDocuments.WriteDiff(ReportFormat.Sarif, ReportDocuments.Revision(before, after)));

        var uris = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
            .ToArray();
        Assert.Contains(uris, u => u.StartsWith("file:///", StringComparison.Ordinal) && u.EndsWith("/h2.yaml", StringComparison.Ordinal));
        Assert.Contains("examples/haaglanden.yaml", uris);
        Assert.DoesNotContain(uris, u => u.StartsWith('/'));
    }
}
