using System.Globalization;
using System.Text;
using Procurement.Rules.Cli;

namespace Procurement.Rules.Tests.Examples;

/// <summary>
/// Generates the data files of examples/monitoring/heerlen-landgraaf-voerendaal-2021.yaml: the care profiles of the
/// Heerlen, Landgraaf and Voerendaal basic youth help active in 2021, and a year of period data for them (care realised
/// per profile per month, the outcomes of the profiles that ended, the monthly spending under the four lump sums), all
/// drawn from one seeded <see cref="Random"/> so that this code always writes the same bytes.
/// Outcomes are not drawn one by one: per JenS member, in order of their end date, a running quota marks which profiles
/// miss their goals and which of those end early, so that any quarter holds the member's rates give or take one profile
/// and chance alone never trips the monitoring norms. The planted issues, documented in examples/README.md: the heavy
/// GGZ lump sum spends far more from March, three profiles go on past their planned end, Radar's profiles often end early
/// in the third quarter and MeanderGroep's seldom reach their goals in the fourth.
/// </summary>
internal static class MonitoringExampleData
{
    private const decimal WeeksPerMonth = 4.33m;

    private static readonly DateOnly YearStart = new(2021, 1, 1);
    private static readonly DateOnly YearEnd = new(2021, 12, 31);

    // Inhabitants, roughly: Heerlen 87,000, Landgraaf 37,000, Voerendaal 12,500.
    private static readonly (string Id, int Weight)[] Municipalities = [("heerlen", 64), ("landgraaf", 27), ("voerendaal", 9)];

    // The seven JenS members and their shares of the ambulant and the GGZ profiles; Mondriaan is the GGZ provider.
    private static readonly (string Id, int Ambulant, int Ggz)[] Members =
    [
        ("xonar", 22, 15), ("radar", 20, 10), ("mondriaan", 4, 50), ("koraal", 16, 10), ("meandergroep", 14, 5), ("alcander", 14, 5), ("welsun", 10, 5),
    ];

    // The lot and category of each lump sum with its contract budget for 2019-2022, an hourly cost price, the ranges
    // the access teams set (within the category limits of the design) and its share of the profiles.
    private static readonly Kind[] Kinds =
    [
        new("amb-light", "basishulp-ambulant", "light", "hlv-jens-amb-light", 24_800_000m, 68.00m, 1.5m, 4m, 2, 6, 8_000m, 45),
        new("amb-heavy", "basishulp-ambulant", "heavy", "hlv-jens-amb-heavy", 17_600_000m, 74.00m, 4.5m, 8m, 4, 12, 24_000m, 20),
        new("ggz-light", "basishulp-ggz", "light", "hlv-jens-ggz-light", 5_200_000m, 92.00m, 1m, 3m, 2, 6, 6_000m, 22),
        new("ggz-heavy", "basishulp-ggz", "heavy", "hlv-jens-ggz-heavy", 7_400_000m, 98.00m, 3.5m, 6m, 4, 12, 18_000m, 13),
    ];

    // Care and spending per calendar month against the average: less in the summer holidays, more before the year ends.
    private static readonly decimal[] Season = [1.00m, 1.02m, 1.03m, 1.00m, 0.99m, 0.98m, 0.93m, 0.92m, 1.01m, 1.03m, 1.02m, 1.07m];

    // Planted (MO-002): the first profile of the member and kind planned to end in the month goes on for more months.
    private static readonly (string Member, string Kind, int EndMonth, int Months)[] Overruns =
    [
        ("xonar", "amb-light", 4, 2), ("mondriaan", "ggz-light", 7, 1), ("alcander", "amb-light", 10, 3),
    ];

    /// <summary>The data files, by name, with their text (UTF-8, <c>\n</c> line ends).</summary>
    public static IReadOnlyList<(string Name, string Text)> Generate()
    {
        var random = new Random(2021);
        var profiles = DrawProfiles(random);
        PlantOverruns(profiles);
        SetOutcomes(profiles, random);
        return
        [
            ("hlv-2021-care-profiles.csv", ProfilesCsv(profiles)),
            ("hlv-2021-profile-months.csv", MonthsCsv(profiles, random)),
            ("hlv-2021-outcomes.csv", OutcomesCsv(profiles)),
            ("hlv-2021-spending.csv", SpendingCsv(random)),
        ];
    }

