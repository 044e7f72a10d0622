using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Reporting;

/// <summary>
/// While both exist: the library's writers write the same bytes as the CLI's old ones, on the four examples and on
/// generated designs, for validate and diff reports. SARIF differs only by the Multitool fixes (the driver's
/// <c>semanticVersion</c> and <c>informationUri</c>, and for a diff URIs that are relative references or file URIs).
/// </summary>
public sealed class WriterEquivalenceTests
{
    public static TheoryData<string> Examples() => [.. ReportDocuments.Examples];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Validate_Example_SameBytes(string example) => AssertValidateSame(ReportDocuments.Example(example));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Validate_Generated_SameBytes(int seed) => AssertValidateSame(ReportDocuments.Generated(seed));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Diff_ExampleRevisionAndRuleChange_SameBytes(string example)
    {
        AssertDiffSame(ReportDocuments.Revision(ReportDocuments.Example(example), ReportDocuments.Next(example)));
        AssertDiffSame(ReportDocuments.RuleChange(ReportDocuments.Example(example), ReportDocuments.Next(example)));
    }

    [Fact]
    public void Diff_Generated_SameBytes()
    {
        AssertDiffSame(ReportDocuments.Revision(ReportDocuments.Generated(4), ReportDocuments.Generated(5)));
        AssertDiffSame(ReportDocuments.RuleChange(ReportDocuments.Generated(6), ReportDocuments.Generated(7)));
    }

    private static void AssertValidateSame(TenderDesign design)
    {
        var report = ReportDocuments.Evaluate(design);
        var old = new[] { new DesignResult(report.Report, design) };
        Assert.NotEmpty(report.Report.Findings);
        Assert.Equal(Old(w => JsonReport.Write([report.Report], w)), ReportDocuments.Write(ReportFormat.Json, report));
        Assert.Equal(Old(w => MarkdownReport.Write(old, Shipped.Rules, w)), ReportDocuments.Write(ReportFormat.Markdown, report));
        Assert.Equal(Old(w => HtmlReport.Write(old, Shipped.Rules, w)), ReportDocuments.Write(ReportFormat.Html, report));
        Assert.Equal(
            Old(w => SarifReport.Write(old, Shipped.Rules, w)),
            WithoutDriverFix(ReportDocuments.Write(ReportFormat.Sarif, report)));
    }

    private static void AssertDiffSame(DiffReport diff)
    {
        var old = new DiffResult(diff.Diffs, diff.BaseRules, diff.HeadRules, diff.Impact);
        Assert.Contains(diff.Diffs, d => !d.IsEmpty);
        Assert.Equal(Old(w => DiffJson.Write(old, w)), ReportDocuments.WriteDiff(ReportFormat.Json, diff));
        Assert.Equal(Old(w => DiffMarkdown.Write(old, w)), ReportDocuments.WriteDiff(ReportFormat.Markdown, diff));

        // The designs have relative names under the current folder, for which the old and new URI rules agree.
        Assert.Equal(Old(w => DiffSarif.Write(old, w)), WithoutDriverFix(ReportDocuments.WriteDiff(ReportFormat.Sarif, diff), keepVersion: false));
    }

    /// <summary>The SARIF without the driver properties the Multitool fix added.</summary>
    private static string WithoutDriverFix(string sarif, bool keepVersion = true) =>
        string.Join('\n', sarif.Split('\n').Where(line =>
            !line.Contains("\"informationUri\": ", StringComparison.Ordinal)
            && (keepVersion || !line.Contains("\"semanticVersion\": ", StringComparison.Ordinal))));

    private static string Old(Action<TextWriter> write)
    {
        using var output = new StringWriter();
        write(output);
        return output.ToString();
    }
}
