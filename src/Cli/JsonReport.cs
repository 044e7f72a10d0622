using System.Text.Json;
using System.Text.Json.Serialization;

namespace Procurement.Rules.Cli;

/// <summary>The JSON report: an array with one object per design, in a stable shape (camelCase, enums as text).</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Write(IReadOnlyList<EvaluationReport> reports, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(reports, Options));

    /// <summary>Reads a report written by <see cref="Write"/> back (the shape is stable, so this round-trips).</summary>
    public static IReadOnlyList<EvaluationReport> Read(string json) =>
        JsonSerializer.Deserialize<List<EvaluationReport>>(json, Options) ?? [];
}
