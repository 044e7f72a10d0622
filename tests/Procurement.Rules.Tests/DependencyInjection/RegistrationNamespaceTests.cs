using Xunit;

namespace Procurement.Rules.Tests.DependencyInjection;

/// <summary>
/// The registration methods live where .NET developers look for them (the Microsoft.Extensions convention), so the
/// README's snippet needs no using of ours for them.
/// </summary>
public sealed class RegistrationNamespaceTests
{
    [Fact]
    public void AddProcurementRules_IsInTheNamespaceOfIServiceCollection()
    {
        var method = typeof(RuleSet).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods())
            .Single(m => m.Name == "AddProcurementRules");

        Assert.Equal(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Namespace, method.DeclaringType!.Namespace);
    }
}
