using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// The filter in front of every workbench endpoint: the <c>Host</c> must be one the workbench serves (against DNS
/// rebinding); a request that may change something (not GET or HEAD) must come from the workbench's own origin and carry
/// its anti-forgery token; and anything unexpected becomes a 500 problem with a correlation id, the detail only in the log.
/// </summary>
internal static class RequestGuard
{
    public const string TokenHeader = "X-Procurement-Token";

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var workspace = context.RequestServices.GetRequiredService<Workspace>();
        if (Refusal(context, workspace) is { } refused)
        {
            return refused;
        }

        try
        {
            return await next(invocation);
        }
        catch (EvaluationBudgetExceededException ex)
        {
            return Problems.BudgetExceeded(ex);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex)
        {
            var correlation = context.TraceIdentifier;
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Procurement.Rules.AspNetCore.Workbench")
                .LogError(ex, "Workbench request {Method} {Path} failed (correlation id {CorrelationId})", context.Request.Method, context.Request.Path, correlation);
            return Problems.Unexpected(correlation);
        }
    }

    /// <summary>The problem that refuses the request, or null when it may go on.</summary>
    internal static IResult? Refusal(HttpContext context, Workspace workspace)
    {
        var request = context.Request;
        var hosts = workspace.Options.AllowedHosts;
        if (!hosts.Contains("*") && !hosts.Any(h => string.Equals(h, request.Host.Host, StringComparison.OrdinalIgnoreCase)))
        {
            return Problems.Forbidden($"De werkbank antwoordt niet voor host '{request.Host.Host}'.");
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Forbidden("Verzoeken die iets wijzigen moeten van de werkbank zelf komen (Origin wijkt af).");
        }

        var token = request.Headers[TokenHeader].ToString();
        var expected = Encoding.UTF8.GetBytes(workspace.Token);
        if (token.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), expected))
        {
            return Problems.Forbidden($"De header {TokenHeader} ontbreekt of klopt niet; herlaad de pagina.");
        }

        return null;
    }
}
