using System.CommandLine;
using System.Globalization;

namespace Procurement.Rules.Cli;

/// <summary>
/// <c>generate</c>: write a generated, realistic design of any size (the one the benchmarks and tests use), so that
/// anyone can reproduce the benchmarks and try the tool at national scale.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>
    /// The most care profiles one design may have: the national size the loader's default limits are made for
    /// (<c>YamlLimits.Default</c>; a million profiles is over its 20,000,000 nodes).
    /// </summary>
    public const int MaxProfiles = 500_000;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var profiles = new Option<int>("--profiles") { Description = $"Number of care profiles (1 to {MaxProfiles:N0}).", DefaultValueFactory = _ => 1_000 };
        var national = new Option<bool>("--national") { Description = "Add what a national check meets: cooperatives, a lump-sum lot, named contracts, de-escalations and a few planted defects in every rule family." };
        var months = new Option<int>("--months")
        {
            Description = $"Add period data for this many months from January 2024 (1 to {DesignGenerator.MaxMonths}): what was realised per care profile per month, outcomes of ended profiles and, with --national, spending under the lump-sum contracts, with a few planted issues.",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed and size give the same design.", DefaultValueFactory = _ => 42 };
        var format = new Option<string>("--format")
        {
            Description = "yaml; json (the same design as a .json file); or csv (a .yaml design whose care profiles, escalations and period data are in CSV data files next to it).",
            DefaultValueFactory = _ => "yaml",
        };
        format.AcceptOnlyFromAmong("yaml", "json", "csv");
        var directory = new Option<string?>("--output", "-o") { Description = "Write into this folder instead of the current one." };
        var force = new Option<bool>("--force") { Description = "Overwrite the file when it exists." };
        var command = new Command("generate", "Write a generated tender design with realistic proportions and a few deliberate mistakes, to try the tool or reproduce the benchmarks at any size.")
        {
            profiles, national, months, seed, format, directory, force,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(profiles);
            if (count is < 1 or > MaxProfiles)
            {
                error.WriteLine($"error: --profiles must be between 1 and {MaxProfiles.ToString("N0", CultureInfo.InvariantCulture)}; got {count.ToString(CultureInfo.InvariantCulture)}.");
                return ExitCodes.InvalidInput;
            }

            var monthCount = parse.GetValue(months);
            if (monthCount is < 0 or > DesignGenerator.MaxMonths)
            {
                error.WriteLine($"error: --months must be between 1 and {DesignGenerator.MaxMonths.ToString(CultureInfo.InvariantCulture)}; got {monthCount.ToString(CultureInfo.InvariantCulture)}.");
                return ExitCodes.InvalidInput;
            }

            var generator = new DesignGenerator { Profiles = count, Seed = parse.GetValue(seed), National = parse.GetValue(national), Months = monthCount };
            var chosen = parse.GetValue(format);
            var extension = chosen == "json" ? ".json" : ".yaml";
            var folder = parse.GetValue(directory) ?? Environment.CurrentDirectory;
            var stem = string.Create(CultureInfo.InvariantCulture, $"generated-{generator.Seed}-{count}{(generator.National ? "-national" : string.Empty)}{(monthCount > 0 ? $"-{monthCount}m" : string.Empty)}{(chosen == "csv" ? "-csv" : string.Empty)}");
            var path = Path.Combine(folder, stem + extension);
            string[] targets = chosen == "csv" ? [path, .. DesignCsv.FileNames(stem, generator.DataLists).Select(name => Path.Combine(folder, name))] : [path];
            if (!parse.GetValue(force) && targets.FirstOrDefault(File.Exists) is { } existing)
            {
                error.WriteLine($"error: {SafeText.Terminal(existing)} already exists; use --force to overwrite it.");
                return ExitCodes.InvalidInput;
            }

            Directory.CreateDirectory(folder);
            var yaml = generator.Generate();
            if (extension == ".json")
            {
                using var file = File.Create(path);
                DesignJson.Write(yaml, file);
            }
            else if (chosen == "csv")
            {
                DesignCsv.Write(yaml, path);
            }
            else
            {
                File.WriteAllText(path, yaml);
            }

            var size = targets.Sum(t => new FileInfo(t).Length);
            var files = string.Join(", ", targets.Select(SafeText.Terminal));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {files} ({count:N0} care profiles, {size / (1024.0 * 1024.0):0.0} MB)"));
            output.WriteLine($"next: procurement-rules validate {SafeText.Terminal(path)}");
            return ExitCodes.Clean;
        });
        return command;
    }
}
