using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procurement.Rules.DependencyInjection;

/// <summary>Registers Procurement.Rules with Microsoft.Extensions.DependencyInjection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds the singleton <see cref="IRuleSetProvider"/>, configured by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddProcurementRules(this IServiceCollection services, Action<ProcurementRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ProcurementRulesOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<IRuleSetProvider, RuleSetProvider>();
        return services;
    }
}
