using Microsoft.AspNetCore.Http;
using Procurement.Rules.AspNetCore.Json;
using Procurement.Rules.Model;

namespace Procurement.Rules.AspNetCore;

/// <summary>The workbench's error responses: <c>application/problem+json</c> with a Dutch title, never a stack trace.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    private const string TypeBase = "urn:procurement-rules:workbench:";

    public static IResult BadPath(string detail) => Create(400, "bad-path", "Ongeldig pad", detail);

    public static IResult OutsideFolder() =>
        Create(403, "outside-folder", "Pad buiten de map", "Het pad leidt buiten de map die de werkbank toont; dat is niet toegestaan.");

    public static IResult NotFound(string detail) => Create(404, "not-found", "Niet gevonden", detail);

    public static IResult TooLarge(long maxBytes) =>
        Create(413, "too-large", "Te groot", $"De invoer is groter dan de grens van {maxBytes:N0} bytes.");

    public static IResult NotText() =>
        Create(422, "not-text", "Geen tekstbestand", "Het bestand is geen UTF-8-tekst (het bevat binaire gegevens).");

    public static IResult Unreadable() => Create(500, "unreadable", "Bestand niet leesbaar", "Het bestand kan niet worden gelezen.");

    public static IResult BadRequest(string detail) => Create(400, "bad-request", "Ongeldig verzoek", detail);

    public static IResult Forbidden(string detail) => Create(403, "forbidden", "Geweigerd", detail);

    public static IResult ReadOnly() => Create(403, "read-only", "Alleen lezen", "De werkbank is gestart om alleen te lezen; opslaan is uitgeschakeld.");

    public static IResult BudgetExceeded(EvaluationBudgetExceededException exception) =>
        Create(422, "budget-exceeded", "Evaluatie gestopt", $"De evaluatie overschreed haar werkbudget en is gestopt: {exception.Message}");

    public static IResult RulesDoNotLoad(IReadOnlyList<LoadError> errors, Workspace workspace) =>
        Create(422, "rules-do-not-load", "Regels laden niet", "De regelbestanden bevatten fouten; los die eerst op.", errors: Diagnostics.Of(errors, workspace));

    public static IResult LoadErrors(string detail, IReadOnlyList<LoadError> errors, Workspace workspace) =>
        Create(422, "load-errors", "Bestand bevat fouten", detail, errors: Diagnostics.Of(errors, workspace));

    public static IResult Conflict(string currentVersion, string? currentText) =>
        Json(new ProblemDto
        {
            Type = TypeBase + "conflict",
            Title = "Bestand is intussen gewijzigd",
            Status = 409,
            Detail = "Het bestand op schijf is gewijzigd sinds u het opende; er is niets opgeslagen.",
            CurrentVersion = currentVersion,
            CurrentText = currentText,
        });

    public static IResult Unexpected(string correlationId) =>
        Create(500, "unexpected", "Onverwachte fout", $"Er ging iets mis op de server. Kenmerk voor de beheerder: {correlationId}.", correlationId);

    public static IResult Create(int status, string type, string title, string detail, string? correlationId = null, IReadOnlyList<DiagnosticDto>? errors = null) =>
        Json(new ProblemDto { Type = TypeBase + type, Title = title, Status = status, Detail = detail, CorrelationId = correlationId, Errors = errors });

    private static IResult Json(ProblemDto problem) =>
        Results.Json(problem, WorkbenchJsonContext.Default.ProblemDto, ContentType, problem.Status);
}
