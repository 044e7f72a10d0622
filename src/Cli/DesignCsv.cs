using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Procurement.Rules.Cli;

/// <summary>
/// Writes a YAML design as a design with its care profiles and escalations, and its period data if any, in CSV data
/// files next to it (the way a municipality's system exports allocations): the design keeps every other field and names the files
/// (<c>careProfiles: { file: NAME-profiles.csv }</c>). Streams from the YAML parser's events, so a national design is
/// converted without holding it as a tree.
/// </summary>
internal static class DesignCsv
{
    // The columns, in the order of the design's fields (a test checks they are the loader's own).
    internal static readonly string[] ProfileColumns =
    [
        "id", "client", "municipality", "lot", "category", "mainContractor", "coProviders", "intensityHoursPerWeek", "durationMonths", "budget", "start",
        "transferredTo", "contract", "stay", "responsibleMunicipality",
    ];

    internal static readonly string[] EscalationColumns = ["id", "profile", "from", "to", "fromScope", "toScope", "toLot", "date", "approvedBy", "expertTeam"];

    internal static readonly string[] ProfileMonthColumns = ["profile", "month", "status", "hours", "units", "spend"];

    internal static readonly string[] OutcomeColumns = ["profile", "ended", "goal", "endedEarly", "satisfaction"];

    internal static readonly string[] SpendingColumns = ["contract", "month", "amount"];

    // The lists written as data files, with the suffix of each file's name.
    private static readonly (string List, string Suffix, string[] Columns)[] Lists =
    [
        ("careProfiles", "profiles", ProfileColumns),
        ("escalations", "escalations", EscalationColumns),
        ("profileMonths", "profile-months", ProfileMonthColumns),
        ("outcomes", "outcomes", OutcomeColumns),
        ("spending", "spending", SpendingColumns),
    ];

    /// <summary>The names of the data files written beside a design named <paramref name="stem"/> that has <paramref name="lists"/>.</summary>
    public static IEnumerable<string> FileNames(string stem, IEnumerable<string> lists) =>
        Lists.Where(l => lists.Contains(l.List)).Select(l => $"{stem}-{l.Suffix}.csv");

    /// <summary>
    /// Writes <paramref name="yaml"/> (block lists of flat mappings under <c>careProfiles</c>, <c>escalations</c> and the period data's lists, no
    /// anchors) to <paramref name="designPath"/> and its lists to CSV files beside it; returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> Write(string yaml, string designPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(designPath))!;
        var stem = Path.GetFileNameWithoutExtension(designPath);
        var written = new List<string> { designPath };
        var design = new StringBuilder(yaml.Length / 4);
        var copied = 0;
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        parser.Consume<MappingStart>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            var list = Array.FindIndex(Lists, l => l.List == key.Value);
            if (list < 0 || parser.Current is not SequenceStart)
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }

            var (_, suffix, columns) = Lists[list];
            var name = $"{stem}-{suffix}.csv";
            var path = Path.Combine(folder, name);
            var end = WriteRows(parser, columns, path);
            written.Add(path);

            // The list's text, from its key to the end of its last line, becomes one line naming the file.
            var lineEnd = yaml.IndexOf('\n', end);
            end = lineEnd < 0 ? yaml.Length : lineEnd + 1;
            design.Append(yaml, copied, (int)key.Start.Index - copied).Append(key.Value).Append(": { file: ").Append(name).Append(" }\n");
            copied = end;
        }

        design.Append(yaml, copied, yaml.Length - copied);
        File.WriteAllText(designPath, design.ToString());
        return written;
    }

    // Writes the list's items as rows; returns the offset just past the last item.
    private static int WriteRows(Parser parser, string[] columns, string path)
    {
        using var csv = new StreamWriter(path, append: false, new UTF8Encoding(false));
        csv.Write(string.Join(',', columns));
        csv.Write('\n');
        parser.Consume<SequenceStart>();
        var row = new string?[columns.Length];
        var end = -1;
        while (parser.Current is not SequenceEnd)
        {
            parser.Consume<MappingStart>();
            Array.Clear(row);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>().Value;
                var (value, valueEnd) = parser.TryConsume<Scalar>(out var scalar) ? (scalar.Value, (int)scalar.End.Index) : ReadList(parser);
                var index = Array.IndexOf(columns, key);
                if (index < 0)
                {
                    throw new InvalidOperationException($"The field '{key}' has no column in a CSV data file.");
                }

                row[index] = value;
                end = Math.Max(end, valueEnd);
            }

            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    csv.Write(',');
                }

                csv.Write(Cell(row[i]));
            }

            csv.Write('\n');
        }

        // An empty list is a flow list ('[]'), which ends at its bracket.
        var sequenceEnd = parser.Consume<SequenceEnd>();
        return end < 0 ? (int)sequenceEnd.End.Index : end;
    }

    // A list value, its items joined by ';', and the offset just past it.
    private static (string Value, int End) ReadList(Parser parser)
    {
        parser.Consume<SequenceStart>();
        var items = new List<string>();
        while (parser.Current is not SequenceEnd)
        {
            items.Add(parser.Consume<Scalar>().Value);
        }

        return (string.Join(';', items), (int)parser.Consume<SequenceEnd>().End.Index);
    }

    // A value is quoted when it holds the separator, a quote, a line break or outer white space; quotes are doubled.
    private static string Cell(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.Trim().Length != value.Length ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
