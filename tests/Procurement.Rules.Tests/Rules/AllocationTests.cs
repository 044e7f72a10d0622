using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary>
/// A subject that passes every rule allocates nothing: the shipped rule set evaluated over a compliant design ten times
/// larger allocates the same. Not a timing: allocations are counted exactly per thread. The European threshold is
/// raised so that EL-011 (whose finding lists every contract of the category) passes too.
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public void Passing_subjects_allocate_nothing_under_the_shipped_rules()
    {
        var rules = RuleSet.Load([.. RuleSource.DefaultPacks(), new RuleSource("no-threshold.yaml", """
            pack: no-threshold
            extends: eligibility
            parameters:
              europeanThreshold: 1000000000000
            """)]).GetValueOrThrow();
        var small = EvaluationTests.Generated(11, 1_000, 0);
        var large = EvaluationTests.Generated(11, 10_000, 0);

        var (smallBytes, smallReport) = Measure(rules, small);
        var (largeBytes, largeReport) = Measure(rules, large);

        Assert.Empty(smallReport.Findings);
        Assert.Empty(largeReport.Findings);
        var extraSubjects = largeReport.Rules.Sum(r => r.Subjects) - smallReport.Rules.Sum(r => r.Subjects);
        Assert.True(extraSubjects > 9_000 * 6, $"only {extraSubjects} more subjects");
        var perSubject = (double)(largeBytes - smallBytes) / extraSubjects;
        Assert.True(perSubject < 0.01, $"{largeBytes - smallBytes:N0} more bytes for {extraSubjects:N0} more passing subjects ({perSubject:F3} B each; {smallBytes:N0} B at 1k, {largeBytes:N0} B at 10k)");
    }

    [Fact]
    public void Passing_subjects_allocate_nothing_with_a_Select_inside_a_quantifier()
    {
        // Each clause maps a list before it quantifies; made loops, they allocate no iterator or delegate per subject.
        var rules = RuleFiles.LoadOrThrow("""
            pack: mapped
            version: 1.0.0
            rules:
              - id: M-1
                title: Mapped lists
                for: profile in CareProfiles
                require:
                  named: profile.CoProviders.Select(c => c.Name).All(n => n != "")
                  valued: profile.Lot.Contracts.Select(c => c.Value).Sum() >= 0
                  not-none: "!profile.CoProviders.Select(c => c.Id).Contains(\"none\")"
                  counted: profile.Lot.Contracts.Where(c => c.Value >= 0).Select(c => c.Municipalities.Count).Count(n => n < 0) == 0
            """);
        var (smallBytes, smallReport) = Measure(rules, EvaluationTests.Generated(11, 1_000, 0));
        var (largeBytes, largeReport) = Measure(rules, EvaluationTests.Generated(11, 10_000, 0));

        Assert.Empty(smallReport.Findings);
        Assert.Empty(largeReport.Findings);
        Assert.True(largeBytes - smallBytes < 1_000, $"{largeBytes - smallBytes:N0} more bytes for 9,000 more passing profiles ({smallBytes:N0} B at 1k, {largeBytes:N0} B at 10k)");
    }

    private static (long Bytes, EvaluationReport Report) Measure(RuleSet rules, TenderDesign design)
    {
        // Warm: compile-on-first-failure readers, tiering, pooled buffers.
        rules.Evaluate(design);
        rules.Evaluate(design);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = rules.Evaluate(design);
        return (GC.GetAllocatedBytesForCurrentThread() - before, report);
    }
}
