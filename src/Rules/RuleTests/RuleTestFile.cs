using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.RuleTests;

/// <summary>
/// One rule-test file as read, before anything runs: its tests, each with the design file it edits, its default
/// reference date, and the errors of reading it in the order found. A test whose design file was refused is left out
/// (its error says why).
/// </summary>
internal sealed record RuleTestFile(IReadOnlyList<(RuleTestFile.TestCase Test, FolderRead? Design)> Tests, DateOnly? AsOf, IReadOnlyList<LoadError> Errors)
{
    /// <summary>Reads <paramref name="file"/> and the design files it names, inside its rules folder only.</summary>
    public static RuleTestFile Read(string file, YamlLimits limits)
    {
        var folder = RuleTestFolder.Of(file, limits.MaxFileBytes);
        var self = folder.ReadFile(Path.GetFullPath(file), "The rule-test file");
        if (self.Text is not { } text)
        {
            return new([], null, [self.ToError(file, 1, 1)]);
        }

        var reader = new YamlFieldReader(file, limits);
        var root = YamlTreeReader.Read(text, limits, reader);
        var fields = root is null ? null : reader.Mapping(root, "a rule-test file", RuleTestSchema.File.Keys);
        if (fields is null)
        {
            return new([], null, reader.Errors);
        }

        // The base design is read once, before any test: a refused one is one error, and no test that uses it runs.
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var baseDesign = ReadDesignFile(folder, directory, reader.Text(fields["base"], "base design"), reader);
        var asOf = reader.Date(fields["asOf"], "asOf");
        var tests = new List<(TestCase, FolderRead?)>();
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

            tests.Add((test, design));
        }

        return new(tests, asOf, reader.Errors);
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

    internal sealed record TestCase(
        string Name,
        SourceLocation Location,
        YamlMapping? InlineDesign,
        Located<string>? DesignFile,
        IReadOnlyList<(string Find, string With)> Replacements,
        DateOnly? AsOf,
        IReadOnlyList<Expected> Expected,
        IReadOnlyList<string> Absent);

    internal sealed record Expected(string Rule, string Subject, string? Clause, Severity? Severity)
    {
        public bool Matches(Finding f) =>
            f.RuleId == Rule && f.Subject == Subject && (Clause is null || f.Clause == Clause) && (Severity is null || f.Severity == Severity);

        public override string ToString() =>
            $"{Rule} {Subject}{(Clause is null ? string.Empty : "#" + Clause)}{(Severity is null ? string.Empty : $" ({Severity.Value.ToString().ToLowerInvariant()})")}";
    }
}
