using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Diagnostics;

/// <summary>Errors carry the span of the node they are about: start and end line, column and offset.</summary>
public sealed class SourceSpanTests
{
    [Fact]
    public void Design_UnknownReference_SpansTheWholeScalar()
    {
        var yaml = SampleDesigns.With("party: jens, lot: ambulant", "party: jens, lot: ambulnt");
        var offset = yaml.IndexOf("ambulnt", StringComparison.Ordinal);

        var error = Assert.Single(TenderDesignLoader.LoadString(yaml, "broken.yaml").Errors);

        Assert.Equal(LoadErrorCodes.DanglingReference, error.Code);
        Assert.Equal(new SourceSpan(21, 36, offset, 21, 36 + "ambulnt".Length, offset + "ambulnt".Length), error.Span);
        Assert.Equal((21, 36), (error.Line, error.Column));
        Assert.Equal("ambulnt", yaml.Substring(error.Span.StartOffset, error.Span.Length));
    }

    [Fact]
    public void Design_QuotedScalar_SpanIncludesTheQuotes()
    {
        var yaml = SampleDesigns.With("agb: \"23456789\"", "agb: \"2345678\"");
        var offset = yaml.IndexOf("\"2345678\"", StringComparison.Ordinal);

        var error = Assert.Single(TenderDesignLoader.LoadString(yaml, "broken.yaml").Errors);

        Assert.Equal(LoadErrorCodes.BadAgbCode, error.Code);
        Assert.Equal(new SourceSpan(16, 23, offset, 16, 32, offset + 9), error.Span);
    }

    [Fact]
    public void Design_MissingField_SpansTheMappingThatLacksIt()
    {
        const string Item = "{ id: P-0002, lot: ambulant, category: light, mainContractor: radar, intensityHoursPerWeek: 2, durationMonths: 3, budget: 2500, start: 2023-05-01 }";
        var yaml = SampleDesigns.With(
            "{ id: P-0002, municipality: voorschoten, lot: ambulant, category: light, mainContractor: radar, intensityHoursPerWeek: 2, durationMonths: 3, budget: 2500, start: 2023-05-01 }",
            Item);
        var offset = yaml.IndexOf(Item, StringComparison.Ordinal);

        var error = Assert.Single(TenderDesignLoader.LoadString(yaml, "broken.yaml").Errors);

        Assert.Equal(LoadErrorCodes.MissingField, error.Code);
        Assert.Equal(new SourceSpan(24, 5, offset, 24, 5 + Item.Length, offset + Item.Length), error.Span);
    }

    [Fact]
    public void Design_DuplicateKey_SpansTheSecondKey()
    {
        var yaml = SampleDesigns.With("name: Xonar, qualifications", "name: Xonar, name: Xonar2, qualifications");
        var offset = yaml.IndexOf("name: Xonar2", StringComparison.Ordinal);

        var error = Assert.Single(TenderDesignLoader.LoadString(yaml, "broken.yaml").Errors);

        Assert.Equal(LoadErrorCodes.DuplicateKey, error.Code);
        Assert.Equal(new SourceSpan(15, 48, offset, 15, 52, offset + 4), error.Span);
    }

    [Fact]
    public void Design_ValueOverSeveralLines_EndsOnItsLastLine()
    {
        var yaml = SampleDesigns.With("region: Voorbeeldregio", "region: Voorbeeldregio\npurchasingOrganisation: [a,\n  b]");
        var offset = yaml.IndexOf("[a,", StringComparison.Ordinal);

        var error = Assert.Single(TenderDesignLoader.LoadString(yaml, "broken.yaml").Errors);

        Assert.Equal(LoadErrorCodes.WrongType, error.Code);
        Assert.Equal(new SourceSpan(3, 25, offset, 4, 5, offset + "[a,\n  b]".Length), error.Span);
    }

    [Fact]
    public void Rule_OverrideOfUnknownRule_SpansTheId()
    {
        const string Region = "pack: region\nextends: oracle\noverrides:\n  - { id: O-9, enabled: false }\n";
        var offset = Region.IndexOf("O-9", StringComparison.Ordinal);

        var error = Assert.Single(RuleFiles.Load(EvaluationTests.OraclePack, Region).Errors);

        Assert.Equal((RuleErrorCodes.UnknownTarget, "rules1.yaml"), (error.Code, error.File));
        Assert.Equal(new SourceSpan(4, 11, offset, 4, 14, offset + 3), error.Span);
    }

    [Fact]
    public void Rule_UnknownField_SpansTheKey()
    {
        const string Pack = "pack: p\nrules:\n  - id: R-1\n    for: design\n    colour: red\n    require: { a: 'true' }\n";
        var offset = Pack.IndexOf("colour", StringComparison.Ordinal);

        var error = Assert.Single(RuleFiles.Load(Pack).Errors);

        Assert.Equal(LoadErrorCodes.UnknownField, error.Code);
        Assert.Equal(new SourceSpan(5, 5, offset, 5, 11, offset + 6), error.Span);
    }

    [Fact]
    public void Rule_OverTheRuleLimit_SpansTheFirstRuleOverIt()
    {
        const string Second = "{ id: R-2, for: design, require: { b: 'true' } }";
        var pack = $"pack: p\nrules:\n  - {{ id: R-1, for: design, require: {{ a: 'true' }} }}\n  - {Second}\n";
        var offset = pack.IndexOf(Second, StringComparison.Ordinal);

        var error = Assert.Single(RuleSet.Load([new RuleSource("p.yaml", pack)], RuleLimits.Default with { MaxRules = 1 }).Errors);

        Assert.Equal(LoadErrorCodes.LimitExceeded, error.Code);
        Assert.Equal(new SourceSpan(4, 5, offset, 4, 5 + Second.Length, offset + Second.Length), error.Span);
    }

    [Fact]
    public void ErrorWithoutSpan_IsAnEmptySpanAtItsPositionWithUnknownOffsets()
    {
        var error = new LoadError(LoadErrorCodes.FileUnreadable, "gone", "x.yaml", 3, 7);

        Assert.Equal(new SourceSpan(3, 7, -1, 3, 7, -1), error.Span);
        Assert.Equal(0, error.Span.Length);
    }

    [Fact]
    public void ErrorWithSpan_TakesLineAndColumnFromItsStart()
    {
        var error = new LoadError(LoadErrorCodes.BadValue, "bad", "x.yaml", new SourceSpan(2, 4, 10, 3, 1, 20));

        Assert.Equal((2, 4), (error.Line, error.Column));
        Assert.Equal(10, error.Span.Length);
        Assert.Equal("x.yaml:2:4: error bad-value: bad", error.ToString());
    }
}
