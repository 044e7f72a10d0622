using System.Globalization;
using Microsoft.AspNetCore.Http;
using Procurement.Rules.AspNetCore.Json;
using Procurement.Rules.Linting;
using Procurement.Rules.Model;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// Waiver files on the rules page: lint (the file's load errors against the current rules, and waivers that expired or
/// expire within 30 days of the reference date as issues) and saving (refused with 422 while the file has errors).
/// </summary>
internal static class WaiverLinting
{
    private const int WarningDays = 30;

    public static IResult Lint(Workspace workspace, string fullPath, string text)
    {
        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        var loaded = WaiverFile.Load(text, fullPath, ruleSet, workspace.DesignLimits);
        var date = workspace.Options.AsOf ?? DateOnly.FromDateTime(DateTime.Today);
        var issues = new List<LintIssue>();
        foreach (var waiver in loaded.Value ?? [])
        {
            var at = waiver.Location ?? new SourceLocation(fullPath, 1, 1);
            if (waiver.Expires < date)
            {
                issues.Add(new LintIssue("waiver-expired", string.Create(CultureInfo.InvariantCulture, $"Afwijking {waiver.Name} is verlopen op {waiver.Expires:yyyy-MM-dd}; de bevindingen staan weer open."), at));
            }
            else if (waiver.Expires <= date.AddDays(WarningDays))
            {
                issues.Add(new LintIssue("waiver-expiring", string.Create(CultureInfo.InvariantCulture, $"Afwijking {waiver.Name} verloopt op {waiver.Expires:yyyy-MM-dd}, binnen {WarningDays} dagen."), at));
            }
        }

        var response = new LintResponse(Diagnostics.Of(loaded.Errors, workspace), [.. issues.Select(i => Diagnostics.Of(i, workspace))]);
        return Results.Json(response, WorkbenchJsonContext.Default.LintResponse);
    }

    /// <summary>The 422 problem that refuses saving a waiver file with errors; null when it loads against the current rules.</summary>
    public static IResult? RefuseSave(Workspace workspace, string fullPath, string text)
    {
        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        var loaded = WaiverFile.Load(text, fullPath, ruleSet, workspace.DesignLimits);
        return loaded.Errors.Count > 0
            ? Problems.LoadErrors("Het afwijkingenbestand bevat fouten; er is niets opgeslagen.", loaded.Errors, workspace)
            : null;
    }
}
