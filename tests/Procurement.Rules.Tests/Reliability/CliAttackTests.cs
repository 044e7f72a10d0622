using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// The attack table of docs/SECURITY.md, run against the real tool in a process of its own with the default work
/// budgets: every input ends with exit 1 or 2, a short reason and no stack trace, within a bound on peak memory (1 GB)
/// and wall time. Inputs are generated here, never committed. Peak memory is read by <c>/usr/bin/time</c> (the Debian
/// package <c>time</c>, which <c>.ci/run</c> installs).
/// </summary>
public sealed class CliAttackTests : IDisposable
{
    private const long PeakLimitKiB = 1_000_000;

    // The issue asks for 30 s; this bound leaves room for a loaded CI machine, and the figures measured are in SECURITY.md.
    private static readonly TimeSpan WallLimit = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("pr-attack-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Design_WithThousandsOfUncoveredLotsAndLongMunicipalityNames_IsReportedWithinBounds()
    {
        // 2,000 lots without contracts x 2,000 municipalities with 1,000-character names: CO-002 lists them per lot.
        var b = new StringBuilder();
        b.Append("design: long-names\nregion: Test\nperiod: { from: 2024-01-01, until: 2026-12-31 }\nmunicipalities:\n");
        for (var m = 0; m < 2_000; m++)
        {
            b.Append(CultureInfo.InvariantCulture, $"  - {{ id: m{m}, name: {new string('n', 994)}{m:D6}, accessTeam: t{m} }}\n");
        }

        b.Append("lots:\n");
        for (var l = 0; l < 2_000; l++)
        {
            b.Append(CultureInfo.InvariantCulture, $"  - {{ id: lot{l}, name: Perceel {l}, productCategories: [\"45\"], scope: regional, light: {{ procurement: open-house, qualifications: [vog] }}, heavy: {{ procurement: open-house, qualifications: [vog] }} }}\n");
        }

        var (exit, output, error) = Run(Write("long-names.yaml", b.ToString()), "validate", "{0}", "--format", "json");

        Assert.True(exit == 1, error);
        Assert.Equal(string.Empty, error);
        Assert.Contains("\"CO-002\"", output, StringComparison.Ordinal);
        Assert.Contains("nog ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Design_WithManyLumpSumContracts_IsReportedWithinBounds()
    {
        // 60,000 lump-sum contracts that all overlap: a pairwise overlap check took 592 s; every contract is a CO-004
        // finding, so most of the memory is the report itself (ShippedRuleComplexityTests checks 120,000 in process).
        // The contracts state their budget and hardship clause, so that CO-004 is the only finding per contract.
        var b = new StringBuilder();
        b.Append("design: lump-sum\nregion: Test\nperiod: { from: 2024-01-01, until: 2026-12-31 }\nmunicipalities:\n  - { id: a, name: A, accessTeam: ta }\n");
        b.Append("lots:\n  - { id: crisis, name: Crisis, productCategories: [\"46\"], scope: regional, light: { procurement: lump-sum, qualifications: [] }, heavy: { procurement: lump-sum, qualifications: [] } }\n");
        b.Append("providers:\n  - { id: p, agb: \"12345678\", name: P, qualifications: [] }\ncontracts:\n");
        for (var c = 0; c < 60_000; c++)
        {
            b.Append(CultureInfo.InvariantCulture, $"  - {{ id: C{c}, party: p, lot: crisis, category: {(c % 2 == 0 ? "light" : "heavy")}, municipalities: [a], period: {{ from: 2024-01-01, until: 2026-12-31 }}, value: 1000, budget: 1000, hardshipClause: h }}\n");
        }

        var (exit, output, error) = Run(Write("lump-sum.yaml", b.ToString()), "validate", "{0}", "--format", "json");

        Assert.True(exit == 1, error);
        Assert.Contains("\"CO-004\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad.yaml", "design: bad\nregion: Test\nperiod: { from: 2024-01-01, until: 2026-12-31 }\nmunicipalities: [", "1]\n")]
    [InlineData("bad.json", "{ \"design\": \"bad\", \"region\": \"Test\", \"period\": { \"from\": \"2024-01-01\" }, \"municipalities\": [", "1] }")]
    public void Design_WithMillionsOfInvalidItems_PrintsAtMostTheErrorCap(string file, string head, string tail)
    {
        var b = new StringBuilder(head);
        for (var i = 0; i < 2_000_000; i++)
        {
            b.Append("1, ");
        }

        b.Append(tail);

        var (exit, _, error) = Run(Write(file, b.ToString()), "validate", "{0}");

        Assert.Equal(2, exit);
        Assert.InRange(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 2, 205);
        Assert.Contains($"{file}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvDataFile_WithMillionsOfInvalidRows_PrintsAtMostTheErrorCap()
    {
        var rows = new StringBuilder("id,municipality,lot,category,intensityHoursPerWeek,durationMonths,budget,start\n");
        for (var i = 0; i < 2_000_000; i++)
        {
            rows.Append("P,m,l,nope,x,-1,x,2023-13-01\n");
        }

        Write("profiles.csv", rows.ToString());
        var design = Write("design.yaml", "design: bad\nregion: Test\nperiod: { from: 2024-01-01 }\ncareProfiles: { file: profiles.csv }\n");

        var (exit, _, error) = Run(design, "validate", "{0}");

        Assert.Equal(2, exit);
        Assert.InRange(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 2, 205);
        Assert.Contains("profiles.csv:2:7: error bad-value:", error, StringComparison.Ordinal);
        Assert.Contains("(column 'category')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonDesign_NestedAMillionDeep_IsOneLimitError()
    {
        var text = "{ \"design\": " + new string('[', 1_000_000) + new string(']', 1_000_000) + " }";

        var (exit, _, error) = Run(Write("deep.json", text), "validate", "{0}");

        Assert.Equal(2, exit);
        Assert.Contains("deep.json:1:44: error limit-exceeded:", error, StringComparison.Ordinal);
        Assert.Contains("(limit MaxDepth)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("profile.DurationMonths.ToString(\"D999999999\").Length > 0")]
    [InlineData("true", "{string.Concat(design.CareProfiles.Select(a => a.Id))}")]
    public void RuleFile_WithAnExpressionThatGrowsWithoutBound_IsALoadErrorOfOneLine(string clause, string message = "x")
    {
        var rules = RuleFolder($"""
            pack: attack
            version: 1.0.0
            rules:
              - id: A-1
                title: Attack
                for: profile in CareProfiles
                require:
                  check: '{clause}'
                message: '{message}'
            """);

        var (exit, _, error) = Run(Path.Combine(AppContext.BaseDirectory, "examples", "zuid-holland-zuid.yaml"), "validate", "{0}", "--rules", rules);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("rejected-expression", line, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleFile_WithTwentyConstantWhensThatCallAFormat_LintsWithoutRunningThem()
    {
        var b = new StringBuilder("pack: attack\nversion: 1.0.0\nrules:\n");
        for (var i = 0; i < 20; i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"  - id: A-{i}\n    title: Attack {i}\n    for: profile in CareProfiles\n    when: 'Math.Abs(1).ToString(\"D99999999\").Length > 0'\n    require:\n      check: true\n");
        }

        var rules = RuleFolder(b.ToString());

        var (exit, output, error) = Run(rules, "lint", "--rules", "{0}");

        Assert.Equal(2, exit);
        Assert.Equal(20, (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("rejected-expression", StringComparison.Ordinal)));
    }

    [Fact]
    public void RuleFile_WithAQuadraticRuleOverEveryProfile_StopsAtTheDefaultTimeBudget()
    {
        var rules = RuleFolder("""
            pack: attack
            version: 1.0.0
            rules:
              - id: A-1
                title: Attack
                for: profile in CareProfiles
                require:
                  check: design.CareProfiles.Any(a => design.CareProfiles.Any(b => a.Id == b.Id && a != b && a != profile))
            """);
        var design = Write("many.yaml", new Procurement.Rules.Cli.DesignGenerator { Seed = 3, Profiles = 5_000, DefectRate = 0 }.Generate());

        var (exit, _, error) = Run(design, "validate", "{0}", "--rules", rules);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Evaluating design 'generated-3-5000' ran out of its time budget (20 s) at rule A-1", line, StringComparison.Ordinal);
    }

    // A rule folder holding one pack.
    private string RuleFolder(string pack)
    {
        var rules = Directory.CreateDirectory(Path.Combine(_directory, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "attack.yaml"), pack);
        return rules;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    // Runs the tool with {0} in the arguments replaced by path; checks the bounds every attack must keep.
    private static (int Exit, string Output, string Error) Run(string path, params string[] arguments)
    {
        Assert.SkipUnless(File.Exists("/usr/bin/time"), "/usr/bin/time is missing (Debian package 'time'; .ci/run installs it)");
        var report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["-f", "%M", "-o", report, "dotnet", Path.Combine(AppContext.BaseDirectory, "procurement-rules.dll"), .. arguments.Select(a => a.Replace("{0}", path, StringComparison.Ordinal))])
            {
                start.ArgumentList.Add(argument);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(WallLimit * 2))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the tool did not finish within {WallLimit * 2}");
            }

            var elapsed = watch.Elapsed;
            var peak = long.Parse(File.ReadAllLines(report).Last(l => l.Length > 0).Trim(), CultureInfo.InvariantCulture);
            var (stdout, stderr) = (output.Result, error.Result);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
            Assert.True(peak < PeakLimitKiB, $"peak memory {peak} KiB");
            Assert.True(elapsed < WallLimit, $"took {elapsed}");
            return (process.ExitCode, stdout, stderr);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
