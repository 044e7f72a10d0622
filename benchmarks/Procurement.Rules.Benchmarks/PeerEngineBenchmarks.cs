using BenchmarkDotNet.Attributes;
using Procurement.Rules.Model;
using RulesEngine.Models;

namespace Procurement.Rules.Benchmarks;

/// <summary>
/// The shipped per-profile and per-escalation rules, two ways, on the same loaded design: our engine with every other
/// shipped rule disabled (the baseline, evaluated sequentially, findings built, their text left to first read) and Microsoft RulesEngine 6 with the
/// same rules as lambda expressions (the pack's <c>let</c> values inlined), one workflow per subject kind executed
/// once per subject. RulesEngine takes seconds and allocates gigabytes at 500k profiles, so the job is one launch,
/// one warm-up and three measured iterations.
/// </summary>
[FewIterationsJob(3)]
public class PeerEngineBenchmarks : BenchmarkBase
{
    private const string ProfileWorkflow = "profile";
    private const string EscalationWorkflow = "escalation";

    /// <summary>The shipped rules as RulesEngine expressions: true when the subject passes (or the rule's <c>when</c> does not hold).</summary>
    private static readonly (string Workflow, string RuleId, string Expression)[] PeerRules =
    [
        (ProfileWorkflow, "MC-001", "profile.MainContractor != null && !profile.CoProviders.Contains(profile.MainContractor)"),
        (ProfileWorkflow, "MC-002", "profile.MainContractor == null "
            + "|| profile.MainContractor.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start)"),
        (ProfileWorkflow, "MC-003", "profile.CoProviders.Count == 0 || !profile.CoProviders.Any(c => "
            + "!c.HoldsContract(profile.Lot, CareCategory.Light, profile.Municipality, profile.Start) "
            + "&& !c.HoldsContract(profile.Lot, CareCategory.Heavy, profile.Municipality, profile.Start) "
            + "&& !(profile.MainContractor != null && profile.MainContractor.HasSubcontractor(c)))"),
        (ProfileWorkflow, "MC-004", "profile.Contract == null || profile.Contract.Cooperative == null || profile.MainContractor == null "
            + "|| profile.Contract.Cooperative.HasMember(profile.MainContractor)"),
        (ProfileWorkflow, "MC-005", "profile.Terms.Limits.Budget == null || profile.Budget <= profile.Terms.Limits.Budget.Value"),
        (ProfileWorkflow, "MC-006", "profile.Contract == null || (profile.Contract.Lot == profile.Lot && profile.Contract.Category == profile.Category "
            + "&& profile.Contract.Covers(profile.Municipality) && profile.Contract.Period.Contains(profile.Start))"),
        (ProfileWorkflow, "ES-001", "profile.Category != CareCategory.Light || ("
            + "(profile.Lot.Light.Limits.IntensityHoursPerWeek == null || profile.IntensityHoursPerWeek <= profile.Lot.Light.Limits.IntensityHoursPerWeek.Value) "
            + "&& (profile.Lot.Light.Limits.DurationMonths == null || profile.DurationMonths <= profile.Lot.Light.Limits.DurationMonths.Value) "
            + "&& (profile.Lot.Light.Limits.Budget == null || profile.Budget <= profile.Lot.Light.Limits.Budget.Value))"),
        (EscalationWorkflow, "ES-002", "escalation.ApprovedBy != null && (escalation.ApprovedBy == escalation.Profile.Municipality.AccessTeam "
            + "|| (escalation.ExpertTeam != null && escalation.ApprovedBy == escalation.ExpertTeam.Id))"),
        (EscalationWorkflow, "ES-003", "escalation.To != CareCategory.Heavy || (escalation.ResponsibleProvider != null "
            + "&& escalation.ResponsibleProvider.HoldsContract(escalation.TargetLot, CareCategory.Heavy, escalation.Profile.Municipality, escalation.Date))"),
        (EscalationWorkflow, "ES-004", "!escalation.IsLocalToRegional || escalation.TargetLot.Scope == LotScope.Regional"),
        (EscalationWorkflow, "ES-005", "escalation.To != CareCategory.Light || (escalation.ResponsibleProvider != null "
            + "&& escalation.ResponsibleProvider.HoldsContract(escalation.TargetLot, CareCategory.Light, escalation.Profile.Municipality, escalation.Date))"),
    ];

    private TenderDesign _design = null!;
    private RuleSet _ruleSet = null!;
    private global::RulesEngine.RulesEngine _rulesEngine = null!;

    /// <summary>Number of care profiles in the generated design.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Profiles { get; set; }

