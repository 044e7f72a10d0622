using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Procurement.Rules.AspNetCore;
using WorkbenchAssets = Procurement.Rules.AspNetCore.StaticAssets;

// In the namespace of the other Map* extensions, as ASP.NET Core libraries do: found without a using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the workbench (werkbank): its pages, the Monaco editor, the JSON API and the OpenAPI document.</summary>
public static class WorkbenchEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the workbench under <paramref name="prefix"/>: the pages at <c>prefix/</c>, <c>prefix/regels</c>,
    /// <c>prefix/vergelijken</c> and <c>prefix/monitoring</c>, the API under <c>prefix/api/</c> and the OpenAPI document
    /// at <c>prefix/openapi/v1.json</c>. Register the services first with
    /// <see cref="Microsoft.Extensions.DependencyInjection.WorkbenchServiceCollectionExtensions.AddProcurementRulesWorkbench"/>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="prefix">Path under which the workbench is served, e.g. <c>/inkoopkader</c>; empty for the root.</param>
    /// <returns>A builder to add conventions (authorization, say) to every workbench endpoint.</returns>
    public static IEndpointConventionBuilder MapProcurementRules(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix.TrimEnd('/'));
        group.AddEndpointFilter(RequestGuard.InvokeAsync);

        var api = group.MapGroup("/api").WithTags("Procurement.Rules workbench");
        DesignEndpoints.Map(api);
        EvaluationEndpoints.Map(api);
        MonitoringEndpoints.Map(api);
        WaiverEndpoints.Map(api);
        RuleEndpoints.Map(api);
        group.MapOpenApi("/openapi/{documentName}.json");

        foreach (var page in WorkbenchAssets.Pages.Keys)
        {
            group.MapGet("/" + page, (HttpContext context, Workspace workspace) => WorkbenchAssets.Page(context, page, workspace.Token))
                .ExcludeFromDescription();
        }

        group.MapGet("/{**file}", (string file, HttpContext context, Workspace workspace) => WorkbenchAssets.Serve(context, file, workspace.Token))
            .ExcludeFromDescription();
        return group;
    }
}
