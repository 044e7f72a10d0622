using System.Globalization;

namespace Procurement.Rules.Tests.Properties;

/// <summary>Transformations of a design that should not change its verdicts: renaming ids and reordering lists.</summary>
internal static class SpecTransforms
{
    /// <summary>
    /// Gives every id (and every access-team name) a new, unrelated name, consistently everywhere it is used: also the
    /// responsible municipality of a stay, and the expert team, which is an approver like an access team (an escalation
    /// approved by the team it was referred to stays so). Product codes are renamed per code, so products that share a
    /// code still do. Sectors are made explicit first: a lot's sector defaults to its id, and a renamed id must not change it.
    /// </summary>
    public static (DesignSpec Renamed, Func<string, string> Subject) RenameIds(DesignSpec design, Random random, bool odd = false)
    {
        var d = design with { Lots = [.. design.Lots.Select(l => l with { Sector = l.EffectiveSector })] };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        string New(string old)
        {
            if (!map.TryGetValue(old, out var name))
            {
                // Unrelated names that sort differently from the originals: upper and lower case, digits, dots.
                do
                {
                    name = odd ? OddText(random) : random.Next(4) switch
                    {
                        0 => "Z" + random.Next(100000).ToString(CultureInfo.InvariantCulture),
                        1 => "a." + random.Next(100000).ToString(CultureInfo.InvariantCulture),
                        2 => random.Next(1000, 100000).ToString(CultureInfo.InvariantCulture),
                        _ => "x-" + (char)('a' + random.Next(26)) + random.Next(1000).ToString(CultureInfo.InvariantCulture),
                    };
                }
                while (!used.Add(name));

                map[old] = name;
            }

            return name;
        }

        string? Opt(string? old) => old is null ? null : New(old);
        string[] All(string[] olds) => [.. olds.Select(New)];

        // Access teams and approvals are names too; an approval that names no team keeps naming none.
        var teams = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Team(string? old)
        {
            if (old is null)
            {
                return null;
            }

            if (!teams.TryGetValue(old, out var name))
            {
                teams[old] = name = "team-" + New("team:" + old);
            }

            return name;
        }

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string Code(string old)
        {
            if (!codes.TryGetValue(old, out var name))
            {
                codes[old] = name = "code-" + New("code:" + old);
            }

            return name;
        }

        TermsSpec Terms(TermsSpec t) => t.Products is null ? t : t with { Products = [.. t.Products.Select(p => p with { Code = Code(p.Code) })] };

        var renamed = d with
        {
            ExpertTeam = d.ExpertTeam is { } team ? team with { Id = Team(team.Id)! } : null,
            Municipalities = [.. d.Municipalities.Select(m => m with { Id = New(m.Id), AccessTeam = Team(m.AccessTeam) })],
            Lots = [.. d.Lots.Select(l => l with { Id = New(l.Id), Municipality = Opt(l.Municipality), Excludes = All(l.Excludes), Light = Terms(l.Light), Heavy = Terms(l.Heavy) })],
            Providers = [.. d.Providers.Select(p => p with { Id = New(p.Id), Subcontractors = All(p.Subcontractors) })],
            Cooperatives = [.. d.Cooperatives.Select(c => c with { Id = New(c.Id), Members = All(c.Members), Region = All(c.Region) })],
            Contracts = [.. d.Contracts.Select(c => c with { Id = New(c.Id), Party = New(c.Party), Lot = New(c.Lot), Municipalities = All(c.Municipalities) })],
            Profiles = [.. d.Profiles.Select(p => p with
            {
                Id = New(p.Id), Municipality = New(p.Municipality), Lot = New(p.Lot), MainContractor = Opt(p.MainContractor), CoProviders = All(p.CoProviders),
                TransferredTo = Opt(p.TransferredTo), Contract = Opt(p.Contract), ResponsibleMunicipality = Opt(p.ResponsibleMunicipality),
            })],
            Escalations = [.. d.Escalations.Select(e => e with { Id = Opt(e.Id), Profile = New(e.Profile), ToLot = Opt(e.ToLot), ApprovedBy = Team(e.ApprovedBy), ExpertTeam = Team(e.ExpertTeam) })],
        };

        var escalationIds = d.Escalations.Zip(renamed.Escalations).ToLookup(x => x.First.EffectiveId, x => x.Second.EffectiveId, StringComparer.Ordinal);
        string Subject(string path)
        {
            // kind[id] or lots[id].light/heavy
            var open = path.IndexOf('[', StringComparison.Ordinal);
            var close = path.LastIndexOf(']');
            if (open < 0 || close < open)
            {
                return path;
            }

            var kind = path[..open];
            var id = path[(open + 1)..close];
            var newId = kind == "escalations" ? escalationIds[id].First() : map[id];
            return $"{kind}[{newId}]{path[(close + 1)..]}";
        }

        return (renamed, Subject);
    }

