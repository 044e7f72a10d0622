using System.Globalization;
using Procurement.Rules.Evaluating;
using Procurement.Rules.Model;

namespace Procurement.Rules.RuleTests;

/// <summary>
/// Runs rule tests written in YAML (like <c>opa test</c>): each names a design, the findings expected of it and the
/// rules that must stay silent, and the run measures which clauses the tests made both hold and fail.
/// </summary>
/// <remarks>
/// A rule-test file reads files only inside its rules folder: the folder that holds the folder the test file is in
/// (<c>rules/</c> for <c>rules/tests/*.yaml</c>). A <c>base</c> or <c>design</c> path that is absolute, that leads out
/// of that folder through <c>..</c> or a symbolic link, that is not a regular file, or that is over
/// <see cref="RuleLimits.Yaml"/>'s file size limit is a load error at the path's position, and the file is not opened.
/// </remarks>
public static class RuleTestRunner
{
    // Test files and the designs they read are held to the limits of a rule file, not the far larger ones of a design.
    private static YamlLimits Limits => RuleLimits.Default.Yaml;

    /// <summary>The rule-test files (<c>*.yaml</c>) in <paramref name="directory"/>, in name order; none when it does not exist.</summary>
    public static IReadOnlyList<string> FindTestFiles(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// Runs the tests in <paramref name="testFiles"/> against <paramref name="ruleSet"/>; each file reads designs only
    /// inside its rules folder (see the remarks on <see cref="RuleTestRunner"/>).
    /// </summary>
    public static RuleTestReport Run(RuleSet ruleSet, IEnumerable<string> testFiles)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(testFiles);
        var counts = new CoverageObserver(ruleSet.Rules.Where(r => r.Enabled));
        var errors = new List<LoadError>();
        var results = new List<RuleTestResult>();
        foreach (var file in testFiles)
        {
            var read = RuleTestFile.Read(file, Limits);
            errors.AddRange(read.Errors);
            foreach (var (test, design) in read.Tests)
            {
                results.Add(RunTest(ruleSet, test, design, read.AsOf, counts));
            }
        }

        var coverage = ruleSet.Rules.Where(r => r.Enabled)
            .SelectMany(r => r.Clauses.Select((c, i) => new ClauseCoverage(r.Id, c.Key, counts.Held(r.Id, i), counts.Failed(r.Id, i))))
            .ToArray();
        return new RuleTestReport { Tests = results, Errors = errors, Coverage = coverage };
    }

    private static RuleTestResult RunTest(RuleSet ruleSet, RuleTestFile.TestCase test, FolderRead? designFile, DateOnly? fileAsOf, CoverageObserver counts)
    {
        var (design, error) = LoadDesign(test, designFile);
        if (design is null)
        {
            return new RuleTestResult { Name = test.Name, Location = test.Location, Error = error };
        }

        var unknown = test.Expected.Select(e => e.Rule).Concat(test.Absent).Where(id => !ruleSet.Rules.Any(r => r.Id == id)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            return new RuleTestResult { Name = test.Name, Location = test.Location, Error = $"no loaded rule has id {string.Join(", ", unknown)}" };
        }

        var report = ruleSet.EvaluateObserved(design, new EvaluationOptions { AsOf = test.AsOf ?? fileAsOf }, counts);
        var underTest = test.Expected.Select(e => e.Rule).ToHashSet(StringComparer.Ordinal);
        var actual = report.Findings.Where(f => underTest.Contains(f.RuleId)).ToList();
        var missing = new List<string>();
        foreach (var expected in test.Expected)
        {
            var match = actual.FindIndex(expected.Matches);
            if (match < 0)
            {
                missing.Add(expected.ToString());
            }
            else
            {
                actual.RemoveAt(match);
            }
        }

        var unexpected = actual.Select(Describe).ToList();
        foreach (var rule in test.Absent)
        {
            unexpected.AddRange(report.Findings.Where(f => f.RuleId == rule).Select(Describe));
            if (report.Rules.Single(r => r.RuleId == rule).Application != RuleApplication.Applied)
            {
                missing.Add($"{rule} to apply to at least one subject (it did not, so its silence proves nothing)");
            }
        }

        return new RuleTestResult { Name = test.Name, Location = test.Location, Missing = missing, Unexpected = unexpected };
    }

    private static (TenderDesign? Design, string? Error) LoadDesign(RuleTestFile.TestCase test, FolderRead? file)
    {
        if (test.InlineDesign is { } inline)
        {
            var loaded = TenderDesignLoader.LoadNode(inline, test.Location.File);
            return loaded.Value is null ? (null, "the inline design does not load: " + string.Join("; ", loaded.Errors)) : (loaded.Value, null);
        }

        if (file is not { Path: { } path, Text: { } text })
        {
            return (null, "no design: give 'design' in the test or 'base' in the file");
        }

        // Replacements only ever see the text of a file that passed the folder's checks (a refused file is never
        // opened, and its tests do not run). A find that does not occur exactly once fails the test with the find
        // text, the file name and the number of occurrences: nothing the test's author cannot read in the folder.
        foreach (var (find, with) in test.Replacements)
        {
            var first = text.IndexOf(find, StringComparison.Ordinal);
            if (first < 0 || text.IndexOf(find, first + 1, StringComparison.Ordinal) >= 0)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"'{find}' must occur exactly once in {Path.GetFileName(path)}; it occurs {Occurrences(text, find)} times"));
            }

            text = string.Concat(text.AsSpan(0, first), with, text.AsSpan(first + find.Length));
        }

        // Data files the design names are read next to it, as when it is loaded from its file.
        var result = TenderDesignLoader.LoadStringInFolder(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!, Limits);
        return result.Value is null ? (null, "the design does not load: " + string.Join("; ", result.Errors)) : (result.Value, null);
    }

    private static int Occurrences(string text, string find)
    {
        var count = 0;
        for (var i = text.IndexOf(find, StringComparison.Ordinal); i >= 0; i = text.IndexOf(find, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Describe(Finding f) => $"{f.RuleId} {f.Subject}#{f.Clause} ({f.Severity.ToString().ToLowerInvariant()}): {f.Message}";
}
