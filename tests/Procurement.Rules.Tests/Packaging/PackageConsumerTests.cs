using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Procurement.Rules.Tests.Packaging;

/// <summary>
/// Packs the library and the tool, then builds a throwaway console app that installs them from a local folder,
/// as a .NET developer would, and checks that it evaluates an example design.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("pr-consumer-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    [Trait("Category", "Package")]
    public void PackedLibraryAndTool_InstallFromAFolderAndEvaluateAnExample()
    {
        var root = Repository.Root;
        var packages = Path.Combine(_work, "packages");
        // A version of its own, so that no package cached by an earlier run is used instead of this build.
        var version = "0.1.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        // Only the packable projects: packing the solution would also rebuild this running test project.
        foreach (var project in new[] { "src/Model/Procurement.Rules.Model.csproj", "src/Rules/Procurement.Rules.csproj", "src/Cli/Procurement.Rules.Cli.csproj" })
        {
            Run(root, "dotnet", "pack", Path.Combine(root, project), "-c", "Release", "-o", packages, $"-p:Version={version}");
        }

        Assert.True(File.Exists(Path.Combine(packages, $"Procurement.Rules.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(packages, $"Procurement.Rules.{version}.snupkg")));
        Assert.True(File.Exists(Path.Combine(packages, $"Procurement.Rules.Cli.{version}.nupkg")));

        var app = Path.Combine(_work, "app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-build" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Procurement.Rules" Version="{version}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="11.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Microsoft.Extensions.DependencyInjection;
            using Procurement.Rules;
            using Procurement.Rules.DependencyInjection;
            using Procurement.Rules.Model;

            var design = TenderDesignLoader.LoadFile(args[0]).GetValueOrThrow();
            var services = new ServiceCollection().AddProcurementRules(o => o.WatchForChanges = false).BuildServiceProvider();
            var report = services.GetRequiredService<IRuleSetProvider>().Evaluate(design);
            Console.WriteLine($"design={report.DesignId} rules={report.Rules.Count} findings={report.Findings.Count}");
            return report.Rules.Count > 0 ? 0 : 3;
            """);
        // Directory.Build.props and Directory.Packages.props of this repository must not leak into the app.
        File.WriteAllText(Path.Combine(_work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_work, "Directory.Packages.props"), "<Project />");

        var example = Path.Combine(root, "examples", "haaglanden.yaml");
        var output = Run(app, "dotnet", "run", "--project", app, "--", example);
        Assert.Contains("design=haaglanden-jeugdhulp-2021-2024", output, StringComparison.Ordinal);

        var tools = Path.Combine(_work, "tools");
        Run(app, "dotnet", "tool", "install", "Procurement.Rules.Cli", "--version", version, "--tool-path", tools, "--add-source", packages);
        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "procurement-rules.exe" : "procurement-rules");
        var validate = Run(app, tool, [0, 1], "validate", example);
        Assert.Contains("haaglanden-jeugdhulp-2021-2024", validate, StringComparison.Ordinal);
    }

    private static string Run(string directory, string file, params string[] arguments) => Run(directory, file, [0], arguments);

    private static string Run(string directory, string file, int[] okExitCodes, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish in 5 minutes");
        }

        var output = stdout.Result + stderr.Result;
        Assert.True(okExitCodes.Contains(process.ExitCode), $"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
