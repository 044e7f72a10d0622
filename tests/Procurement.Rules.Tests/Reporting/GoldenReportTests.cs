using System.Text.RegularExpressions;
using Procurement.Rules.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Reporting;

/// <summary>
/// The library's writers reproduce the committed reports of the four examples byte for byte (line breaks and the tool's
/// version aside): validate in JSON, SARIF, Markdown and HTML, a design revision and a rule change in JSON, SARIF and
/// Markdown. The files were first written by the CLI's old writers, with which <c>WriterEquivalenceTests</c> compared the
/// new ones while both existed (SARIF after the Multitool fixes). Set <c>PROCUREMENT_UPDATE_GOLDEN=1</c> to rewrite them
/// after an intended change, and review the diff.
/// </summary>
public sealed partial class GoldenReportTests
{
    public static TheoryData<string, string> ValidateCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in ReportDocuments.Examples)
        {
            foreach (var format in new[] { "json", "sarif", "md", "html" })
            {
                data.Add(example, format);
            }
        }

        return data;
    }

    public static TheoryData<string> DiffFormats() => ["json", "sarif", "md"];

    [Theory]
    [MemberData(nameof(ValidateCases))]
    public void Validate_Example_MatchesTheGoldenFile(string example, string format) =>
        AssertGolden($"validate-{Path.GetFileNameWithoutExtension(example)}.{format}", ReportDocuments.Write(Format(format), ReportDocuments.Evaluate(ReportDocuments.Example(example))));

    [Theory]
    [MemberData(nameof(DiffFormats))]
    public void Diff_DesignRevision_MatchesTheGoldenFile(string format) =>
        AssertGolden($"diff-revision.{format}", ReportDocuments.WriteDiff(Format(format), ReportDocuments.Revision(ReportDocuments.Example("haaglanden.yaml"), ReportDocuments.Next("haaglanden.yaml"))));

    [Theory]
    [MemberData(nameof(DiffFormats))]
    public void Diff_RuleChange_MatchesTheGoldenFile(string format) =>
        AssertGolden($"diff-rule-change.{format}", ReportDocuments.WriteDiff(Format(format), ReportDocuments.RuleChange([.. ReportDocuments.Examples.Select(ReportDocuments.Example)])));

    private static ReportFormat Format(string extension) => extension switch
    {
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        "md" => ReportFormat.Markdown,
        _ => ReportFormat.Html,
    };

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(GoldenDirectory(), name);
        var normalised = Normalise(actual);
        if (Environment.GetEnvironmentVariable("PROCUREMENT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normalised);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with PROCUREMENT_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(Normalise(File.ReadAllText(path)), normalised);
    }

    /// <summary>Line breaks as <c>\n</c>, the tool's version as <c>0.0.0</c>.</summary>
    private static string Normalise(string text) => Version().Replace(text.ReplaceLineEndings("\n"), "\"semanticVersion\": \"0.0.0\"");

    [GeneratedRegex("\"semanticVersion\": \"[0-9.]+\"")]
    private static partial Regex Version();

    /// <summary>The folder of the golden files in the source tree, found from the test binaries upwards.</summary>
    private static string GoldenDirectory()
    {
        var golden = Path.Combine(Repository.Root, "tests", "Procurement.Rules.Tests", "Reporting", "Golden");
        Directory.CreateDirectory(golden);
        return golden;
    }
}
