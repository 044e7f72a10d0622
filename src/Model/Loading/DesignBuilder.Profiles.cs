using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>Builds the care profiles, the largest part of a national design, and gives each lot's terms its profiles.</summary>
internal sealed partial class DesignResolver
{
    private (List<CareProfile> Profiles, Dictionary<string, CareProfile> ById) BuildProfiles(List<CareProfileDto> items)
    {
        var profiles = new List<CareProfile>(items.Count);
        var profileById = new Dictionary<string, CareProfile>(items.Count, StringComparer.Ordinal);
        foreach (var p in items)
        {
            var profile = new CareProfile(
                p.Id!.Value.Value,
                p.Client,
                _municipalityById[p.Municipality!.Value.Value],
                _lotById[p.Lot!.Value.Value],
                p.Category!.Value,
                p.MainContractor is { } main ? (Provider)_partyById[main.Value] : null,
                Providers(p.CoProviders),
                p.IntensityHoursPerWeek!.Value,
                p.DurationMonths!.Value,
                p.Budget!.Value,
                p.Start!.Value,
                p.TransferredTo is { } transferred ? (Provider)_partyById[transferred.Value] : null,
                p.Stay ?? false,
                p.ResponsibleMunicipality is { } responsible ? _municipalityById[responsible.Value] : null,
                At(p.File, p.Span))
            {
                Contract = p.Contract is { } stated ? _contractById[stated.Value] : null,
            };
            profile.MainContract = profile.MainContractor?.ContractFor(profile.Lot, profile.Category, profile.Municipality, profile.Start);
            profiles.Add(profile);
            profileById.Add(profile.Id, profile);
        }

        return (profiles, profileById);
    }

    // The providers named by checked ids, in order; most profiles name none or one.
    private Provider[] Providers(IReadOnlyList<Located<string>> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var providers = new Provider[ids.Count];
        for (var i = 0; i < providers.Length; i++)
        {
            providers[i] = (Provider)_partyById[ids[i].Value];
        }

        return providers;
    }

    // Each lot's light and heavy terms get their profiles in file order: counted per terms first, so that every array is
    // made once at its size (a national design has hundreds of thousands of profiles over a few dozen terms).
    private static void AssignProfilesToTerms(List<Lot> lots, List<CareProfile> profiles)
    {
        var counts = new int[lots.Count * 2];
        foreach (var profile in profiles)
        {
            counts[profile.Lot.TermsSlot(profile.Category)]++;
        }

        var perTerms = new CareProfile[counts.Length][];
        var filled = new int[counts.Length];
        foreach (var profile in profiles)
        {
            var slot = profile.Lot.TermsSlot(profile.Category);
            (perTerms[slot] ??= new CareProfile[counts[slot]])[filled[slot]++] = profile;
        }

        for (var slot = 0; slot < perTerms.Length; slot++)
        {
            if (perTerms[slot] is { } inTerms)
            {
                inTerms[0].Terms.CareProfiles = inTerms;
            }
        }
    }
}
