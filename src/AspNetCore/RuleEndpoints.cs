using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Rules.AspNetCore.Json;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.AspNetCore;

/// <summary>The rules: <c>api/rules</c> (every rule after layering, with where each setting came from) and the rule files (<c>api/rules/files</c>, read and save).</summary>
internal static class RuleEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/rules", ListRules).Produces<RulesDto>();
        api.MapGet("/rules/files", ListFiles).Produces<IReadOnlyList<RuleFileDto>>();
        api.MapGet("/rules/files/{**path}", (string path, Workspace workspace) => ReadRuleFile(workspace, FolderFiles.FromRoute(path))).Produces<FileTextDto>();
        api.MapPut("/rules/files/{**path}", (string path, HttpContext context, Workspace workspace) => SaveRuleFile(context, workspace, FolderFiles.FromRoute(path)))
            .Accepts<SaveRequest>("application/json").Produces<SavedDto>();
        RuleEditEndpoints.Map(api);
    }

    /// <summary>A rule as the rules page shows it; locations as <c>file:line</c> relative to the folder.</summary>
    public static RuleDto Of(RuleInfo rule, Workspace workspace) => new()
    {
        Id = rule.Id,
        Title = rule.Title,
        Family = rule.Pack,
        Severity = ReportNames.Severity(rule.Severity),
        SeveritySetBy = Where(rule.SeveritySetBy, workspace),
        Parameters = [.. rule.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new ParameterDto(p.Key, Format(p.Value), Where(rule.ParametersSetBy.GetValueOrDefault(p.Key), workspace)))],
        EffectiveFrom = rule.Effective?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EffectiveUntil = rule.Effective?.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Reference = rule.Reference,
        Clauses = [.. rule.Clauses.Select(c => new ClauseTextDto(c.Key, c.Value))],
        Source = Where(rule.Location, workspace)!,
        Enabled = rule.Enabled,
        DisabledBy = Where(rule.DisabledBy, workspace),
    };

    private static IResult ListRules(Workspace workspace)
    {
        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        var dto = new RulesDto(ruleSet.Hash, [.. ruleSet.Sources.Select(workspace.Display)], [.. ruleSet.Rules.Select(r => Of(r, workspace))]);
        return Results.Json(dto, WorkbenchJsonContext.Default.RulesDto);
    }

    private static IResult ListFiles(Workspace workspace)
    {
        var files = RuleFiles.List(workspace)
            .Select(f => new RuleFileDto(workspace.Display(f.FullPath), f.Kind, workspace.Files.Read(f.FullPath).Version ?? string.Empty))
            .ToArray();
        return Results.Json<IReadOnlyList<RuleFileDto>>(files, WorkbenchJsonContext.Default.IReadOnlyListRuleFileDto);
    }

    private static IResult ReadRuleFile(Workspace workspace, string path)
    {
        var check = workspace.Files.Resolve(path);
        if (check.FullPath is { } full && RuleFiles.KindOf(workspace, full) is null)
        {
            return Problems.BadRequest($"'{path}' is geen regelbestand: niet in een regelmap en geen overridebestand.");
        }

        return DesignEndpoints.ReadFile(workspace, path);
    }

    // A pack or override is saved only when the rule set still loads with it; the load errors otherwise (422).
    private static Task<IResult> SaveRuleFile(HttpContext context, Workspace workspace, string path)
    {
        var check = workspace.Files.Resolve(path);
        if (check.FullPath is { } full && RuleFiles.KindOf(workspace, full) is null)
        {
            return Task.FromResult(Problems.BadRequest($"'{path}' is geen regelbestand: niet in een regelmap en geen overridebestand."));
        }

        return DesignEndpoints.SaveFile(context, workspace, path, (fullPath, text) =>
        {
            if (RuleFiles.KindOf(workspace, fullPath) == RuleFiles.Waivers)
            {
                return WaiverLinting.RefuseSave(workspace, fullPath, text);
            }

            if (!RuleFiles.IsRuleSource(RuleFiles.KindOf(workspace, fullPath)))
            {
                return null;
            }

            var loaded = RuleSet.Load(workspace.SourcesWith(fullPath, text));
            return loaded.Errors.Count > 0
                ? Problems.LoadErrors("De regels laden niet met deze wijziging; er is niets opgeslagen.", loaded.Errors, workspace)
                : null;
        });
    }

    private static string? Where(SourceLocation? location, Workspace workspace) =>
        location is null ? null : $"{workspace.Display(location.File)}:{location.Line}";

    private static string Format(object value) => value switch
    {
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
