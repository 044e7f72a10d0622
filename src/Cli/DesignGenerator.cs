using System.Globalization;
using System.Text;

namespace Procurement.Rules.Cli;

/// <summary>
/// Seeded generator of realistic tender designs as YAML text: <c>procurement-rules generate</c>, and the designs of the
/// tests and the benchmarks.
/// Proportions follow a youth-care region: a handful of lots, providers ~ profiles/100, escalations ~5%.
/// A small share of heavy profiles is deliberately wrong (main contractor without a heavy contract).
/// With <see cref="National"/> the design also has what a national check meets, so that every shipped rule has subjects,
/// and a few defects more (among them light profiles over their limits). Open-house categories record where their
/// invitation to join was published. Every design names the region's expert team; each lot's categories list iJw
/// products of the lot's category (output-based, priced with a cost build-up and indexation; the heavy price differs
/// with a stated reason; youth protection and probation only in the heavy category, which requires a certified
/// institution, held by the providers with heavy contracts); about half of the profiles in residential and crisis lots
/// are a stay with a responsible municipality (mostly their own, else the next one), drawn from a stream of their own
/// so that the other draws are the same as without them.
/// </summary>
internal sealed partial class DesignGenerator
{
    private static readonly string[] LotNames =
        ["Ambulante jeugdhulp", "Dagbehandeling", "Verblijf", "Jeugd-GGZ", "Crisis", "Jeugdbescherming", "Jeugdreclassering", "Dyslexiezorg"];

    private static readonly string[] LotCategories = ["45", "45", "43", "54", "46", "48", "47", "54"];

    /// <summary>The qualification of a certified institution, as the contract-terms parameter <c>certifiedInstitution</c> names it.</summary>
    private const string CertifiedInstitution = "certified-institution";

    /// <summary>Price of the first product of each lot, in euros; the second product costs three times as much.</summary>
    private static readonly decimal[] LotPrices = [98.40m, 76.00m, 165.00m, 112.30m, 285.00m, 5200.00m, 3900.00m, 64.50m];

    public int Profiles { get; init; } = 100;

    public int Municipalities { get; init; } = 17;

    public int Lots { get; init; } = 6;

    public int Seed { get; init; } = 42;

    /// <summary>Share of heavy profiles whose main contractor holds no heavy contract for the lot.</summary>
    public double DefectRate { get; init; } = 0.02;

    /// <summary>
    /// Adds, from a second seeded stream (the regional draws stay the same, some values are then overridden): four cooperatives of generated
    /// providers, each serving a block of municipalities and holding the contracts of an extra lump-sum lot (light and
    /// heavy, two consecutive periods); ~5% of profiles in that lot under their cooperative's contract, a quarter of the
    /// others naming their own contract, some registered subcontractors, and de-escalations, unapproved escalations and
    /// local-to-regional escalations to another lot. A few planted defects give every rule family findings: see
    /// <see cref="AppendLumpSumContracts"/> and the profile loop. Off by default, which leaves the output unchanged.
    /// </summary>
    public bool National { get; init; }

    private const int NationalCooperatives = 4;

    private const int MembersPerCooperative = 5;

    /// <summary>First day of the second period of the lump-sum contracts.</summary>
    private static readonly DateOnly SecondPeriodStart = new(2025, 1, 1);

    public string Generate()
    {
        var providers = Math.Max(8, Profiles / 100);
        var lots = Math.Clamp(Lots, 1, LotNames.Length);
        if (National && Municipalities < NationalCooperatives + 1)
        {
            throw new InvalidOperationException($"A national design needs at least {NationalCooperatives + 1} municipalities.");
        }

        var shape = new Shape(providers, lots, National ? BuildCooperatives(providers) : []);
        var b = new StringBuilder(Profiles * 220);
        AppendHeader(b);
        AppendLots(b, shape);
        AppendProviders(b, shape);
        AppendCooperatives(b, shape);
        AppendContracts(b, shape);
        var profiles = Months > 0 ? new List<GeneratedProfile>(Profiles) : null;
        var escalations = AppendProfiles(b, shape, profiles);
        AppendEscalations(b, escalations);
        if (profiles is not null)
        {
            AppendPeriodData(b, profiles, shape);
        }

        return b.ToString();
    }

    private void AppendHeader(StringBuilder b)
    {
        b.Append("design: generated-").Append(Seed).Append('-').Append(Profiles).Append('\n');
        b.Append("region: Generated region\n");
        b.Append("period: { from: 2023-01-01, until: 2026-12-31 }\n");
        b.Append("expertTeam: { id: expertteam, name: Regionaal expertteam }\n");
        b.Append("municipalities:\n");
        for (var m = 0; m < Municipalities; m++)
        {
            b.Append("  - { id: m").Append(m).Append(", name: Gemeente ").Append(m).Append(", accessTeam: toegang-m").Append(m).Append(" }\n");
        }
    }

