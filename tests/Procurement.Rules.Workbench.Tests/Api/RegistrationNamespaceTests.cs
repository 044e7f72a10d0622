using Xunit;

namespace Procurement.Rules.Workbench.Tests.Api;

/// <summary>The workbench's two calls are found without a using of ours, as ASP.NET Core libraries do it.</summary>
public sealed class RegistrationNamespaceTests
{
    [Fact]
    public void AddProcurementRulesWorkbench_AndMapProcurementRules_AreInTheNamespacesOfWhatTheyExtend()
    {
        var methods = typeof(Procurement.Rules.AspNetCore.WorkbenchOptions).Assembly.GetExportedTypes().SelectMany(t => t.GetMethods()).ToList();

        Assert.Equal("Microsoft.Extensions.DependencyInjection", methods.Single(m => m.Name == "AddProcurementRulesWorkbench").DeclaringType!.Namespace);
        Assert.Equal("Microsoft.AspNetCore.Builder", methods.Single(m => m.Name == "MapProcurementRules").DeclaringType!.Namespace);
    }
}
