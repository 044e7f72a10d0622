using BenchmarkDotNet.Attributes;
using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// The monitoring pack (rules/monitoring) over a year of period data (issue 23): the generator's national design with
/// twelve months of profile months, outcomes and lump-sum spending, evaluated as of each month's last day, as a
/// monthly report over a year does, and the whole monitoring report of that year (<see cref="RuleSet.Monitor"/>: the same
/// twelve evaluations plus the figures per month, quarter, lot and party) with its HTML document. Loading the design
/// with its period data is measured once, for scale.
/// </summary>
[FewIterationsJob(5)]
[MemoryDiagnoser]
public class MonitoringBenchmarks : BenchmarkBase
{
    private static readonly DateOnly[] MonthEnds = [.. Enumerable.Range(1, 12).Select(m => new DateOnly(2024, m, 1).AddMonths(1).AddDays(-1))];

    private string _yaml = null!;
    private RuleSet _pack = null!;
    private TenderDesign _design = null!;

    /// <summary>Care profiles of the national design: 100,000 (1,000 in quick mode; the sizes of <see cref="BenchmarkBase.SizesVariable"/> when set).</summary>
    [ParamsSource(nameof(MonitoringSizes))]
    public int Profiles { get; set; }

    /// <summary>100,000 profiles, or the quick or chosen sizes.</summary>
    public static IEnumerable<int> MonitoringSizes => Quick || Environment.GetEnvironmentVariable(SizesVariable) is { Length: > 0 } ? Sizes : [100_000];

    /// <summary>Generates and loads the design with twelve months of period data, and checks that the planted overspend is found.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _yaml = new DesignGenerator { Profiles = Profiles, Seed = 42, National = true, Months = 12 }.Generate();
        _design = LoadWithPeriodData();
        _pack = RuleSet.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "rules", "monitoring")).GetValueOrThrow();
        var findings = _pack.Evaluate(_design, Unbudgeted with { AsOf = MonthEnds[^1] }).Findings;
        if (!findings.Any(f => f is { RuleId: "MO-001", Subject: "contracts[C-coop1-lot6-heavy-2023]" }))
        {
            throw new InvalidOperationException("The monitoring pack does not find the generated design's planted overspend.");
        }
    }

    /// <summary>Loads the generated design with its twelve months of period data from YAML.</summary>
    [Benchmark]
    public TenderDesign LoadWithPeriodData()
    {
        var result = TenderDesignLoader.LoadString(_yaml, "generated.yaml", new YamlLimits { MaxNodes = 100_000_000 });
        return result.Value ?? throw new InvalidOperationException("The generated design did not load: " + string.Join("; ", result.Errors.Take(5)));
    }

    /// <summary>The monitoring pack as of the last day of one month (December).</summary>
    [Benchmark]
    public int EvaluateOneMonth() => _pack.Evaluate(_design, Unbudgeted with { AsOf = MonthEnds[^1] }).Findings.Count;

    /// <summary>The monitoring pack as of the last day of each of the twelve months: a year of monthly reports.</summary>
    [Benchmark(Baseline = true)]
    public int EvaluateTwelveMonths()
    {
        var findings = 0;
        foreach (var monthEnd in MonthEnds)
        {
            findings += _pack.Evaluate(_design, Unbudgeted with { AsOf = monthEnd }).Findings.Count;
        }

        return findings;
    }

    /// <summary>The monitoring report of the year: twelve evaluations and the figures added up per month, quarter, lot and party.</summary>
    [Benchmark]
    public int MonitorYear() => _pack.Monitor(_design, MonthEnds[0], MonthEnds[^1], Unbudgeted).Whole.Parties.Count;

    /// <summary>The monitoring report of the year written as the council's HTML document (summary, charts, tables).</summary>
    [Benchmark]
    public int MonitorYearAsHtml()
    {
        using var html = new StringWriter();
        ReportWriter.WriteMonitoring(ReportFormat.Html, _pack.Monitor(_design, MonthEnds[0], MonthEnds[^1], Unbudgeted), _pack, html);
        return html.GetStringBuilder().Length;
    }
}
