using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Rules.AspNetCore.Json;
using Procurement.Rules.Model;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// <c>POST api/waivers</c>: "afwijking accepteren" records an accepted deviation for one finding by appending an entry to
/// the folder's waiver file (<c>waivers.yaml</c>, or the waiver file named in <c>file</c>), created when absent, written
/// atomically. The entry is checked as the library loads it (known rule, subject path, dates, justification, approver):
/// anything wrong is a 422 problem with the errors, and nothing is written.
/// </summary>
internal static class WaiverEndpoints
{
    private const string RequestName = "verzoek";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/waivers", Create).Accepts<WaiverRequest>("application/json").Produces<WaiverSavedDto>(StatusCodes.Status201Created);

    private static async Task<IResult> Create(HttpContext context, Workspace workspace)
    {
        if (workspace.Options.ReadOnly)
        {
            return Problems.ReadOnly();
        }

        var (request, bodyProblem) = await RequestBody.ReadAsync(context, WorkbenchJsonContext.Default.WaiverRequest, workspace.Options.MaxRequestBytes);
        if (request is null)
        {
            return bodyProblem!;
        }

        var path = string.IsNullOrWhiteSpace(request.File) ? WaiverFile.DefaultFileName : request.File;
        if (!WaiverFile.IsWaiverFile(path))
        {
            return Problems.BadPath($"'{path}' is geen afwijkingenbestand; gebruik '{WaiverFile.DefaultFileName}' of een naam die eindigt op '.waivers.yaml'.");
        }

        var check = workspace.Files.Resolve(path);
        if (check.FullPath is not { } full)
        {
            return check.Problem!;
        }

        var rules = workspace.Rules();
        if (rules.RuleSet is not { } ruleSet)
        {
            return Problems.RulesDoNotLoad(rules.Errors, workspace);
        }

        if (Waiver(request) is not { } waiver)
        {
            return Problems.LoadErrors("De afwijking is niet volledig of niet geldig; er is niets vastgelegd.", Missing(request), workspace);
        }

        await workspace.WriteLock.WaitAsync(context.RequestAborted);
        try
        {
            var current = workspace.Files.Read(full);
            if (current.Problem is { } problem)
            {
                return problem;
            }

            string text;
            try
            {
                text = WaiverFile.Append(current.Text, waiver);
            }
            catch (InvalidOperationException ex)
            {
                return Problems.Create(422, "waiver-file-not-appendable", "Afwijkingenbestand kan niet worden aangevuld", $"{path}: {ex.Message}");
            }

            var loaded = WaiverFile.Load(text, path, ruleSet);
            if (loaded.Errors.Count > 0)
            {
                return Problems.LoadErrors("De afwijking is niet geldig; er is niets vastgelegd.", loaded.Errors, workspace);
            }

            var version = workspace.Files.Write(full, text);
            return Results.Json(new WaiverSavedDto(path, version), WorkbenchJsonContext.Default.WaiverSavedDto, statusCode: StatusCodes.Status201Created);
        }
        finally
        {
            workspace.WriteLock.Release();
        }
    }

    /// <summary>The waiver the request describes, or null when a required field is missing or a date is not <c>yyyy-MM-dd</c>.</summary>
    private static Waiver? Waiver(WaiverRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.RuleId) || string.IsNullOrWhiteSpace(request.Subject) || string.IsNullOrWhiteSpace(request.Justification)
            || string.IsNullOrWhiteSpace(request.ApprovedBy) || Date(request.Expires) is not { } expires
            || (request.Decided is not null && Date(request.Decided) is null))
        {
            return null;
        }

        return new Waiver
        {
            Id = Blank(request.Id),
            RuleId = request.RuleId.Trim(),
            DesignId = Blank(request.Design),
            Subject = request.Subject.Trim(),
            Justification = request.Justification.Trim(),
            ApprovedBy = request.ApprovedBy.Trim(),
            Decided = Date(request.Decided),
            Expires = expires,
            Reference = Blank(request.Reference),
        };
    }

    /// <summary>One error per field that is missing or not a date, named as in the request.</summary>
    private static List<LoadError> Missing(WaiverRequest request)
    {
        var errors = new List<LoadError>();
        void Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new LoadError(LoadErrorCodes.MissingField, $"Vul '{field}' in.", RequestName, 1, 1));
            }
        }

        Required(request.RuleId, "ruleId");
        Required(request.Subject, "subject");
        Required(request.Justification, "justification");
        Required(request.ApprovedBy, "approvedBy");
        Required(request.Expires, "expires");
        foreach (var (value, field) in new[] { (request.Expires, "expires"), (request.Decided, "decided") })
        {
            if (!string.IsNullOrWhiteSpace(value) && Date(value) is null)
            {
                errors.Add(new LoadError(LoadErrorCodes.BadDate, $"'{field}' is geen datum; schrijf yyyy-MM-dd, bijvoorbeeld 2026-12-31.", RequestName, 1, 1));
            }
        }

        return errors;
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
