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

    private static TenderDesign Load(string yaml) => TenderDesignLoader.LoadString(yaml, "regression.yaml").GetValueOrThrow();
}
