using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using nietras.SeparatedValues;
using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;
using YamlDotNet.Core;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// The national check end to end, as <c>validate DESIGN --format json</c> does it in process: load the design from its
/// files, evaluate all shipped rules (in parallel, as the CLI does from 10,000 profiles) and write the JSON report.
/// The same generated national design in three forms, each against its parser's floor (the category's baseline):
/// a YAML design (YamlDotNet's events of the file), a YAML design with its care profiles and escalations in CSV data
/// files (YamlDotNet's events of the design plus Sep's rows of the data files) and a JSON design (System.Text.Json's
/// document). Evaluate and the report are the same for all three and measured once.
/// <para>
/// The files are generated once per size into a temporary folder and kept there, and the job runs in process with one
/// warm-up and three measured calls: a 500k YAML load takes about ten seconds.
/// </para>
/// </summary>
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class EndToEndBenchmarks : BenchmarkBase
{
    private string _yaml = null!;
    private string _csv = null!;
    private string _json = null!;
    private RuleSet _ruleSet = null!;
    private TenderDesign _design = null!;
    private EvaluationReport _report = null!;

    /// <summary>Number of care profiles in the generated national design: a region and the whole country.</summary>
    [ParamsSource(nameof(NationalSizes))]
    public int Profiles { get; set; }

    /// <summary>100k and 500k profiles; 1k in quick mode; those of <see cref="BenchmarkBase.SizesVariable"/> when set.</summary>
    public static IEnumerable<int> NationalSizes => Quick || Environment.GetEnvironmentVariable(SizesVariable) is { Length: > 0 } ? Sizes : [100_000, 500_000];

    /// <summary>Writes the three forms once per size (checking that they load to the same design), compiles the rules and evaluates once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "procurement-rules-bench", $"national-{Profiles}");
        _yaml = Path.Combine(folder, "design.yaml");
        _csv = Path.Combine(folder, "design-csv.yaml");
        _json = Path.Combine(folder, "design.json");
        if (!File.Exists(_json))
        {
            Directory.CreateDirectory(folder);
            var text = GenerateYaml(Profiles, national: true);
            File.WriteAllText(_yaml, text);
            DesignCsv.Write(text, _csv);
            using (var json = File.Create(_json + ".part"))
            {
                DesignJson.Write(text, json);
            }

            var written = TenderDesignWriter.Write(LoadFile(_yaml));
            if (TenderDesignWriter.Write(LoadFile(_csv)) != written || TenderDesignWriter.Write(LoadFile(_json + ".part", "design.json")) != written)
            {
                throw new InvalidOperationException("The CSV or JSON form does not load to the same design as the YAML.");
            }

            File.Move(_json + ".part", _json);
        }

        _ruleSet = RuleSet.Load(RuleSource.DefaultPacks()).GetValueOrThrow();
        _design = LoadFile(_csv);
        _report = Evaluate(_design);
    }

    /// <summary>YamlDotNet's events of the YAML design: the floor of <see cref="YamlLoad"/>.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("1 YAML")]
    public int YamlEventsFloor() => Events(_yaml);

    /// <summary>Loads the YAML design.</summary>
    [Benchmark]
    [BenchmarkCategory("1 YAML")]
    public TenderDesign YamlLoad() => LoadFile(_yaml);

    /// <summary>Loads, evaluates and writes the JSON report: the whole check from a YAML design.</summary>
    [Benchmark]
    [BenchmarkCategory("1 YAML")]
    public long YamlTotal()
    {
        var design = LoadFile(_yaml);
        return Report(Evaluate(design), design);
    }

    /// <summary>YamlDotNet's events of the design without its lists plus Sep's rows of its data files: the floor of <see cref="CsvLoad"/>.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("2 YAML + CSV")]
    public long CsvRowsFloor() => Events(_csv) + Rows(Path.ChangeExtension(_csv, null) + "-profiles.csv") + Rows(Path.ChangeExtension(_csv, null) + "-escalations.csv");

    /// <summary>Loads the design and its CSV data files.</summary>
    [Benchmark]
    [BenchmarkCategory("2 YAML + CSV")]
    public TenderDesign CsvLoad() => LoadFile(_csv);

    /// <summary>The whole check from a YAML design with CSV data files.</summary>
    [Benchmark]
    [BenchmarkCategory("2 YAML + CSV")]
    public long CsvTotal()
    {
        var design = LoadFile(_csv);
        return Report(Evaluate(design), design);
    }

    /// <summary>System.Text.Json's document of the JSON design (read from its file): the floor of <see cref="JsonLoad"/>.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("3 JSON")]
    public int JsonDocumentFloor()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(_json));
        return document.RootElement.GetProperty("careProfiles").GetArrayLength();
    }

    /// <summary>Loads the JSON design.</summary>
    [Benchmark]
    [BenchmarkCategory("3 JSON")]
    public TenderDesign JsonLoad() => LoadFile(_json);

    /// <summary>The whole check from a JSON design.</summary>
    [Benchmark]
    [BenchmarkCategory("3 JSON")]
    public long JsonTotal()
    {
        var design = LoadFile(_json);
        return Report(Evaluate(design), design);
    }

    /// <summary>Evaluates all shipped rules on the loaded design, in parallel as the CLI does (the same for every form).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("4 shared")]
    public int Evaluate() => Evaluate(_design).Findings.Count;

    /// <summary>Writes the JSON report of one evaluation (the same for every form).</summary>
    [Benchmark]
    [BenchmarkCategory("4 shared")]
    public long ReportJson() => Report(_report, _design);

    private static TenderDesign LoadFile(string path, string? name = null)
    {
        var result = name is null ? TenderDesignLoader.LoadFile(path) : TenderDesignLoader.LoadString(File.ReadAllText(path), name);
        return result.Value ?? throw new InvalidOperationException($"{path} did not load: " + string.Join("; ", result.Errors.Take(5)));
    }

    private EvaluationReport Evaluate(TenderDesign design) => _ruleSet.Evaluate(design, Unbudgeted with { Parallel = true });

    // The report is written in full and counted, as the CLI writes it to a file.
    private long Report(EvaluationReport report, TenderDesign design)
    {
        using var writer = new CountingWriter();
        ReportWriter.Write(ReportFormat.Json, [new DesignReport(report, design)], _ruleSet, writer);
        return writer.Count;
    }

    private static int Events(string path)
    {
        var parser = new Parser(new StringReader(File.ReadAllText(path)));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    // Every cell of every row, as the loader's floor: the rows are parsed, each cell's text looked at.
    private static long Rows(string path)
    {
        using var reader = Sep.Reader(o => o with { DisableColCountCheck = true }).FromFile(path);
        long cells = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                cells += row[i].Span.Length;
            }
        }

        return cells;
    }

    private sealed class CountingWriter : TextWriter
    {
        public long Count { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Count++;

        public override void Write(ReadOnlySpan<char> buffer) => Count += buffer.Length;

        public override void Write(string? value) => Count += value?.Length ?? 0;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            if (!Quick)
            {
                AddJob(Job.Default
                    .WithToolchain(InProcessEmitToolchain.Instance)
                    .WithWarmupCount(1)
                    .WithIterationCount(3)
                    .WithInvocationCount(1)
                    .WithUnrollFactor(1)
                    .WithEvaluateOverhead(false)
                    .WithId("InProcess"));
            }
        }
    }
}
