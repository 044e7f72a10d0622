using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Rules.AspNetCore.Json;

namespace Procurement.Rules.AspNetCore;

/// <summary>The session and design files: <c>api/session</c>, <c>api/designs</c>, <c>api/designs/{path}</c> (read and save), <c>api/schemas/{kind}</c>.</summary>
internal static class DesignEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/session", (Workspace workspace) =>
            Results.Json(new SessionDto(workspace.Token, Path.GetFileName(workspace.Files.Root), workspace.Options.ReadOnly), WorkbenchJsonContext.Default.SessionDto))
            .Produces<SessionDto>();
        api.MapGet("/designs", ListDesigns).Produces<IReadOnlyList<DesignSummaryDto>>();
        api.MapGet("/designs/{**path}", (string path, Workspace workspace) => ReadFile(workspace, FolderFiles.FromRoute(path)))
            .Produces<FileTextDto>();
        api.MapPut("/designs/{**path}", (string path, HttpContext context, Workspace workspace) => SaveFile(context, workspace, FolderFiles.FromRoute(path), validate: null))
            .Accepts<SaveRequest>("application/json").Produces<SavedDto>();
        api.MapGet("/schemas/{kind}", (string kind) => Schema(kind));
    }

    /// <summary>The text and version of a file inside the folder.</summary>
    public static IResult ReadFile(Workspace workspace, string path)
    {
        var check = workspace.Files.Resolve(path);
        if (check.FullPath is not { } full)
        {
            return check.Problem!;
        }

        var read = workspace.Files.Read(full);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        return read.Text is { } text
            ? Results.Json(new FileTextDto(path, text, read.Version!), WorkbenchJsonContext.Default.FileTextDto)
            : Problems.NotFound($"Er is geen bestand '{path}' in de map.");
    }

    /// <summary>
    /// Saves a file when the version the client read is still the one on disk (409 with the current text otherwise, nothing
    /// written); a new file when the client gives no version. <paramref name="validate"/> may refuse the text first.
    /// </summary>
    public static async Task<IResult> SaveFile(HttpContext context, Workspace workspace, string path, Func<string, string, IResult?>? validate)
    {
        if (workspace.Options.ReadOnly)
        {
            return Problems.ReadOnly();
        }

        var check = workspace.Files.Resolve(path);
        if (check.FullPath is not { } full)
        {
            return check.Problem!;
        }

        var (request, bodyProblem) = await RequestBody.ReadAsync(context, WorkbenchJsonContext.Default.SaveRequest, workspace.Options.MaxRequestBytes);
        if (request is null)
        {
            return bodyProblem!;
        }

        if (request.Text is not { } text)
        {
            return Problems.BadRequest("Geef de tekst van het bestand in 'text'.");
        }

        if (validate?.Invoke(full, text) is { } refused)
        {
            return refused;
        }

        await workspace.WriteLock.WaitAsync(context.RequestAborted);
        try
        {
            var current = workspace.Files.Read(full);
            if (current.Version is { } onDisk && onDisk != request.Version)
            {
                return Problems.Conflict(onDisk, current.Text);
            }

            if (current.Version is null && !string.IsNullOrEmpty(request.Version))
            {
                return Problems.Conflict(string.Empty, null);
            }

            var version = workspace.Files.Write(full, text);
            return Results.Json(new SavedDto(version), WorkbenchJsonContext.Default.SavedDto);
        }
        finally
        {
            workspace.WriteLock.Release();
        }
    }

    private static IResult ListDesigns(Workspace workspace, HttpContext context)
    {
        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        var designs = workspace.Designs.List(ruleSet, context.RequestAborted);
        return Results.Json(designs, WorkbenchJsonContext.Default.IReadOnlyListDesignSummaryDto);
    }

    private static IResult Schema(string kind)
    {
        var schema = kind switch
        {
            "design" => JsonSchemas.TenderDesign(),
            "rules" or "override" => JsonSchemas.RuleFile(),
            "ruletests" => JsonSchemas.RuleTests(),
            "waivers" => JsonSchemas.Waivers(),
            _ => null,
        };
        return schema is null
            ? Problems.NotFound($"Er is geen schema '{kind}'; kies design, rules, override, ruletests of waivers.")
            : Results.Text(schema, "application/schema+json", System.Text.Encoding.UTF8);
    }
}
