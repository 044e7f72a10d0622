using System.Text.Json;
using System.Text.Json.Serialization;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The source-generated serializer context of the JSON report: camelCase names, nulls left out, enums as kebab-case
/// text, indented; the same bytes the reflection-based serializer wrote with those options.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KebabCaseEnumConverter<Severity>), typeof(KebabCaseEnumConverter<RuleApplication>), typeof(KebabCaseEnumConverter<WaiverState>)])]
[JsonSerializable(typeof(List<EvaluationReport>))]
[JsonSerializable(typeof(Monitoring.MonitoringReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>An enum as kebab-case text (<c>not-effective</c>).</summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower)
    where TEnum : struct, Enum;

/// <summary>The JSON report: an array with one object per design, in a stable shape (camelCase, enums as text).</summary>
internal static class JsonReportWriter
{
    public static void Write(IReadOnlyList<EvaluationReport> reports, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(reports as List<EvaluationReport> ?? [.. reports], ReportJsonContext.Default.ListEvaluationReport));

    public static void WriteMonitoring(Monitoring.MonitoringReport report, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(report, ReportJsonContext.Default.MonitoringReport));

    public static IReadOnlyList<EvaluationReport> Read(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.ListEvaluationReport) ?? [];
}
