using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Model;

public sealed class TenderDesignLoaderTests
{
    [Fact]
    public void Load_ValidDesign_LinksReferencesAndBuildsLookups()
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml");

        Assert.Empty(result.Errors);
        var design = result.GetValueOrThrow();
        var profile = design.FindCareProfile("P-0001")!;
        var xonar = design.FindProvider("xonar")!;
        var radar = design.FindProvider("radar")!;
        var lot = design.FindLot("ambulant")!;
        var dordrecht = design.FindMunicipality("dordrecht")!;
        Assert.Same(xonar, profile.MainContractor);
        Assert.Same(design.FindContract("C-001"), profile.MainContract);
        Assert.True(xonar.HoldsContract(lot, CareCategory.Heavy, dordrecht, new DateOnly(2024, 1, 1)));
        Assert.False(radar.HoldsContract(lot, CareCategory.Heavy, dordrecht, new DateOnly(2024, 1, 1)));
        // Radar holds no contract itself, but acts under the JenS light contract as a member.
        Assert.True(radar.HoldsContract(lot, CareCategory.Light, dordrecht, new DateOnly(2024, 1, 1)));
        Assert.False(radar.HoldsContract(lot, CareCategory.Light, dordrecht, new DateOnly(2025, 1, 1)));
        Assert.Equal(2, lot.Light.Contracts.Count + lot.Heavy.Contracts.Count);
        Assert.Equal(1, lot.Heavy.ContractedPartyCount);
        Assert.Single(profile.Escalations);
        Assert.Equal(new DateOnly(2024, 12, 31), design.FindMunicipality("voorschoten")!.Until);
        Assert.Equal(new SourceLocation("sample.yaml", 23, 5), profile.Location);
    }

    [Theory]
    [InlineData("{ id: dordrecht, name: Dordrecht, accessTeam", "{ id: dordrecht, name: Dordrecht, colour: red, accessTeam", LoadErrorCodes.UnknownField, 5, 39)]
    [InlineData("party: jens, lot: ambulant", "party: jens, lot: ambulnt", LoadErrorCodes.DanglingReference, 21, 36)]
    [InlineData("mainContractor: radar", "mainContractor: nobody", LoadErrorCodes.DanglingReference, 24, 94)]
    [InlineData("mainContractor: xonar", "mainContractor: jens", LoadErrorCodes.DanglingReference, 23, 92)]
    [InlineData("{ id: C-002", "{ id: C-001", LoadErrorCodes.DuplicateId, 21, 11)]
    [InlineData("start: 2023-05-01", "start: 2023-02-30", LoadErrorCodes.BadDate, 24, 167)]
    [InlineData("until: 2024-12-31, accessTeam", "until: 31-12-2024, accessTeam", LoadErrorCodes.BadDate, 6, 50)]
    [InlineData("agb: \"23456789\"", "agb: \"2345678\"", LoadErrorCodes.BadAgbCode, 16, 23)]
    [InlineData("    heavy: { procurement: selective-tender, maxProviders: 4, qualifications: [vog, skj-registered], products: [{ code: 45A54, name: Specialistische ambulante jeugdhulp, category: \"45\", variant: output-based, unit: trajectory, standard: true, tariff: { amount: 4800, costBuildUp: { staff: 3600, clientRelated: 240, overhead: 960 }, indexation: OVA, differentiation: \"Hogere intensiteit\" } }], limits: { budget: 60000 } }\n", "", LoadErrorCodes.MissingCategory, 8, 5)]
    [InlineData("procurement: selective-tender", "procurement: auction", LoadErrorCodes.BadValue, 13, 27)]
    [InlineData("value: 90000", "value: [90000]", LoadErrorCodes.WrongType, 21, 161)]
    [InlineData("budget: 2500", "budget: lots", LoadErrorCodes.WrongType, 24, 154)]
    [InlineData("{ id: P-0002, municipality: voorschoten, ", "{ id: P-0002, ", LoadErrorCodes.MissingField, 24, 5)]
    [InlineData("name: Xonar, qualifications", "name: Xonar, name: Xonar2, qualifications", LoadErrorCodes.DuplicateKey, 15, 48)]
    [InlineData("productCategories: [\"45\"]", "productCategories: [\"4500\"]", LoadErrorCodes.BadValue, 10, 25)]
    [InlineData("    scope: regional\n", "    scope: regional\n    excludes: [leiden]\n", LoadErrorCodes.DanglingReference, 12, 16)]
    [InlineData("start: 2023-05-01 }", "start: 2023-05-01, contract: C-404 }", LoadErrorCodes.DanglingReference, 24, 189)]
    [InlineData("region: Voorbeeldregio", "region: [Voorbeeldregio", LoadErrorCodes.YamlSyntax, 2, 9)]
    public void Load_BrokenDesign_ReportsCodeLineAndColumn(string find, string replace, string code, int line, int column)
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.With(find, replace), "broken.yaml");

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, "broken.yaml", line, column), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void Load_SeveralErrors_ReportsAllInFileOrder()
    {
        var yaml = SampleDesigns.Valid
            .Replace("agb: \"23456789\"", "agb: \"x\"", StringComparison.Ordinal)
            .Replace("lot: ambulant, category: light", "lot: nowhere, category: light", StringComparison.Ordinal)
            .Replace("start: 2023-03-01", "start: tomorrow", StringComparison.Ordinal);

        var result = TenderDesignLoader.LoadString(yaml, "many.yaml");

        Assert.Equal(
            [(LoadErrorCodes.BadAgbCode, 16, 23), (LoadErrorCodes.DanglingReference, 21, 36), (LoadErrorCodes.BadDate, 23, 189), (LoadErrorCodes.DanglingReference, 24, 51)],
            result.Errors.Select(e => (e.Code, e.Line, e.Column)).ToArray());
    }

    [Fact]
    public void Load_RegionalLotNamingABuyer_IsBadValue()
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.With("    scope: regional\n", "    scope: regional\n    municipality: dordrecht\n"), "x.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((LoadErrorCodes.BadValue, 12, 19), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Load_LocalLotWithoutBuyer_IsMissingField()
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.With("scope: regional", "scope: local"), "x.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((LoadErrorCodes.MissingField, 8, 5), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Load_ExampleWithScopeCommentedOut_IsRegionalLikeWithoutScope()
    {
        // Found on main: an optional field whose value is commented out crashed the resolver (exit 134).
        var path = Path.Combine(AppContext.BaseDirectory, "examples", "zuid-holland-zuid.yaml");
        var text = File.ReadAllText(path);
        var edited = text.Replace("    sector: jeugd-ggz\n", "    sector: jeugd-ggz\n    scope: # regional\n", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);

        var result = TenderDesignLoader.LoadString(edited, "zhz.yaml");

        Assert.Empty(result.Errors);
        Assert.Equal(LotScope.Regional, result.Value!.FindLot("jeugd-ggz")!.Scope);
        Assert.Equal(RoundTripTests.Snapshot(TenderDesignLoader.LoadString(text, "zhz.yaml").GetValueOrThrow()), RoundTripTests.Snapshot(result.Value));
    }

    [Fact]
    public void Load_RequiredFieldWithoutValue_IsMissingFieldAtTheKey()
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.With("{ id: P-0002, municipality: voorschoten, ", "{ id: P-0002, municipality: ~, "), "x.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((LoadErrorCodes.MissingField, 24, 19), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Load_PeriodEndingBeforeItStarts_IsBadDate()
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.With("until: 2026-12-31 }\nmunicipalities", "until: 2020-12-31 }\nmunicipalities"), "x.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((LoadErrorCodes.BadDate, 3, 36), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Load_MissingFile_IsFileUnreadable()
    {
        var result = TenderDesignLoader.LoadFile(Path.Combine(Path.GetTempPath(), "does-not-exist", "design.yaml"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((LoadErrorCodes.FileUnreadable, 1, 1), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Load_EmptyText_IsAnError()
    {
        var result = TenderDesignLoader.LoadString("", "empty.yaml");

        Assert.False(result.Succeeded);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Load_NotAMapping_IsWrongType()
    {
        var result = TenderDesignLoader.LoadString("- just\n- a list\n", "list.yaml");

        Assert.Contains(result.Errors, e => e.Code == LoadErrorCodes.WrongType && e.Line == 1 && e.Column == 1);
    }

    [Fact]
    public void GetValueOrThrow_OnFailure_ThrowsLoadExceptionWithAllErrors()
    {
        var result = TenderDesignLoader.LoadString(SampleDesigns.With("lot: ambulant, category: heavy, mainContractor", "lot: none, category: heavy, mainContractor"), "x.yaml");

        var exception = Assert.Throws<LoadException>(() => result.GetValueOrThrow());
        Assert.Same(result.Errors, exception.Errors);
        Assert.Contains("x.yaml:23:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadStream_ReadsUtf8()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleDesigns.Valid.Replace("Voorbeeldregio", "Zuid-Holland Zuid coöperatie", StringComparison.Ordinal)));

        var result = TenderDesignLoader.LoadStream(stream, "stream.yaml");

        Assert.Equal("Zuid-Holland Zuid coöperatie", result.GetValueOrThrow().Region);
    }
}