    // Six to ten profiles start each working week of 2020 and 2021; those with care in 2021 are kept, numbered by start.
    private static List<Profile> DrawProfiles(Random random)
    {
        var kept = new List<Profile>();
        for (var week = new DateOnly(2020, 1, 6); week <= YearEnd; week = week.AddDays(7))
        {
            var starts = 6 + random.Next(5);
            for (var s = 0; s < starts; s++)
            {
                var profile = Draw(random, week.AddDays(random.Next(5)));
                if (profile.Last >= YearStart)
                {
                    kept.Add(profile);
                }
            }
        }

        return [.. kept.OrderBy(p => p.Start).Select((p, i) => p with { Id = $"hlv-zp-{i + 1:D4}", Client = $"HLV-{p.Start.Year % 100:D2}-{1000 + i}" })];
    }

    // One profile: its planned duration fits the category's limits and budget; it ends as planned unless set otherwise.
    private static Profile Draw(Random random, DateOnly start)
    {
        var kind = Pick(random, Kinds, k => k.Weight);
        var municipality = Pick(random, Municipalities, m => m.Weight).Id;
        var main = Pick(random, Members, m => kind.Lot == "basishulp-ggz" ? m.Ggz : m.Ambulant).Id;
        var intensity = kind.MinHours + (0.5m * random.Next((int)((kind.MaxHours - kind.MinHours) * 2) + 1));
        var room = Math.Min(kind.MaxMonths, (int)(kind.MaxBudget / (intensity * WeeksPerMonth * kind.Tariff)));
        var months = random.Next(kind.MinMonths, room + 1);
        var coProvider = random.NextDouble() < 0.15 ? CoProvider(random, main) : null;
        return new Profile(kind, municipality, main, coProvider, intensity, start, months, room)
        {
            Last = start.AddMonths(months).AddDays(-1),
        };
    }

    // Another member, or for Koraal and Welsun now and then their registered subcontractor.
    private static string CoProvider(Random random, string main)
    {
        if ((main is "koraal" or "welsun") && random.Next(3) == 0)
        {
            return "praktijk-schaesberg";
        }

        var others = Members.Where(m => m.Id != main).ToArray();
        return others[random.Next(others.Length)].Id;
    }

    private static void PlantOverruns(List<Profile> profiles)
    {
        foreach (var (member, kind, endMonth, months) in Overruns)
        {
            var i = profiles.FindIndex(p => p.Main == member && p.Kind.Key == kind && p.Last.Year == 2021 && p.Last.Month == endMonth);
            if (i < 0)
            {
                throw new InvalidOperationException($"No {kind} profile of {member} ends in month {endMonth} of 2021.");
            }

            profiles[i] = profiles[i] with { Last = profiles[i].Last.AddMonths(months), Overrun = months };
        }
    }

    // Per member, in order of the end date: the quota of missed goals, and among those the quota of early endings. An
    // early ending was planned to last one to three months longer; a profile without room for that (or one that went on
    // past its end) passes its turn to the next.
    private static void SetOutcomes(List<Profile> profiles, Random random)
    {
        foreach (var (member, _, _) in Members)
        {
            var (missed, early) = (random.NextDouble(), random.NextDouble());
            foreach (var i in Enumerable.Range(0, profiles.Count).Where(i => profiles[i].Main == member && profiles[i].Last <= YearEnd).OrderBy(i => profiles[i].Last))
            {
                var profile = profiles[i];
                var (missRate, earlyRate) = Rates(member, profile.Last);
                missed += missRate;
                var reached = missed < 1;
                if (!reached)
                {
                    missed -= 1;
                    early += earlyRate;
                }

                var endsEarly = !reached && early >= 1 && profile.Overrun == 0 && profile.Room > profile.Months;
                if (endsEarly)
                {
                    early -= 1;
                    profile = profile with { Months = profile.Months + 1 + random.Next(Math.Min(3, profile.Room - profile.Months)) };
                }

                var goal = reached ? "reached" : random.Next(endsEarly ? 3 : 5) < 2 ? "partly" : "not-reached";
                var satisfaction = endsEarly ? 4 + random.Next(3) : reached ? 7 + random.Next(3) : 6 + random.Next(3);
                profiles[i] = profile with { Outcome = new Outcome(goal, endsEarly, satisfaction) };
            }
        }
    }

    // The share of a member's ended profiles that miss their goals, and the share of those that end early: seven in ten
    // reach their goals and about 8% end early, but in the planted quarters of Radar (III: a third end early, still over
    // half reach their goals) and MeanderGroep (IV: three in ten reach them).
    private static (double Missed, double Early) Rates(string member, DateOnly ended) => (member, (ended.Month + 2) / 3) switch
    {
        ("radar", 3) => (0.42, 0.85),
        ("meandergroep", 4) => (0.7, 0.12),
        _ => (0.3, 0.27),
    };

