using Procurement.Rules.Model;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Model;

/// <summary>
/// A design written as JSON (<c>.json</c>): the same design and report as its YAML, read under the same limits, every
/// error positioned by line and column in characters.
/// </summary>
public sealed class JsonDesignTests
{
    [Theory]
    [InlineData("haaglanden.yaml")]
    [InlineData("zuid-holland-zuid.yaml")]
    [InlineData("heerlen-landgraaf-voerendaal.yaml")]
    [InlineData("zuid-limburg.yaml")]
    public void Example_AsJson_IsTheSameDesignWithTheSameFindings(string example)
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", example));
        var fromYaml = TenderDesignLoader.LoadString(yaml, example).GetValueOrThrow();
        var fromJson = TenderDesignLoader.LoadString(ToJson(yaml), Path.ChangeExtension(example, ".json")).GetValueOrThrow();

        Assert.Equal(TenderDesignWriter.Write(fromYaml), TenderDesignWriter.Write(fromJson));
        var yamlFindings = Shipped.Rules.Evaluate(fromYaml).Findings;
        var jsonFindings = Shipped.Rules.Evaluate(fromJson).Findings;
        Assert.NotEmpty(jsonFindings);
        Assert.Equal(yamlFindings.Select(f => (f.RuleId, f.Subject, f.Clause, f.Message)), jsonFindings.Select(f => (f.RuleId, f.Subject, f.Clause, f.Message)));
        Assert.All(jsonFindings, f => Assert.EndsWith(".json", f.SubjectLocation!.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_designs_as_json_give_the_same_report_as_yaml()
    {
        PropertyRun.Check(nameof(Generated_designs_as_json_give_the_same_report_as_yaml), 150, DesignGen.Mixed, c =>
        {
            var yaml = c.Spec.ToYaml();
            var fromYaml = TenderDesignLoader.LoadString(yaml, "generated.yaml").GetValueOrThrow();
            var fromJson = TenderDesignLoader.LoadString(ToJson(yaml), "generated.json").GetValueOrThrow();

            Assert.Equal(TenderDesignWriter.Write(fromYaml), TenderDesignWriter.Write(fromJson));
            Assert.Equal(Shipped.Describe(Shipped.Rules.Evaluate(fromYaml).Findings), Shipped.Describe(Shipped.Rules.Evaluate(fromJson).Findings));
        });
    }

    [Fact]
    public void Positions_PointAtTheObjectOfTheSubject()
    {
        var json = ToJson(SampleDesigns.Valid);
        var design = TenderDesignLoader.LoadString(json, "sample.json").GetValueOrThrow();

        var lines = json.Split('\n');
        var profile = design.FindCareProfile("P-0002")!.Location;
        Assert.Equal("    {", lines[profile.Line - 1]);
        Assert.Equal(5, profile.Column);
        Assert.Equal("      \"id\": \"P-0002\",", lines[profile.Line]);
    }

    [Theory]
    [InlineData("{\n  \"design\": \"x\",\n}", LoadErrorCodes.JsonSyntax, 3, 1)]
    [InlineData("{\n  \"design\": \"x\"\n  \"region\": \"r\"\n}", LoadErrorCodes.JsonSyntax, 3, 3)]
    [InlineData("{} {}", LoadErrorCodes.JsonSyntax, 1, 4)]
    [InlineData("{\n  \"region\": \"Zuid-Holland Zuid coöperatie\", \"design\": \"d\",\n  \"period\": { \"from\": \"2023-13-01\" }\n}", LoadErrorCodes.BadDate, 3, 23)]
    [InlineData("{ \"region\": \"Coöperatie 🌷\", \"design\": \"d\", \"period\": { \"from\": \"2023-01-01\" }, \"lots\": 5 }", LoadErrorCodes.WrongType, 1, 89)]
    [InlineData("{ \"design\": \"d\", \"region\": \"r\", \"period\": { \"from\": \"2023-01-01\" }, \"design\": \"e\" }", LoadErrorCodes.DuplicateKey, 1, 69)]
    [InlineData("{ \"design\": \"d\", \"region\": \"r\", \"period\": { \"from\": \"2023-01-01\" },\r\n\"lotz\": [] }", LoadErrorCodes.UnknownField, 2, 1)]
    [InlineData("{ \"design\": \"d\", \"region\": \"r\", \"period\": { \"from\": \"2023-01-01\" }, \"careProfiles\": [ { \"id\": \"P-1\", \"municipality\": \"nergens\" } ] }", LoadErrorCodes.MissingField, 1, 87)]
    public void BrokenJson_ReportsCodeLineAndColumn(string json, string code, int line, int column)
    {
        var result = TenderDesignLoader.LoadString(json, "broken.json");

        var error = result.Errors.First();
        Assert.False(result.Succeeded);
        Assert.Equal((code, line, column, "broken.json"), (error.Code, error.Line, error.Column, error.File));
    }

    [Fact]
    public void Limits_ApplyAsToYaml()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40));
        var tooDeep = TenderDesignLoader.LoadString($"{{ \"design\": {deep} }}", "deep.json");
        var tooLong = TenderDesignLoader.LoadString($"{{ \"design\": \"{new string('x', 200)}\" }}", "long.json", new YamlLimits { MaxScalarLength = 100 });
        var tooMany = TenderDesignLoader.LoadString($"{{ \"design\": [{string.Join(", ", Enumerable.Range(0, 100))}] }}", "many.json", new YamlLimits { MaxNodes = 50 });
        var binary = TenderDesignLoader.LoadString("{ \"design\": \"a\0b\" }", "binary.json");

