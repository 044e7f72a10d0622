using System.Text;
using System.Text.Json;

namespace Procurement.Rules.Model.Yaml;

/// <summary>What kind of value a YAML field holds; drives both the JSON Schema and the documentation.</summary>
public enum FieldKind
{
    /// <summary>A text value.</summary>
    Text,

    /// <summary>A number of zero or more.</summary>
    Number,

    /// <summary>A whole number of zero or more.</summary>
    Integer,

    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One of a fixed set of names (<see cref="FieldSpec.Values"/>).</summary>
    Enum,

    /// <summary>A list of text values.</summary>
    TextList,

    /// <summary>A mapping of the kind <see cref="FieldSpec.Object"/>.</summary>
    Object,

    /// <summary>A list of mappings of the kind <see cref="FieldSpec.Object"/>.</summary>
    ObjectList,

    /// <summary>A rule expression, written as text.</summary>
    Expression,

    /// <summary>A mapping of names to rule expressions.</summary>
    ExpressionMap,

    /// <summary>A mapping of names to single values (text, number or true/false).</summary>
    ScalarMap,
}

/// <summary>One key of a YAML mapping: its kind, whether it is required, and what it means.</summary>
/// <param name="Name">The key.</param>
/// <param name="Kind">What kind of value it holds.</param>
/// <param name="Required">Whether a mapping of its kind must have it.</param>
/// <param name="Description">What it means, for the JSON Schema and the documentation.</param>
public sealed record FieldSpec(string Name, FieldKind Kind, bool Required, string Description)
{
    /// <summary>The kind of mapping the field holds, for <see cref="FieldKind.Object"/> and <see cref="FieldKind.ObjectList"/>.</summary>
    public ObjectSpec? Object { get; init; }

    /// <summary>The names allowed, for <see cref="FieldKind.Enum"/>.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A regular expression the text (or each text of a list) must match, for the JSON Schema.</summary>
    public string? Pattern { get; init; }

    /// <summary>
    /// For <see cref="FieldKind.ObjectList"/>: whether the list may instead be a mapping that names a data file
    /// (gegevensbestand) next to the file, <c>{ file: profiles-2024.csv }</c>, whose rows or objects are the items.
    /// </summary>
    public bool FromDataFile { get; init; }

    /// <summary>A field that holds one value of <typeparamref name="T"/>, written in kebab case.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="name">The key.</param>
    /// <param name="required">Whether a mapping of its kind must have it.</param>
    /// <param name="description">What it means.</param>
    public static FieldSpec Enum<T>(string name, bool required, string description)
        where T : struct, Enum => new(name, FieldKind.Enum, required, description) { Values = [.. YamlNames.EnumValues<T>.ByName.Keys] };
}

/// <summary>
/// One kind of YAML mapping (a lot, a rule, ...). The loaders take their allowed keys from here and the JSON Schemas
/// for editors are generated from here, so the two cannot drift apart.
/// </summary>
public sealed class ObjectSpec
{
    /// <summary>A kind of mapping with the given fields.</summary>
    /// <param name="name">Its name, used for its definition in the JSON Schema.</param>
    /// <param name="description">What it is.</param>
    /// <param name="fields">Its keys.</param>
    public ObjectSpec(string name, string description, params FieldSpec[] fields)
    {
        Name = name;
        Description = description;
        Fields = fields;
        Keys = [.. fields.Select(f => f.Name)];
    }

    /// <summary>Its name, used for its definition in the JSON Schema.</summary>
    public string Name { get; }

    /// <summary>What it is.</summary>
    public string Description { get; }

    /// <summary>Its keys, in the order they are documented.</summary>
    public IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>The names of its keys.</summary>
    public IReadOnlyCollection<string> Keys { get; }

    /// <summary>A JSON Schema (draft-07) of a file whose root is this kind of mapping, written deterministically.</summary>
    /// <param name="title">The schema's title.</param>
    public string ToJsonSchema(string title) => JsonSchemaWriter.Write(this, title);
}

