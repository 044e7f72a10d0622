using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Model;

public sealed class YamlLimitsTests
{
    [Fact]
    public void Load_BillionLaughs_StopsAtTheNodeLimit()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i <= 9; i++)
        {
            var previous = (char)('a' + i - 1);
            yaml += $"{(char)('a' + i)}: &{(char)('a' + i)} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
        }

        var result = TenderDesignLoader.LoadString(yaml, "laughs.yaml", YamlLimits.Default with { MaxNodes = 100_000 });

        var error = Assert.Single(result.Errors);
        Assert.Equal(LoadErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("MaxNodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeepNesting_StopsAtTheDepthLimit()
    {
        var yaml = "design: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var error = Assert.Single(TenderDesignLoader.LoadString(yaml, "deep.yaml").Errors);

        Assert.Equal((LoadErrorCodes.LimitExceeded, 1, 9 + YamlLimits.Default.MaxDepth - 1), (error.Code, error.Line, error.Column));
        Assert.Contains("MaxDepth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugeString_StopsAtTheScalarLimit()
    {
        var yaml = SampleDesigns.With("region: Voorbeeldregio", "region: " + new string('x', 100));

        var error = Assert.Single(TenderDesignLoader.LoadString(yaml, "long.yaml", YamlLimits.Default with { MaxScalarLength = 50 }).Errors);

        Assert.Equal((LoadErrorCodes.LimitExceeded, 2, 9), (error.Code, error.Line, error.Column));
        Assert.Contains("MaxScalarLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOverTheSizeLimit_IsRejectedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pr-big-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, SampleDesigns.Valid);
        try
        {
            var error = Assert.Single(TenderDesignLoader.LoadFile(path, YamlLimits.Default with { MaxFileBytes = 100 }).Errors);

            Assert.Equal(LoadErrorCodes.LimitExceeded, error.Code);
            Assert.Contains("MaxFileBytes", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_AliasToUndefinedAnchor_IsSyntaxError()
    {
        var error = Assert.Single(TenderDesignLoader.LoadString("design: *nowhere\n", "alias.yaml").Errors);

        Assert.Equal(LoadErrorCodes.YamlSyntax, error.Code);
    }
}
