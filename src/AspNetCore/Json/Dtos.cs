namespace Procurement.Rules.AspNetCore.Json;

// The JSON shapes of the workbench API (camelCase through WorkbenchJsonContext); see docs/workbench-hosting.md.

/// <summary>An error response (RFC 9457) with the workbench's extensions.</summary>
internal sealed record ProblemDto
{
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public required string Detail { get; init; }

    public string? CorrelationId { get; init; }

    public IReadOnlyList<DiagnosticDto>? Errors { get; init; }

    public string? CurrentVersion { get; init; }

    public string? CurrentText { get; init; }
}

internal sealed record SessionDto(string Token, string Folder, bool ReadOnly);

/// <summary>A load error or lint issue with its 1-based span; <c>Severity</c> only for lint issues.</summary>
internal sealed record DiagnosticDto(string Code, string Message, string File, int Line, int Column, int EndLine, int EndColumn)
{
    public string? Severity { get; init; }
}

internal sealed record ValueDto(string Name, string Value);

internal sealed record WaiverDto(string? Id, string Justification, string ApprovedBy, string Expires, string State);

internal sealed record FindingDto
{
    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required string Severity { get; init; }

    public required string Family { get; init; }

    public required string Subject { get; init; }

    public string? SubjectType { get; init; }

    public string? SubjectId { get; init; }

    public required string Lot { get; init; }

    public required string Municipality { get; init; }

    /// <summary>The file the subject is in: the design, or a data file next to it (with '/' between folders).</summary>
    public string? File { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }

    public required string Message { get; init; }

    public required string Clause { get; init; }

    public required string ClauseText { get; init; }

    public required IReadOnlyList<ValueDto> Values { get; init; }

    public string? Reference { get; init; }

    public string? ReasonCode { get; init; }

    public WaiverDto? Waiver { get; init; }
}

internal sealed record CountsDto(int Error, int Warning, int Info, int Waived);

internal sealed record DesignSummaryDto(string Path, string? Id, string? Name, CountsDto Counts, int LoadErrors);

internal sealed record FileTextDto(string Path, string Text, string Version);

internal sealed record SaveRequest(string? Text, string? Version);

internal sealed record SavedDto(string Version);

internal sealed record ValidateRequest(string? Text, string? Path);

internal sealed record ValidateResponse(IReadOnlyList<DiagnosticDto> LoadErrors, IReadOnlyList<FindingDto> Findings, CountsDto Counts, string RuleSetHash, long ElapsedMs);

internal sealed record ExplainRequest(string? Text, string? RuleId, string? Subject, string? Path);

internal sealed record ExplainDto(string RuleId, string Title, IReadOnlyList<SubjectExplanationDto> Subjects);

internal sealed record SubjectExplanationDto(string Subject, string When, IReadOnlyList<ClauseExplanationDto> Clauses)
{
    public int? Line { get; init; }

    public int? Column { get; init; }

    public string? Error { get; init; }

    /// <summary>The accepted deviation (or the expired one) that applies to this subject's finding.</summary>
    public WaiverDto? Waiver { get; init; }
}

internal sealed record ClauseExplanationDto(string Name, string Text, string Outcome, IReadOnlyList<ValueDto> Values, string? Error);

internal sealed record DiffRequest(string? BaseText, string? BasePath, string? HeadText, string? HeadPath);

internal sealed record DiffCountsDto(int New, int Resolved, int Changed);

internal sealed record FindingChangeDto(string Change, FindingDto? Base, FindingDto? Head);

internal sealed record DiffResponse(DiffCountsDto Counts, IReadOnlyList<FindingChangeDto> Findings)
{
    public IReadOnlyList<DiagnosticDto> LoadErrors { get; init; } = [];
}

internal sealed record ReportRequest(string? Text, string? Path, string? Format);

/// <summary>A monitoring report request: a design file with period data, optional months (<c>yyyy-MM</c>) and the format.</summary>
internal sealed record MonitoringRequest(string? Path, string? From, string? Until, string? Format);
