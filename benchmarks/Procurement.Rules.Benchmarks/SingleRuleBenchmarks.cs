using BenchmarkDotNet.Attributes;
using Procurement.Rules.Model;
using RulesEngine.Models;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// One check, three ways, on the same loaded design: "a heavy profile's main contractor must hold a heavy
/// contract for that lot". Hand-written C# is the baseline; our engine and Microsoft RulesEngine are compared to it.
/// </summary>
public class SingleRuleBenchmarks : BenchmarkBase
{
    private const string Pack = """
        pack: bench
        version: 1.0.0
        rules:
          - id: MC-HEAVY
            title: Heavy main contractor holds a heavy contract
            for: profile in CareProfiles
            when: profile.Category == CareCategory.Heavy && profile.MainContractor != null
            require:
              contracted: profile.MainContractor.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start)
            message: "Zorgprofiel {profile.Id}"
        """;

    private const string WorkflowName = "bench";

    private TenderDesign _design = null!;
    private RuleSet _ruleSet = null!;
    private global::RulesEngine.RulesEngine _rulesEngine = null!;

    /// <summary>Number of care profiles in the generated design.</summary>
    [ParamsSource(nameof(RegionalSizes))]
    public int Profiles { get; set; }

    /// <summary>Generates and loads the design, compiles both rule engines, and checks that all three ways agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _design = LoadGenerated(Profiles);
        var rules = RuleSet.Load([new RuleSource("bench.yaml", Pack)]);
        if (!rules.Succeeded)
        {
            throw new InvalidOperationException("The bench pack did not compile: " + string.Join("; ", rules.Errors));
        }

        _ruleSet = rules.Value!;

        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules =
            [
                new Rule
                {
                    RuleName = "MC-HEAVY",
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                    Expression = "profile.Category != CareCategory.Heavy || profile.MainContractor == null || "
                        + "profile.MainContractor.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start)",
                },
            ],
        };
        var settings = new ReSettings
        {
            CustomTypes = [typeof(CareCategory), typeof(CareProfile), typeof(Provider), typeof(Lot), typeof(Municipality), typeof(DateOnly)],
        };
        _rulesEngine = new global::RulesEngine.RulesEngine([workflow], settings);

        var handWritten = HandWritten();
        var engine = Engine();
        var rulesEngine = RulesEngine().GetAwaiter().GetResult();
        Console.WriteLine($"// Profiles={Profiles}: hand-written {handWritten}, engine {engine}, RulesEngine {rulesEngine} failures");
        if (handWritten == 0 || engine != handWritten || rulesEngine != handWritten)
        {
            throw new InvalidOperationException(
                $"The three ways disagree (or found nothing): hand-written {handWritten}, engine {engine}, RulesEngine {rulesEngine}.");
        }
    }

    /// <summary>Plain C# over the loaded model: the floor any engine is measured against.</summary>
    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var failures = 0;
        var profiles = _design.CareProfiles;
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            if (p.Category == CareCategory.Heavy && p.MainContractor is { } main
                && !main.HoldsContract(p.Lot, CareCategory.Heavy, p.Municipality, p.Start))
            {
                failures++;
            }
        }

        return failures;
    }

    /// <summary>
    /// Plain C# that also reports what failed, as a hand-written check in an application would: the failing profile
    /// and a message. The engine's report carries this and more (clause, values read, severity, position).
    /// </summary>
    [Benchmark]
    public int HandWrittenWithMessages()
    {
        var failures = new List<(string Subject, string Message)>();
        var profiles = _design.CareProfiles;
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            if (p.Category == CareCategory.Heavy && p.MainContractor is { } main
                && !main.HoldsContract(p.Lot, CareCategory.Heavy, p.Municipality, p.Start))
            {
                failures.Add(($"careProfiles[{p.Id}]", $"Zorgprofiel {p.Id}: {main.Name} heeft geen zwaar contract voor {p.Lot.Name}"));
            }
        }

        return failures.Count;
    }

    /// <summary>Procurement.Rules: the one-rule pack, compiled once, evaluated over the whole design (findings built, their text left to first read: no work budget, as before budgets were on by default).</summary>
    [Benchmark]
    public int Engine() => _ruleSet.Evaluate(_design, BenchmarkBase.Unbudgeted).Findings.Count;

    /// <summary>Microsoft RulesEngine 6: the same expression, executed once per profile.</summary>
    [Benchmark]
    public async Task<int> RulesEngine()
    {
        var failures = 0;
        var profiles = _design.CareProfiles;
        for (var i = 0; i < profiles.Count; i++)
        {
            var results = await _rulesEngine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("profile", profiles[i])).ConfigureAwait(false);
            if (!results[0].IsSuccess)
            {
                failures++;
            }
        }

        return failures;
    }
}
