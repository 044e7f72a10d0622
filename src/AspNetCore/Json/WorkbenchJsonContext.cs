using System.Text.Json;
using System.Text.Json.Serialization;

namespace Procurement.Rules.AspNetCore.Json;

/// <summary>The source-generated JSON contract of the workbench API: camelCase names, nulls written.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProblemDto))]
[JsonSerializable(typeof(SessionDto))]
[JsonSerializable(typeof(IReadOnlyList<DesignSummaryDto>))]
[JsonSerializable(typeof(FileTextDto))]
[JsonSerializable(typeof(SaveRequest))]
[JsonSerializable(typeof(SavedDto))]
[JsonSerializable(typeof(ValidateRequest))]
[JsonSerializable(typeof(ValidateResponse))]
[JsonSerializable(typeof(ExplainRequest))]
[JsonSerializable(typeof(ExplainDto))]
[JsonSerializable(typeof(DiffRequest))]
[JsonSerializable(typeof(DiffResponse))]
[JsonSerializable(typeof(ReportRequest))]
[JsonSerializable(typeof(MonitoringRequest))]
[JsonSerializable(typeof(RulesDto))]
[JsonSerializable(typeof(IReadOnlyList<RuleFileDto>))]
[JsonSerializable(typeof(RuleEditRequest))]
[JsonSerializable(typeof(LintResponse))]
[JsonSerializable(typeof(RuleTestResponse))]
[JsonSerializable(typeof(ImpactResponse))]
[JsonSerializable(typeof(WaiverRequest))]
[JsonSerializable(typeof(WaiverSavedDto))]
internal sealed partial class WorkbenchJsonContext : JsonSerializerContext;
