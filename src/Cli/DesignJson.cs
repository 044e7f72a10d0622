using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Procurement.Rules.Cli;

/// <summary>
/// Writes a YAML design as the same design in JSON (the format a <c>.json</c> design file is read in): plain numbers and
/// booleans as JSON numbers and booleans, plain nulls as null, every other value as a string, as a system exporting the
/// design would write it. Streams from the YAML parser's events to the JSON writer, so a design of a million care
/// profiles is converted without holding it as a tree.
/// </summary>
internal static partial class DesignJson
{
    /// <summary>Converts <paramref name="yaml"/> (without anchors and aliases) to indented JSON.</summary>
    public static void Write(string yaml, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var parser = new Parser(new StringReader(yaml));

        // Per open collection, what its next node is: a list item, a mapping's key, or a mapping's value.
        var next = new Stack<Slot>();
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case Scalar key when next.TryPeek(out var slot) && slot == Slot.Key:
                    writer.WritePropertyName(key.Value);
                    Advance(next);
                    break;
                case Scalar scalar:
                    Advance(next);
                    WriteScalar(writer, scalar);
                    break;
                case MappingStart:
                    Advance(next);
                    writer.WriteStartObject();
                    next.Push(Slot.Key);
                    break;
                case SequenceStart:
                    Advance(next);
                    writer.WriteStartArray();
                    next.Push(Slot.Item);
                    break;
                case MappingEnd:
                    next.Pop();
                    writer.WriteEndObject();
                    break;
                case SequenceEnd:
                    next.Pop();
                    writer.WriteEndArray();
                    break;
                case AnchorAlias alias:
                    throw new InvalidOperationException($"Alias *{alias.Value} at {alias.Start}: a design to convert has no anchors or aliases.");
            }
        }
    }

    /// <summary>Converts <paramref name="yaml"/> to indented JSON text with '\n' line breaks.</summary>
    public static string ToJson(string yaml)
    {
        using var buffer = new MemoryStream();
        Write(yaml, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).ReplaceLineEndings("\n");
    }

    private enum Slot
    {
        Item,
        Key,
        Value,
    }

    // A node is read where the top collection expects it: in a mapping a key is followed by its value, and a value by
    // the next key; a list takes items.
    private static void Advance(Stack<Slot> next)
    {
        if (next.TryPeek(out var slot) && slot != Slot.Item)
        {
            next.Pop();
            next.Push(slot == Slot.Key ? Slot.Value : Slot.Key);
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, Scalar scalar)
    {
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        if (plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (plain && scalar.Value is "true" or "false")
        {
            writer.WriteBooleanValue(scalar.Value == "true");
        }
        else if (plain && Number().IsMatch(scalar.Value))
        {
            writer.WriteRawValue(scalar.Value);
        }
        else
        {
            writer.WriteStringValue(scalar.Value);
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial Regex Number();
}