/// <summary>Writes an <see cref="ObjectSpec"/> tree as a JSON Schema (draft-07, which editors support best), deterministically.</summary>
internal static class JsonSchemaWriter
{
    public static string Write(ObjectSpec root, string title)
    {
        var definitions = new SortedDictionary<string, ObjectSpec>(StringComparer.Ordinal);
        Collect(root, definitions);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", title);
            WriteObjectBody(json, root);
            json.WriteStartObject("definitions");
            foreach (var (name, spec) in definitions.Where(d => d.Value != root))
            {
                json.WriteStartObject(name);
                WriteObjectBody(json, spec);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void Collect(ObjectSpec spec, SortedDictionary<string, ObjectSpec> definitions)
    {
        if (!definitions.TryAdd(spec.Name, spec))
        {
            return;
        }

        foreach (var field in spec.Fields)
        {
            if (field.Object is { } child)
            {
                Collect(child, definitions);
            }
        }
    }

    private static void WriteObjectBody(Utf8JsonWriter json, ObjectSpec spec)
    {
        json.WriteString("description", spec.Description);
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        var required = spec.Fields.Where(f => f.Required).Select(f => f.Name).ToArray();
        if (required.Length > 0)
        {
            json.WriteStartArray("required");
            foreach (var name in required)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        foreach (var field in spec.Fields)
        {
            json.WriteStartObject(field.Name);
            json.WriteString("description", field.Description);
            WriteType(json, field);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, FieldSpec field)
    {
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("$ref", $"#/definitions/{field.Object!.Name}");
        json.WriteEndObject();
    }

    // The list, or a mapping that names a data file next to the file: { file: NAME.csv }.
    private static void WriteListOrDataFile(Utf8JsonWriter json, FieldSpec field)
    {
        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        WriteList(json, field);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "object");
        json.WriteString("description", "A data file next to this file whose rows (CSV, the columns named as the fields) or objects (JSON lines, a JSON array) are the items.");
        json.WriteStartObject("properties");
        json.WriteStartObject("file");
        json.WriteString("type", "string");
        json.WriteString("pattern", @"^[^/\\:]+\.(csv|jsonl|ndjson|json)$");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("required");
        json.WriteStringValue("file");
        json.WriteEndArray();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteType(Utf8JsonWriter json, FieldSpec field)
    {
        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.Expression:
                json.WriteString("type", "string");
                if (field.Pattern is { } pattern)
                {
                    json.WriteString("pattern", pattern);
                }

                break;
            case FieldKind.Number:
                json.WriteString("type", "number");
                json.WriteNumber("minimum", 0);
                break;
            case FieldKind.Integer:
                json.WriteString("type", "integer");
                json.WriteNumber("minimum", 0);
                break;
            case FieldKind.Date:
                json.WriteString("type", "string");
                json.WriteString("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                break;
            case FieldKind.Boolean:
                json.WriteString("type", "boolean");
                break;
            case FieldKind.Enum:
                json.WriteString("type", "string");
                json.WriteStartArray("enum");
                foreach (var value in field.Values!)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
                break;
            case FieldKind.TextList:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                json.WriteString("type", "string");
                if (field.Pattern is { } itemPattern)
                {
                    json.WriteString("pattern", itemPattern);
                }

                json.WriteEndObject();
                break;
            case FieldKind.Object:
                json.WriteString("$ref", $"#/definitions/{field.Object!.Name}");
                break;
            case FieldKind.ObjectList when field.FromDataFile:
                WriteListOrDataFile(json, field);
                break;
            case FieldKind.ObjectList:
                WriteList(json, field);
                break;
            case FieldKind.ExpressionMap:
                json.WriteString("type", "object");
                json.WriteStartObject("additionalProperties");
                json.WriteString("type", "string");
                json.WriteEndObject();
                break;
            case FieldKind.ScalarMap:
                json.WriteString("type", "object");
                json.WriteStartObject("additionalProperties");
                json.WriteStartArray("type");
                json.WriteStringValue("string");
                json.WriteStringValue("number");
                json.WriteStringValue("boolean");
                json.WriteEndArray();
                json.WriteEndObject();
                break;
        }
    }
}
