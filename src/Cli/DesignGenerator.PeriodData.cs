using System.Globalization;
using System.Text;

namespace Procurement.Rules.Cli;

/// <summary>
/// The period data of a generated design (<c>generate --months N</c>): what was realised per care profile per month
/// from January 2024 on, the outcomes of the profiles that ended in those months, and the monthly spending under the
/// lump-sum contracts. Drawn from a stream of its own, after everything else, so that the design without it is the same.
/// Planted issues, for the monitoring rules: 1% of the profiles that end in the window go on for up to three months
/// past their end; the first provider's profiles end early four times as often as the others' (a third against 8%);
/// and cooperative 1's heavy lump-sum contract spends 30% above its monthly budget from the window's fourth month.
/// </summary>
internal sealed partial class DesignGenerator
{
    /// <summary>The most months of period data one design may have: January 2024 to the end of the purchasing period.</summary>
    public const int MaxMonths = 36;

    private static readonly DateOnly FirstPeriodMonth = new(2024, 1, 1);

    /// <summary>Months of period data from January 2024 (0, the default: none).</summary>
    public int Months { get; init; }

    /// <summary>The design's lists that a CSV form writes as data files: spending only in a national design, which has lump sums.</summary>
    public IReadOnlyList<string> DataLists =>
        Months == 0 ? ["careProfiles", "escalations"]
        : National ? ["careProfiles", "escalations", "profileMonths", "outcomes", "spending"]
        : ["careProfiles", "escalations", "profileMonths", "outcomes"];

    private void AppendPeriodData(StringBuilder b, IReadOnlyList<GeneratedProfile> profiles, Shape shape)
    {
        var random = new Random(unchecked((Seed * 13) + 5));
        var windowEnd = FirstPeriodMonth.AddMonths(Months).AddDays(-1);
        var outcomes = new StringBuilder();
        b.Append("profileMonths:\n");
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            var end = profile.Start.AddMonths(profile.Duration).AddDays(-1);
            if (profile.Start > windowEnd || end < FirstPeriodMonth)
            {
                continue;
            }

            var overrun = end <= windowEnd && random.NextDouble() < 0.01 ? 1 + random.Next(3) : 0;
            var last = end.AddMonths(overrun);
            var price = LotPrices[profile.Lot % LotPrices.Length];
            var startMonth = new DateOnly(profile.Start.Year, profile.Start.Month, 1);
            for (var first = startMonth > FirstPeriodMonth ? startMonth : FirstPeriodMonth; first <= windowEnd && first <= last; first = first.AddMonths(1))
            {
                var ended = last < first.AddMonths(1);
                var hours = Math.Round(profile.Intensity * 4.33m * (0.8m + (decimal)random.NextDouble() * 0.3m), 1);
                var spend = Math.Round(price < 1000 ? hours * price : price, 2);
                b.Append("  - { profile: ").Append(ProfileId(i)).Append(", month: ").Append(FormatMonth(first))
                    .Append(", status: ").Append(ended ? "ended" : "active").Append(", hours: ").Append(Number(hours)).Append(", spend: ").Append(Number(spend)).Append(" }\n");
            }

            if (last <= windowEnd)
            {
                AppendOutcome(outcomes, random, i, profile, last);
            }
        }

        b.Append("outcomes:\n").Append(outcomes);
        AppendSpending(b, random, shape);
    }

    private static void AppendOutcome(StringBuilder b, Random random, int index, GeneratedProfile profile, DateOnly ended)
    {
        var early = random.NextDouble() < (profile.Main == 0 ? 0.33 : 0.08);
        var draw = random.NextDouble();
        var goal = early ? (draw < 0.7 ? "not-reached" : "partly") : draw < 0.6 ? "reached" : draw < 0.85 ? "partly" : "not-reached";
        var satisfaction = Math.Round((early ? 4.5m : 6.5m) + ((decimal)random.NextDouble() * 3m), 1);
        b.Append("  - { profile: ").Append(ProfileId(index)).Append(", ended: ").Append(FormatDate(ended)).Append(", goal: ").Append(goal);
        if (early)
        {
            b.Append(", endedEarly: true");
        }

        b.Append(", satisfaction: ").Append(Number(satisfaction)).Append(" }\n");
    }

    // A national design's lump-sum contracts spend about their budget spread over their 24 months; one spends more.
    private void AppendSpending(StringBuilder b, Random random, Shape shape)
    {
        if (!National)
        {
            return;
        }

        b.Append("spending:\n");
        foreach (var cooperative in shape.Cooperatives)
        {
            foreach (var category in (string[])["light", "heavy"])
            {
                for (var m = 0; m < Months; m++)
                {
                    var month = FirstPeriodMonth.AddMonths(m);
                    var second = month >= SecondPeriodStart;
                    if (second && category == "heavy" && month < SecondPeriodStart.AddMonths(1))
                    {
                        // The second heavy contracts start a month late (the planted gap of CO-005).
                        continue;
                    }

                    var over = cooperative.Index == 1 && category == "heavy" && m >= 3 ? 1.3m : 1m;
                    var amount = Math.Round(400000m / 24m * over * (0.9m + ((decimal)random.NextDouble() * 0.15m)), 2);
                    b.Append("  - { contract: ").Append(LumpSumContractId(cooperative.Index, shape.LumpSumLot, category, second))
                        .Append(", month: ").Append(FormatMonth(month)).Append(", amount: ").Append(Number(amount)).Append(" }\n");
                }
            }
        }
    }

    private static string FormatMonth(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
