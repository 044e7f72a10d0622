using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// Shrinks a design towards a small, readable counter-example: first whole halves of long lists, then single items,
/// then single entries of inner lists (products too), then optional fields (a tariff, a stay, a lump-sum budget and
/// hardship clause, the expert team). Removing an item also removes or clears what refers to it (a removed municipality
/// is no longer any stay's responsible municipality; without the expert team no escalation is referred to it), so
/// every candidate still loads.
/// </summary>
internal static class DesignShrinker
{
    public static IEnumerable<DesignSpec> Shrink(DesignSpec d)
    {
        // Big steps first: drop half of the profiles, escalations or contracts at once.
        foreach (var candidate in Halves<EscalationSpec>(d.Escalations.Length, keep => d with { Escalations = keep(d.Escalations) }))
        {
            yield return candidate;
        }

        foreach (var candidate in Halves<ProfileSpec>(d.Profiles.Length, keep => RemoveProfiles(d, keep(d.Profiles).Select(p => p.Id).ToHashSet(StringComparer.Ordinal))))
        {
            yield return candidate;
        }

        foreach (var candidate in Halves<ContractSpec>(d.Contracts.Length, keep => RemoveContracts(d, keep(d.Contracts).Select(c => c.Id).ToHashSet(StringComparer.Ordinal))))
        {
            yield return candidate;
        }

        // Then single items, from the leaves of the reference graph to its roots.
        for (var i = 0; i < d.Escalations.Length; i++)
        {
            yield return d with { Escalations = Without(d.Escalations, i) };
        }

        for (var i = 0; i < d.Profiles.Length; i++)
        {
            yield return RemoveProfiles(d, d.Profiles.Where((_, j) => j != i).Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        }

        for (var i = 0; i < d.Contracts.Length; i++)
        {
            yield return RemoveContracts(d, d.Contracts.Where((_, j) => j != i).Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        }

        for (var i = 0; i < d.Cooperatives.Length; i++)
        {
            yield return RemoveParty(d, d.Cooperatives[i].Id);
        }

        for (var i = 0; i < d.Providers.Length; i++)
        {
            yield return RemoveParty(d, d.Providers[i].Id);
        }

        for (var i = 0; i < d.Lots.Length; i++)
        {
            yield return RemoveLot(d, d.Lots[i].Id);
        }

        for (var i = 0; i < d.Municipalities.Length; i++)
        {
            yield return RemoveMunicipality(d, d.Municipalities[i].Id);
        }

        // Then entries of inner lists and optional fields, one at a time.
        for (var i = 0; i < d.Contracts.Length; i++)
        {
            var c = d.Contracts[i];
            for (var j = 0; j < c.Municipalities.Length; j++)
            {
                yield return d with { Contracts = Replace(d.Contracts, i, c with { Municipalities = Without(c.Municipalities, j) }) };
            }
        }

        for (var i = 0; i < d.Profiles.Length; i++)
        {
            var p = d.Profiles[i];
            for (var j = 0; j < p.CoProviders.Length; j++)
            {
                yield return d with { Profiles = Replace(d.Profiles, i, p with { CoProviders = Without(p.CoProviders, j) }) };
            }

            if (p.Contract is not null)
            {
                yield return d with { Profiles = Replace(d.Profiles, i, p with { Contract = null }) };
            }

            if (p.Client is not null)
            {
                yield return d with { Profiles = Replace(d.Profiles, i, p with { Client = null }) };
            }

            if (p.Stay || p.ResponsibleMunicipality is not null)
            {
                yield return d with { Profiles = Replace(d.Profiles, i, p with { Stay = false, ResponsibleMunicipality = null }) };
            }
        }

        for (var i = 0; i < d.Contracts.Length; i++)
        {
            var c = d.Contracts[i];
            if (c.Budget is not null || c.HardshipClause is not null)
            {
                yield return d with { Contracts = Replace(d.Contracts, i, c with { Budget = null, HardshipClause = null }) };
            }
        }

        for (var i = 0; i < d.Escalations.Length; i++)
        {
            var e = d.Escalations[i];
            if (e.ExpertTeam is not null)
            {
                yield return d with { Escalations = Replace(d.Escalations, i, e with { ExpertTeam = null }) };
            }
        }

        if (d.ExpertTeam is not null)
        {
            yield return RemoveExpertTeam(d);
        }

        for (var i = 0; i < d.Cooperatives.Length; i++)
        {
            var c = d.Cooperatives[i];
            for (var j = 0; j < c.Members.Length; j++)
            {
                yield return d with { Cooperatives = Replace(d.Cooperatives, i, c with { Members = Without(c.Members, j) }) };
            }

            for (var j = 0; j < c.Region.Length; j++)
            {
                yield return d with { Cooperatives = Replace(d.Cooperatives, i, c with { Region = Without(c.Region, j) }) };
            }
        }

        for (var i = 0; i < d.Providers.Length; i++)
        {
            var p = d.Providers[i];
            for (var j = 0; j < p.Subcontractors.Length; j++)
            {
                yield return d with { Providers = Replace(d.Providers, i, p with { Subcontractors = Without(p.Subcontractors, j) }) };
            }

            for (var j = 0; j < p.Qualifications.Length; j++)
            {
                yield return d with { Providers = Replace(d.Providers, i, p with { Qualifications = Without(p.Qualifications, j) }) };
            }
        }

        for (var i = 0; i < d.Lots.Length; i++)
        {
            var l = d.Lots[i];
            for (var j = 0; j < l.Excludes.Length; j++)
            {
                yield return d with { Lots = Replace(d.Lots, i, l with { Excludes = Without(l.Excludes, j) }) };
            }

            foreach (var category in (CareCategory[])[CareCategory.Light, CareCategory.Heavy])
            {
                var terms = l.Terms(category);
                for (var j = 0; j < terms.ProductList.Length; j++)
                {
                    yield return d with { Lots = Replace(d.Lots, i, WithTerms(l, category, terms with { Products = Without(terms.ProductList, j) })) };
                }

                for (var j = 0; j < terms.ProductList.Length; j++)
                {
                    if (terms.ProductList[j].Tariff is not null)
                    {
                        yield return d with { Lots = Replace(d.Lots, i, WithTerms(l, category, terms with { Products = Replace(terms.ProductList, j, terms.ProductList[j] with { Tariff = null }) })) };
                    }
                }
            }

            if (l.Light.Limits != LimitsSpec.None)
            {
                yield return d with { Lots = Replace(d.Lots, i, l with { Light = l.Light with { Limits = LimitsSpec.None } }) };
            }

            if (l.Heavy.Limits != LimitsSpec.None)
            {
                yield return d with { Lots = Replace(d.Lots, i, l with { Heavy = l.Heavy with { Limits = LimitsSpec.None } }) };
            }
        }
    }

    public static DesignSpec RemoveProfiles(DesignSpec d, HashSet<string> keep) => d with
    {
        Profiles = [.. d.Profiles.Where(p => keep.Contains(p.Id))],
        Escalations = [.. d.Escalations.Where(e => keep.Contains(e.Profile))],
    };

    public static DesignSpec RemoveContracts(DesignSpec d, HashSet<string> keep) => d with
    {
        Contracts = [.. d.Contracts.Where(c => keep.Contains(c.Id))],
        Profiles = [.. d.Profiles.Select(p => p.Contract is { } c && !keep.Contains(c) ? p with { Contract = null } : p)],
    };

    public static DesignSpec RemoveParty(DesignSpec d, string party)
    {
        var reduced = d with
        {
            Providers = [.. d.Providers.Where(p => p.Id != party).Select(p => p with { Subcontractors = Except(p.Subcontractors, party) })],
            Cooperatives = [.. d.Cooperatives.Where(c => c.Id != party).Select(c => c with { Members = Except(c.Members, party) })],
            Profiles = [.. d.Profiles.Select(p => p with
            {
                MainContractor = p.MainContractor == party ? null : p.MainContractor,
                TransferredTo = p.TransferredTo == party ? null : p.TransferredTo,
                CoProviders = Except(p.CoProviders, party),
            })],
        };
        return RemoveContracts(reduced, d.Contracts.Where(c => c.Party != party).Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
    }

    public static DesignSpec RemoveLot(DesignSpec d, string lot)
    {
        var reduced = d with
        {
            Lots = [.. d.Lots.Where(l => l.Id != lot)],
            Escalations = [.. d.Escalations.Select(e => e.ToLot == lot ? e with { ToLot = null } : e)],
        };
        reduced = RemoveContracts(reduced, d.Contracts.Where(c => c.Lot != lot).Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        return RemoveProfiles(reduced, d.Profiles.Where(p => p.Lot != lot).Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The design without its expert team, and so without referrals to it (approvals by it stay, as plain names).</summary>
    public static DesignSpec RemoveExpertTeam(DesignSpec d) => d with
    {
        ExpertTeam = null,
        Escalations = [.. d.Escalations.Select(e => e.ExpertTeam is null ? e : e with { ExpertTeam = null })],
    };

    public static DesignSpec RemoveMunicipality(DesignSpec d, string municipality)
    {
        var reduced = d with
        {
            Municipalities = [.. d.Municipalities.Where(m => m.Id != municipality)],
            Profiles = [.. d.Profiles.Select(p => p.ResponsibleMunicipality == municipality ? p with { ResponsibleMunicipality = null } : p)],
            Lots = [.. d.Lots.Select(l => l with { Excludes = Except(l.Excludes, municipality) })],
            Cooperatives = [.. d.Cooperatives.Select(c => c with { Region = Except(c.Region, municipality) })],
            Contracts = [.. d.Contracts.Select(c => c with { Municipalities = Except(c.Municipalities, municipality) })],
        };
        reduced = RemoveProfiles(reduced, d.Profiles.Where(p => p.Municipality != municipality).Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        foreach (var local in d.Lots.Where(l => l.Municipality == municipality))
        {
            reduced = RemoveLot(reduced, local.Id);
        }

        return reduced;
    }

    private static IEnumerable<DesignSpec> Halves<T>(int count, Func<Func<T[], T[]>, DesignSpec> with)
    {
        if (count < 4)
        {
            yield break;
        }

        var half = count / 2;
        yield return with(items => items[half..]);
        yield return with(items => items[..half]);
    }

    private static LotSpec WithTerms(LotSpec lot, CareCategory category, TermsSpec terms) =>
        category == CareCategory.Light ? lot with { Light = terms } : lot with { Heavy = terms };

    private static T[] Without<T>(T[] items, int index) => [.. items[..index], .. items[(index + 1)..]];

    private static T[] Replace<T>(T[] items, int index, T item)
    {
        var copy = (T[])items.Clone();
        copy[index] = item;
        return copy;
    }

    private static string[] Except(string[] items, string id) => [.. items.Where(i => i != id)];
}
