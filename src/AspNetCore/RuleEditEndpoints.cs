using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Rules.AspNetCore.Json;
using Procurement.Rules.Comparing;
using Procurement.Rules.Linting;
using Procurement.Rules.Reporting;
using Procurement.Rules.RuleTests;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// What an edit of a rule file does, before it is saved: <c>api/rules/lint</c> (load errors and lint issues),
/// <c>api/rules/test</c> (the rule tests with clause coverage) and <c>api/rules/impact</c> (every design of the folder
/// under the saved and the edited rules).
/// </summary>
internal static class RuleEditEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/rules/lint", Lint).Accepts<RuleEditRequest>("application/json").Produces<LintResponse>();
        api.MapPost("/rules/test", Test).Accepts<RuleEditRequest>("application/json").Produces<RuleTestResponse>();
        api.MapPost("/rules/impact", Impact).Accepts<RuleEditRequest>("application/json").Produces<ImpactResponse>();
    }

    private static async Task<IResult> Lint(HttpContext context, Workspace workspace)
    {
        var (edit, problem) = await ReadEdit(context, workspace, textRequired: true);
        if (edit is null)
        {
            return problem!;
        }

        if (edit.Kind == RuleFiles.Waivers)
        {
            return WaiverLinting.Lint(workspace, edit.FullPath!, edit.Text!);
        }

        var sources = RuleFiles.IsRuleSource(edit.Kind) ? workspace.SourcesWith(edit.FullPath!, edit.Text!) : workspace.Rules().Sources;
        var report = RuleLinter.Lint(sources, workspace.Options.AsOf ?? DateOnly.FromDateTime(DateTime.Today));
        var response = new LintResponse(Diagnostics.Of(report.Errors, workspace), [.. report.Issues.Select(i => Diagnostics.Of(i, workspace))]);
        return Results.Json(response, WorkbenchJsonContext.Default.LintResponse);
    }

    private static async Task<IResult> Test(HttpContext context, Workspace workspace)
    {
        var (edit, problem) = await ReadEdit(context, workspace, textRequired: false);
        if (edit is null)
        {
            return problem!;
        }

        var sources = RuleFiles.IsRuleSource(edit.Kind) && edit.Text is { } text ? workspace.SourcesWith(edit.FullPath!, text) : workspace.Rules().Sources;
        var loaded = RuleSet.Load(sources);
        if (loaded.Value is not { } ruleSet)
        {
            var failed = new RuleTestResponse(0, 0, 0, [], []) { LoadErrors = Diagnostics.Of(loaded.Errors, workspace) };
            return Results.Json(failed, WorkbenchJsonContext.Default.RuleTestResponse);
        }

        var testFiles = workspace.RuleDirectories.SelectMany(d => RuleTestRunner.FindTestFiles(Path.Combine(d, "tests"))).ToList();
        string? temporary = null;
        try
        {
            // An edited test file runs from a hidden copy beside it, so that its relative 'base' and 'design' paths still resolve.
            if (edit.Kind == RuleFiles.RuleTests && edit.Text is { } testText && !workspace.Options.ReadOnly)
            {
                temporary = Path.Combine(Path.GetDirectoryName(edit.FullPath)!, $".{Path.GetFileNameWithoutExtension(edit.FullPath)}.{Guid.NewGuid():N}.edit.yaml");
                File.WriteAllText(temporary, testText);
                testFiles.Remove(edit.FullPath!);
                testFiles.Add(temporary);
            }

            var report = RuleTestRunner.Run(ruleSet, testFiles);
            return Results.Json(Of(report, workspace, temporary, edit.FullPath), WorkbenchJsonContext.Default.RuleTestResponse);
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }

    private static async Task<IResult> Impact(HttpContext context, Workspace workspace)
    {
        var (edit, problem) = await ReadEdit(context, workspace, textRequired: true);
        if (edit is null)
        {
            return problem!;
        }

        var saved = workspace.Rules();
        if (saved.RuleSet is not { } baseRules)
        {
            return Problems.RulesDoNotLoad(saved.Errors, workspace);
        }

        var edited = RuleSet.Load(RuleFiles.IsRuleSource(edit.Kind) ? workspace.SourcesWith(edit.FullPath!, edit.Text!) : saved.Sources);
        if (edited.Value is not { } headRules)
        {
            return Results.Json(new ImpactResponse([], [], Diagnostics.Of(edited.Errors, workspace)), WorkbenchJsonContext.Default.ImpactResponse);
        }

        var diffs = new List<ReportDiff>();
        var designs = new List<DesignImpactDto>();
        foreach (var path in workspace.Designs.Paths())
        {
            var read = workspace.Files.Read(Path.Combine(workspace.Files.Root, path));
            if (read.Text is null || workspace.LoadDesign(read.Text, path).Value is not { } design)
            {
                continue;
            }

            var options = workspace.Evaluation(design);
            var diff = ReportComparer.Compare(baseRules.Evaluate(design, options, context.RequestAborted), headRules.Evaluate(design, options, context.RequestAborted));
            diffs.Add(diff);
            designs.Add(new DesignImpactDto(path, diff.Count(FindingChange.New), diff.Count(FindingChange.Resolved)));
        }

        var rules = ReportComparer.CompareRules(baseRules, headRules, diffs)
            .Where(r => r.Kind != RuleChangeKind.Unchanged || r.NewlyFailing > 0 || r.NewlyPassing > 0)
            .Select(r => new RuleImpactDto(r.RuleId, ReportNames.RuleChange(r.Kind), r.NewlyFailing, r.NewlyPassing))
            .ToArray();
        return Results.Json(new ImpactResponse(rules, designs, []), WorkbenchJsonContext.Default.ImpactResponse);
    }

    private static RuleTestResponse Of(RuleTestReport report, Workspace workspace, string? temporary, string? original)
    {
        string Name(string file) => workspace.Display(temporary is not null && file == temporary ? original! : file);
        var results = report.Tests.Select(t => new RuleTestResultDto(
            t.Name,
            Name(t.Location.File),
            t.Location.Line,
            t.Error is not null ? "error" : t.Passed ? "pass" : "fail",
            t.Passed ? null : t.Describe())).ToArray();
        var errors = report.Errors.Select(e => Diagnostics.Of(e, workspace) with { File = Name(e.File) }).ToArray();
        return new RuleTestResponse(
            results.Count(r => r.Outcome == "pass"),
            results.Count(r => r.Outcome != "pass"),
            Math.Round(report.CoveragePercent, 1),
            results,
            [.. report.Coverage.Where(c => !c.Covered).Select(c => new UncoveredDto(c.RuleId, c.Clause))])
        {
            LoadErrors = errors,
        };
    }

    // The request's path resolved inside the folder with its kind as a rule file (null path: no file named).
    private static async Task<(RuleEdit? Edit, IResult? Problem)> ReadEdit(HttpContext context, Workspace workspace, bool textRequired)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, WorkbenchJsonContext.Default.RuleEditRequest, workspace.Options.MaxRequestBytes);
        if (request is null)
        {
            return (null, problem);
        }

        if (textRequired && (request.Text is null || string.IsNullOrWhiteSpace(request.Path)))
        {
            return (null, Problems.BadRequest("Geef het pad ('path') en de tekst ('text') van het regelbestand."));
        }

        if (string.IsNullOrWhiteSpace(request.Path))
        {
            return (new RuleEdit(null, null, request.Text), null);
        }

        var check = workspace.Files.Resolve(request.Path);
        if (check.FullPath is not { } full)
        {
            return (null, check.Problem);
        }

        var kind = RuleFiles.KindOf(workspace, full);
        return kind is null
            ? (null, Problems.BadRequest($"'{request.Path}' is geen regelbestand: niet in een regelmap en geen overridebestand."))
            : (new RuleEdit(full, kind, request.Text), null);
    }

    private sealed record RuleEdit(string? FullPath, string? Kind, string? Text);
}
