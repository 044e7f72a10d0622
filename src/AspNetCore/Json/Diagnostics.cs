using Procurement.Rules.Linting;
using Procurement.Rules.Model;

namespace Procurement.Rules.AspNetCore.Json;

/// <summary>Load errors and lint issues as the API's diagnostics, with file names relative to the served folder.</summary>
internal static class Diagnostics
{
    public static IReadOnlyList<DiagnosticDto> Of(IEnumerable<LoadError> errors, Workspace workspace) =>
        [.. errors.Select(e => Of(e, workspace))];

    public static DiagnosticDto Of(LoadError error, Workspace workspace)
    {
        var span = error.Span;
        var endLine = span.EndLine >= error.Line ? span.EndLine : error.Line;
        var endColumn = endLine == error.Line && span.EndColumn < error.Column ? error.Column : span.EndColumn;
        return new DiagnosticDto(error.Code, error.Message, workspace.Display(error.File), error.Line, error.Column, endLine, Math.Max(1, endColumn));
    }

    public static DiagnosticDto Of(LintIssue issue, Workspace workspace) =>
        new(issue.Code, issue.Message, workspace.Display(issue.Location.File), issue.Location.Line, issue.Location.Column, issue.Location.Line, issue.Location.Column)
        {
            Severity = "warning",
        };
}
