using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// Metamorphic properties: changes to a design or a rule set whose effect on the report is known without knowing the
/// right report. They run on the mixed generator, so on designs with and without findings.
/// </summary>
public sealed class MetamorphicProperties
{
    private const int Cases = 300;

    /// <summary>The date the effective-date overrides start from; generated purchasing periods lie between 2019 and 2030 (moved by a defect up to 2038).</summary>
    private static readonly DateOnly EffectiveFrom = new(2022, 7, 1);

    private static readonly DateOnly EffectiveUntil = new(2025, 6, 30);

    private static readonly ConcurrentDictionary<string, Lazy<RuleSet>> Overridden = new(StringComparer.Ordinal);

    private static Arbitrary<SeededCase> WithSeed =>
        Arb.From(
            DesignGen.Mixed.Generator.SelectMany(_ => Gen.Choose(0, int.MaxValue - 1), (design, seed) => new SeededCase(design, seed)),
            x => DesignGen.ShrinkCase(x.Design).Select(d => x with { Design = d }));

    private static Arbitrary<RuleCase> WithRuleAndDay =>
        Arb.From(
            from design in DesignGen.Mixed.Generator
            from rule in Gen.Elements(Shipped.Rules.Rules.Select(r => r.Id).ToArray())
            from day in Gen.Choose(-400, 2600)
            select new RuleCase(design, rule, day),
            x => DesignGen.ShrinkCase(x.Design).Select(d => x with { Design = d }));

    [Fact]
    public void Renaming_ids_does_not_change_the_verdicts() =>
        PropertyRun.Check(nameof(Renaming_ids_does_not_change_the_verdicts), Cases, WithSeed, x =>
        {
            var (renamed, subject) = SpecTransforms.RenameIds(x.Design.Spec, new Random(x.Seed));

            var expected = Verdicts(x.Design.Spec.Load()).Select(v => (v.Rule, subject(v.Subject), v.Clause, v.Severity)).Order().ToArray();
            var actual = Verdicts(renamed.Load()).Order().ToArray();

            Assert.Equal(expected, actual);
        });

    [Fact]
    public void Reordering_the_lists_in_the_yaml_does_not_change_the_report() =>
        PropertyRun.Check(nameof(Reordering_the_lists_in_the_yaml_does_not_change_the_report), Cases, WithSeed, x =>
        {
            var original = Shipped.Rules.Evaluate(x.Design.Spec.Load());
            var reordered = Shipped.Rules.Evaluate(SpecTransforms.Reorder(x.Design.Spec, new Random(x.Seed)).Load());

            // Same findings (rule, subject, clause, severity, reason) in the same order, and the same summary per rule.
            // Messages and values may list items in another order, and subjects sit on other lines.
            Assert.Equal(Report(original), Report(reordered));
            Assert.Equal(original.Rules, reordered.Rules);
        });

    /// <summary>
    /// Every date moved by a multiple of four years (generated dates stay within 1901-2099, where that keeps every day of the
    /// month and every month's length): the same verdicts, apart from CT-005, which only applies to frameworks that start
    /// on or after fairPriceFrom (1 July 2024). On the same side of that day CT-005 keeps its verdicts too; a framework
    /// moved before it has no CT-005 finding; one moved past it keeps every other verdict.
    /// </summary>
    [Fact]
    public void Moving_every_date_by_whole_leap_cycles_keeps_the_verdicts_but_the_fair_price_boundary() =>
        PropertyRun.Check(nameof(Moving_every_date_by_whole_leap_cycles_keeps_the_verdicts_but_the_fair_price_boundary), Cases, WithSeed, x =>
        {
            var random = new Random(x.Seed);
            var spec = x.Design.Spec;
            var years = 4 * (random.Next(2) == 0 ? -1 - random.Next(3) : 1 + random.Next(3));
            var moved = SpecTransforms.ShiftYears(spec, years);
            var escalations = spec.Escalations.Zip(moved.Escalations).ToLookup(e => $"escalations[{e.First.EffectiveId}]", e => $"escalations[{e.Second.EffectiveId}]", StringComparer.Ordinal);
            string Subject(string subject) => escalations[subject].FirstOrDefault() ?? subject;

            var before = Verdicts(spec.Load()).Select(v => v with { Subject = Subject(v.Subject) }).ToArray();
            var after = Verdicts(moved.Load()).ToArray();

            Assert.Equal(before.Where(v => v.Rule != "CT-005").Order(), after.Where(v => v.Rule != "CT-005").Order());
            var wasFair = spec.Period.From >= CompliantDesignBuilder.FairPriceFrom;
            var isFair = moved.Period.From >= CompliantDesignBuilder.FairPriceFrom;
            if (wasFair == isFair)
            {
                Assert.Equal(before.Where(v => v.Rule == "CT-005").Order(), after.Where(v => v.Rule == "CT-005").Order());
            }
            else
            {
                Assert.DoesNotContain(wasFair ? after : before, v => v.Rule == "CT-005");
            }
        });

