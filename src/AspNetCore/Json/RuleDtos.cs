namespace Procurement.Rules.AspNetCore.Json;

// The JSON shapes of the rules part of the workbench API.

internal sealed record RulesDto(string RuleSetHash, IReadOnlyList<string> Sources, IReadOnlyList<RuleDto> Rules);

internal sealed record RuleDto
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Family { get; init; }

    public required string Severity { get; init; }

    public string? SeveritySetBy { get; init; }

    public required IReadOnlyList<ParameterDto> Parameters { get; init; }

    public string? EffectiveFrom { get; init; }

    public string? EffectiveUntil { get; init; }

    public string? Reference { get; init; }

    public required IReadOnlyList<ClauseTextDto> Clauses { get; init; }

    public required string Source { get; init; }

    public bool Enabled { get; init; } = true;

    public string? DisabledBy { get; init; }
}

internal sealed record ParameterDto(string Name, string Value, string? SetBy);

internal sealed record ClauseTextDto(string Name, string Text);

internal sealed record RuleFileDto(string Path, string Kind, string Version);

internal sealed record RuleEditRequest(string? Path, string? Text);

internal sealed record LintResponse(IReadOnlyList<DiagnosticDto> LoadErrors, IReadOnlyList<DiagnosticDto> Issues);

internal sealed record RuleTestResultDto(string Name, string File, int Line, string Outcome, string? Message);

internal sealed record UncoveredDto(string RuleId, string Clause);

internal sealed record RuleTestResponse(int Passed, int Failed, double Coverage, IReadOnlyList<RuleTestResultDto> Results, IReadOnlyList<UncoveredDto> Uncovered)
{
    public IReadOnlyList<DiagnosticDto> LoadErrors { get; init; } = [];
}

internal sealed record RuleImpactDto(string RuleId, string Kind, int NewlyFailing, int NewlyPassing);

internal sealed record DesignImpactDto(string Path, int NewlyFailing, int NewlyPassing);

internal sealed record ImpactResponse(IReadOnlyList<RuleImpactDto> Rules, IReadOnlyList<DesignImpactDto> Designs, IReadOnlyList<DiagnosticDto> LoadErrors);