    private static string ProfilesCsv(List<Profile> profiles)
    {
        // The loader's columns up to 'start': the example has no transfers, named contracts or stays.
        var b = Header(DesignCsv.ProfileColumns.TakeWhile(c => c != "transferredTo"));
        foreach (var p in profiles)
        {
            var budget = Math.Floor(p.Intensity * WeeksPerMonth * p.Months * p.Kind.Tariff / 100m) * 100m;
            Row(b, p.Id, p.Client, p.Municipality, p.Kind.Lot, p.Kind.Category, p.Main, p.CoProvider ?? "", Number(p.Intensity, "0.#"),
                Number(p.Months, "0"), Number(budget, "0"), Date(p.Start));
        }

        return b.ToString();
    }

    // Per profile the months of 2021 with care, the first and last in proportion to their days: hours around the
    // intensity, the spend at the category's hourly cost price.
    private static string MonthsCsv(List<Profile> profiles, Random random)
    {
        var b = Header(DesignCsv.ProfileMonthColumns);
        foreach (var p in profiles)
        {
            var first = new DateOnly(p.Start.Year, p.Start.Month, 1);
            for (var month = first < YearStart ? YearStart : first; month <= YearEnd && month <= p.Last; month = month.AddMonths(1))
            {
                var monthEnd = month.AddMonths(1).AddDays(-1);
                var from = p.Start > month ? p.Start : month;
                var until = p.Last < monthEnd ? p.Last : monthEnd;
                var share = (decimal)(until.DayNumber - from.DayNumber + 1) / monthEnd.Day;
                var hours = Math.Round(p.Intensity * WeeksPerMonth * share * Season[month.Month - 1] * (0.85m + (0.2m * (decimal)random.NextDouble())), 1);
                Row(b, p.Id, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), p.Last <= monthEnd ? "ended" : "active", Number(hours, "0.0"), "",
                    Number(hours * p.Kind.Tariff, "0.00"));
            }
        }

        return b.ToString();
    }

    private static string OutcomesCsv(List<Profile> profiles)
    {
        var b = Header(DesignCsv.OutcomeColumns);
        foreach (var p in profiles.Where(p => p.Outcome is not null).OrderBy(p => p.Last))
        {
            Row(b, p.Id, Date(p.Last), p.Outcome!.Goal, p.Outcome.EndedEarly ? "true" : "false", Number(p.Outcome.Satisfaction, "0"));
        }

        return b.ToString();
    }

    // About a 48th of each lump sum's budget a month, within 2.5%; planted (I): the heavy GGZ lump sum spends 15% more
    // in March and 40% more from April.
    private static string SpendingCsv(Random random)
    {
        var b = Header(DesignCsv.SpendingColumns);
        foreach (var kind in Kinds)
        {
            for (var m = 0; m < 12; m++)
            {
                var over = kind.Key != "ggz-heavy" || m < 2 ? 1m : m == 2 ? 1.15m : 1.4m;
                var amount = kind.ContractBudget / 48m * Season[m] * over * (0.975m + (0.05m * (decimal)random.NextDouble()));
                Row(b, kind.Contract, YearStart.AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture), Number(amount, "0.00"));
            }
        }

        return b.ToString();
    }

    private static T Pick<T>(Random random, T[] items, Func<T, int> weight)
    {
        var draw = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            draw -= weight(item);
            if (draw < 0)
            {
                return item;
            }
        }

        throw new InvalidOperationException("A weight is negative.");
    }

    private static StringBuilder Header(IEnumerable<string> columns) => new StringBuilder().Append(string.Join(',', columns)).Append('\n');

    private static void Row(StringBuilder b, params string[] cells) => b.Append(string.Join(',', cells)).Append('\n');

    private static string Number(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Kind(
        string Key, string Lot, string Category, string Contract, decimal ContractBudget, decimal Tariff, decimal MinHours, decimal MaxHours,
        int MinMonths, int MaxMonths, decimal MaxBudget, int Weight);

    // A care profile as drawn: Months is its planned duration, Room the longest its category's limits allow at its
    // intensity, Last the last day of care (its planned end unless it ended early or went on), Overrun the months past it.
    private sealed record Profile(Kind Kind, string Municipality, string Main, string? CoProvider, decimal Intensity, DateOnly Start, int Months, int Room)
    {
        public string Id { get; init; } = "";

        public string Client { get; init; } = "";

        public DateOnly Last { get; init; }

        public int Overrun { get; init; }

        public Outcome? Outcome { get; init; }
    }

    private sealed record Outcome(string Goal, bool EndedEarly, int Satisfaction);
}