    /// <summary>Loads the design, builds both engines, and checks that they find the same failures per rule on it and on the shipped examples.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _design = LoadGenerated(Profiles, national: true);
        _ruleSet = LoadShippedRulesOnly([.. PeerRules.Select(r => r.RuleId)]);
        var workflows = PeerRules
            .GroupBy(r => r.Workflow)
            .Select(g => new Workflow
            {
                WorkflowName = g.Key,
                Rules = [.. g.Select(r => new Rule { RuleName = r.RuleId, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = r.Expression })],
            })
            .ToArray();
        var settings = new ReSettings
        {
            CustomTypes =
            [
                typeof(CareCategory), typeof(CareProfile), typeof(CategoryTerms), typeof(CategoryLimits), typeof(Contract), typeof(Cooperative),
                typeof(DateOnly), typeof(Escalation), typeof(ExpertTeam), typeof(Lot), typeof(LotScope), typeof(Municipality), typeof(Period), typeof(Provider),
            ],
        };
        _rulesEngine = new global::RulesEngine.RulesEngine(workflows, settings);

        // The generated design fails few of these rules; the shipped examples fail most of them once or twice.
        var checkedDesigns = ShippedExamples.Paths().Select(p => (Path.GetFileName(p), TenderDesignLoader.LoadFile(p).GetValueOrThrow())).Prepend(("generated", _design));
        var failing = 0;
        foreach (var (name, design) in checkedDesigns)
        {
            var report = _ruleSet.Evaluate(design);
            var peer = new Dictionary<string, int>(StringComparer.Ordinal);
            RulesEngine(design, peer).GetAwaiter().GetResult();
            var counts = PeerRules.Select(r => (r.RuleId, Engine: report.Rules.Single(s => s.RuleId == r.RuleId).Failed, Peer: peer.GetValueOrDefault(r.RuleId))).ToArray();
            Console.WriteLine($"// {name}: failures (engine/RulesEngine) {string.Join(", ", counts.Where(c => c.Engine + c.Peer > 0).Select(c => $"{c.RuleId} {c.Engine}/{c.Peer}"))}");
            if (counts.Any(c => c.Engine != c.Peer))
            {
                throw new InvalidOperationException($"The engines disagree on {name}: "
                    + string.Join(", ", counts.Where(c => c.Engine != c.Peer).Select(c => $"{c.RuleId} engine {c.Engine}, RulesEngine {c.Peer}")));
            }

            failing += counts.Count(c => c.Engine > 0);
        }

        if (failing == 0)
        {
            throw new InvalidOperationException("No rule failed on any design, so the check proves nothing.");
        }
    }

    /// <summary>Procurement.Rules: the rules, compiled once, evaluated sequentially over the whole design (findings built, their text left to first read: no work budget, as before budgets were on by default).</summary>
    [Benchmark(Baseline = true)]
    public int Engine() => _ruleSet.Evaluate(_design, BenchmarkBase.Unbudgeted).Findings.Count;

    /// <summary>Microsoft RulesEngine 6: each workflow executed once per subject; returns the failures.</summary>
    [Benchmark]
    public Task<int> RulesEngine() => RulesEngine(_design, null);

    /// <summary>Executes both workflows over every subject of <paramref name="design"/>, counting the failures (per rule too, when <paramref name="perRule"/> is given).</summary>
    private async Task<int> RulesEngine(TenderDesign design, Dictionary<string, int>? perRule)
    {
        var failures = 0;
        foreach (var profile in design.CareProfiles)
        {
            failures += Count(await _rulesEngine.ExecuteAllRulesAsync(ProfileWorkflow, new RuleParameter("profile", profile)).ConfigureAwait(false), perRule);
        }

        foreach (var escalation in design.Escalations)
        {
            failures += Count(await _rulesEngine.ExecuteAllRulesAsync(EscalationWorkflow, new RuleParameter("escalation", escalation)).ConfigureAwait(false), perRule);
        }

        return failures;
    }

    private static int Count(List<RuleResultTree> results, Dictionary<string, int>? perRule)
    {
        var failures = 0;
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                continue;
            }

            failures++;
            if (perRule is not null)
            {
                // An expression that throws also fails; in the check that would hide a broken translation.
                if (!string.IsNullOrEmpty(result.ExceptionMessage))
                {
                    throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} threw: {result.ExceptionMessage}");
                }

                perRule[result.Rule.RuleName] = perRule.GetValueOrDefault(result.Rule.RuleName) + 1;
            }
        }

        return failures;
    }

    /// <summary>The shipped packs with every rule outside <paramref name="keep"/> disabled, by one override file per pack.</summary>
    private static RuleSet LoadShippedRulesOnly(HashSet<string> keep)
    {
        var packs = RuleSource.DefaultPacks();
        var overrides = RuleSet.Load(packs).GetValueOrThrow().Rules
            .Where(r => !keep.Contains(r.Id))
            .GroupBy(r => r.Pack)
            .Select(g => new RuleSource(
                $"peer-{g.Key}.yaml",
                $"pack: peer-{g.Key}\nextends: {g.Key}\noverrides:\n" + string.Concat(g.Select(r => $"  - {{ id: {r.Id}, enabled: false }}\n"))));
        var ruleSet = RuleSet.Load([.. packs, .. overrides]).GetValueOrThrow();
        if (!ruleSet.Rules.Where(r => r.Enabled).Select(r => r.Id).ToHashSet().SetEquals(keep))
        {
            throw new InvalidOperationException("The override did not leave exactly the peer rules enabled.");
        }

        return ruleSet;
    }
}