    private void AppendLots(StringBuilder b, Shape shape)
    {
        b.Append("lots:\n");
        for (var l = 0; l < shape.Lots; l++)
        {
            b.Append("  - id: lot").Append(l).Append('\n');
            b.Append("    name: ").Append(LotNames[l]).Append('\n');
            b.Append("    productCategories: [\"").Append(LotCategories[l]).Append("\"]\n");
            b.Append("    scope: regional\n");
            var certified = IsCertifiedCategory(LotCategories[l]);
            b.Append("    light: { procurement: open-house, qualifications: [vog], limits: { intensityHoursPerWeek: 4, durationMonths: 6, budget: 8000 }, publication: { procedure: national, notice: TenderNed 2022-")
                .Append(100 + l).Append(" }");
            if (!certified)
            {
                b.Append(", products: [");
                AppendProduct(b, l, 0, "light");
                b.Append(']');
            }

            b.Append(" }\n");
            b.Append("    heavy: { procurement: selective-tender, maxProviders: ").Append(Math.Max(4, shape.Providers / 2))
                .Append(", qualifications: [vog, skj-registered").Append(certified ? ", " + CertifiedInstitution : string.Empty)
                .Append("], limits: { intensityHoursPerWeek: 20, durationMonths: 24, budget: 60000 }, products: [");
            AppendProduct(b, l, 0, "heavy");
            b.Append(", ");
            AppendProduct(b, l, 1, "heavy");
            b.Append("] }\n");
        }

                if (National)
        {
            b.Append("  - id: lot").Append(shape.LumpSumLot).Append('\n');
            b.Append("    name: Basishulp (lumpsum)\n");
            b.Append("    productCategories: [\"45\"]\n");
            b.Append("    light: { procurement: lump-sum, financing: task-oriented, qualifications: [vog], limits: { intensityHoursPerWeek: 4, durationMonths: 6, budget: 8000 } }\n");
            b.Append("    heavy: { procurement: lump-sum, financing: task-oriented, qualifications: [vog, skj-registered], limits: { intensityHoursPerWeek: 20, durationMonths: 24, budget: 60000 }, ")
                .Append("publication: { procedure: european, published: 2022-09-01, notice: TED 2022/S 170-480000 } }\n");
        }
    }

    private void AppendProviders(StringBuilder b, Shape shape)
    {
        b.Append("providers:\n");
        for (var p = 0; p < shape.Providers; p++)
        {
            // National: provider 1 (a member of cooperative 1) lacks the heavy qualification (EL-002); every third
            // provider registers the next one as its subcontractor.
            // The providers with heavy contracts (the even ones) are certified institutions too.
            var qualifications = National && p == 1 ? "[vog]" : p % 2 == 0 ? "[vog, skj-registered, " + CertifiedInstitution + "]" : "[vog, skj-registered]";
            b.Append("  - { id: p").Append(p).Append(", agb: \"").Append((10000000 + p).ToString(CultureInfo.InvariantCulture))
                .Append("\", name: Aanbieder ").Append(p).Append(", qualifications: ").Append(qualifications);
            if (National && p % 3 == 0)
            {
                b.Append(", subcontractors: [p").Append((p + 1) % shape.Providers).Append(']');
            }

            b.Append(" }\n");
        }
    }

    private void AppendCooperatives(StringBuilder b, Shape shape)
    {
        if (National)
        {
            b.Append("cooperatives:\n");
            for (var k = 0; k < shape.Cooperatives.Length; k++)
            {
                b.Append("  - { id: coop").Append(k).Append(", name: Cooperatie ").Append(k)
                    .Append(", members: ").Append(IdList("p", shape.Cooperatives[k].Members))
                    .Append(", region: ").Append(IdList("m", shape.Cooperatives[k].Region)).Append(" }\n");
            }
        }
        else
        {
            b.Append("cooperatives: []\n");
        }
    }

    private void AppendContracts(StringBuilder b, Shape shape)
    {
        // Every provider holds a light contract for every lot; every other provider also a heavy one.
        b.Append("contracts:\n");
        var allMunicipalities = "[" + string.Join(", ", Enumerable.Range(0, Municipalities).Select(m => "m" + m)) + "]";
        for (var p = 0; p < shape.Providers; p++)
        {
            for (var l = 0; l < shape.Lots; l++)
            {
                AppendContract(b, RegularContractId(p, l, "light"), "p" + p, l, "light", allMunicipalities, "2023-01-01", "2026-12-31", "output-based", 500000);
                if (p % 2 == 0)
                {
                    AppendContract(b, RegularContractId(p, l, "heavy"), "p" + p, l, "heavy", allMunicipalities, "2023-01-01", "2026-12-31", "output-based", 500000);
                }
            }
        }

        if (National)
        {
            AppendLumpSumContracts(b, shape.Cooperatives, shape.LumpSumLot);
        }
    }

