using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The one Dynamic LINQ configuration rule expressions are parsed with: no object creation, no type resolved by simple
/// name, no fallback from members to indexers; only the model's public types are known by name.
/// </summary>
internal static class RuleParsing
{
    public static ParsingConfig Config { get; } = CreateConfig();

    private static ParsingConfig CreateConfig()
    {
        var config = new ParsingConfig
        {
            AllowNewToEvaluateAnyType = false,
            ResolveTypesBySimpleName = false,
            DisableMemberAccessToIndexAccessorFallback = true,
            EvaluateGroupByAtDatabase = false,
            PrioritizePropertyOrFieldOverTheType = true,
        };
        config.CustomTypeProvider = new ModelTypeProvider(config);
        return config;
    }

    /// <summary>Only the public model types are known to expressions by name (for enum values such as <c>CareCategory.Heavy</c>).</summary>
    private sealed class ModelTypeProvider(ParsingConfig config) : DefaultDynamicLinqCustomTypeProvider(config, [], false)
    {
        private static readonly HashSet<Type> ModelTypes = [.. typeof(TenderDesign).Assembly.GetExportedTypes().Where(t => !t.IsAbstract || t.IsSealed || t == typeof(ContractParty))];

        public override HashSet<Type> GetCustomTypes() => ModelTypes;
    }
}
