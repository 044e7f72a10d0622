namespace Procurement.Rules.AspNetCore.Json;

/// <summary>The body of <c>POST api/waivers</c>: one accepted deviation; dates as <c>yyyy-MM-dd</c>.</summary>
internal sealed record WaiverRequest
{
    public string? RuleId { get; init; }

    public string? Subject { get; init; }

    public string? Justification { get; init; }

    public string? ApprovedBy { get; init; }

    public string? Expires { get; init; }

    public string? Decided { get; init; }

    public string? Reference { get; init; }

    public string? Id { get; init; }

    public string? Design { get; init; }

    public string? File { get; init; }
}

/// <summary>The answer of <c>POST api/waivers</c>: the waiver file written and its new version.</summary>
internal sealed record WaiverSavedDto(string File, string Version);
