using Microsoft.Extensions.DependencyInjection.Extensions;
using Procurement.Rules.DependencyInjection;

// In the namespace of IServiceCollection, as Microsoft.Extensions libraries do: AddProcurementRules is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Procurement.Rules with Microsoft.Extensions.DependencyInjection.</summary>
public static class ProcurementRulesServiceCollectionExtensions
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
