using System.Globalization;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>Loader properties: writing and loading gives the same design; a corrupted file loads or gives positioned, typed errors.</summary>
public sealed class LoaderProperties
{
    private static readonly HashSet<string> ErrorCodes = typeof(LoadErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly string[] Examples =
    [
        .. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText),
        SampleDesigns.Valid,
    ];

    // Characters a corruption puts in: YAML syntax, blanks and line breaks of every kind, controls, non-ASCII, the BOM, and
    // U+FFFD, which is what a corrupted UTF-8 byte reads as (so no lone surrogates: a file read as UTF-8 cannot hold one).
    private static readonly char[] Corruptions =
    [
        ':', '-', ' ', '\n', '\r', '\t', '"', '\'', '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`', '?', '\\', '.',
        'x', 'Q', '0', '9', '\0', '\u0001', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', 'é', '中',
    ];

    /// <summary>Generated designs, half of them with odd names, a third with odd ids as well.</summary>
    private static Arbitrary<DesignCase> OddDesigns => Arb.From(
        from design in DesignGen.Mixed.Generator
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select Odd(design, new Random(seed)),
        DesignGen.ShrinkCase);

    private static Arbitrary<Corruption> Corrupted => Arb.From(
        from source in Gen.Frequency(
            (3, DesignGen.Mixed.Generator.Select(d => ("generated", d.Spec.ToYaml()))),
            (1, Gen.Choose(0, Examples.Length - 1).Select(i => ($"example {i}", Examples[i]))))
        from position in Gen.Choose(0, source.Item2.Length)
        from operation in Gen.Elements(Operation.Replace, Operation.Insert, Operation.Delete)
        from character in Gen.Elements(Corruptions)
        select new Corruption(source.Item1, source.Item2, position, operation, character));

    internal enum Operation
    {
        Replace,
        Insert,
        Delete,
    }

    [Fact]
    public void Writing_then_loading_a_generated_design_gives_an_equal_design() =>
        PropertyRun.Check(nameof(Writing_then_loading_a_generated_design_gives_an_equal_design), 300, OddDesigns, c =>
        {
            var original = c.Spec.Load();
            var written = TenderDesignWriter.Write(original);
            var reloaded = TenderDesignLoader.LoadString(written, "written.yaml");

            Assert.True(reloaded.Succeeded, "The written design does not load:" + Environment.NewLine + string.Join(Environment.NewLine, reloaded.Errors) + Environment.NewLine + written);
            Assert.Equal(RoundTripTests.Snapshot(original), RoundTripTests.Snapshot(reloaded.Value!));
            Assert.Equal(written, TenderDesignWriter.Write(reloaded.Value!));

            // And the loader reads exactly what the spec says.
            Assert.Equal(c.Spec.Normalized().ToYaml(), DesignSpec.FromModel(original).ToYaml());
        });

    [Fact]
    public void A_single_character_corruption_loads_or_gives_typed_errors_with_valid_positions() =>
        PropertyRun.Check(nameof(A_single_character_corruption_loads_or_gives_typed_errors_with_valid_positions), 1000, Corrupted, c =>
        {
            var text = c.Apply();
            LoadResult<TenderDesign> result;
            try
            {
                result = TenderDesignLoader.LoadString(text, "corrupted.yaml");
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"The loader threw instead of reporting an error: {ex}");
            }

            if (result.Succeeded)
            {
                // A corruption that still loads is a design like any other: it evaluates and round-trips.
                Shipped.Rules.Evaluate(result.Value!);
                var written = TenderDesignWriter.Write(result.Value!);
                Assert.Equal(RoundTripTests.Snapshot(result.Value!), RoundTripTests.Snapshot(TenderDesignLoader.LoadString(written, "written.yaml").GetValueOrThrow()));
                return;
            }

            Assert.NotEmpty(result.Errors);
            var lines = Lines(text);
            foreach (var error in result.Errors)
            {
                Assert.True(ErrorCodes.Contains(error.Code), $"Unknown error code: {error}");
                Assert.Equal("corrupted.yaml", error.File);
                Assert.False(string.IsNullOrWhiteSpace(error.Message), error.ToString());
                Assert.True(error.Line >= 1 && error.Column >= 1, $"Position before the file: {error}");
                Assert.True(error.Line <= lines.Length, $"Line past the end of the file ({lines.Length} lines): {error}");
                Assert.True(error.Column <= lines[error.Line - 1] + 1, $"Column past the end of line {error.Line} ({lines[error.Line - 1]} characters): {error}");
            }
        });

    [Fact]
    public void A_design_cut_off_inside_its_last_flow_mapping_is_a_syntax_error_at_the_end_of_the_file()
    {
        // Found by tests/explore.sh (property seed 2355933754 at 100x, case 12,326): deleting the final '}' of the sample
        // design, which has no final line break, gave a syntax error on the line after the last one. The sample now ends with the expert team's mapping (27 lines).
        var text = SampleDesigns.Valid.Remove(SampleDesigns.Valid.Length - 1);
        Assert.EndsWith("name: Regionaal Expertteam ", text, StringComparison.Ordinal);

        var result = TenderDesignLoader.LoadString(text, "cut.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal((LoadErrorCodes.YamlSyntax, 27, 51), (error.Code, error.Line, error.Column));
    }

    /// <summary>The length of every line, where a line ends at any YAML line break (CR LF, CR, LF, NEL, LS, PS).</summary>
    internal static int[] Lines(string text)
    {
        var lengths = new List<int>();
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lengths.Add(length);
                length = 0;
            }
            else
            {
                length++;
            }
        }

        lengths.Add(length);
        return [.. lengths];
    }

    private static DesignCase Odd(DesignCase design, Random random)
    {
        var spec = design.Spec;
        if (random.Next(2) == 0)
        {
            spec = SpecTransforms.OddNames(spec, random);
        }

        if (random.Next(3) == 0)
        {
            spec = SpecTransforms.RenameIds(spec, random, odd: true).Renamed;
        }

        return design with { Spec = spec };
    }

    /// <summary>One character replaced, inserted or deleted at a position of a valid design file.</summary>
    internal sealed record Corruption(string Source, string Text, int Position, Operation Operation, char Character)
    {
        public string Apply() => Operation switch
        {
            Operation.Insert => Text.Insert(Position, Character.ToString()),
            Operation.Delete when Position < Text.Length => Text.Remove(Position, 1),
            Operation.Replace when Position < Text.Length => string.Concat(Text.AsSpan(0, Position), Character.ToString(), Text.AsSpan(Position + 1)),
            _ => Text + Character,
        };

        public override string ToString()
        {
            var line = Text[..Math.Min(Position, Text.Length)].Count(c => c == '\n') + 1;
            var lines = Text.Split('\n');
            var context = string.Join(Environment.NewLine, lines.Skip(Math.Max(0, line - 3)).Take(5).Select((l, i) => $"{Math.Max(1, line - 2) + i,5}| {l}"));
            return $"{Operation} U+{(int)Character:X4} at offset {Position} (line {line}) of {Source}:{Environment.NewLine}{context}{Environment.NewLine}Whole file before the change:{Environment.NewLine}{Text}";
        }
    }
}
