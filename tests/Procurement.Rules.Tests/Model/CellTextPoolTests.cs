using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;
using Xunit;

namespace Procurement.Rules.Tests.Model;

/// <summary>
/// The text of a data file's cells: a value that repeats in a column is one string, a column whose values do not repeat
/// stops being pooled, and a pool never holds more than its bound, whatever the file.
/// </summary>
public sealed class CellTextPoolTests
{
    private static readonly ObjectSpec Spec = new(
        "row",
        "A row of the test file.",
        new FieldSpec("id", FieldKind.Text, true, "Id."),
        new FieldSpec("municipality", FieldKind.Text, false, "Municipality."),
        new FieldSpec("coProviders", FieldKind.TextList, false, "Co-providers."));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CsvFile_GivesRepeatedCellsAndListItemsOfAColumn_AsOneString_AcrossChunks(bool parallel)
    {
        // Chunks of about 64K characters: 5,000 rows are several chunks, read in waves on two places, each with its pools.
        var text = "id,municipality,coProviders\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"P-{i:D6},dordrecht,radar;xonar\n"));
        var rows = new List<(string Municipality, string SecondItem)>();
        CsvTreeReader.Read<Tuple<string, string>>(text, Spec, "row", YamlLimits.Default, new YamlFieldReader("rows.csv", [], int.MaxValue), reader => node =>
        {
            // A row's nodes are refilled for the next row: a reader copies out what it keeps, as the design's readers do.
            var fields = reader.Mapping(node, "a row", Spec.Keys)!;
            return Tuple.Create(reader.Text(fields["municipality"], "municipality")!.Value.Value, reader.TextList(fields["coProviders"], "co-provider")[1].Value);
        }, row => rows.Add((row.Item1, row.Item2)), parallel, chunk: 1 << 16);

        Assert.Equal(5000, rows.Count);
        Assert.All(rows, row => Assert.Equal(("dordrecht", "xonar"), row));

        // One string per place a chunk is read at (one in sequence, one per core in parallel), not one per chunk.
        var strings = rows.Select(r => r.Municipality).Concat(rows.Select(r => r.SecondItem)).Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.InRange(strings, 2, parallel ? 2 * Math.Max(2, Environment.ProcessorCount) : 2);
    }

    [Fact]
    public void CsvRows_AreReadThroughNodesRefilledPerRow_AllocatingOnlyWhatTheReaderKeeps()
    {
        var text = "id,municipality,coProviders\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"P-{i % 10},dordrecht,radar;xonar\n"));
        var errors = new YamlFieldReader("rows.csv", [], int.MaxValue);
        var kept = new object();
        var count = 0;

        // Warm up (the pools, the JIT), then count what 20,000 rows of pooled values allocate when the reader keeps nothing.
        Read();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Read();
        var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / 20_000.0;

        Assert.Equal(40_000, count);

        // A mapping, its list of entries, a node per cell and the list cell's text made per row came to 645 bytes a row;
        // with the nodes refilled it is 85: the reader's view of the row's fields, each chunk's list of row results and
        // the CSV parser's buffers.
        Assert.True(perRow < 150, $"{perRow:F0} bytes per row");

        void Read() => CsvTreeReader.Read<object>(text, Spec, "row", YamlLimits.Default, errors, reader => node =>
        {
            var fields = reader.Mapping(node, "a row", Spec.Keys)!;
            return reader.Text(fields["id"], "id") is { } && fields["coProviders"] is YamlSequence { Items.Count: 2 } ? kept : null;
        }, _ => count++, parallel: false);
    }

    [Fact]
    public void RepeatedValue_IsOneString_WithTheSameText()
    {
        var pool = new CellTextPool();
        var first = pool.Get("dordrecht".AsSpan());
        var again = pool.Get("xdordrecht".AsSpan(1));

        Assert.Equal("dordrecht", again);
        Assert.Same(first, again);
    }

    [Fact]
    public void ColumnWhoseValuesDoNotRepeat_StopsPooling_AndStillGivesEveryValue()
    {
        var pool = new CellTextPool();
        var values = Enumerable.Range(0, 1000).Select(i => $"P-{i:D6}").ToArray();
        foreach (var value in values)
        {
            Assert.Equal(value, pool.Get(value.AsSpan()));
        }

        // Past the sample the pool is off: the same text again is a new string.
        Assert.NotSame(pool.Get("P-000999".AsSpan()), pool.Get("P-000999".AsSpan()));
    }

    [Fact]
    public void Pool_KeepsAtMostItsBound_AndTheValuesItKept()
    {
        var pool = new CellTextPool();

        // Each value comes twice, so the column keeps pooling; values past the bound are made each time.
        for (var i = 0; i < CellTextPool.MaxValues + 500; i++)
        {
            pool.Get($"m{i}".AsSpan());
            pool.Get($"m{i}".AsSpan());
        }

        Assert.Equal(CellTextPool.MaxValues, pool.Count);
        Assert.Same(pool.Get("m0".AsSpan()), pool.Get("m0".AsSpan()));
        var past = $"m{CellTextPool.MaxValues + 10}";
        Assert.NotSame(pool.Get(past.AsSpan()), pool.Get(past.AsSpan()));
    }

    [Fact]
    public void LongValue_IsNotPooled()
    {
        var pool = new CellTextPool();
        var value = new string('x', CellTextPool.MaxLength + 1);

        Assert.NotSame(pool.Get(value.AsSpan()), pool.Get(value.AsSpan()));
        Assert.Equal(0, pool.Count);
    }
}
