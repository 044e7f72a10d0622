namespace Procurement.Rules.Tests.Packs;

/// <summary>
/// A small design that passes every shipped rule, and a helper that edits it snippet by snippet. Each test design
/// for the shipped packs is this base with a few snippets replaced.
/// </summary>
/// <remarks>
/// What the base holds, so that every rule has something to look at:
/// a regional open-house/selective-tender lot (ambulant), a regional lump-sum lot (basishulp, contracted to the
/// cooperative JenS), and a local in-house lot bought by Dordrecht (dordrecht-ggz); Papendrecht joins on 2025-01-01
/// and is on no contract; a light profile with a registered subcontractor as co-provider; an upscaling, a
/// de-escalation, and a local-to-regional escalation with a transfer to a regionally contracted provider.
/// </remarks>
internal static class PackDesigns
{
    public const string Base = """
        design: shipped-pack-test
        region: Testregio
        period: { from: 2023-01-01, until: 2026-12-31 }
        municipalities:
          - { id: dordrecht, name: Dordrecht, accessTeam: toegang-dordrecht }
          - { id: zwijndrecht, name: Zwijndrecht, accessTeam: toegang-zwijndrecht }
          - { id: papendrecht, name: Papendrecht, from: 2025-01-01, accessTeam: toegang-papendrecht }
        lots:
          - id: ambulant
            name: Ambulante jeugdhulp
            productCategories: ["45"]
            light: { procurement: open-house, qualifications: [vog], limits: { intensityHoursPerWeek: 4, durationMonths: 6, budget: 8000 } }
            heavy: { procurement: selective-tender, maxProviders: 3, qualifications: [vog, skj-registered], limits: { budget: 60000 } }
          - id: basishulp
            name: Basishulp
            productCategories: ["45"]
            light: { procurement: lump-sum, qualifications: [vog], financing: task-oriented, limits: { intensityHoursPerWeek: 3, durationMonths: 6, budget: 6000 } }
            heavy: { procurement: lump-sum, qualifications: [vog, skj-registered], financing: task-oriented }
          - id: dordrecht-ggz
            name: Jeugd-GGZ Dordrecht
            productCategories: ["54"]
            scope: local
            municipality: dordrecht
            light: { procurement: in-house, qualifications: [vog] }
            heavy: { procurement: in-house, qualifications: [vog] }
        providers:
          - { id: xonar, agb: "12345678", name: Xonar, qualifications: [vog, skj-registered] }
          - { id: radar, agb: "23456789", name: Radar, qualifications: [vog, skj-registered], subcontractors: [kindpraktijk] }
          - { id: mondriaan, agb: "34567890", name: Mondriaan, qualifications: [vog, skj-registered] }
          - { id: kindpraktijk, agb: "45678901", name: Kindpraktijk, qualifications: [vog] }
          - { id: jeugdteam, agb: "56789012", name: Jeugdteam Dordrecht, qualifications: [vog] }
        cooperatives:
          - { id: jens, name: JenS, members: [xonar, radar], region: [dordrecht, zwijndrecht] }
        contracts:
          - { id: C-AL, party: jens, lot: ambulant, category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 400000 }
          - { id: C-AH1, party: xonar, lot: ambulant, category: heavy, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 250000 }
          - { id: C-AH2, party: mondriaan, lot: ambulant, category: heavy, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 500000 }
          - { id: C-BL, party: jens, lot: basishulp, category: light, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2026-12-31 }, financing: task-oriented, value: 300000 }
          - { id: C-BH, party: jens, lot: basishulp, category: heavy, municipalities: [dordrecht, zwijndrecht], period: { from: 2023-01-01, until: 2026-12-31 }, financing: task-oriented, value: 700000 }
          - { id: C-GL, party: jeugdteam, lot: dordrecht-ggz, category: light, municipalities: [dordrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 100000 }
          - { id: C-GH, party: jeugdteam, lot: dordrecht-ggz, category: heavy, municipalities: [dordrecht], period: { from: 2023-01-01, until: 2026-12-31 }, value: 200000 }
        careProfiles:
          - { id: P-1, municipality: dordrecht, lot: ambulant, category: heavy, mainContractor: xonar, coProviders: [mondriaan], intensityHoursPerWeek: 6, durationMonths: 12, budget: 24000, start: 2023-03-01 }
          - { id: P-2, municipality: zwijndrecht, lot: ambulant, category: light, mainContractor: radar, coProviders: [kindpraktijk], intensityHoursPerWeek: 2, durationMonths: 3, budget: 2500, start: 2023-05-01 }
          - { id: P-3, municipality: dordrecht, lot: dordrecht-ggz, category: heavy, mainContractor: jeugdteam, intensityHoursPerWeek: 8, durationMonths: 12, budget: 30000, start: 2023-02-01, transferredTo: xonar }
          - { id: P-4, municipality: dordrecht, lot: basishulp, category: light, mainContractor: xonar, coProviders: [radar], intensityHoursPerWeek: 2, durationMonths: 4, budget: 3000, start: 2023-04-01 }
        escalations:
          - { id: E-1, profile: P-1, from: light, to: heavy, date: 2023-03-01, approvedBy: toegang-dordrecht }
          - { id: E-2, profile: P-2, from: heavy, to: light, date: 2023-05-01, approvedBy: toegang-zwijndrecht }
          - { id: E-3, profile: P-3, from: heavy, to: heavy, fromScope: local, toScope: regional, toLot: ambulant, date: 2023-06-01, approvedBy: toegang-dordrecht }
        """;

    /// <summary>
    /// The base design with each (find, replace) applied in order; a snippet that is missing, or that occurs more than
    /// once, fails loudly so an edit never silently misses after the base changes.
    /// </summary>
    public static string With(params (string Find, string Replace)[] edits)
    {
        var text = Base;
        foreach (var (find, replace) in edits)
        {
            var index = text.IndexOf(find, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new InvalidOperationException($"The test design does not contain '{find}'.");
            }

            if (text.IndexOf(find, index + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"The test design contains '{find}' more than once; use a longer snippet.");
            }

            text = string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length));
        }

        return text;
    }
}
