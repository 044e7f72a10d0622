using BenchmarkDotNet.Attributes;
using Procurement.Rules.Comparing;
using Procurement.Rules.Model;
using Procurement.Rules.Cli;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// <c>diff --rules-base --rules-head</c> over four designs: the impact of a rule-pack change (ES-001 tightened by
/// EUR 1,000, CO-001 lowered to a warning) on four generated designs of <see cref="Profiles"/> care profiles each,
/// one per shipped example region, plus the four shipped examples themselves. Both rule sets are compiled once.
/// </summary>
public class DiffBenchmarks : BenchmarkBase
{
    private RuleSet _baseRules = null!;
    private RuleSet _headRules = null!;
    private string[] _yaml = null!;
    private TenderDesign[] _designs = null!;

    /// <summary>Number of care profiles in each generated design: 10k, or 1k in quick mode.</summary>
    [ParamsSource(nameof(DesignSizes))]
    public int Profiles { get; set; }

    /// <summary>The size of each generated design: 10k, or 1k in quick mode.</summary>
    public static IEnumerable<int> DesignSizes => Quick ? [1_000] : [10_000];

    /// <summary>Compiles the default packs and the edited copy, generates and loads the designs, and checks that the edit shows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var packs = RuleSource.DefaultPacks();
        _baseRules = RuleSet.Load(packs).GetValueOrThrow();
        var edited = packs.Select(p => p with
        {
            Yaml = p.Yaml
                .Replace("profile.Budget <= lightLimits.Budget", "profile.Budget <= lightLimits.Budget - 1000", StringComparison.Ordinal)
                .Replace("  - id: CO-001\n    title: Every lot has both categories contracted\n    severity: error", "  - id: CO-001\n    title: Every lot has both categories contracted\n    severity: warning", StringComparison.Ordinal),
        }).ToArray();
        _headRules = RuleSet.Load(edited).GetValueOrThrow();
        if (_headRules.Hash == _baseRules.Hash)
        {
            throw new InvalidOperationException("The rule edit did not change the rule set.");
        }

        var examples = ShippedExamples.Paths();
        _yaml = [.. Enumerable.Range(1, 4).Select(seed => new DesignGenerator { Profiles = Profiles, Seed = seed }.Generate()), .. examples.Select(File.ReadAllText)];
        _designs = [.. _yaml.Select(Load)];
        var impact = ReportComparer.CompareRules(_baseRules, _headRules, Compare(_designs));
        if (!impact.Any(i => i.RuleId == "ES-001" && i.NewlyFailing > 0))
        {
            throw new InvalidOperationException("The tightened ES-001 made no subject fail.");
        }
    }

    /// <summary>Evaluates every loaded design with both rule sets, compares the reports and summarises the impact per rule.</summary>
    [Benchmark(Baseline = true)]
    public int DiffLoadedDesigns() => ReportComparer.CompareRules(_baseRules, _headRules, Compare(_designs)).Sum(i => i.NewlyFailing);

    /// <summary>The same, with the designs loaded from YAML text first, as the CLI does.</summary>
    [Benchmark]
    public int DiffIncludingDesignLoad() => ReportComparer.CompareRules(_baseRules, _headRules, Compare([.. _yaml.Select(Load)])).Sum(i => i.NewlyFailing);

    private List<ReportDiff> Compare(IEnumerable<TenderDesign> designs) =>
        [.. designs.Select(d =>
        {
            var options = new EvaluationOptions { Parallel = d.CareProfiles.Count > 10_000 };
            return ReportComparer.Compare(_baseRules.Evaluate(d, options), _headRules.Evaluate(d, options));
        })];
}
