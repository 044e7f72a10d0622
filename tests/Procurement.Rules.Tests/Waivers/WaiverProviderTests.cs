using Microsoft.Extensions.DependencyInjection;
using Procurement.Rules.DependencyInjection;
using Procurement.Rules.Tests.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Waivers;

/// <summary>The dependency-injection provider applies the configured waiver files to every evaluation.</summary>
public sealed class WaiverProviderTests
{
    [Fact]
    public void Provider_WithWaiverFiles_WaivesTheMatchedFinding_AndWithoutThemReportsAsBefore()
    {
        var design = ReportDocuments.Example("zuid-limburg.yaml");
        var services = new ServiceCollection();
        services.AddProcurementRules(o =>
        {
            o.WatchForChanges = false;
            o.WaiverFiles.Add(Path.Combine(AppContext.BaseDirectory, "examples", "waivers", "zuid-limburg.waivers.yaml"));
        });
        using var provider = services.BuildServiceProvider();
        var plain = new ServiceCollection();
        plain.AddProcurementRules(o => o.WatchForChanges = false);
        using var plainProvider = plain.BuildServiceProvider();

        var report = provider.GetRequiredService<IRuleSetProvider>().Evaluate(design);
        var before = plainProvider.GetRequiredService<IRuleSetProvider>().Evaluate(design);

        Assert.Equal(("CO-003", 1), (Assert.Single(report.Findings, f => f.IsWaived).RuleId, report.WaivedCount));
        Assert.Equal(before.ErrorCount - 1, report.ErrorCount);
        Assert.Null(before.Waivers);
    }
}
