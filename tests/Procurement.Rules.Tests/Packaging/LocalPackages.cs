using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace Procurement.Rules.Tests.Packaging;

/// <summary>
/// The packable projects packed once into a local folder, with a version of their own (so no package cached by an
/// earlier run is used instead of this build), and throwaway consumer apps that install them from that folder as a
/// .NET developer would.
/// </summary>
public sealed class LocalPackages : IDisposable
{
    /// <summary>The test collection that shares one packing.</summary>
    public const string Collection = "local packages";

    private static readonly string[] Projects =
    [
        "src/Model/Procurement.Rules.Model.csproj",
        "src/Rules/Procurement.Rules.csproj",
        "src/Cli/Procurement.Rules.Cli.csproj",
        "src/AspNetCore/Procurement.Rules.AspNetCore.csproj",
    ];

    /// <summary>Packs the projects; only the packable ones (packing the solution would rebuild the running tests).</summary>
    public LocalPackages()
    {
        Work = Directory.CreateTempSubdirectory("pr-consumer-").FullName;
        Folder = Path.Combine(Work, "packages");
        Version = "0.1.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        foreach (var project in Projects)
        {
            Run(Repository.Root, "dotnet", [0], "pack", Path.Combine(Repository.Root, project), "-c", "Release", "-o", Folder, $"-p:Version={Version}");
        }

        // Directory.Build.props and Directory.Packages.props of this repository must not leak into the apps.
        File.WriteAllText(Path.Combine(Work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Work, "Directory.Packages.props"), "<Project />");
    }

    /// <summary>The folder the apps live in (under it: the packages and one folder per app).</summary>
    public string Work { get; }

    /// <summary>The folder with the packages.</summary>
    public string Folder { get; }

    /// <summary>The version every package was packed with.</summary>
    public string Version { get; }

    public void Dispose() => Directory.Delete(Work, recursive: true);

    /// <summary>
    /// Writes a console app (a web app when <paramref name="web"/>) named <paramref name="name"/> whose Program.cs is
    /// <paramref name="program"/>, referencing <paramref name="packages"/> of this build and Microsoft.Extensions.DependencyInjection.
    /// </summary>
    public string App(string name, string program, bool web, params string[] packages)
    {
        var app = Path.Combine(Work, name);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-build" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
        var references = string.Concat(packages.Select(p => $"""<PackageReference Include="{p}" Version="{Version}" />""" + "\n"));
        File.WriteAllText(Path.Combine(app, name + ".csproj"), $"""
            <Project Sdk="{(web ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk")}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                {references}<PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="11.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);
        return app;
    }

    /// <summary>Runs <paramref name="file"/> in <paramref name="directory"/>; fails unless its exit code is one of <paramref name="okExitCodes"/>.</summary>
    public static string Run(string directory, string file, int[] okExitCodes, params string[] arguments)
    {
        var (exit, output) = TryRun(directory, file, arguments);
        Assert.True(okExitCodes.Contains(exit), $"{file} {string.Join(' ', arguments)} exited {exit}:\n{output}");
        return output;
    }

    /// <summary>Runs <paramref name="file"/> in <paramref name="directory"/> (at most 5 minutes); its exit code and output.</summary>
    public static (int Exit, string Output) TryRun(string directory, string file, params string[] arguments)
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

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>The tests that install the packed packages share one <see cref="LocalPackages"/>.</summary>
[CollectionDefinition(LocalPackages.Collection)]
public sealed class LocalPackagesCollection : ICollectionFixture<LocalPackages>;
