using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// The model's indexed and sorted answers (<see cref="Contract.OverlappingContracts"/>, <see cref="Contract.RivalContracts"/>,
/// <see cref="CategoryTerms.GapStarts"/>, <see cref="Provider.ContractFor"/>, <see cref="Cooperative.MembersLacking"/>) give exactly what the pairwise form the shipped
/// rules used before gives, in the same order, on generated designs dense in overlapping, touching and open-ended
/// periods and in shared and unshared municipalities.
/// </summary>
public sealed class ContractIndexProperties
{
    private static readonly DateOnly Day0 = new(2024, 1, 1);

    /// <summary>
    /// A compliant design whose contracts are replaced by many crowded ones over few lots, parties and municipalities,
    /// sometimes among many municipalities no contract names.
    /// </summary>
    private static Arbitrary<DesignCase> Crowded =>
        Arb.From(
            Gen.Sized(size => Gen.Choose(0, int.MaxValue - 1).Select(seed => CrowdedCase(new Random(seed), size))),
            DesignGen.ShrinkCase);

    [Fact]
    public void Overlapping_and_rival_contracts_are_the_pairwise_ones_in_file_order() =>
        PropertyRun.Check(nameof(Overlapping_and_rival_contracts_are_the_pairwise_ones_in_file_order), 150, Crowded, c =>
        {
            var design = c.Spec.Load();
            foreach (var contract in design.Contracts)
            {
                var overlapping = contract.Terms.Contracts
                    .Where(other => other != contract && other.Period.Overlaps(contract.Period) && contract.Municipalities.Any(m => other.Covers(m)));
                var rivals = contract.Lot.Contracts
                    .Where(other => other.Category == contract.Category && other.Party != contract.Party && other.Period.Overlaps(contract.Period) && contract.Municipalities.Any(m => other.Covers(m)));
                Assert.Equal(Ids(overlapping), Ids(contract.OverlappingContracts));
                Assert.Equal(Ids(rivals), Ids(contract.RivalContracts));
                Assert.Equal(overlapping.Any(), contract.OverlappingContracts.Any());
                Assert.Equal(Ids(overlapping.Take(2)), Ids(contract.OverlappingContracts.Take(2)));
                Assert.All(design.Municipalities, m => Assert.Equal(contract.Municipalities.Contains(m), contract.Covers(m)));
            }
        });

    [Fact]
    public void Gap_starts_are_the_pairwise_ones_in_file_order() =>
        PropertyRun.Check(nameof(Gap_starts_are_the_pairwise_ones_in_file_order), 150, Crowded, c =>
        {
            var design = c.Spec.Load();
            var random = new Random(c.Spec.Contracts.Length);
            Period[] purchasing =
            [
                design.Period,
                new(design.Period.From, null),
                new(Day0.AddDays(random.Next(60)), Day0.AddDays(60 + random.Next(60))),
                new(Day0.AddDays(random.Next(120)), null),
            ];
            foreach (var terms in design.Categories)
            {
                foreach (var period in purchasing)
                {
                    var pairwise = terms.Contracts
                        .Where(c => c.Period.Until != null && c.Period.Until.Value >= period.From && (period.Until == null || c.Period.Until.Value < period.Until.Value)
                            && !terms.Contracts.Any(n => n.Period.Contains(c.Period.Until.Value.AddDays(1))))
                        .Select(c => c.Period.Until!.Value.AddDays(1));
                    Assert.Equal(pairwise, terms.GapStarts(period));
                }
            }
        });

