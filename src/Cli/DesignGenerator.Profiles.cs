using System.Text;

namespace Procurement.Rules.Cli;

/// <summary>The care profiles of a generated design: drawn from the seeded streams, then written.</summary>
internal sealed partial class DesignGenerator
{
    // The profiles drawn are added to kept, when given, for the period data.
    private List<PlannedEscalation> AppendProfiles(StringBuilder b, Shape shape, List<GeneratedProfile>? kept)
    {
        // Three seeded streams: the regular draws, those of a national design, and the stays (so that adding one kind
        // of draw leaves the others as they were).
        var random = new Random(Seed);
        var extra = new Random(unchecked((Seed * 31) + 7));
        var residence = new Random(unchecked((Seed * 17) + 3));
        b.Append("careProfiles:\n");
        var escalations = new List<PlannedEscalation>();
        for (var i = 0; i < Profiles; i++)
        {
            var profile = DrawProfile(random, shape);
            if (National)
            {
                DrawNational(extra, shape, profile);
            }

            AppendProfile(b, i, profile, shape, residence);
            kept?.Add(profile);
            if (profile.Escalated)
            {
                escalations.Add(PlanUpscaling(extra, i, profile.Municipality, profile.Lot, shape.Lots));
            }
            else if (National && !profile.Heavy && extra.NextDouble() < 0.01)
            {
                // A de-escalation from heavy on the start date (ES-005).
                escalations.Add(new PlannedEscalation(i, "heavy", "light", FormatDate(profile.Start), "toegang-m" + profile.Municipality, null));
            }
        }

        return escalations;
    }

    private GeneratedProfile DrawProfile(Random random, Shape shape)
    {
        var heavy = random.NextDouble() < 0.3;
        var lot = random.Next(shape.Lots);
        var municipality = random.Next(Municipalities);
        var main = random.Next(shape.Providers);
        if (heavy)
        {
            // Heavy contracts are held by the even providers; a defect picks an odd one.
            var pairs = shape.Providers / 2;
            main = (2 * random.Next(pairs)) + (random.NextDouble() < DefectRate ? 1 : 0);
        }

        return new GeneratedProfile
        {
            Heavy = heavy,
            Lot = lot,
            Municipality = municipality,
            Main = main,
            Intensity = heavy ? 4 + random.Next(16) : 1 + random.Next(4),
            Duration = heavy ? 6 + random.Next(18) : 1 + random.Next(6),
            Budget = heavy ? 10000 + random.Next(50000) : 500 + random.Next(7500),
            Start = new DateOnly(2023, 1, 1).AddDays(random.Next(1400)),
            CoProvider = random.NextDouble() < 0.2 ? (main + 2) % shape.Providers : null,
            Escalated = heavy && random.NextDouble() < 0.17,
        };
    }

    // ~5% in the lump-sum lot, delivered by a member of the municipality's cooperative under its contract (2% of those
    // by a provider that is no member: MC-004); a quarter of the others name their own contract (2% of those the same
    // provider's contract for the next lot: MC-006); 0.5% of light profiles over the light intensity limit (ES-001).
    private void DrawNational(Random extra, Shape shape, GeneratedProfile profile)
    {
        var category = profile.Heavy ? "heavy" : "light";
        if (extra.NextDouble() < 0.05)
        {
            var cooperative = shape.Cooperatives[CooperativeOf(profile.Municipality)];
            var members = cooperative.Members;
            var member = extra.Next(members.Length);
            var outsider = extra.NextDouble() < 0.02;
            profile.Lot = shape.LumpSumLot;
            profile.Main = outsider ? (members[0] + 1) % shape.Providers : members[member];
            if (profile.CoProvider is not null)
            {
                // The main contractor's registered subcontractor, else a fellow member.
                profile.CoProvider = profile.Main % 3 == 0 ? (profile.Main + 1) % shape.Providers : members[(member + 1) % members.Length];
            }

            profile.Contract = LumpSumContractId(cooperative.Index, shape.LumpSumLot, category, profile.Start >= SecondPeriodStart);
        }
        else if (extra.NextDouble() < 0.25 && (!profile.Heavy || profile.Main % 2 == 0))
        {
            var namedLot = extra.NextDouble() < 0.02 ? (profile.Lot + 1) % shape.Lots : profile.Lot;
            profile.Contract = RegularContractId(profile.Main, namedLot, category);
        }

        if (!profile.Heavy && extra.NextDouble() < 0.005)
        {
            profile.Intensity = 5 + extra.Next(3);
        }
    }

    private void AppendProfile(StringBuilder b, int index, GeneratedProfile profile, Shape shape, Random residence)
    {
        b.Append("  - { id: ").Append(ProfileId(index))
            .Append(", municipality: m").Append(profile.Municipality)
            .Append(", lot: lot").Append(profile.Lot)
            .Append(", category: ").Append(profile.Heavy ? "heavy" : "light")
            .Append(", mainContractor: p").Append(profile.Main);
        if (profile.CoProvider is { } co)
        {
            b.Append(", coProviders: [p").Append(co).Append(']');
        }

        if (profile.Contract is not null)
        {
            b.Append(", contract: ").Append(profile.Contract);
        }

        b.Append(", intensityHoursPerWeek: ").Append(profile.Intensity)
            .Append(", durationMonths: ").Append(profile.Duration)
            .Append(", budget: ").Append(profile.Budget)
            .Append(", start: ").Append(FormatDate(profile.Start));
        if (profile.Lot < shape.Lots && IsStayCategory(LotCategories[profile.Lot]) && residence.NextDouble() < 0.5)
        {
            // A stay; the responsible municipality (woonplaatsbeginsel) is the profile's own, or for a fifth the next one.
            var responsible = residence.NextDouble() < 0.2 ? (profile.Municipality + 1) % Municipalities : profile.Municipality;
            b.Append(", stay: true, responsibleMunicipality: m").Append(responsible);
        }

        b.Append(" }\n");
    }

    private sealed class GeneratedProfile
    {
        public bool Heavy { get; init; }

        public int Lot { get; set; }

        public int Municipality { get; init; }

        public int Main { get; set; }

        public int Intensity { get; set; }

        public int Duration { get; init; }

        public int Budget { get; init; }

        public DateOnly Start { get; init; }

        public int? CoProvider { get; set; }

        public bool Escalated { get; init; }

        public string? Contract { get; set; }
    }
}
