using System.Text.Json.Nodes;
using NJsonSchema;
using Procurement.Rules.Model;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Tests.Schemas;

public sealed class JsonSchemaTests
{
    public static TheoryData<string, string> ShippedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "rules"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add("rules.schema.json", Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "rules", "tests"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add("rule-tests.schema.json", Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "rules", "tests", "designs"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add("design.schema.json", Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add("design.schema.json", Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples", "monitoring"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add("design.schema.json", Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples", "waivers"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add("waivers.schema.json", Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        return data;
    }

    [Theory]
    [InlineData("design.schema.json")]
    [InlineData("rules.schema.json")]
    [InlineData("rule-tests.schema.json")]
    [InlineData("waivers.schema.json")]
    public void CommittedSchema_EqualsTheGeneratedOne(string file)
    {
        var generated = file switch
        {
            "design.schema.json" => JsonSchemas.TenderDesign(),
            "rules.schema.json" => JsonSchemas.RuleFile(),
            "waivers.schema.json" => JsonSchemas.Waivers(),
            _ => JsonSchemas.RuleTests(),
        };

        var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", file));

        Assert.True(committed == generated, $"schemas/{file} is out of date: run 'dotnet run --project src/Cli -- schema --kind {file.Replace(".schema.json", "", StringComparison.Ordinal).Replace("design", "design", StringComparison.Ordinal)} --output schemas/{file}'.");
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public async Task ShippedFile_ValidatesAgainstItsSchema(string schemaFile, string file)
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "schemas", schemaFile), TestContext.Current.CancellationToken));
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, file), TestContext.Current.CancellationToken);

        var errors = schema.Validate(YamlToJson(text));

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind} (line {e.LineNumber})"));
        var depth = file.Count(c => c == Path.DirectorySeparatorChar);
        Assert.StartsWith($"# yaml-language-server: $schema={string.Concat(Enumerable.Repeat("../", depth))}schemas/{schemaFile}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_RejectsAnUnknownKeyAndAMissingRequiredOne()
    {
        var schema = await JsonSchema.FromJsonAsync(JsonSchemas.RuleFile(), TestContext.Current.CancellationToken);

        var errors = Flatten(schema.Validate(YamlToJson("pack: p\nrules:\n  - { id: X, title: t, colour: red }\n"))).ToArray();

        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed);
        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.PropertyRequired);
    }

    [Theory]
    [InlineData("{ file: profiles-2024.csv }", true)]
    [InlineData("{ file: profiles.jsonl }", true)]
    [InlineData("[]", true)]
    [InlineData("{ file: ../profiles.csv }", false)]
    [InlineData("{ file: profiles.txt }", false)]
    [InlineData("{ file: profiles.csv, sheet: 1 }", false)]
    [InlineData("{ name: profiles.csv }", false)]
    public async Task DesignSchema_TakesTheListOrADataFileNextToTheDesign(string careProfiles, bool valid)
    {
        var schema = await JsonSchema.FromJsonAsync(TenderDesignLoader.JsonSchema(), TestContext.Current.CancellationToken);

        var errors = schema.Validate(YamlToJson($"design: d\nregion: r\nperiod: {{ from: 2024-01-01 }}\ncareProfiles: {careProfiles}\nescalations: {{ file: escalations.csv }}\n"));

        Assert.Equal(valid, errors.Count == 0);
    }

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? child.Errors.Values.SelectMany(Flatten).Prepend(e)
            : [e]);

    // YAML scalars become JSON numbers, booleans and nulls the way an editor's YAML language server reads them.
    private static string YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!.ToJsonString();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar when scalar.Style is YamlDotNet.Core.ScalarStyle.Plain => scalar.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var v when decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) && !v.Contains(',', StringComparison.Ordinal) => JsonValue.Create(d),
            var v => JsonValue.Create(v),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}
