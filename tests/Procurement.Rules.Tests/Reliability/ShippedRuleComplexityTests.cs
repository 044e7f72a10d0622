using System.Globalization;
using System.Text;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// The shipped rules on designs large in one dimension, checked in-process with the findings they must give. The
/// pairwise forms the packs used before took minutes and gigabytes on these (CO-004 and EL-010 compared every pair
/// of 120,000 contracts; CO-002 listed every one of 2,000 long municipality names for each of 2,000 lots); the model's
/// indexed answers make them a matter of seconds.
/// </summary>
public sealed class ShippedRuleComplexityTests
{
    private static readonly DateOnly Start = new(2000, 1, 1);

    [Fact]
    public void ShippedRules_120kLumpSumContractsInOneCategory_FindExactlyTheOverlapTheGapAndTheUncontractedProfile()
    {
        const int contracts = 120_000;
        const int overlapAt = 50_000;
        const int gapAt = 80_000;
        var yaml = LumpSumDesign(contracts, overlapAt, gapAt);
        var design = TenderDesignLoader.LoadString(yaml, "lump-sums.yaml").GetValueOrThrow();
        Assert.Equal(contracts + 1, design.Contracts.Count);

        var findings = Properties.Shipped.Rules.Evaluate(design).Findings;

        var gapDay = Day(Start.AddDays((2 * gapAt) + 1));
        Assert.Equal(
            [
                ("CO-004", $"contracts[c{overlapAt}]", "no-overlap"),
                ("CO-004", $"contracts[c{overlapAt + 1}]", "no-overlap"),
                ("CO-005", "lots[lot].light", "no-gap"),
                ("EL-010", $"contracts[c{overlapAt}]", "single-party"),
                ("EL-010", $"contracts[c{overlapAt + 1}]", "single-party"),
                ("MC-002", "careProfiles[on-gap]", "contracted"),
            ],
            findings.Select(f => (f.RuleId, f.Subject, f.Clause)).Order());
        Assert.Contains($"overlapt voor dezelfde gemeenten met [c{overlapAt + 1}].", Message(findings, "CO-004", $"contracts[c{overlapAt}]"), StringComparison.Ordinal);
        Assert.Contains($"gat vanaf: [{gapDay}]", Message(findings, "CO-005", "lots[lot].light"), StringComparison.Ordinal);
        Assert.Contains("(contracten [c" + overlapAt + "])", Message(findings, "EL-010", $"contracts[c{overlapAt + 1}]"), StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedRules_2000UncoveredLotsTimes2000LongMunicipalityNames_ListTwentyNamesAndCountTheRest()
    {
        const int lots = 2_000;
        const int municipalities = 2_000;
        var design = TenderDesignLoader.LoadString(UncoveredDesign(lots, municipalities), "uncovered.yaml").GetValueOrThrow();

        var findings = Properties.Shipped.Rules.Evaluate(design).Findings;

        var coverage = findings.Where(f => f.RuleId == "CO-002").ToArray();
        Assert.Equal(lots, coverage.Length);
        var names = string.Join(", ", Enumerable.Range(0, 20).Select(Name));
        Assert.Equal($"{names}, … (en nog {municipalities - 20})", design.Lots[^1].UncoveredMunicipalities(Start));
        Assert.StartsWith($"Perceel Perceel {lots - 1}: op {Day(Start)} niet gedekt voor {Name(0)[..100]}", Message(findings, "CO-002", $"lots[lot{lots - 1}]"), StringComparison.Ordinal);
        Assert.All(coverage, f => Assert.True(f.Message.Length <= Compiling.ValueFormatter.MaxMessageLength, f.Subject));
        Assert.Equal(2 * lots, findings.Count(f => f.RuleId == "CO-001"));
    }

    private static string Message(IReadOnlyList<Finding> findings, string rule, string subject) =>
        findings.Single(f => f.RuleId == rule && f.Subject == subject).Message;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name(int i) => $"g{i:D4}-" + new string((char)('a' + (i % 26)), 994);

    /// <summary>
    /// One lot whose light category is bought as a lump sum through <paramref name="count"/> consecutive two-day contracts
    /// for the same three municipalities, all held by one provider except the one after <paramref name="overlapAt"/>,
    /// which a rival holds and which the contract before overlaps by a day; the contract at <paramref name="gapAt"/>
    /// runs one day, leaving a gap; a care profile starting on the gap day.
    /// </summary>
    private static string LumpSumDesign(int count, int overlapAt, int gapAt)
    {
        var end = Start.AddDays((2 * count) - 1);
        var yaml = new StringBuilder(count * 150);
        yaml.Append(CultureInfo.InvariantCulture, $$"""
            design: lump-sums
            region: Generated
            period: { from: {{Day(Start)}}, until: {{Day(end)}} }
            expertTeam: { id: ret, name: Expertteam }
            municipalities:
              - { id: m1, name: M1 }
              - { id: m2, name: M2 }
              - { id: m3, name: M3 }
            lots:
              - id: lot
                name: Perceel
                light: { procurement: lump-sum }
                heavy: { procurement: lump-sum }
            providers:
              - { id: p1, name: P1, agb: "12345678" }
              - { id: p2, name: P2, agb: "12345679" }
            careProfiles:
              - { id: on-gap, municipality: m2, lot: lot, category: light, mainContractor: p1, intensityHoursPerWeek: 1, durationMonths: 1, budget: 100, start: {{Day(Start.AddDays((2 * gapAt) + 1))}} }
              - { id: covered, municipality: m2, lot: lot, category: light, mainContractor: p1, intensityHoursPerWeek: 1, durationMonths: 1, budget: 100, start: {{Day(Start.AddDays(2 * (gapAt + 7)))}} }
            contracts:
              - { id: heavy, party: p1, lot: lot, category: heavy, municipalities: [m1, m2, m3], period: { from: {{Day(Start)}}, until: {{Day(end)}} }, value: 1, budget: 1, hardshipClause: h }

            """);
        for (var i = 0; i < count; i++)
        {
            var from = Start.AddDays(2 * i);
            var until = i == gapAt ? from : i == overlapAt ? from.AddDays(2) : from.AddDays(1);
            var party = i == overlapAt + 1 ? "p2" : "p1";
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: c{i}, party: {party}, lot: lot, category: light, municipalities: [m1, m2, m3], period: {{ from: {Day(from)}, until: {Day(until)} }}, value: 1, budget: 1, hardshipClause: h }}\n");
        }

        return yaml.ToString();
    }

    /// <summary><paramref name="lots"/> lots without contracts and <paramref name="municipalities"/> municipalities with names of 1,000 characters.</summary>
    private static string UncoveredDesign(int lots, int municipalities)
    {
        var yaml = new StringBuilder(municipalities * 1_050);
        yaml.Append(CultureInfo.InvariantCulture, $$"""
            design: uncovered
            region: Generated
            period: { from: {{Day(Start)}}, until: {{Day(Start.AddYears(4))}} }
            municipalities:

            """);
        for (var i = 0; i < municipalities; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: g{i}, name: {Name(i)} }}\n");
        }

        yaml.Append("lots:\n");
        for (var i = 0; i < lots; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: lot{i}, name: Perceel {i}, light: {{ procurement: open-house }}, heavy: {{ procurement: in-house }} }}\n");
        }

        return yaml.ToString();
    }
}
