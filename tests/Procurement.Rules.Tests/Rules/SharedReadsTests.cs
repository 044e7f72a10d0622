using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using System.Text.Json;
using Procurement.Rules.Compiling;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary>
/// <see cref="SharedReads"/>: a subject scan loads a member path that its rules read more than once into one local, and
/// still gives the findings and evaluation errors of reading it every time.
/// </summary>
public sealed class SharedReadsTests
{
    // Paths read by several rules and clauses, through links that are missing for some profiles (no named contract, no
    // main contractor), inside a quantifier made a loop, and off the design.
    private const string Pack = """
        pack: shared
        version: 1.0.0
        rules:
          - id: S-1
            title: Named contract, unguarded
            for: profile in CareProfiles
            require:
              same-lot: profile.Contract.Lot == profile.Lot
              in-period: profile.Contract.Period.Contains(profile.Start)
          - id: S-2
            title: Named contract, guarded
            for: profile in CareProfiles
            when: profile.Contract != null
            require:
              same-lot: profile.Contract.Lot == profile.Lot
              not-named-after: profile.MainContractor == null || profile.MainContractor.Name != profile.Contract.Id
          - id: S-3
            title: Limits and co-providers
            for: profile in CareProfiles
            require:
              light-budget: profile.Lot.Light.Limits.Budget == null || profile.Budget <= profile.Lot.Light.Limits.Budget
              co-providers: profile.CoProviders.All(c => c.Id != profile.MainContractor.Id)
              in-design-period: design.Period.From <= profile.Start && profile.Start <= design.Period.Until
          - id: S-4
            title: Design period again
            for: profile in CareProfiles
            require:
              after-start: design.Period.From <= profile.Start
        """;

    private static readonly Lazy<RuleSet> Rules = new(() => RuleFiles.LoadOrThrow(Pack));

    [Fact]
    public void Fused_scan_with_shared_reads_reports_what_evaluating_part_by_part_reports() =>
        PropertyRun.Check(nameof(Fused_scan_with_shared_reads_reports_what_evaluating_part_by_part_reports), 60, DesignGen.Mixed, x =>
        {
            var design = x.Spec.Load();

            // Part by part, every read is its own: the oracle for the scan, which shares them.
            var fused = Rules.Value.Evaluate(design);
            var observed = Rules.Value.EvaluateObserved(design, EvaluationOptions.Default, new ObserverTests.Recorder(_ => true));

            Assert.Equal(JsonSerializer.Serialize(observed), JsonSerializer.Serialize(fused));
        });

    [Fact]
    public void A_missing_link_fails_each_read_of_it_as_reading_it_again_would()
    {
        // P-0001 has no named contract in the sample: both clauses of S-1 read through it.
        var design = TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow();
        Assert.Contains(design.CareProfiles, p => p.Contract is null);

        var report = Rules.Value.Evaluate(design);

        var errors = report.Findings.Where(f => f.RuleId == "S-1").ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, f => Assert.Equal(("evaluation-error", "profile.Contract.Lot == profile.Lot"), (f.Clause, f.ClauseExpression)));
        Assert.All(errors, f => Assert.EndsWith("(same-lot): NullReferenceException: Object reference not set to an instance of an object.", f.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "S-2" && f.Clause == "evaluation-error");
    }

    [Fact]
    public void Only_paths_read_twice_are_shared_with_their_parents()
    {
        var profile = Expression.Parameter(typeof(CareProfile), "profile");
        var parts = new[]
        {
            Parse("profile.Contract.Lot == profile.Lot", profile),
            Parse("profile.Contract.Lot.Name != profile.Id", profile),
            Parse("profile.Contract.Period.Contains(profile.Start)", profile),
            Parse("profile.CoProviders.Count > 0", profile),
        };

        var shared = SharedReads.Find(profile, parts);

        // Contract (3 reads) and Contract.Lot (2); Lot, Id, Period, Start and CoProviders are read once each.
        Assert.Equal([typeof(Contract), typeof(Lot)], shared.Variables.Select(v => v.Type));
        var rewritten = shared.Rewrite(parts[1]).ToString();
        Assert.DoesNotContain("profile.Contract", rewritten, StringComparison.Ordinal);
        Assert.Contains("profile.Id", rewritten, StringComparison.Ordinal);
        Assert.Equal(parts[3].ToString(), shared.Rewrite(parts[3]).ToString());
    }

    [Fact]
    public void Computed_properties_and_reads_inside_a_lambda_are_not_shared()
    {
        var profile = Expression.Parameter(typeof(CareProfile), "profile");

        // End is computed from Start and DurationMonths; the Max lambda stays a delegate the scan calls, so only the list
        // it is called on, read twice outside it, is shared.
        var parts = new[]
        {
            Parse("profile.End > profile.Start", profile),
            Parse("profile.End.Year > 2000", profile),
            Parse("profile.CoProviders.Max(c => profile.Budget) > 0", profile),
            Parse("profile.CoProviders.Max(c => profile.Budget) < 1000000", profile),
        };

        Assert.Equal([typeof(IReadOnlyList<Provider>)], SharedReads.Find(profile, parts).Variables.Select(v => v.Type));
    }

    private static Expression Parse(string text, ParameterExpression parameter) =>
        DynamicExpressionParser.ParseLambda(RuleCompiler.Config, [parameter], typeof(bool), text).Body;
}
