using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Model;

/// <summary>The publication of a category or contract as loaded and written, and the model's answers for continuity of care.</summary>
public sealed class PublicationAndContinuityTests
{
    private const string HeavyLimits = "limits: { budget: 60000 } }";

    [Fact]
    public void Load_Publication_OnCategoryAndContract_IsReadAndWrittenBack()
    {
        var text = SampleDesigns.With(HeavyLimits, "limits: { budget: 60000 }, publication: { procedure: european, published: 2022-06-01, notice: \"TED 2022/S 105-123456\" } }")
            .Replace("{ procedure: national, published: 2022-10-03, notice: \"TenderNed 271828\" }", "{ procedure: none }", StringComparison.Ordinal);

        var design = TenderDesignLoader.LoadString(text, "published.yaml").GetValueOrThrow();
        var reloaded = TenderDesignLoader.LoadString(TenderDesignWriter.Write(design), "written.yaml").GetValueOrThrow();

        foreach (var d in new[] { design, reloaded })
        {
            var heavy = d.FindLot("ambulant")!.Heavy.Publication!;
            Assert.Equal((PublicationProcedure.European, new DateOnly(2022, 6, 1), "TED 2022/S 105-123456"), (heavy.Procedure, heavy.Published, heavy.Notice));
            var contract = d.FindContract("C-001")!.Publication!;
            Assert.Equal((PublicationProcedure.None, null, null), (contract.Procedure, contract.Published, contract.Notice));
            Assert.Null(d.FindLot("ambulant")!.Light.Publication);
            Assert.Null(d.FindContract("C-002")!.Publication);
        }

        Assert.Equal("european, 2022-06-01, TED 2022/S 105-123456", design.FindLot("ambulant")!.Heavy.Publication!.ToString());
    }

    [Theory]
    [InlineData("publication: { procedure: ted }", LoadErrorCodes.BadValue, 13, 446)]
    [InlineData("publication: { notice: TenderNed }", LoadErrorCodes.MissingField, 13, 433)]
    [InlineData("publication: { procedure: european, published: 2022-13-01 }", LoadErrorCodes.BadDate, 13, 467)]
    public void Load_BrokenPublication_ReportsCodeLineAndColumn(string publication, string code, int line, int column)
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.With(HeavyLimits, $"limits: {{ budget: 60000 }}, {publication} }}"), "broken.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((code, line, column), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void TotalValue_AddsUpTheCategorysContracts()
    {
        var design = TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow();

        Assert.Equal(450000m, design.FindLot("ambulant")!.Heavy.TotalValue);
        Assert.Equal(90000m, design.FindLot("ambulant")!.Light.TotalValue);
    }

    [Fact]
    public void LargestShares_CountProfilesAndBudgetPerDeliveringParty_ACooperativeForItsMembers()
    {
        // Light: P-0002 (radar, as a JenS member: JenS delivers) and P-0003 (xonar, its own light contract C-003).
        var design = Load(
            ("  - { id: C-002,", "  - { id: C-003, party: xonar, lot: ambulant, category: light, municipalities: [dordrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 10000 }\n  - { id: C-002,"),
            ("escalations:", "  - { id: P-0003, municipality: dordrecht, lot: ambulant, category: light, mainContractor: xonar, intensityHoursPerWeek: 1, durationMonths: 2, budget: 7500, start: 2023-05-01 }\n  - { id: P-0004, municipality: voorschoten, lot: ambulant, category: light, intensityHoursPerWeek: 1, durationMonths: 2, budget: 0, start: 2023-05-01 }\nescalations:"));
        var light = design.FindLot("ambulant")!.Light;

        Assert.Same(design.FindCooperative("jens"), design.FindCareProfile("P-0002")!.DeliveringParty);
        Assert.Same(design.FindProvider("xonar"), design.FindCareProfile("P-0003")!.DeliveringParty);
        Assert.Null(design.FindCareProfile("P-0004")!.DeliveringParty);
        Assert.Equal(3, light.CareProfiles.Count);
        // One profile each: the first in file order wins the tie; the profile without a main contractor counts in the total only.
        Assert.Same(design.FindCooperative("jens"), light.LargestProfileParty);
        Assert.Equal(1m / 3m, light.LargestProfileShare);
        Assert.Same(design.FindProvider("xonar"), light.LargestBudgetParty);
        Assert.Equal(0.75m, light.LargestBudgetShare);
    }

    [Fact]
    public void LargestShares_WithoutProfilesOrBudget_AreZero()
    {
        var design = Load(("budget: 24000", "budget: 0"));

        Assert.Equal(0m, design.FindLot("ambulant")!.Heavy.LargestBudgetShare);
        Assert.Equal(1m, design.FindLot("ambulant")!.Heavy.LargestProfileShare);
        var empty = Load(("lot: ambulant, category: heavy, mainContractor: xonar, coProviders: [radar],", "lot: ambulant, category: light, mainContractor: xonar, coProviders: [radar],"));
        Assert.Empty(empty.FindLot("ambulant")!.Heavy.CareProfiles);
        Assert.Equal((0m, 0m, null), (empty.FindLot("ambulant")!.Heavy.LargestProfileShare, empty.FindLot("ambulant")!.Heavy.LargestBudgetShare, empty.FindLot("ambulant")!.Heavy.LargestProfileParty));
    }

    [Fact]
    public void MunicipalitiesWithOneParty_ListsThoseNoSecondPartyCouldTakeOverOnTheDay()
    {
        // Heavy: Xonar for Dordrecht throughout; Radar for Dordrecht and Voorschoten in 2023 only.
        var design = Load(("  - { id: C-002,", "  - { id: C-003, party: radar, lot: ambulant, category: heavy, municipalities: [dordrecht, voorschoten], period: { from: 2023-01-01, until: 2023-12-31 }, value: 10000 }\n  - { id: C-002,"));
        var heavy = design.FindLot("ambulant")!.Heavy;

        Assert.Equal(["voorschoten"], heavy.MunicipalitiesWithOneParty(new DateOnly(2023, 6, 1)).Select(m => m.Id));
        Assert.Equal(["dordrecht"], heavy.MunicipalitiesWithOneParty(new DateOnly(2024, 6, 1)).Select(m => m.Id));
        Assert.Empty(heavy.MunicipalitiesWithOneParty(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void MunicipalitiesWithOneParty_TwoContractsOfOneParty_IsStillOneParty()
    {
        var design = Load(("  - { id: C-002,", "  - { id: C-003, party: xonar, lot: ambulant, category: heavy, municipalities: [dordrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 10000 }\n  - { id: C-002,"));

        Assert.Equal(["dordrecht"], design.FindLot("ambulant")!.Heavy.MunicipalitiesWithOneParty(new DateOnly(2024, 1, 1)).Select(m => m.Id));
    }

    private static TenderDesign Load(params (string Find, string Replace)[] edits)
    {
        var text = SampleDesigns.Valid;
        foreach (var (find, replace) in edits)
        {
            Assert.Contains(find, text, StringComparison.Ordinal);
            var index = text.IndexOf(find, StringComparison.Ordinal);
            text = string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length));
        }

        return TenderDesignLoader.LoadString(text, "edited.yaml").GetValueOrThrow();
    }
}
