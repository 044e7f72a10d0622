using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>The generators themselves: their designs load, compliant ones keep every rule, near-valid ones break their rule, failures shrink small.</summary>
public sealed class GeneratorProperties
{
    [Fact]
    public void Generated_designs_always_load()
    {
        PropertyRun.Check(nameof(Generated_designs_always_load), 300, DesignGen.Mixed, c =>
        {
            var result = TenderDesignLoader.LoadString(c.Spec.ToYaml(), "generated.yaml");
            Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        });
    }

    [Fact]
    public void Compliant_designs_keep_every_shipped_rule()
    {
        PropertyRun.Check(nameof(Compliant_designs_keep_every_shipped_rule), 300, DesignGen.Compliant, c =>
        {
            var findings = Shipped.Rules.Evaluate(c.Spec.Load()).Findings;
            Assert.True(findings.Count == 0, Shipped.Describe(findings));
        });
    }

    [Fact]
    public void Near_valid_designs_break_their_targeted_rule()
    {
        PropertyRun.Check(nameof(Near_valid_designs_break_their_targeted_rule), 300, DesignGen.NearValid, c =>
        {
            var findings = Shipped.Rules.Evaluate(c.Design.Spec.Load()).Findings;
            Assert.True(findings.Any(f => f.RuleId == c.Defect.Rule), $"No {c.Defect.Rule} finding; found:{Environment.NewLine}{Shipped.Describe(findings)}");
        });
    }

    [Fact]
    public void Every_targeted_defect_applies_to_some_generated_design()
    {
        var random = new Random(5);
        var designs = Enumerable.Range(0, 200).Select(i => new CompliantDesignBuilder(random, 100).Build()).ToArray();

        var inapplicable = Defects.All.Where(d => designs.All(design => d.Apply(design, random) is null)).Select(d => d.ToString()).ToArray();

        Assert.Empty(inapplicable);
        Assert.Equal(Shipped.Rules.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), Defects.Targeted.Select(d => d.Rule!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failing_property_shrinks_to_a_small_readable_design()
    {
        // A deliberately false property: "no design has a de-escalation". The counter-example FsCheck reports should
        // keep just what a de-escalation needs to load: the escalation, its profile, and that profile's lot and municipality.
        var failure = Assert.Throws<PropertyFailedException>(() => PropertyRun.Check("shrink-demo", 200, DesignGen.Compliant,
            c => c.Spec.Escalations.All(e => e.To != CareCategory.Light)));

        var shrunk = Shipped.ShrunkDesign(failure.Message);
        Assert.Single(shrunk.Escalations);
        Assert.Single(shrunk.CareProfiles);
        Assert.Single(shrunk.Lots);
        Assert.Single(shrunk.Municipalities);
        Assert.True(shrunk.Contracts.Count + shrunk.Providers.Count + shrunk.Cooperatives.Count <= 2, failure.Message);
        Assert.Contains("Replay the failing case: PROCUREMENT_RULES_PROPERTY_REPLAY=", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_printed_replay_reruns_exactly_the_failing_case()
    {
        static bool NoDeescalation(DesignCase c) => c.Spec.Escalations.All(e => e.To != CareCategory.Light);
        var failure = Assert.Throws<PropertyFailedException>(() => PropertyRun.Check("replay-demo", 200, DesignGen.Mixed, NoDeescalation));
        var replay = System.Text.RegularExpressions.Regex.Match(failure.Message, "Replay the failing case: PROCUREMENT_RULES_PROPERTY_REPLAY=(\\S+)").Groups[1].Value;

        var again = Assert.Throws<PropertyFailedException>(() => PropertyRun.Check("replay-demo", 200, DesignGen.Mixed, NoDeescalation, replay));

        Assert.Contains("Falsifiable, after 1 test ", again.Message, StringComparison.Ordinal);
        Assert.Equal(Original(failure.Message), Original(again.Message));

        static string Original(string message) => message[message.IndexOf("Original:", StringComparison.Ordinal)..message.IndexOf("Shrunk:", StringComparison.Ordinal)];
    }
}
