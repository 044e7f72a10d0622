using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Examples;

/// <summary>
/// Pins the findings of the four example designs: each carries a few deliberate, realistic violations
/// (marked '# deliberate:' in the YAML) that examples/README.md documents finding by finding.
/// </summary>
public sealed class ExampleFindingsTests
{
    private static readonly Lazy<RuleSet> Default = new(() => RuleSet.LoadDefault().GetValueOrThrow());

    // Exactly the findings examples/README.md documents, in report order, as "{severity} {ruleId} {subject}#{clause}".
    private static readonly Dictionary<string, (int Exit, string[] Findings)> Expected = new(StringComparer.Ordinal)
    {
        ["zuid-holland-zuid.yaml"] = (1,
        [
            "Warning EL-014 lots[lvb].light#invitation-published",
            "Error ES-001 careProfiles[zhz-zp-001]#within-intensity",
            "Error MC-002 careProfiles[zhz-zp-010]#contracted",
            "Error MC-003 careProfiles[zhz-zp-013]#co-providers-allowed",
        ]),
        ["heerlen-landgraaf-voerendaal.yaml"] = (1,
        [
            "Warning CT-008 contracts[hlv-jens-ggz-heavy]#hardship-clause-stated",
            "Info EL-011 lots[basishulp-ambulant].heavy#below-european-threshold",
            "Info EL-011 lots[basishulp-ambulant].light#below-european-threshold",
            "Info EL-011 lots[basishulp-ggz].heavy#below-european-threshold",
            "Info EL-011 lots[basishulp-ggz].light#below-european-threshold",
            "Error ES-002 escalations[hlv-esc-02]#by-own-access-team",
            "Error MC-002 careProfiles[hlv-zp-007]#contracted",
            "Error MC-004 careProfiles[hlv-zp-007]#member-of-contract-party",
        ]),
        ["haaglanden.yaml"] = (1,
        [
            "Warning CO-009 municipalities[voorschoten]#no-stays-after-leaving",
            "Warning CT-006 lots[ambulant].heavy#differentiation-stated",
            "Warning CT-006 lots[ambulant].light#differentiation-stated",
            "Error EL-007 contracts[hgl-amb-l-leidsenhage-coaching-2023]#municipalities-participate",
            "Info EL-011 lots[ambulant].heavy#below-european-threshold",
            "Info EL-011 lots[crisis].heavy#below-european-threshold",
            "Info EL-011 lots[dagbehandeling].heavy#below-european-threshold",
            "Info EL-011 lots[den-haag-ambulant].heavy#below-european-threshold",
            "Info EL-011 lots[jb-jr].heavy#below-european-threshold",
            "Info EL-011 lots[jeugd-ggz].heavy#below-european-threshold",
            "Info EL-011 lots[verblijf].heavy#below-european-threshold",
            "Error ES-003 escalations[hgl-esc-04]#heavy-contract",
            "Error ES-004 escalations[hgl-esc-04]#target-lot-regional",
        ]),
        ["zuid-limburg.yaml"] = (1,
        [
            "Error CO-003 lots[crisis].heavy#enough-providers",
            "Warning CO-007 lots[crisis].heavy#second-party",
            "Error CO-008 careProfiles[zl-zp-24]#responsible-named",
            "Error EL-001 contracts[zl-jbjr-h-gi-maasland]#qualified",
            "Error EL-001 contracts[zl-jbjr-l-gi-maasland]#qualified",
            "Error EL-012 lots[dagbehandeling].heavy#european-publication",
            "Error MC-002 careProfiles[zl-zp-13]#contracted",
            "Error MC-005 careProfiles[zl-zp-20]#within-budget",
        ]),
    };

    public static TheoryData<string> ExampleFiles => new(Expected.Keys);

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "examples", file);

    [Fact]
    public void EveryExampleFileIsPinned()
    {
        var files = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml")
            .Select(p => Path.GetFileName(p))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_GivesExactlyTheDocumentedFindings(string file)
    {
        var design = TenderDesignLoader.LoadFile(PathOf(file)).GetValueOrThrow();

        var report = Default.Value.Evaluate(design);

        Assert.Equal(Expected[file].Findings, report.Findings.Select(f => $"{f.Severity} {f.RuleId} {f.Subject}#{f.Clause}").ToArray());
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_ValidateCommand_ExitsWithTheDocumentedCodeAndPrintsEveryFinding(string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = Program.Run(new[] { "validate", PathOf(file) }, output, error);

        Assert.Equal(Expected[file].Exit, exit);
        Assert.Equal("", error.ToString());
        var text = output.ToString();
        foreach (var finding in Expected[file].Findings)
        {
            // "Error MC-002 careProfiles[zhz-zp-010]#contracted" -> the text report prints the rule id at the start of a
            // line and, under the message, "clausule contracted · careProfiles[zhz-zp-010] (file:line:column)", wrapped to the width.
            var parts = finding.Split(' ');
            var ruleId = parts[1];
            var (subject, clause) = (parts[2][..parts[2].IndexOf('#', StringComparison.Ordinal)], parts[2][(parts[2].IndexOf('#', StringComparison.Ordinal) + 1)..]);
            Assert.Matches($@"(?m)^\s*\S+\s+{System.Text.RegularExpressions.Regex.Escape(ruleId)}\s", text);
            Assert.Matches($@"clausule\s+{System.Text.RegularExpressions.Regex.Escape(clause)}\s+·\s+{System.Text.RegularExpressions.Regex.Escape(subject)}\s", text);
        }
    }
}
