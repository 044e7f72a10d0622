using Xunit;

namespace Procurement.Rules.Tests.Packaging;

/// <summary>
/// Packs the library and the tool, then builds a throwaway console app that installs them from a local folder,
/// as a .NET developer would, and checks that it evaluates an example design.
/// </summary>
[Collection(LocalPackages.Collection)]
public sealed class PackageConsumerTests(LocalPackages packages)
{
    [Fact]
    [Trait("Category", "Package")]
    public void PackedLibraryAndTool_InstallFromAFolderAndEvaluateAnExample()
    {
        var version = packages.Version;
        Assert.True(File.Exists(Path.Combine(packages.Folder, $"Procurement.Rules.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(packages.Folder, $"Procurement.Rules.{version}.snupkg")));
        Assert.True(File.Exists(Path.Combine(packages.Folder, $"Procurement.Rules.Cli.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(packages.Folder, $"Procurement.Rules.AspNetCore.{version}.nupkg")));

        var app = packages.App("app", """
            using Microsoft.Extensions.DependencyInjection;
            using Procurement.Rules;
            using Procurement.Rules.DependencyInjection;
            using Procurement.Rules.Model;

            var design = TenderDesignLoader.LoadFile(args[0]).GetValueOrThrow();
            var services = new ServiceCollection().AddProcurementRules(o => o.WatchForChanges = false).BuildServiceProvider();
            var report = services.GetRequiredService<IRuleSetProvider>().Evaluate(design);
            Console.WriteLine($"design={report.DesignId} rules={report.Rules.Count} findings={report.Findings.Count}");
            return report.Rules.Count > 0 ? 0 : 3;
            """, web: false, "Procurement.Rules");

        var example = Path.Combine(Repository.Root, "examples", "haaglanden.yaml");
        var output = LocalPackages.Run(app, "dotnet", [0], "run", "--project", app, "--", example);
        Assert.Contains("design=haaglanden-jeugdhulp-2021-2024", output, StringComparison.Ordinal);

        var tools = Path.Combine(packages.Work, "tools");
        LocalPackages.Run(app, "dotnet", [0], "tool", "install", "Procurement.Rules.Cli", "--version", version, "--tool-path", tools, "--add-source", packages.Folder);
        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "procurement-rules.exe" : "procurement-rules");
        var validate = LocalPackages.Run(app, tool, [0, 1], "validate", example);
        Assert.Contains("haaglanden-jeugdhulp-2021-2024", validate, StringComparison.Ordinal);
    }
}