    private static void AppendEscalations(StringBuilder b, List<PlannedEscalation> escalations)
    {
        b.Append("escalations:\n");
        foreach (var e in escalations)
        {
            b.Append("  - { profile: ").Append(ProfileId(e.Profile))
                .Append(", from: ").Append(e.From).Append(", to: ").Append(e.To);
            if (e.LocalToRegionalLot is { } toLot)
            {
                b.Append(", fromScope: local, toScope: regional, toLot: lot").Append(toLot);
            }

            b.Append(", date: ").Append(e.Date);
            if (e.ApprovedBy is not null)
            {
                b.Append(", approvedBy: ").Append(e.ApprovedBy);
            }

            if (e.ExpertTeam)
            {
                b.Append(", expertTeam: expertteam");
            }

            b.Append(" }\n");
        }
    }

    /// <summary>
    /// An escalation light to heavy, approved by the profile's own access team. National: 1% approved by a neighbour's
    /// team and 1% unapproved (ES-002), 10% referred to the expert team, which approves half of those, and 10% of
    /// those in a regular lot from local care to the next regional lot.
    /// </summary>
    private PlannedEscalation PlanUpscaling(Random extra, int profile, int municipality, int lot, int regularLots)
    {
        var approvedBy = "toegang-m" + municipality;
        int? toLot = null;
        if (National)
        {
            var approval = extra.NextDouble();
            approvedBy = approval < 0.01 ? "toegang-m" + ((municipality + 1) % Municipalities) : approval < 0.02 ? null : approvedBy;
            if (lot < regularLots && extra.NextDouble() < 0.1)
            {
                toLot = (lot + 1) % regularLots;
            }

            if (approvedBy is not null && approval >= 0.90)
            {
                return new PlannedEscalation(profile, "light", "heavy", "2023-01-01", approval >= 0.95 ? "expertteam" : approvedBy, toLot, ExpertTeam: true);
            }
        }

        return new PlannedEscalation(profile, "light", "heavy", "2023-01-01", approvedBy, toLot);
    }

    /// <summary>
    /// Four cooperatives: cooperative k has providers k, k+4, ... (up to five) as members and serves the k-th contiguous
    /// block of municipalities (see <see cref="CooperativeOf"/>).
    /// </summary>
    private GeneratedCooperative[] BuildCooperatives(int providers) =>
        [.. Enumerable.Range(0, NationalCooperatives).Select(k => new GeneratedCooperative(
            k,
            [.. Enumerable.Range(0, MembersPerCooperative).Select(j => k + (j * NationalCooperatives)).Where(p => p < providers)],
            [.. Enumerable.Range(0, Municipalities).Where(m => CooperativeOf(m) == k)]))];

    /// <summary>The cooperative serving <paramref name="municipality"/>: contiguous blocks of municipalities.</summary>
    private int CooperativeOf(int municipality) => municipality * NationalCooperatives / Municipalities;

    /// <summary>
    /// The lump-sum lot's contracts: each cooperative holds light and heavy for its region in two consecutive periods
    /// (2023-2024, 2025-2026), one party per municipality. Planted defects: cooperative 0's second light contract also
    /// names the first municipality of cooperative 1 (EL-009, and EL-010/CO-004 for both contracts); the second heavy
    /// contracts start a month late, leaving January 2025 uncovered (CO-005); cooperative 3's second light contract runs past the
    /// purchasing period (EL-006). Cooperative 1 has the member without the heavy qualification (EL-002). Every contract
    /// states its budget (its value) and a hardship clause, except cooperative 3's first heavy contract, which has no
    /// hardship clause (CT-008).
    /// </summary>
    private void AppendLumpSumContracts(StringBuilder b, GeneratedCooperative[] cooperatives, int lot)
    {
        foreach (var cooperative in cooperatives)
        {
            var k = cooperative.Index;
            var region = IdList("m", cooperative.Region);
            foreach (var category in (string[])["light", "heavy"])
            {
                var second = category == "light" && k == 0 ? IdList("m", [.. cooperative.Region, cooperatives[1].Region[0]]) : region;
                var secondFrom = category == "heavy" ? "2025-02-01" : "2025-01-01";
                var secondUntil = category == "light" && k == 3 ? "2027-06-30" : "2026-12-31";
                // Cooperative 2's light contracts were announced on their own, only nationally (EL-013: the lot's light
                // category is worth more than the European threshold in all).
                var publication = category == "light" && k == 2 ? "{ procedure: national, published: 2022-10-03, notice: TenderNed 2022-900 }" : null;
                var hardship = category == "heavy" && k == 3 ? null : "Bij dreigende overschrijding overleggen partijen binnen vier weken over bijsturing";
                AppendContract(b, LumpSumContractId(k, lot, category, false), "coop" + k, lot, category, region, "2023-01-01", "2024-12-31", "task-oriented", 400000, publication, hardship);
                AppendContract(b, LumpSumContractId(k, lot, category, true), "coop" + k, lot, category, second, secondFrom, secondUntil, "task-oriented", 400000, publication,
                    "Bij dreigende overschrijding overleggen partijen binnen vier weken over bijsturing");
            }
        }
    }

