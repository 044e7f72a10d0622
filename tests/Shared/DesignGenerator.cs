using System.Globalization;
using System.Text;

namespace Procurement.Rules.Testing;

/// <summary>
/// Seeded generator of realistic tender designs as YAML text, shared by the tests and the benchmarks.
/// Proportions follow a youth-care region: a handful of lots, providers ~ profiles/100, escalations ~5%.
/// A small share of profiles is deliberately wrong (main contractor without a heavy contract, light profile over its limits).
/// </summary>
internal sealed class DesignGenerator
{
    private static readonly string[] LotNames =
        ["Ambulante jeugdhulp", "Dagbehandeling", "Verblijf", "Jeugd-GGZ", "Crisis", "Jeugdbescherming", "Jeugdreclassering", "Dyslexiezorg"];

    private static readonly string[] LotCategories = ["45", "45", "43", "54", "46", "48", "47", "54"];

    public int Profiles { get; init; } = 100;

    public int Municipalities { get; init; } = 17;

    public int Lots { get; init; } = 6;

    public int Seed { get; init; } = 42;

    /// <summary>Share of heavy profiles whose main contractor holds no heavy contract for the lot.</summary>
    public double DefectRate { get; init; } = 0.02;

    public string Generate()
    {
        var random = new Random(Seed);
        var providers = Math.Max(8, Profiles / 100);
        var lots = Math.Clamp(Lots, 1, LotNames.Length);
        var b = new StringBuilder(Profiles * 220);
        b.Append("design: generated-").Append(Seed).Append('-').Append(Profiles).Append('\n');
        b.Append("region: Generated region\n");
        b.Append("period: { from: 2023-01-01, until: 2026-12-31 }\n");
        b.Append("municipalities:\n");
        for (var m = 0; m < Municipalities; m++)
        {
            b.Append("  - { id: m").Append(m).Append(", name: Gemeente ").Append(m).Append(", accessTeam: toegang-m").Append(m).Append(" }\n");
        }

        b.Append("lots:\n");
        for (var l = 0; l < lots; l++)
        {
            b.Append("  - id: lot").Append(l).Append('\n');
            b.Append("    name: ").Append(LotNames[l]).Append('\n');
            b.Append("    productCategories: [\"").Append(LotCategories[l]).Append("\"]\n");
            b.Append("    scope: regional\n");
            b.Append("    light: { procurement: open-house, qualifications: [vog], limits: { intensityHoursPerWeek: 4, durationMonths: 6, budget: 8000 } }\n");
            b.Append("    heavy: { procurement: selective-tender, maxProviders: ").Append(Math.Max(4, providers / 2))
                .Append(", qualifications: [vog, skj-registered], limits: { intensityHoursPerWeek: 20, durationMonths: 24, budget: 60000 } }\n");
        }

        b.Append("providers:\n");
        for (var p = 0; p < providers; p++)
        {
            b.Append("  - { id: p").Append(p).Append(", agb: \"").Append((10000000 + p).ToString(CultureInfo.InvariantCulture))
                .Append("\", name: Aanbieder ").Append(p).Append(", qualifications: [vog, skj-registered] }\n");
        }

        b.Append("cooperatives: []\n");

        // Every provider holds a light contract for every lot; every other provider also a heavy one.
        b.Append("contracts:\n");
        var allMunicipalities = "[" + string.Join(", ", Enumerable.Range(0, Municipalities).Select(m => "m" + m)) + "]";
        for (var p = 0; p < providers; p++)
        {
            for (var l = 0; l < lots; l++)
            {
                AppendContract(b, p, l, "light", allMunicipalities);
                if (p % 2 == 0)
                {
                    AppendContract(b, p, l, "heavy", allMunicipalities);
                }
            }
        }

        b.Append("careProfiles:\n");
        var escalated = new List<(int Profile, int Municipality)>();
        for (var i = 0; i < Profiles; i++)
        {
            var heavy = random.NextDouble() < 0.3;
            var lot = random.Next(lots);
            var municipality = random.Next(Municipalities);
            var main = random.Next(providers);
            if (heavy)
            {
                // Heavy contracts are held by the even providers; a defect picks an odd one.
                var pairs = providers / 2;
                main = (2 * random.Next(pairs)) + (random.NextDouble() < DefectRate ? 1 : 0);
            }

            var intensity = heavy ? 4 + random.Next(16) : 1 + random.Next(4);
            var duration = heavy ? 6 + random.Next(18) : 1 + random.Next(6);
            var budget = heavy ? 10000 + random.Next(50000) : 500 + random.Next(7500);
            var start = new DateOnly(2023, 1, 1).AddDays(random.Next(1400));
            b.Append("  - { id: P-").Append(i.ToString("D6", CultureInfo.InvariantCulture))
                .Append(", municipality: m").Append(municipality)
                .Append(", lot: lot").Append(lot)
                .Append(", category: ").Append(heavy ? "heavy" : "light")
                .Append(", mainContractor: p").Append(main);
            if (random.NextDouble() < 0.2)
            {
                b.Append(", coProviders: [p").Append((main + 2) % providers).Append(']');
            }

            b.Append(", intensityHoursPerWeek: ").Append(intensity)
                .Append(", durationMonths: ").Append(duration)
                .Append(", budget: ").Append(budget)
                .Append(", start: ").Append(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append(" }\n");
            if (heavy && random.NextDouble() < 0.17)
            {
                escalated.Add((i, municipality));
            }
        }

        b.Append("escalations:\n");
        foreach (var (i, municipality) in escalated)
        {
            b.Append("  - { profile: P-").Append(i.ToString("D6", CultureInfo.InvariantCulture))
                .Append(", from: light, to: heavy, date: 2023-01-01, approvedBy: toegang-m").Append(municipality).Append(" }\n");
        }

        return b.ToString();
    }

    private static void AppendContract(StringBuilder b, int provider, int lot, string category, string municipalities) =>
        b.Append("  - { id: C-p").Append(provider).Append("-lot").Append(lot).Append('-').Append(category)
            .Append(", party: p").Append(provider)
            .Append(", lot: lot").Append(lot)
            .Append(", category: ").Append(category)
            .Append(", municipalities: ").Append(municipalities)
            .Append(", period: { from: 2023-01-01, until: 2026-12-31 }, financing: output-based, value: 500000 }\n");
}
