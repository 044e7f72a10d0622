using Procurement.Rules.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Reporting;

/// <summary>Findings carry their subject as values; the path and the report's grouping come from it.</summary>
public sealed class SubjectReferenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Evaluate_EveryFinding_CarriesTheReferenceItsSubjectIsDerivedFrom(int seed)
    {
        var findings = ReportDocuments.Evaluate(ReportDocuments.Generated(seed)).Report.Findings
            .Concat(ReportDocuments.Examples.SelectMany(e => ReportDocuments.Evaluate(ReportDocuments.Example(e)).Report.Findings))
            .ToArray();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(f.Subject, Assert.IsType<SubjectReference>(f.SubjectReference).Path));
        Assert.Contains(findings, f => f.SubjectReference!.Type == SubjectType.CareProfile);
        Assert.Contains(findings, f => f.SubjectReference!.Type != SubjectType.CareProfile);
    }

    [Theory]
    [InlineData(SubjectType.Design, "x", null, "design")]
    [InlineData(SubjectType.CareProfile, "P-1", null, "careProfiles[P-1]")]
    [InlineData(SubjectType.Lot, "L1", null, "lots[L1]")]
    [InlineData(SubjectType.Category, "L1", "heavy", "lots[L1].heavy")]
    [InlineData(SubjectType.Category, "L1", "light", "lots[L1].light")]
    [InlineData(SubjectType.Contract, "C-1", null, "contracts[C-1]")]
    [InlineData(SubjectType.Provider, "A", null, "providers[A]")]
    [InlineData(SubjectType.Cooperative, "K", null, "cooperatives[K]")]
    [InlineData(SubjectType.Municipality, "GM0518", null, "municipalities[GM0518]")]
    [InlineData(SubjectType.Escalation, "E-1", null, "escalations[E-1]")]
    public void Path_EveryKind_IsTheCollectionAndId(SubjectType type, string id, string? category, string path)
    {
        var reference = new SubjectReference(type, id, category);

        Assert.Equal(path, reference.Path);
        Assert.True(SubjectReference.TryParse(path, out var parsed));
        Assert.Equal(path, parsed.Path);
        Assert.Equal(type, parsed.Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("lots[L1")]
    [InlineData("lots[L1].medium")]
    [InlineData("profiles[P]")]
    public void TryParse_NotASubjectPath_IsFalse(string text) => Assert.False(SubjectReference.TryParse(text, out _));

    [Fact]
    public void Group_ByReference_GivesTheProfilesLotAndMunicipality_AndIgnoresTheSubjectText()
    {
        var report = ReportDocuments.Evaluate(ReportDocuments.Example("zuid-limburg.yaml"));
        var profile = report.Design.CareProfiles[0];
        var finding = report.Report.Findings[0] with { Subject = "lots[nonsense]", SubjectReference = new SubjectReference(SubjectType.CareProfile, profile.Id) };

        Assert.Equal((profile.Lot.Name, profile.Municipality.Name), report.Group(finding));
        Assert.Equal(("-", "-"), report.Group(finding with { SubjectReference = null }));
    }
}