    /// <summary>The fair-price boundary itself: a framework on 30 June 2024 asks no cost build-up, one on 1 July 2024 does.</summary>
    [Fact]
    public void A_tariff_without_cost_build_up_counts_from_the_first_day_of_fairPriceFrom() =>
        PropertyRun.Check(nameof(A_tariff_without_cost_build_up_counts_from_the_first_day_of_fairPriceFrom), Cases / 3, WithSeed, x =>
        {
            var spec = x.Design.Spec;
            var products = spec.Lots.SelectMany(l => l.Light.ProductList.Concat(l.Heavy.ProductList)).Where(p => p.Tariff is not null).ToArray();
            if (products.Length == 0 || spec.Period.Until is null)
            {
                return;
            }

            // Without build-ups, then with the whole design moved (in days) so that its period starts the day before, or on, 1 July 2024.
            var bare = spec with
            {
                Lots = [.. spec.Lots.Select(l => l with { Light = Bare(l.Light), Heavy = Bare(l.Heavy) })],
            };
            foreach (var start in (DateOnly[])[CompliantDesignBuilder.FairPriceFrom.AddDays(-1), CompliantDesignBuilder.FairPriceFrom])
            {
                var design = bare with { Period = bare.Period with { From = start, Until = start.AddYears(3) } };
                var ct005 = Shipped.Rules.Evaluate(design.Load()).Findings.Where(f => f.RuleId == "CT-005").ToArray();
                if (start < CompliantDesignBuilder.FairPriceFrom)
                {
                    Assert.Empty(ct005);
                }
                else
                {
                    Assert.Contains(ct005, f => f.Clause == "build-up-stated");
                }
            }

            static TermsSpec Bare(TermsSpec t) => t with
            {
                Products = t.Products is null ? null : [.. t.Products.Select(p => p.Tariff is null ? p : p with { Tariff = p.Tariff with { Staff = null, ClientRelated = null, Overhead = null } })],
            };
        });

    [Fact]
    public void Adding_a_fully_compliant_profile_adds_no_finding()
    {
        var applied = 0;
        PropertyRun.Check(nameof(Adding_a_fully_compliant_profile_adds_no_finding), Cases, WithSeed, x =>
        {
            var random = new Random(x.Seed);
            var d = x.Design.Spec;
            if (CompliantProfile(d, random) is not { } profile)
            {
                return;
            }

            Interlocked.Increment(ref applied);

            var profiles = d.Profiles.ToList();
            profiles.Insert(random.Next(profiles.Count + 1), profile);
            var before = Shipped.Rules.Evaluate(d.Load());
            var after = Shipped.Rules.Evaluate((d with { Profiles = [.. profiles] }).Load());

            // Apart from CO-006, which weighs a heavy category's profiles together: one more profile changes every share.
            Assert.Equal(Full(before).Where(f => f.Rule != "CO-006"), Full(after).Where(f => f.Rule != "CO-006"));
        });
        NotVacuous(applied);
    }

    [Fact]
    public void Removing_a_municipalitys_only_contract_for_a_lot_adds_a_coverage_finding()
    {
        var applied = 0;
        PropertyRun.Check(nameof(Removing_a_municipalitys_only_contract_for_a_lot_adds_a_coverage_finding), Cases, WithSeed, x =>
        {
            var d = x.Design.Spec;
            var candidates = OnlyContracts(d).ToArray();
            if (candidates.Length == 0)
            {
                return;
            }

            Interlocked.Increment(ref applied);

            var (lot, contract) = candidates[new Random(x.Seed).Next(candidates.Length)];
            var before = Coverage(Shipped.Rules.Evaluate(d.Load()));
            var after = Coverage(Shipped.Rules.Evaluate(DesignShrinker.RemoveContracts(d, d.Contracts.Where(c => c.Id != contract).Select(c => c.Id).ToHashSet(StringComparer.Ordinal)).Load()));

            Assert.Contains($"lots[{lot}]", after);
            Assert.Superset(before.ToHashSet(StringComparer.Ordinal), after.ToHashSet(StringComparer.Ordinal)); // removing a contract never covers anything
        });
        NotVacuous(applied);
    }

