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
    [Fact]
    public void CsvFile_GivesRepeatedCellsAndListItemsOfAColumn_AsOneString()
    {
        var spec = new ObjectSpec(
            "row",
            "A row of the test file.",
            new FieldSpec("id", FieldKind.Text, true, "Id."),
            new FieldSpec("municipality", FieldKind.Text, false, "Municipality."),
            new FieldSpec("coProviders", FieldKind.TextList, false, "Co-providers."));
        var text = "id,municipality,coProviders\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"P-{i},dordrecht,radar;xonar\n"));
        var rows = new List<YamlMapping>();
        CsvTreeReader.Read<YamlMapping>(text, spec, "row", YamlLimits.Default, new YamlFieldReader("rows.csv", [], int.MaxValue), _ => node => (YamlMapping)node, rows.Add);

        string Cell(YamlMapping row, string key) => ((YamlScalar)row.Entries.Single(e => e.Key.Value == key).Value).Value;
        string Item(YamlMapping row, int index) => ((YamlScalar)((YamlSequence)row.Entries.Single(e => e.Key.Value == "coProviders").Value).Items[index]).Value;
        Assert.Equal(100, rows.Count);
        Assert.All(rows, row => Assert.Same(Cell(rows[0], "municipality"), Cell(row, "municipality")));
        Assert.All(rows, row => Assert.Same(Item(rows[0], 1), Item(row, 1)));
        Assert.Equal("xonar", Item(rows[99], 1));
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