    /// <summary>Gives every name (not the ids) an odd text: quotes, YAML syntax, reserved words, accents, emoji, control characters, line separators.</summary>
    public static DesignSpec OddNames(DesignSpec d, Random random)
    {
        var productNames = new Dictionary<string, string>(StringComparer.Ordinal);
        return d with
        {
            Id = OddText(random),
            Region = OddText(random),
            Municipalities = [.. d.Municipalities.Select(m => m with { Name = OddText(random) })],
            Lots = [.. d.Lots.Select(l => l with { Name = OddText(random), Light = OddProductNames(l.Light, productNames, random), Heavy = OddProductNames(l.Heavy, productNames, random) })],
            Providers = [.. d.Providers.Select(p => p with { Name = OddText(random) })],
            Cooperatives = [.. d.Cooperatives.Select(c => c with { Name = OddText(random) })],
            ExpertTeam = d.ExpertTeam is { } team ? team with { Name = OddText(random) } : null,
            Profiles = [.. d.Profiles.Select(p => p with { Client = random.Next(2) == 0 ? null : OddText(random) })],
        };
    }

    // A product's name is part of its meaning (CT-002): every product of the same name gets the same odd name.
    private static TermsSpec OddProductNames(TermsSpec t, Dictionary<string, string> names, Random random) => t.Products is null ? t : t with
    {
        Products = [.. t.Products.Select(p => p with { Name = names.TryGetValue(p.Name, out var odd) ? odd : names[p.Name] = OddText(random) })],
    };

    private static readonly string[] OddPieces =
    [
        "a", "Z", "0", "12", "1e3", "0x1F", ".5", " ", "  ", "-", "- ", ":", ": ", "#", " #", "'", "\"", "\\", "[", "]", "{", "}", ",", "&a", "*a", "!", "!!str", "|", ">", "%", "@", "`", "?",
        "yes", "No", "null", "~", "true", "on", "Y", ".inf", "NaN", "é", "ö", "ĳ", "中", "😀", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u00a0", "\u0007", "\u007f", "\ufeff", "\ufffd",
    ];

    /// <summary>A short text made of pieces that trip YAML writers; never empty, never only blanks.</summary>
    public static string OddText(Random random)
    {
        var text = string.Concat(Enumerable.Range(0, 1 + random.Next(5)).Select(_ => OddPieces[random.Next(OddPieces.Length)]));
        return string.IsNullOrWhiteSpace(text) ? "x" + text : text;
    }

    /// <summary>Shuffles every list in the design: the items of each collection and every list inside an item.</summary>
    public static DesignSpec Reorder(DesignSpec d, Random random)
    {
        T[] S<T>(IEnumerable<T> items)
        {
            var array = items.ToArray();
            random.Shuffle(array);
            return array;
        }

        return d with
        {
            Municipalities = S(d.Municipalities),
            Lots = S(d.Lots.Select(l => l with
            {
                ProductCategories = S(l.ProductCategories), Excludes = S(l.Excludes),
                Light = l.Light with { Qualifications = S(l.Light.Qualifications), Products = l.Light.Products is { } light ? S(light) : null },
                Heavy = l.Heavy with { Qualifications = S(l.Heavy.Qualifications), Products = l.Heavy.Products is { } heavy ? S(heavy) : null },
            })),
            Providers = S(d.Providers.Select(p => p with { Qualifications = S(p.Qualifications), Subcontractors = S(p.Subcontractors) })),
            Cooperatives = S(d.Cooperatives.Select(c => c with { Members = S(c.Members), Region = S(c.Region) })),
            Contracts = S(d.Contracts.Select(c => c with { Municipalities = S(c.Municipalities) })),
            Profiles = S(d.Profiles.Select(p => p with { CoProviders = S(p.CoProviders) })),
            Escalations = S(d.Escalations),
        };
    }

    /// <summary>
    /// Moves every date of the design by <paramref name="years"/> whole years: the purchasing period, participation,
    /// contract periods, publications, profile starts and escalation dates. For a multiple of four within 1901-2099 every
    /// date keeps its day of the month and every month its length, so durations end on the same day of the month.
    /// Escalations without an id get the id of their new date.
    /// </summary>
    public static DesignSpec ShiftYears(DesignSpec d, int years)
    {
        DateOnly Shift(DateOnly date) => date.AddYears(years);
        DateOnly? Opt(DateOnly? date) => date is { } x ? Shift(x) : null;
        PeriodSpec Period(PeriodSpec p) => new(Shift(p.From), Opt(p.Until));
        PublicationSpec? Publication(PublicationSpec? p) => p is null ? null : p with { Published = Opt(p.Published) };
        TermsSpec Terms(TermsSpec t) => t with { Publication = Publication(t.Publication) };

        return d with
        {
            Period = Period(d.Period),
            Municipalities = [.. d.Municipalities.Select(m => m with { From = Opt(m.From), Until = Opt(m.Until) })],
            Lots = [.. d.Lots.Select(l => l with { Light = Terms(l.Light), Heavy = Terms(l.Heavy) })],
            Contracts = [.. d.Contracts.Select(c => c with { Period = Period(c.Period), Publication = Publication(c.Publication) })],
            Profiles = [.. d.Profiles.Select(p => p with { Start = Shift(p.Start) })],
            Escalations = [.. d.Escalations.Select(e => e with { Date = Shift(e.Date) })],
        };
    }
}