    [Fact]
    public void Disabling_a_rule_by_override_removes_exactly_its_findings() =>
        PropertyRun.Check(nameof(Disabling_a_rule_by_override_removes_exactly_its_findings), Cases, WithRuleAndDay, x =>
        {
            var design = x.Design.Spec.Load();
            var disabled = Override(x.Rule, "enabled: false").Evaluate(design);

            Assert.Equal(Full(Shipped.Rules.Evaluate(design)).Where(f => f.Rule != x.Rule), Full(disabled));
            Assert.Equal(RuleApplication.Disabled, disabled.Rules.Single(r => r.RuleId == x.Rule).Application);
        });

    [Fact]
    public void An_effective_period_outside_asOf_removes_exactly_that_rules_findings() =>
        PropertyRun.Check(nameof(An_effective_period_outside_asOf_removes_exactly_that_rules_findings), Cases, WithRuleAndDay, x =>
        {
            var design = x.Design.Spec.Load();
            var options = new EvaluationOptions { AsOf = design.Period.From.AddDays(x.Day) };
            var effective = Override(x.Rule, $"effective: {{ from: {EffectiveFrom:yyyy-MM-dd}, until: {EffectiveUntil:yyyy-MM-dd} }}").Evaluate(design, options);
            var all = Full(Shipped.Rules.Evaluate(design, options));

            var inForce = options.AsOf >= EffectiveFrom && options.AsOf <= EffectiveUntil;
            Assert.Equal(inForce ? all : all.Where(f => f.Rule != x.Rule), Full(effective));
            Assert.Equal(inForce, effective.Rules.Single(r => r.RuleId == x.Rule).Application != RuleApplication.NotEffective);
        });

    [Fact]
    public void Evaluating_in_parallel_equals_evaluating_sequentially() =>
        PropertyRun.Check(nameof(Evaluating_in_parallel_equals_evaluating_sequentially), 40, WithSeed, x =>
        {
            // Parallel evaluation splits a rule's subjects into chunks of 4096; a third of the cases are blown up past that.
            var random = new Random(x.Seed);
            var spec = random.Next(3) == 0 ? Bulk(x.Design.Spec, 4097 + random.Next(6000)) : x.Design.Spec;
            var design = spec.Load();
            var options = new EvaluationOptions { AsOf = design.Period.From.AddDays(random.Next(-100, 1500)) };

            var sequential = JsonSerializer.Serialize(Shipped.Rules.Evaluate(design, options));
            var parallel = JsonSerializer.Serialize(Shipped.Rules.Evaluate(design, options with { Parallel = true }));

            Assert.Equal(sequential, parallel);
        });

    /// <summary>A design and a seed for the transformation; printed as YAML with the seed in a comment.</summary>
    internal sealed record SeededCase(DesignCase Design, int Seed)
    {
        public override string ToString() => $"# seed: {Seed}{Environment.NewLine}{Design}";
    }

    /// <summary>A design, a shipped rule and a reference date (days after the purchasing period starts); printed as YAML.</summary>
    internal sealed record RuleCase(DesignCase Design, string Rule, int Day)
    {
        public override string ToString() => $"# rule: {Rule}, asOf: period start + {Day} days{Environment.NewLine}{Design}";
    }

    /// <summary>A property that only applies to some designs must have applied to most of them (shrinking runs count too).</summary>
    private static void NotVacuous(int applied)
    {
        if (!PropertyRun.IsReplaying)
        {
            Assert.True(applied >= Cases * PropertyRun.Scale * 0.6, $"The property applied to only {applied} of {Cases * PropertyRun.Scale} designs.");
        }
    }

    /// <summary>The shipped packs with one override file for <paramref name="rule"/>, compiled once per rule and change.</summary>
    private static RuleSet Override(string rule, string change)
    {
        var pack = Shipped.Rules.Rules.Single(r => r.Id == rule).Pack;
        var text = $"pack: o\nextends: {pack}\noverrides:\n  - {{ id: {rule}, {change} }}";
        return Overridden.GetOrAdd(text, t => new Lazy<RuleSet>(() => RuleSet.Load([.. RuleSource.DefaultPacks(), new RuleSource("o.yaml", t)]).GetValueOrThrow())).Value;
    }

