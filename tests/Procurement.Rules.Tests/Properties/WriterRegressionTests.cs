using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>Writer bugs the loader round-trip property found, each pinned by the smallest design that showed it.</summary>
public sealed class WriterRegressionTests
{
    [Fact]
    public void Writer_escapes_the_yaml_line_separators_u2028_and_u2029()
    {
        var design = Load(SampleDesigns.Valid.Replace("region: Voorbeeldregio", "region: \"Voor\\u2028beeld\\u2029regio\"", StringComparison.Ordinal));

        var reloaded = Load(TenderDesignWriter.Write(design));

        Assert.Equal("Voor\u2028beeld\u2029regio", reloaded.Region);
    }

    [Fact]
    public void Writer_quotes_text_that_ends_in_a_line_break()
    {
        // A block scalar keeps its final line break; written plain, the break was lost (or, inside a flow mapping, broke the file).
        var design = Load(SampleDesigns.Valid.Replace("region: Voorbeeldregio", "region: |\n  Voorbeeldregio", StringComparison.Ordinal));
        Assert.Equal("Voorbeeldregio\n", design.Region);

        var reloaded = Load(TenderDesignWriter.Write(design));

        Assert.Equal("Voorbeeldregio\n", reloaded.Region);
    }

    [Fact]
    public void Writer_leaves_out_escalation_ids_the_loader_derives()
    {
        // Two escalations of one profile on one day, both without id: the loader gives both the id 'P-0001/2023-03-01';
        // written out explicitly, that was a duplicate id and the written design did not load.
        var design = Load(SampleDesigns.With(
            "  - { profile: P-0001, from: light, to: heavy, date: 2023-03-01, approvedBy: toegang-dordrecht, expertTeam: ret }",
            "  - { profile: P-0001, from: light, to: heavy, date: 2023-03-01, approvedBy: toegang-dordrecht, expertTeam: ret }\n  - { profile: P-0001, from: heavy, to: light, date: 2023-03-01 }"));

        var written = TenderDesignWriter.Write(design);
        var reloaded = Load(written);

        Assert.Equal(["P-0001/2023-03-01", "P-0001/2023-03-01"], reloaded.Escalations.Select(e => e.Id));
        Assert.DoesNotContain("id: P-0001/2023-03-01", written, StringComparison.Ordinal);
    }

    private static TenderDesign Load(string yaml) => TenderDesignLoader.LoadString(yaml, "regression.yaml").GetValueOrThrow();
}
