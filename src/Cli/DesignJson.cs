using System.Text.Json;
using System.Text.RegularExpressions;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Cli;

/// <summary>
/// Writes a YAML design as the same design in JSON (the format a <c>.json</c> design file is read in): plain numbers and
/// booleans as JSON numbers and booleans, plain nulls as null, every other value as a string, as a system exporting the
/// design would write it.
/// </summary>
internal static partial class DesignJson
{
    /// <summary>Converts <paramref name="yaml"/> to indented JSON; fails when the YAML does not parse.</summary>
    public static void Write(string yaml, Stream output)
    {
        var reader = new YamlFieldReader("design.yaml", YamlLimits.Default);
        var root = YamlTreeReader.Read(yaml, YamlLimits.Default, reader)
            ?? throw new InvalidOperationException($"The YAML does not parse: {string.Join("; ", reader.Errors)}");
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Write(writer, root);
    }

    /// <summary>Converts <paramref name="yaml"/> to indented JSON text with '\n' line breaks.</summary>
    public static string ToJson(string yaml)
    {
        using var buffer = new MemoryStream();
        Write(yaml, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).ReplaceLineEndings("\n");
    }

    private static void Write(Utf8JsonWriter writer, YamlNodeBase node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    writer.WritePropertyName(key.Value);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalar { IsNull: true }:
                writer.WriteNullValue();
                break;
            case YamlScalar { IsPlain: true, Value: "true" or "false" } flag:
                writer.WriteBooleanValue(flag.Value == "true");
                break;
            case YamlScalar { IsPlain: true } number when Number().IsMatch(number.Value):
                writer.WriteRawValue(number.Value);
                break;
            case YamlScalar scalar:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial Regex Number();
}
