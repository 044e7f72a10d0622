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
}
