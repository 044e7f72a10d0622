using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Model;

/// <summary>
/// Products with their tariffs, lump-sum terms, stays with their responsible municipality and the expert team: as
/// loaded, written back and indexed by the model.
/// </summary>
public sealed class ProductsAndResidenceTests
{
    private const string Product45A54 = "products: [{ code: 45A54, name: Specialistische ambulante jeugdhulp, category: \"45\", variant: output-based, unit: trajectory, standard: true, tariff: { amount: 4800, costBuildUp: { staff: 3600, clientRelated: 240, overhead: 960 }, indexation: OVA, differentiation: \"Hogere intensiteit\" } }]";

    [Fact]
    public void Load_ProductsTermsStaysAndExpertTeam_AreReadAndWrittenBack()
    {
        var design = TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow();
        var reloaded = TenderDesignLoader.LoadString(TenderDesignWriter.Write(design), "written.yaml").GetValueOrThrow();

        foreach (var d in new[] { design, reloaded })
        {
            var product = Assert.Single(d.FindLot("ambulant")!.Heavy.Products);
            Assert.Equal(("45A54", "45", FinancingForm.OutputBased, ProductUnit.Trajectory, true), (product.Code, product.Category, product.Variant, product.Unit, product.IsStandard));
            var tariff = product.Tariff!;
            Assert.Equal((4800m, 3600m, 240m, 960m, "OVA", "Hogere intensiteit"), (tariff.Amount, tariff.StaffCosts, tariff.ClientRelatedCosts, tariff.Overhead, tariff.Indexation, tariff.Differentiation));
            Assert.True(tariff.HasCostBuildUp);
            Assert.Equal(4800m, tariff.CostBuildUpTotal);
            Assert.Same(d.FindLot("ambulant")!.Heavy, product.Terms);

            var contract = d.FindContract("C-001")!;
            Assert.Equal((450000m, "Overleg bij overschrijding"), (contract.Budget, contract.HardshipClause));
            var profile = d.CareProfiles[0];
            Assert.True(profile.Stay);
            Assert.Equal("dordrecht", profile.ResponsibleMunicipality!.Id);
            Assert.False(d.CareProfiles[1].Stay);
            Assert.Null(d.CareProfiles[1].ResponsibleMunicipality);
            Assert.Equal(("ret", "Regionaal Expertteam"), (d.ExpertTeam!.Id, d.ExpertTeam.Name));
            Assert.Same(d.ExpertTeam, d.Escalations[0].ExpertTeam);
        }
    }

