using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Procurement.Rules.AspNetCore;

// In the namespace of IServiceCollection, as Microsoft.Extensions libraries do: found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the workbench (werkbank) services.</summary>
public static class WorkbenchServiceCollectionExtensions
{
    /// <summary>
    /// Adds the workbench: its options, the per-folder workspace that caches the rule set and the designs' reports, and
    /// the OpenAPI document <c>v1</c>. Map its pages and API with
    /// <see cref="Microsoft.AspNetCore.Builder.WorkbenchEndpointRouteBuilderExtensions.MapProcurementRules"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the folder, rules and limits.</param>
    public static IServiceCollection AddProcurementRulesWorkbench(this IServiceCollection services, Action<WorkbenchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<WorkbenchOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(provider => new Workspace(provider.GetRequiredService<IOptions<WorkbenchOptions>>().Value));
        services.AddOpenApi("v1");
        return services;
    }
}
