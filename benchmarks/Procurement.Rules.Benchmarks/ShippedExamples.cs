namespace Procurement.Rules.Benchmarks;

/// <summary>The four shipped example designs, each with a few deliberate findings.</summary>
internal static class ShippedExamples
{
    /// <summary>The YAML files of the <c>examples</c> folder of the first directory up from the binaries that has one, in name order.</summary>
    public static string[] Paths()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var examples = Path.Combine(dir.FullName, "examples");
            if (Directory.Exists(examples) && Directory.GetFiles(examples, "*.yaml").Length > 0)
            {
                return [.. Directory.GetFiles(examples, "*.yaml").Order(StringComparer.Ordinal)];
            }
        }

        throw new InvalidOperationException("The examples folder was not found above " + AppContext.BaseDirectory);
    }
}