    [Fact]
    public void A_providers_contract_on_a_date_is_the_first_of_a_scan() =>
        PropertyRun.Check(nameof(A_providers_contract_on_a_date_is_the_first_of_a_scan), 100, Crowded, c =>
        {
            var design = c.Spec.Load();
            var random = new Random(c.Spec.Contracts.Length);
            foreach (var provider in design.Providers)
            {
                foreach (var lot in design.Lots)
                {
                    foreach (var category in new[] { CareCategory.Light, CareCategory.Heavy })
                    {
                        var usable = provider.Contracts.Concat(provider.Cooperatives.SelectMany(co => co.Contracts))
                            .Where(k => k.Lot == lot && k.Category == category).ToArray();
                        for (var i = 0; i < 6; i++)
                        {
                            var municipality = design.Municipalities[random.Next(design.Municipalities.Count)];
                            var date = Day0.AddDays(random.Next(-10, 140));
                            var scanned = usable.FirstOrDefault(k => k.Covers(municipality) && k.Period.Contains(date));
                            Assert.Same(scanned, provider.ContractFor(lot, category, municipality, date));
                        }
                    }
                }
            }
        });

    [Fact]
    public void Members_lacking_qualifications_are_those_a_scan_finds_in_member_order() =>
        PropertyRun.Check(nameof(Members_lacking_qualifications_are_those_a_scan_finds_in_member_order), 100, DesignGen.Mixed, c =>
        {
            var design = c.Spec.Load();
            var random = new Random(c.Spec.ItemCount);
            string[] pool = [CompliantDesignBuilder.Vog, CompliantDesignBuilder.Skj, CompliantDesignBuilder.Certified, "big-registered", "none-holds-this"];
            var asked = design.Categories.Select(t => t.Qualifications)
                .Concat(Enumerable.Range(0, 8).Select(_ => (IReadOnlyList<string>)[.. pool.Where(_ => random.Next(2) == 0)]))
                .ToArray();
            foreach (var cooperative in design.Cooperatives)
            {
                foreach (var qualifications in asked)
                {
                    var scanned = cooperative.Members.Where(m => !m.HasQualifications(qualifications)).Select(m => m.Id);
                    Assert.Equal(scanned, cooperative.MembersLacking(qualifications).Select(m => m.Id));
                }
            }
        });

    private static string[] Ids(IEnumerable<Contract> contracts) => [.. contracts.Select(c => c.Id)];

    private static DesignCase CrowdedCase(Random r, int size)
    {
        var spec = new CompliantDesignBuilder(r, Math.Max(size, 10)).Build();
        var lots = spec.Lots.Take(1 + r.Next(2)).Select(l => l.Id).ToArray();
        var municipalities = spec.Municipalities.Take(1 + r.Next(4)).Select(m => m.Id).ToArray();
        string[] parties = [.. spec.Providers.Take(1 + r.Next(3)).Select(p => p.Id), .. spec.Cooperatives.Take(1).Select(c => c.Id)];
        var count = r.Next(1 + (size * 3));
        var contracts = new ContractSpec[count];
        for (var i = 0; i < count; i++)
        {
            // Short periods over a few months: many overlap, many touch (one ends the day before another starts).
            var from = Day0.AddDays(r.Next(120));
            DateOnly? until = r.Next(6) == 0 ? null : from.AddDays(r.Next(r.Next(2) == 0 ? 3 : 40));
            var named = municipalities.Where(_ => r.Next(3) == 0).ToArray();
            contracts[i] = new ContractSpec(
                $"k{i}",
                parties[r.Next(parties.Length)],
                lots[r.Next(lots.Length)],
                r.Next(2) == 0 ? CareCategory.Light : CareCategory.Heavy,
                named.Length == 0 ? [municipalities[r.Next(municipalities.Length)]] : named,
                new PeriodSpec(from, until),
                null,
                1000);
        }

        // Sometimes many municipalities that no contract names: contracts then keep their few as sorted indexes.
        MunicipalitySpec[] unnamed = r.Next(2) == 0 ? [.. Enumerable.Range(0, 200).Select(i => new MunicipalitySpec($"extra{i}", $"Extra {i}", null, null, null))] : [];
        return new DesignCase(spec with { Municipalities = [.. spec.Municipalities, .. unnamed], Contracts = contracts, Profiles = [], Escalations = [] }, []);
    }
}