        Assert.Equal((LoadErrorCodes.LimitExceeded, 1, 44), Single(tooDeep));
        Assert.Contains("MaxDepth", tooDeep.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((LoadErrorCodes.LimitExceeded, 1, 13), Single(tooLong));
        Assert.Equal((LoadErrorCodes.LimitExceeded, 1, 192), Single(tooMany));
        Assert.Equal((LoadErrorCodes.NotText, 1, 15), Single(binary));
    }

    [Fact]
    public void EmptyJson_IsAnEmptyDesign_AndAJsonNameIsWhatMakesItJson()
    {
        Assert.Equal((LoadErrorCodes.MissingField, 1, 1), Single(TenderDesignLoader.LoadString("  \n", "empty.json")));
        // Comments are allowed, but comments alone are no JSON value: the error is at the end of the text.
        Assert.Equal((LoadErrorCodes.JsonSyntax, 2, 20), Single(TenderDesignLoader.LoadString("// nothing yet\n/* still nothing */", "comments.json")));

        // The same text named .yaml is read by the YAML parser, which takes JSON too (JSON is YAML).
        var json = ToJson(SampleDesigns.Valid);
        Assert.True(TenderDesignLoader.LoadString(json, "sample.yaml").Succeeded);
        Assert.True(TenderDesignLoader.LoadString(json, "SAMPLE.JSON").Succeeded);
    }

    [Fact]
    public void LoadFile_ReadsAJsonFileAsJson()
    {
        var path = Path.Combine(Path.GetTempPath(), $"design-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ToJson(SampleDesigns.Valid).Replace("\"start\": \"2023-03-01\"", "\"start\": \"2023-03-32\"", StringComparison.Ordinal));
        try
        {
            var error = Assert.Single(TenderDesignLoader.LoadFile(path).Errors);
            Assert.Equal(LoadErrorCodes.BadDate, error.Code);
            Assert.EndsWith(".json", error.File, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string ToJson(string yaml) => Procurement.Rules.Cli.DesignJson.ToJson(yaml);

    private static (string Code, int Line, int Column) Single(LoadResult<TenderDesign> result)
    {
        var error = Assert.Single(result.Errors);
        return (error.Code, error.Line, error.Column);
    }
}
