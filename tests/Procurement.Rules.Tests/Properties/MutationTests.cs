using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// The properties catch broken rules: each case loads the shipped packs with one rule deliberately broken (a limit
/// check with <c>&lt;</c> for <c>&lt;=</c> and the like) and asserts that the differential property fails, naming the
/// rule and printing a shrunk design that loads.
/// </summary>
public sealed class MutationTests
{
    public static TheoryData<string, string, string> Mutants => new()
    {
        { "MC-005", "profile.Budget <= profile.Terms.Limits.Budget", "profile.Budget < profile.Terms.Limits.Budget" },
        { "ES-001", "profile.IntensityHoursPerWeek <= lightLimits.IntensityHoursPerWeek", "profile.IntensityHoursPerWeek < lightLimits.IntensityHoursPerWeek" },
        { "ES-001", "profile.DurationMonths <= lightLimits.DurationMonths", "profile.DurationMonths < lightLimits.DurationMonths" },
        { "EL-004", "terms.ContractedPartyCount <= terms.MaxProviders.Value", "terms.ContractedPartyCount < terms.MaxProviders.Value" },
        { "EL-011", "terms.Contracts.Sum(c => c.Value) <= europeanThreshold", "terms.Contracts.Sum(c => c.Value) < europeanThreshold" },
        { "CO-003", "terms.ContractedPartyCount >= minHeavyProviders", "terms.ContractedPartyCount > minHeavyProviders" },
        { "ES-003", "responsible.HoldsContract(escalation.TargetLot, CareCategory.Heavy, municipality, escalation.Date)", "responsible.HoldsContract(escalation.Profile.Lot, CareCategory.Heavy, municipality, escalation.Date)" },
        { "CO-005", "!gapStarts.Any()", "gapStarts.Count() <= 1" },
        { "MC-003", "!c.HoldsContract(profile.Lot, CareCategory.Heavy, profile.Municipality, profile.Start)", "!c.HoldsContract(profile.Lot, CareCategory.Heavy, profile.Municipality, profile.Start.AddDays(1))" },
    };

    [Theory]
    [MemberData(nameof(Mutants))]
    public void A_deliberately_broken_rule_fails_the_differential_property(string rule, string find, string replace)
    {
        var broken = RuleSet.Load(Shipped.PacksWith(find, replace)).GetValueOrThrow();

        var failure = Assert.Throws<PropertyFailedException>(() => PropertyRun.Check(
            $"mutant-{rule}", DifferentialProperties.Cases, DesignGen.Mixed, c => DifferentialProperties.AgreeWithOracle(broken, c.Spec)));

        Assert.Contains(rule + " ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("OracleDisagreementException", failure.Message, StringComparison.Ordinal);
        var shrunk = Shipped.ShrunkDesign(failure.Message);
        Assert.True(shrunk.Contracts.Count + shrunk.CareProfiles.Count + shrunk.Escalations.Count <= 8, failure.Message);
    }

    [Fact]
    public void The_unbroken_packs_pass_the_same_property()
    {
        var intact = RuleSet.Load(RuleSource.DefaultPacks()).GetValueOrThrow();

        PropertyRun.Check("mutant-none", 300, DesignGen.Mixed, c => DifferentialProperties.AgreeWithOracle(intact, c.Spec));
    }
}
