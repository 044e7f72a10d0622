namespace Procurement.Rules.Tests;

/// <summary>Where the repository's files are when tests run from their build output.</summary>
internal static class Repository
{
    /// <summary>The repository root (the folder with Procurement.Rules.sln), found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Procurement.Rules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