    [Theory]
    [InlineData("unit: trajectory", "unit: lightyear", LoadErrorCodes.BadValue, 13, 215)]
    [InlineData("variant: output-based", "variant: per-piece", LoadErrorCodes.BadValue, 13, 195)]
    [InlineData("expertTeam: ret }", "expertTeam: rte }", LoadErrorCodes.DanglingReference, 26, 109)]
    [InlineData("responsibleMunicipality: dordrecht", "responsibleMunicipality: dordt", LoadErrorCodes.DanglingReference, 23, 238)]
    public void Load_BrokenProductOrReference_ReportsCodeLineAndColumn(string find, string replace, string code, int line, int column)
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.With(find, replace), "broken.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((code, line, column), (error.Code, error.Line, error.Column));
    }

    [Theory]
    [InlineData(9999, 1, 12, 9999, 12, 31)]
    [InlineData(9999, 1, 11, 9999, 11, 30)]
    [InlineData(9998, 2, 24, 10000, 1, 31)]
    [InlineData(2023, 3, 12, 2024, 2, 29)]
    public void End_IsTheDayBeforeStartPlusDuration_ClampedToTheCalendar(int year, int month, int months, int endYear, int endMonth, int endDay)
    {
        var text = SampleDesigns.With("durationMonths: 12, budget: 24000, start: 2023-03-01", $"durationMonths: {months}, budget: 24000, start: {year:D4}-{month:D2}-01");
        var profile = TenderDesignLoader.LoadString(text, "end.yaml").GetValueOrThrow().CareProfiles[0];

        var expected = endYear > 9999 ? DateOnly.MaxValue : new DateOnly(endYear, endMonth, endDay);
        Assert.Equal(expected, profile.End);
    }

    [Fact]
    public void StaysAfterLeaving_ListsStaysPastTheLastDayOfTheResponsibleMunicipality()
    {
        // P-0001 is issued by Dordrecht but Voorschoten (leaving at the end of 2024) is responsible; it runs into 2025.
        var text = SampleDesigns.With("start: 2023-03-01, stay: true, responsibleMunicipality: dordrecht", "start: 2024-06-01, stay: true, responsibleMunicipality: voorschoten");
        var design = TenderDesignLoader.LoadString(text, "stay.yaml").GetValueOrThrow();

        Assert.Equal(["P-0001"], design.FindMunicipality("voorschoten")!.StaysAfterLeaving.Select(p => p.Id));
        Assert.Empty(design.FindMunicipality("dordrecht")!.StaysAfterLeaving);

        // Ending before the last day, or without a stay, it needs no transfer arrangement.
        var ended = TenderDesignLoader.LoadString(text.Replace("durationMonths: 12, budget: 24000, start: 2024-06-01", "durationMonths: 6, budget: 24000, start: 2024-06-01", StringComparison.Ordinal), "ended.yaml").GetValueOrThrow();
        Assert.Empty(ended.FindMunicipality("voorschoten")!.StaysAfterLeaving);
        var noStay = TenderDesignLoader.LoadString(text.Replace("stay: true, ", string.Empty, StringComparison.Ordinal), "nostay.yaml").GetValueOrThrow();
        Assert.Empty(noStay.FindMunicipality("voorschoten")!.StaysAfterLeaving);
    }

    [Fact]
    public void Products_SameCodeWithAnotherMeaningOrPrice_AreIndexed()
    {
        // The light category gets the same code: once as an own code with another name, once differently priced.
        var other = "products: [{ code: 45A54, name: Eigen ambulant product, category: \"45\", variant: output-based, unit: product, standard: false, tariff: { amount: 5000 } }], limits: { intensityHoursPerWeek: 4";
        var design = TenderDesignLoader.LoadString(SampleDesigns.With("limits: { intensityHoursPerWeek: 4", other), "products.yaml").GetValueOrThrow();

        var heavy = Assert.Single(design.FindLot("ambulant")!.Heavy.Products);
        var light = Assert.Single(design.FindLot("ambulant")!.Light.Products);
        Assert.Same(light, Assert.Single(heavy.OtherMeanings));
        Assert.Same(heavy, Assert.Single(light.OtherMeanings));

        // 4800 with a stated reason against 5000 without: the product without a reason is the one listed, on the other.
        Assert.Same(light, Assert.Single(heavy.DifferentlyPriced));
        Assert.Empty(light.DifferentlyPriced);
        Assert.False(light.Tariff!.HasCostBuildUp);
        Assert.True(heavy.UnitFitsVariant && light.UnitFitsVariant);
    }

    [Theory]
    [InlineData("effort-based", "hour", true)]
    [InlineData("effort-based", "trajectory", false)]
    [InlineData("output-based", "day", false)]
    [InlineData("output-based", "product", true)]
    [InlineData("task-oriented", "month", true)]
    public void UnitFitsVariant_TimeForEffortProductOrTrajectoryForOutput(string variant, string unit, bool fits)
    {
        var text = SampleDesigns.With("variant: output-based, unit: trajectory", $"variant: {variant}, unit: {unit}");
        var product = Assert.Single(TenderDesignLoader.LoadString(text, "unit.yaml").GetValueOrThrow().FindLot("ambulant")!.Heavy.Products);

        Assert.Equal(fits, product.UnitFitsVariant);
    }

    [Fact]
    public void Product45A54_IsInTheSample()
    {
        // The error positions above assume this product sits on line 13 of the sample, unchanged.
        Assert.Contains(Product45A54, SampleDesigns.Valid.Split('\n')[12], StringComparison.Ordinal);
    }
}
