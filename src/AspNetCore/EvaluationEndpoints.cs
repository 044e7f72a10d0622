using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Rules.AspNetCore.Json;
using Procurement.Rules.Comparing;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.AspNetCore;

/// <summary>Evaluating design texts: <c>api/validate</c>, <c>api/explain</c>, <c>api/diff</c>, <c>api/report</c>; every evaluation under the work budget.</summary>
internal static class EvaluationEndpoints
{
    private const string UnsavedName = "ontwerp.yaml";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/validate", Validate).Accepts<ValidateRequest>("application/json").Produces<ValidateResponse>();
        api.MapPost("/explain", Explain).Accepts<ExplainRequest>("application/json").Produces<ExplainDto>();
        api.MapPost("/diff", Diff).Accepts<DiffRequest>("application/json").Produces<DiffResponse>();
        api.MapPost("/report", Report).Accepts<ReportRequest>("application/json");
    }

    /// <summary>The text to evaluate and the file name its positions use: the given text, else the file at the path.</summary>
    internal static (string? Text, string File, IResult? Problem) TextOf(Workspace workspace, string? text, string? path)
    {
        if (text is not null)
        {
            return (text, string.IsNullOrWhiteSpace(path) ? UnsavedName : path, null);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, UnsavedName, Problems.BadRequest("Geef de tekst van het ontwerp ('text') of het pad van een bestand in de map ('path')."));
        }

        var check = workspace.Files.Resolve(path);
        if (check.FullPath is not { } full)
        {
            return (null, path, check.Problem);
        }

        var read = workspace.Files.Read(full);
        return read.Problem is { } problem ? (null, path, problem)
            : read.Text is null ? (null, path, Problems.NotFound($"Er is geen bestand '{path}' in de map."))
            : (read.Text, path, null);
    }

    private static async Task<IResult> Validate(HttpContext context, Workspace workspace)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, WorkbenchJsonContext.Default.ValidateRequest, workspace.Options.MaxRequestBytes);
        if (request is null)
        {
            return problem!;
        }

        var (text, file, textProblem) = TextOf(workspace, request.Text, request.Path);
        if (text is null)
        {
            return textProblem!;
        }

        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        var clock = Stopwatch.StartNew();
        var evaluation = workspace.Evaluate(ruleSet, text, file, context.RequestAborted);
        var findings = evaluation.Report is { } report ? Findings.Of(report, ruleSet) : [];
        var response = new ValidateResponse(Diagnostics.Of(evaluation.LoadErrors, workspace), findings, Findings.Counts(findings), ruleSet.Hash, clock.ElapsedMilliseconds);
        return Results.Json(response, WorkbenchJsonContext.Default.ValidateResponse);
    }

    private static async Task<IResult> Explain(HttpContext context, Workspace workspace)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, WorkbenchJsonContext.Default.ExplainRequest, workspace.Options.MaxRequestBytes);
        if (request is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(request.RuleId))
        {
            return Problems.BadRequest("Geef de regel ('ruleId') die moet worden uitgelegd.");
        }

        var (text, file, textProblem) = TextOf(workspace, request.Text, request.Path);
        if (text is null)
        {
            return textProblem!;
        }

        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        var loaded = workspace.LoadDesign(text, file);
        if (loaded.Value is not { } design)
        {
            return Problems.LoadErrors("Het ontwerp laadt niet; los eerst de fouten op.", loaded.Errors, workspace);
        }

        var subject = string.IsNullOrWhiteSpace(request.Subject) ? null : request.Subject;
        var explanation = ruleSet.Explain(design, request.RuleId, subject, workspace.Evaluation(design), context.RequestAborted);
        if (explanation is null)
        {
            return Problems.NotFound($"Er is geen regel '{request.RuleId}'.");
        }

        var title = ruleSet.Rules.First(r => r.Id == explanation.RuleId).Title;
        return Results.Json(Explanations.Of(explanation, title), WorkbenchJsonContext.Default.ExplainDto);
    }

    private static async Task<IResult> Diff(HttpContext context, Workspace workspace)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, WorkbenchJsonContext.Default.DiffRequest, workspace.Options.MaxRequestBytes);
        if (request is null)
        {
            return problem!;
        }

        var (baseText, baseFile, baseProblem) = TextOf(workspace, request.BaseText, request.BasePath);
        var (headText, headFile, headProblem) = TextOf(workspace, request.HeadText, request.HeadPath);
        if (baseText is null || headText is null)
        {
            return (baseProblem ?? headProblem)!;
        }

        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        var before = workspace.Evaluate(ruleSet, baseText, baseFile, context.RequestAborted);
        var after = workspace.Evaluate(ruleSet, headText, headFile, context.RequestAborted);
        if (before.Report is not { } baseReport || after.Report is not { } headReport)
        {
            var errors = Diagnostics.Of(before.LoadErrors.Concat(after.LoadErrors), workspace);
            return Results.Json(new DiffResponse(new DiffCountsDto(0, 0, 0), []) { LoadErrors = errors }, WorkbenchJsonContext.Default.DiffResponse);
        }

        var diff = ReportComparer.Compare(baseReport.Report, headReport.Report);
        var families = Findings.Families(ruleSet);
        var changes = diff.Findings
            .Where(f => f.Change != FindingChange.Unchanged)
            .Select(f => new FindingChangeDto(
                ReportNames.Change(f.Change),
                f.Base is { } b ? Findings.Of(b, baseReport, families) : null,
                f.Head is { } h ? Findings.Of(h, headReport, families) : null))
            .ToArray();
        var counts = new DiffCountsDto(diff.Count(FindingChange.New), diff.Count(FindingChange.Resolved), diff.Count(FindingChange.Changed));
        return Results.Json(new DiffResponse(counts, changes), WorkbenchJsonContext.Default.DiffResponse);
    }

    private static async Task<IResult> Report(HttpContext context, Workspace workspace)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, WorkbenchJsonContext.Default.ReportRequest, workspace.Options.MaxRequestBytes);
        if (request is null)
        {
            return problem!;
        }

        if (FormatOf(request.Format) is not { } chosen)
        {
            return Problems.BadRequest("Kies een formaat ('format'): html, markdown, json of sarif.");
        }

        var (text, file, textProblem) = TextOf(workspace, request.Text, request.Path);
        if (text is null)
        {
            return textProblem!;
        }

        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        var evaluation = workspace.Evaluate(ruleSet, text, file, context.RequestAborted);
        if (evaluation.Report is not { } report)
        {
            return Problems.LoadErrors("Het ontwerp laadt niet; er is geen rapport.", evaluation.LoadErrors, workspace);
        }

        using var writer = new StringWriter();
        ReportWriter.Write(chosen.Format, [report], ruleSet, writer);
        return Attachment(context, writer.ToString(), chosen, $"{Path.GetFileNameWithoutExtension(file)}-rapport");
    }

    /// <summary>A report format by its name in a request (<c>html</c>, <c>markdown</c>, <c>json</c>, <c>sarif</c>) with its file extension and content type; null for another name.</summary>
    internal static ReportFileFormat? FormatOf(string? name) => name switch
    {
        "html" => new ReportFileFormat(ReportFormat.Html, "html", "text/html; charset=utf-8"),
        "markdown" => new ReportFileFormat(ReportFormat.Markdown, "md", "text/markdown; charset=utf-8"),
        "json" => new ReportFileFormat(ReportFormat.Json, "json", "application/json; charset=utf-8"),
        "sarif" => new ReportFileFormat(ReportFormat.Sarif, "sarif", "application/sarif+json; charset=utf-8"),
        _ => null,
    };

    /// <summary>A written report as a download named <paramref name="baseName"/> with the format's extension, never sniffed as another type.</summary>
    internal static IResult Attachment(HttpContext context, string text, ReportFileFormat format, string baseName)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(Encoding.UTF8.GetBytes(text), format.ContentType, $"{baseName}.{format.Extension}");
    }
}

/// <summary>A report format of a download: how the library writes it, the file extension and the content type.</summary>
internal sealed record ReportFileFormat(ReportFormat Format, string Extension, string ContentType);
