using System.Globalization;
using Procurement.Rules.Evaluating;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

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
            errors.AddRange(RunFile(ruleSet, file, counts, results));
        }

        var coverage = ruleSet.Rules.Where(r => r.Enabled)
            .SelectMany(r => r.Clauses.Select((c, i) => new ClauseCoverage(r.Id, c.Key, counts.Held(r.Id, i), counts.Failed(r.Id, i))))
            .ToArray();
        return new RuleTestReport { Tests = results, Errors = errors, Coverage = coverage };
    }

    // Runs the tests of one file, adding their results; returns the errors of reading the file, in the order found.
    private static IReadOnlyList<LoadError> RunFile(RuleSet ruleSet, string file, CoverageObserver counts, List<RuleTestResult> results)
    {
        var folder = RuleTestFolder.Of(file, Limits.MaxFileBytes);
        var self = folder.ReadFile(Path.GetFullPath(file), "The rule-test file");
        if (self.Text is not { } text)
        {
            return [self.ToError(file, 1, 1)];
        }

        var reader = new YamlFieldReader(file, Limits);
        var root = YamlTreeReader.Read(text, Limits, reader);
        var fields = root is null ? null : reader.Mapping(root, "a rule-test file", RuleTestSchema.File.Keys);
        if (fields is not null)
        {
            RunTests(ruleSet, file, folder, reader, fields, counts, results);
        }

        return reader.Errors;
    }

    private static void RunTests(
        RuleSet ruleSet,
        string file,
        RuleTestFolder folder,
        YamlFieldReader reader,
        MappingFields fields,
        CoverageObserver counts,
        List<RuleTestResult> results)
    {

        // The base design is read once, before any test: a refused one is one error, and no test that uses it runs.
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var baseDesign = ReadDesignFile(folder, directory, reader.Text(fields["base"], "base design"), reader);
        var fileAsOf = reader.Date(fields["asOf"], "asOf");
        foreach (var node in reader.Sequence(reader.Required(fields, "tests"), "tests").TakeWhile(_ => !reader.Stopped))
        {
            if (ReadTest(reader, node) is not { } test)
            {
                continue;
            }

            var design = test.DesignFile is null ? baseDesign : ReadDesignFile(folder, directory, test.DesignFile, reader);
            if (test.InlineDesign is null && design is { Text: null })
            {
                continue;
            }

            results.Add(RunTest(ruleSet, test, design, fileAsOf, counts));
        }
    }

    private static FolderRead? ReadDesignFile(RuleTestFolder folder, string directory, Located<string>? path, YamlFieldReader reader)
    {
        if (path is not { } written)
        {
            return null;
        }

        var read = folder.Read(written.Value, directory);
        if (read.Text is null)
        {
            reader.Error(written.Span, read.Code!, read.Message!);
        }

        return read;
    }

    private static TestCase? ReadTest(YamlFieldReader reader, YamlNodeBase node)
    {
        var fields = reader.Mapping(node, "a rule test", RuleTestSchema.Test.Keys);
        if (fields is null)
        {
            return null;
        }

        var name = reader.Text(reader.Required(fields, "name"), "test name")?.Value;
        var replacements = new List<(string Find, string With)>();
        foreach (var item in reader.Sequence(fields["replace"], "replacements"))
        {
            var edit = reader.Mapping(item, "a replacement", RuleTestSchema.Replacement.Keys);
            if (edit is not null
                && reader.Text(reader.Required(edit, "find"), "find")?.Value is { } find
                && reader.Text(reader.Required(edit, "with"), "with")?.Value is { } with)
            {
                // 'with' is required, as the schema says: an empty value is a mistake more often than a deletion ("" deletes).
                replacements.Add((find, with));
            }
        }

        var expected = new List<Expected>();
        foreach (var item in reader.Sequence(fields["expect"], "expected findings"))
        {
            var finding = reader.Mapping(item, "an expected finding", RuleTestSchema.ExpectedFinding.Keys);
            if (finding is not null
                && reader.Text(reader.Required(finding, "rule"), "rule id")?.Value is { } rule
                && reader.Text(reader.Required(finding, "subject"), "subject")?.Value is { } subject)
            {
                expected.Add(new Expected(rule, subject, reader.Text(finding["clause"], "clause")?.Value, reader.Enum<Severity>(finding["severity"], "severity")));
            }
        }

        var absent = reader.TextList(fields["absent"], "rule id").Select(r => r.Value).ToArray();
        if (expected.Count == 0 && absent.Length == 0)
        {
            reader.Error(fields.Span, LoadErrorCodes.MissingField, $"Rule test '{name}' has neither 'expect' nor 'absent': it would test nothing.");
            return null;
        }

        var design = fields["design"];
        return name is null
            ? null
            : new TestCase(name, new SourceLocation(reader.File, fields.Line, fields.Column), design as YamlMapping, reader.Text(design as YamlScalar, "design file"),
                replacements, reader.Date(fields["asOf"], "asOf"), expected, absent);
    }

    private static RuleTestResult RunTest(RuleSet ruleSet, TestCase test, FolderRead? designFile, DateOnly? fileAsOf, CoverageObserver counts)
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

    private static (TenderDesign? Design, string? Error) LoadDesign(TestCase test, FolderRead? file)
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

        var result = TenderDesignLoader.LoadString(text, path, Limits);
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

    private sealed record TestCase(
        string Name,
        SourceLocation Location,
        YamlMapping? InlineDesign,
        Located<string>? DesignFile,
        IReadOnlyList<(string Find, string With)> Replacements,
        DateOnly? AsOf,
        IReadOnlyList<Expected> Expected,
        IReadOnlyList<string> Absent);

    private sealed record Expected(string Rule, string Subject, string? Clause, Severity? Severity)
    {
        public bool Matches(Finding f) =>
            f.RuleId == Rule && f.Subject == Subject && (Clause is null || f.Clause == Clause) && (Severity is null || f.Severity == Severity);

        public override string ToString() =>
            $"{Rule} {Subject}{(Clause is null ? string.Empty : "#" + Clause)}{(Severity is null ? string.Empty : $" ({Severity.Value.ToString().ToLowerInvariant()})")}";
    }
}
