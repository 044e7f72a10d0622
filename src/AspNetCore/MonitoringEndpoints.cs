using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Rules.AspNetCore.Json;
using Procurement.Rules.Model;
using Procurement.Rules.Monitoring;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// The monitoring report of a running framework: <c>api/monitoring</c>. The embedded monitoring pack is evaluated at the
/// end of every month of a range of at most <see cref="MaxMonths"/> months (each month within the work budget, the whole
/// within <see cref="DeadlineFactor"/> times its time budget), and the report written as the <c>monitor</c> command writes it.
/// </summary>
internal static class MonitoringEndpoints
{
    /// <summary>The most months one request reports on: each month is one evaluation of the rules.</summary>
    public const int MaxMonths = 36;

    /// <summary>The deadline of a whole report as a multiple of <see cref="WorkbenchOptions.EvaluationTimeout"/>.</summary>
    public const int DeadlineFactor = 4;

    private static readonly Lazy<RuleSet> MonitoringRules = new(() => RuleSet.Load(RuleSource.MonitoringPacks()).GetValueOrThrow());

    /// <summary>Maps <c>POST monitoring</c> on the API group.</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/monitoring", Monitor).Accepts<MonitoringRequest>("application/json");

    private static async Task<IResult> Monitor(HttpContext context, Workspace workspace)
    {
        var (request, problem) = await RequestBody.ReadAsync(context, WorkbenchJsonContext.Default.MonitoringRequest, workspace.Options.MaxRequestBytes);
        if (request is null)
        {
            return problem!;
        }

        if (EvaluationEndpoints.FormatOf(request.Format) is not { } format)
        {
            return Problems.BadRequest("Kies een formaat ('format'): html, markdown, json of sarif.");
        }

        if (string.IsNullOrWhiteSpace(request.Path))
        {
            return Problems.BadRequest("Geef het pad van een inkoopkader in de map ('path').");
        }

        var (first, firstProblem) = MonthOf(request.From, "from");
        var (last, lastProblem) = MonthOf(request.Until, "until");
        if ((firstProblem ?? lastProblem) is { } badMonth)
        {
            return badMonth;
        }

        var (text, file, textProblem) = EvaluationEndpoints.TextOf(workspace, null, request.Path);
        if (text is null)
        {
            return textProblem!;
        }

        var loaded = workspace.LoadDesign(text, file);
        if (loaded.Value is not { } design)
        {
            return Problems.LoadErrors("Het inkoopkader laadt niet; er is geen rapportage.", loaded.Errors, workspace);
        }

        var (range, rangeProblem) = RangeOf(design, first, last);
        if (range is not { } months)
        {
            return rangeProblem!;
        }

        var ruleSet = MonitoringRules.Value;
        var report = WithinDeadline(Deadline(workspace.Options.EvaluationTimeout), design.Id, context.RequestAborted,
            token => ruleSet.Monitor(design, months.From, months.Until, workspace.Evaluation(design), token));

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ReportWriter.WriteMonitoring(format.Format, report, ruleSet, writer);
        return EvaluationEndpoints.Attachment(context, writer.ToString(), format, $"{Path.GetFileNameWithoutExtension(file)}-monitoring");
    }

    /// <summary>The month given as <c>yyyy-MM</c> in field <paramref name="field"/>, none when it is absent, or the problem.</summary>
    private static (DateOnly? Month, IResult? Problem) MonthOf(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (null, Problems.BadRequest($"'{field}' is geen maand; schrijf de maand als jjjj-mm, bijvoorbeeld 2021-01."));
        }

        return month < MonitoringReport.EarliestMonth || month > MonitoringReport.LatestMonth
            ? (null, Problems.BadRequest(Invariant($"'{field}' ligt buiten de maanden waarover een rapportage kan gaan ({MonitoringReport.EarliestMonth:yyyy-MM} tot en met {MonitoringReport.LatestMonth:yyyy-MM}).")))
            : (month, null);
    }

    /// <summary>
    /// The months to report on: those given, else the first and last month of the design's period data (as the
    /// <c>monitor</c> command takes them); a problem when there is neither, when the range runs backwards or is over
    /// <see cref="MaxMonths"/> months.
    /// </summary>
    private static ((DateOnly From, DateOnly Until)? Range, IResult? Problem) RangeOf(TenderDesign design, DateOnly? first, DateOnly? last)
    {
        var months = design.PeriodDataMonths;
        if ((first is null || last is null) && months is null)
        {
            return (null, Problems.Create(422, "no-period-data", "Geen periodegegevens",
                "Het inkoopkader heeft geen periodegegevens (profileMonths, outcomes of spending); kies de maanden 'from' en 'until' (Van en Tot en met)."));
        }

        var from = first ?? months!.Value.First;
        var until = last ?? months!.Value.Last;
        if (from < MonitoringReport.EarliestMonth || until > MonitoringReport.LatestMonth)
        {
            return (null, Problems.BadRequest(Invariant(
                $"De periodegegevens lopen van {from:yyyy-MM} tot en met {until:yyyy-MM}; een rapportage gaat over maanden van {MonitoringReport.EarliestMonth:yyyy-MM} tot en met {MonitoringReport.LatestMonth:yyyy-MM}. Kies de maanden 'from' en 'until' (Van en Tot en met).")));
        }

        var count = ((until.Year - from.Year) * 12) + until.Month - from.Month + 1;
        if (count < 1)
        {
            return (null, Problems.BadRequest(Invariant($"De maand 'until' ({until:yyyy-MM}) ligt vóór de maand 'from' ({from:yyyy-MM}).")));
        }

        if (count > MaxMonths)
        {
            return (null, Problems.BadRequest(Invariant(
                $"{from:yyyy-MM} tot en met {until:yyyy-MM} is {count} maanden; de werkbank rapporteert over ten hoogste {MaxMonths} maanden per keer. Kies een kortere periode, of maak de rapportage met procurement-rules monitor.")));
        }

        return ((from, until), null);
    }

    /// <summary>The deadline of a whole report: <see cref="DeadlineFactor"/> times the time budget of one evaluation; none without one (or beyond a timer's reach).</summary>
    internal static TimeSpan? Deadline(TimeSpan? evaluationTimeout) =>
        evaluationTimeout is { } timeout && timeout.TotalMilliseconds * DeadlineFactor < int.MaxValue
            ? TimeSpan.FromMilliseconds(timeout.TotalMilliseconds * DeadlineFactor)
            : null;

    /// <summary>
    /// Runs <paramref name="work"/> under <paramref name="cancellationToken"/> (the request's) and <paramref name="deadline"/>:
    /// the deadline passing is an <see cref="EvaluationBudgetExceededException"/> of the time budget, which the request
    /// guard answers as any spent budget; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="EvaluationBudgetExceededException">The deadline passed, or the work spent a budget of its own.</exception>
    internal static T WithinDeadline<T>(TimeSpan? deadline, string designId, CancellationToken cancellationToken, Func<CancellationToken, T> work)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (deadline is { } limit)
        {
            timer.CancelAfter(limit);
        }

        try
        {
            return work(timer.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var shown = Invariant($"{deadline!.Value.TotalSeconds:0.###} s");
            throw new EvaluationBudgetExceededException(EvaluationBudget.Time, shown, designId, null, null);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
