using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Procurement.Rules.Model;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// The full shipped rule set (or one family's pack) against the hand-written floor (<see cref="HandWrittenRules"/>) on the
/// generator's national design of <see cref="Profiles"/> care profiles: cooperatives, a lump-sum lot, named contracts,
/// de-escalations and planted defects, so that the shipped rules have subjects and every family has findings (see
/// <see cref="Unreachable"/> for the rules a design without products, stays or leaving municipalities cannot reach).
/// <para>
/// The job runs in process (<see cref="InProcessEmitToolchain"/>) so that every case shares the one loaded design of
/// <see cref="BenchmarkBase.LoadGenerated"/>: a national design takes tens of seconds to generate and load, which a new
/// process per case would repeat 17 times per size. Warmup and iteration counts are modest (evaluating 500k profiles
/// takes about a second per call, so a handful of calls gives a stable mean) and the empty-call overhead is not measured
/// (the fastest case takes microseconds, where a call's nanosecond does not show), which keeps a run over all sizes and
/// families within about 15 minutes. In <c>--quick</c> mode the command line's Dry job is the only job.
/// </para>
/// </summary>
[Config(typeof(InProcessConfig))]
public class FullRuleSetBenchmarks : BenchmarkBase
{
    private TenderDesign _design = null!;
    private RuleSet _ruleSet = null!;
    private EvaluationOptions _parallel = null!;
    private EvaluationOptions _unbudgeted = null!;

    /// <summary>Number of care profiles in the generated national design; the first key of the run order, so cases of one size run together.</summary>
    [ParamsSource(nameof(Sizes), Priority = -1)]
    public int Profiles { get; set; }

    /// <summary>The rule family: one shipped pack, or <c>all</c> five.</summary>
    [Params(HandWrittenRules.All, HandWrittenRules.Eligibility, HandWrittenRules.MainContractor, HandWrittenRules.Escalation, HandWrittenRules.Coverage, HandWrittenRules.ContractTerms)]
    public string Family { get; set; } = HandWrittenRules.All;

    /// <summary>
    /// Loads the design, compiles the family's pack(s), and checks that the engine's findings (rule, subject, clause)
    /// equal the hand-written ones, that there are some, that every rule applied to some subject (but those the design
    /// cannot reach, <see cref="Unreachable"/>), and that the
    /// parallel report equals the sequential one.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _design = LoadGenerated(Profiles, national: true);
        var packs = RuleSource.DefaultPacks()
            .Where(p => Family == HandWrittenRules.All || Path.GetFileNameWithoutExtension(p.Name) == Family)
            .ToArray();
        _ruleSet = RuleSet.Load(packs).GetValueOrThrow();
        _unbudgeted = Unbudgeted;
        _parallel = _unbudgeted with { Parallel = true };

        var sequential = _ruleSet.Evaluate(_design, _unbudgeted);
        var engine = sequential.Findings.Select(f => (f.RuleId, f.Subject, f.Clause)).Order().ToList();
        var collected = new List<(string RuleId, string Subject, string Clause)>();
        var sink = new CollectingSink(collected);
        HandWrittenRules.Run(Family, _design, ref sink);
        collected.Sort();

        var problems = new List<string>();
        var expectedPacks = Family == HandWrittenRules.All ? HandWrittenRules.Families.Length : 1;
        if (packs.Length != expectedPacks)
        {
            problems.Add($"expected {expectedPacks} pack(s), found [{string.Join(", ", packs.Select(p => p.Name))}]");
        }

        if (!engine.SequenceEqual(collected))
        {
            problems.Add(Diff(engine, collected));
        }

        if (engine.Count == 0)
        {
            problems.Add("no findings, although the national generator plants defects in every family");
        }

        var unreachable = Unreachable(_design);
        var idle = sequential.Rules.Where(r => r.Applied == 0 && !unreachable.Contains(r.RuleId)).Select(r => r.RuleId).ToArray();
        if (idle.Length > 0)
        {
            problems.Add($"rules that applied to no subject: {string.Join(", ", idle)}");
        }

        var parallel = _ruleSet.Evaluate(_design, _parallel);
        if (!parallel.Findings.Select(Key).SequenceEqual(sequential.Findings.Select(Key)) || !parallel.Rules.SequenceEqual(sequential.Rules))
        {
            problems.Add("the parallel report differs from the sequential one");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Family={Family}, Profiles={Profiles}: " + string.Join("; ", problems));
        }

        Console.WriteLine($"// Family={Family}, Profiles={Profiles}: {engine.Count} findings, engine = hand-written ("
            + string.Join(", ", engine.GroupBy(f => f.RuleId).Select(g => $"{g.Key} {g.Count()}")) + ")");