    private static bool IsCertifiedCategory(string category) => category is "47" or "48";

    private static bool IsStayCategory(string category) => category is "43" or "46";

    /// <summary>
    /// Product <paramref name="index"/> of lot <paramref name="lot"/>: an own code in the lot's iJw category, output-based
    /// per product or trajectory, priced with a cost build-up (72% staff, 8% client-related, the rest overhead) and
    /// indexation. The heavy category pays more for the shared first product and says why.
    /// </summary>
    private static void AppendProduct(StringBuilder b, int lot, int index, string category)
    {
        var price = LotPrices[lot] * (index == 0 ? 1 : 3) * (index == 0 && category == "heavy" ? 1.25m : 1);
        var staff = Math.Round(price * 0.72m, 2);
        var clientRelated = Math.Round(price * 0.08m, 2);
        b.Append("{ code: \"").Append(LotCategories[lot]).Append('G').Append(lot).Append(index)
            .Append("\", name: ").Append(LotNames[lot]).Append(index == 0 ? string.Empty : " intensief")
            .Append(", category: \"").Append(LotCategories[lot]).Append("\", variant: output-based, unit: ").Append(index == 0 ? "product" : "trajectory")
            .Append(", tariff: { amount: ").Append(Number(price))
            .Append(", costBuildUp: { staff: ").Append(Number(staff)).Append(", clientRelated: ").Append(Number(clientRelated))
            .Append(", overhead: ").Append(Number(price - staff - clientRelated)).Append(" }, indexation: OVA");
        if (index == 0 && category == "heavy")
        {
            b.Append(", differentiation: zwaardere zorg");
        }

        b.Append(" } }");
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string ProfileId(int index) => "P-" + index.ToString("D6", CultureInfo.InvariantCulture);

    private static string RegularContractId(int provider, int lot, string category) => $"C-p{provider}-lot{lot}-{category}";

    private static string LumpSumContractId(int cooperative, int lot, string category, bool secondPeriod) =>
        $"C-coop{cooperative}-lot{lot}-{category}-{(secondPeriod ? 2025 : 2023)}";

    private static string IdList(string prefix, IEnumerable<int> indexes) => "[" + string.Join(", ", indexes.Select(i => prefix + i)) + "]";

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AppendContract(
        StringBuilder b, string id, string party, int lot, string category, string municipalities, string from, string until, string financing, int value,
        string? publication = null, string? hardshipClause = null) =>
        b.Append("  - { id: ").Append(id)
            .Append(", party: ").Append(party)
            .Append(", lot: lot").Append(lot)
            .Append(", category: ").Append(category)
            .Append(", municipalities: ").Append(municipalities)
            .Append(", period: { from: ").Append(from).Append(", until: ").Append(until)
            .Append(" }, financing: ").Append(financing)
            .Append(", value: ").Append(value)
            .Append(publication is null ? string.Empty : ", publication: " + publication)
            .Append(financing == "task-oriented" ? ", budget: " + value.ToString(CultureInfo.InvariantCulture) : string.Empty)
            .Append(hardshipClause is null ? string.Empty : ", hardshipClause: " + hardshipClause).Append(" }\n");

    /// <summary>The design's size: providers, regular lots (the national lump-sum lot comes after them) and cooperatives.</summary>
    private sealed record Shape(int Providers, int Lots, GeneratedCooperative[] Cooperatives)
    {
        public int LumpSumLot => Lots;
    }

    private sealed record GeneratedCooperative(int Index, int[] Members, int[] Region);

    private sealed record PlannedEscalation(int Profile, string From, string To, string Date, string? ApprovedBy, int? LocalToRegionalLot, bool ExpertTeam = false);
}
