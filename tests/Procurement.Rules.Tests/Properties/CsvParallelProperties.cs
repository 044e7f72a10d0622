using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// A CSV data file read on all cores, in chunks of any size, gives what reading it in one piece gives: the same items in
/// file order, on the same lines, and the same errors in the same order, whatever mix of good rows, bad values, wrong
/// widths, quoted line breaks and blank lines it holds.
/// </summary>
public sealed class CsvParallelProperties
{
    private static readonly ObjectSpec Row = new(
        "row",
        "A row of the test file.",
        new FieldSpec("id", FieldKind.Text, true, "Id."),
        new FieldSpec("budget", FieldKind.Number, false, "Budget."),
        new FieldSpec("start", FieldKind.Date, false, "Start."),
        new FieldSpec("coProviders", FieldKind.TextList, false, "A list."),
        new FieldSpec("client", FieldKind.Text, false, "Text."));

    private static readonly string[] Kinds = ["good", "good", "good", "bad-number", "bad-date", "missing-id", "wide", "blank", "quoted-break", "list"];

    private static Arbitrary<(string[] Rows, int Chunk)> Files => Arb.From(
        from count in Gen.Choose(1, 3_000)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from chunk in Gen.Choose(1, 4_000)
        select (Rows(count, new Random(seed)), chunk));

    [Fact]
    public void Reading_a_csv_file_in_parallel_gives_what_reading_it_in_order_gives() =>
        PropertyRun.Check(nameof(Reading_a_csv_file_in_parallel_gives_what_reading_it_in_order_gives), 60, Files, file =>
        {
            var rows = file.Rows;
            var text = "id,budget,start,coProviders,client\n" + string.Concat(rows);
            var inOrder = Read(text, parallel: false, chunk: int.MaxValue);
            var parallel = Read(text, parallel: true, chunk: file.Chunk);

            Assert.Equal(inOrder.Items, parallel.Items);
            Assert.Equal(inOrder.Errors, parallel.Errors);
            Assert.Equal(rows.Count(r => r.StartsWith("P-", StringComparison.Ordinal) && !r.Contains("x-", StringComparison.Ordinal) && !r.Contains(",extra", StringComparison.Ordinal)), inOrder.Items.Count);
        });

    private static (List<string> Items, List<string> Errors) Read(string text, bool parallel, int chunk)
    {
        var errors = new YamlFieldReader("rows.csv", [], int.MaxValue);
        var items = new List<string>();
        CsvTreeReader.Read<string>(text, Row, "row", YamlLimits.Default, errors, reader => node => ReadRow(node, reader), items.Add, parallel, chunk);
        return (items, errors.Errors.Select(e => e.ToString()).ToList());
    }

    // A row as an item: its values read through the row's own reader, which records its errors.
    private static string? ReadRow(YamlNodeBase node, YamlFieldReader reader)
    {
        var fields = reader.Mapping(node, "a row", Row.Keys)!;
        var id = reader.Text(reader.Required(fields, "id"), "id");
        var budget = reader.Decimal(fields["budget"], "budget");
        var start = reader.Date(fields["start"], "start");
        var providers = reader.TextList(fields["coProviders"], "co-provider");
        var client = reader.Text(fields["client"], "client")?.Value;
        return id is null || budget is null || start is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{id.Value.Value}@{node.Line}:{budget}:{start:yyyy-MM-dd}:{string.Join('+', providers.Select(p => p.Value))}:{client}");
    }

    private static string[] Rows(int count, Random random)
    {
        var rows = new string[count];
        for (var i = 0; i < count; i++)
        {
            var id = $"P-{i}";
            rows[i] = Kinds[random.Next(Kinds.Length)] switch
            {
                "bad-number" => $"{id},x-{i},2023-01-01,,\n",
                "bad-date" => $"{id},100,2023-02-3{i % 10}x-,,\n",
                "missing-id" => ",100,2023-01-01,,\n",
                "wide" => $"{id},100,2023-01-01,,,extra\n",
                "blank" => "\n",
                "quoted-break" => $"{id},100,2023-01-01,,\"line one\nline two, with a comma\"\n",
                "list" => $"{id},100,2023-01-01,p1;p2; p3,\n",
                _ => $"{id},{random.Next(1, 100_000)},2023-01-0{random.Next(1, 10)},,\n",
            };
        }

        return rows;
    }
}