        static (string, string, string, string) Key(Finding f) => (f.RuleId, f.Subject, f.Clause, f.Message);
    }

    /// <summary>
    /// The rules that cannot apply to any subject of <paramref name="design"/>, by what it lacks, so that the "every rule
    /// applied" check does not demand them; as soon as the generator gives the design what a rule needs, the rule must
    /// apply again. CT-001..CT-004 need a category with products, CT-005 also a tariff and a purchasing period from
    /// <c>fairPriceFrom</c> (2024-07-01; the generator's starts on 2023-01-01), CT-006 and CT-007 a tariff, CO-008 a
    /// profile with a stay, CO-009 a municipality that leaves the region.
    /// </summary>
    private static HashSet<string> Unreachable(TenderDesign design)
    {
        var products = design.Categories.SelectMany(t => t.Products).ToArray();
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        if (products.Length == 0)
        {
            unreachable.UnionWith(["CT-001", "CT-002", "CT-003"]);
        }

        if (!products.Any(p => p.Category is "47" or "48"))
        {
            unreachable.Add("CT-004");
        }

        if (!products.Any(p => p.Tariff is not null))
        {
            unreachable.UnionWith(["CT-005", "CT-006", "CT-007"]);
        }
        else if (design.Period.From < HandWrittenRules.FairPriceFrom)
        {
            unreachable.Add("CT-005");
        }

        if (!design.CareProfiles.Any(p => p.Stay))
        {
            unreachable.Add("CO-008");
        }

        if (!design.Municipalities.Any(m => m.Until is not null))
        {
            unreachable.Add("CO-009");
        }

        return unreachable;
    }

    /// <summary>The family's rules hand-written over the loaded model, counting findings: the floor.</summary>
    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var sink = default(CountingSink);
        HandWrittenRules.Run(Family, _design, ref sink);
        return sink.Count;
    }

    /// <summary>
    /// Procurement.Rules: the family's compiled pack(s) evaluated sequentially without a work budget, so findings render
    /// their text on first read (as every evaluation did before budgets were on by default).
    /// </summary>
    [Benchmark]
    public int Engine() => _ruleSet.Evaluate(_design, _unbudgeted).Findings.Count;

    /// <summary>
    /// The same with the default work budget (time and memory), as <c>validate</c> and the provider run it: the budget is
    /// checked per subject, in quantifiers and per finding, and findings render their text within the evaluation.
    /// </summary>
    [Benchmark]
    public int EngineBudgeted() => _ruleSet.Evaluate(_design).Findings.Count;

    /// <summary>The same with <see cref="EvaluationOptions.Parallel"/>: each batch's subjects in chunks on the thread pool.</summary>
    [Benchmark]
    public int EngineParallel() => _ruleSet.Evaluate(_design, _parallel).Findings.Count;

    /// <summary>
    /// <see cref="Engine"/> plus reading every finding's message and values, which an unbounded evaluation leaves to the
    /// first read: the cost of the whole report as text, still without writing it anywhere.
    /// </summary>
    [Benchmark]
    public int EngineWithText()
    {
        var length = 0;
        foreach (var finding in _ruleSet.Evaluate(_design, _unbudgeted).Findings)
        {
            length += finding.Message.Length + finding.Values.Count;
        }

        return length;
    }

    /// <summary>The differences between the engine's and the hand-written sorted findings, in short: counts per rule and the first few.</summary>
    private static string Diff(List<(string RuleId, string Subject, string Clause)> engine, List<(string RuleId, string Subject, string Clause)> handWritten)
    {
        var onlyEngine = engine.Except(handWritten).ToArray();
        var onlyHand = handWritten.Except(engine).ToArray();
        var perRule = engine.Select(f => f.RuleId).Concat(handWritten.Select(f => f.RuleId)).Distinct().Order(StringComparer.Ordinal)
            .Select(r => (Rule: r, Engine: engine.Count(f => f.RuleId == r), Hand: handWritten.Count(f => f.RuleId == r)))
            .Where(x => x.Engine != x.Hand)
            .Select(x => $"{x.Rule} engine {x.Engine} vs hand-written {x.Hand}");
        return $"engine {engine.Count} findings, hand-written {handWritten.Count}; per rule: [{string.Join(", ", perRule)}]; "
            + $"only in the engine ({onlyEngine.Length}): [{string.Join(", ", onlyEngine.Take(5))}]; "
            + $"only hand-written ({onlyHand.Length}): [{string.Join(", ", onlyHand.Take(5))}]";
    }

    /// <summary>One in-process job with modest counts (see the class summary); none in quick mode, where the command line's Dry job runs.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            if (!Quick)
            {
                AddJob(Job.Default
                    .WithToolchain(InProcessEmitToolchain.Instance)
                    .WithWarmupCount(2)
                    .WithIterationCount(6)
                    .WithIterationTime(TimeInterval.FromMilliseconds(250))
                    .WithEvaluateOverhead(false)
                    .WithId("InProcess"));
            }
        }
    }
}