    /// <summary>A profile that keeps every profile rule: under a contract of a provider (or a member), within every limit.</summary>
    private static ProfileSpec? CompliantProfile(DesignSpec d, Random random)
    {
        var index = new SpecIndex(d);
        var contracts = d.Contracts
            .Where(c => c.Municipalities.Length > 0 && (index.IsProvider(c.Party) || index.Cooperative(c.Party).Members.Length > 0))
            .ToArray();
        if (contracts.Length == 0)
        {
            return null;
        }

        var contract = contracts[random.Next(contracts.Length)];
        var main = index.IsProvider(contract.Party) ? contract.Party : index.Cooperative(contract.Party).Members[0];
        var lot = index.Lot(contract.Lot);
        var light = lot.Light.Limits;
        var own = lot.Terms(contract.Category).Limits;
        var start = contract.Period.From.AddDays(random.Next(contract.Period.Until is { } u ? Math.Min(u.DayNumber - contract.Period.From.DayNumber + 1, 2000) : 2000));
        return new ProfileSpec(
            Defects.Fresh(d, "P-compliant"), null, contract.Municipalities[random.Next(contract.Municipalities.Length)], lot.Id, contract.Category, main, [],
            Math.Min(0.5m, light.Intensity ?? 0.5m), Math.Min(1, light.Duration ?? 1), Math.Min(100m, Math.Min(light.Budget ?? 100m, own.Budget ?? 100m)),
            start, null, random.Next(2) == 0 ? contract.Id : null);
    }

    /// <summary>
    /// (lot, contract) where the contract is the only one of its lot and category naming a municipality that the lot
    /// must cover on the reference date, and no local lot of the same sector covers it instead.
    /// </summary>
    private static IEnumerable<(string Lot, string Contract)> OnlyContracts(DesignSpec d) =>
        from lot in d.Lots
        from m in d.Municipalities
        where (m.From is null || m.From <= d.Period.From) && (m.Until is null || d.Period.From <= m.Until) && !lot.Excludes.Contains(m.Id)
        where lot.Scope == LotScope.Regional || lot.Municipality == m.Id
        where lot.Scope == LotScope.Local || !d.Lots.Any(o => o.Municipality == m.Id && o.EffectiveSector == lot.EffectiveSector)
        from category in new[] { CareCategory.Light, CareCategory.Heavy }
        let named = d.Contracts.Where(c => c.Lot == lot.Id && c.Category == category && c.Municipalities.Contains(m.Id)).ToArray()
        where named.Length == 1
        select (lot.Id, named[0].Id);

    /// <summary>The design with its profiles (and their escalations) copied until there are <paramref name="profiles"/>.</summary>
    private static DesignSpec Bulk(DesignSpec d, int profiles)
    {
        if (d.Profiles.Length == 0)
        {
            return d;
        }

        var copies = Enumerable.Range(0, (profiles / d.Profiles.Length) + 1).ToArray();
        string Copy(string id, int n) => n == 0 ? id : $"{id}~{n.ToString(CultureInfo.InvariantCulture)}";
        var bulk = copies.SelectMany(n => d.Profiles.Select(p => p with { Id = Copy(p.Id, n) })).Take(profiles).ToArray();
        var kept = bulk.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return d with
        {
            Profiles = bulk,
            Escalations = [.. copies.SelectMany(n => d.Escalations.Select(e => e with { Id = e.Id is null ? null : Copy(e.Id, n), Profile = Copy(e.Profile, n) })).Where(e => kept.Contains(e.Profile))],
        };
    }

    private static IEnumerable<(string Rule, string Subject, string Clause, Severity Severity)> Verdicts(TenderDesign design) =>
        Shipped.Rules.Evaluate(design).Findings.Select(f => (f.RuleId, f.Subject, f.Clause, f.Severity));

    private static string[] Report(EvaluationReport report) =>
        [.. report.Findings.Select(f => $"{f.RuleId} {f.Subject} {f.Clause} {f.Severity} {f.ReasonCode}").Order(StringComparer.Ordinal)];

    private static string[] Coverage(EvaluationReport report) => [.. report.Findings.Where(f => f.RuleId == "CO-002").Select(f => f.Subject)];

    /// <summary>Everything a finding says except where its subject sits in the file.</summary>
    private static List<(string Rule, string Subject, string Clause, string Message, string Values, Severity Severity)> Full(EvaluationReport report) =>
        [.. report.Findings.Select(f => (f.RuleId, f.Subject, f.Clause, f.Message, string.Join("; ", f.Values.Select(v => $"{v.Expression}={v.Value}")), f.Severity))];
}
