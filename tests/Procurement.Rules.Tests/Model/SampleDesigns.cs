namespace Procurement.Rules.Tests.Model;

/// <summary>A small, valid design whose line numbers the error tests rely on: edit with care.</summary>
internal static class SampleDesigns
{
    public const string Valid = """
        design: sample-2023
        region: Voorbeeldregio
        period: { from: 2023-01-01, until: 2026-12-31 }
        municipalities:
          - { id: dordrecht, name: Dordrecht, accessTeam: toegang-dordrecht }
          - { id: voorschoten, name: Voorschoten, until: 2024-12-31, accessTeam: toegang-voorschoten }
        lots:
          - id: ambulant
            name: Ambulante jeugdhulp
            productCategories: ["45"]
            scope: regional
            light: { procurement: open-house, qualifications: [vog], limits: { intensityHoursPerWeek: 4, durationMonths: 6, budget: 8000 } }
            heavy: { procurement: selective-tender, maxProviders: 4, qualifications: [vog, skj-registered], products: [{ code: 45A54, name: Specialistische ambulante jeugdhulp, category: "45", variant: output-based, unit: trajectory, standard: true, tariff: { amount: 4800, costBuildUp: { staff: 3600, clientRelated: 240, overhead: 960 }, indexation: OVA, differentiation: "Hogere intensiteit" } }], limits: { budget: 60000 } }
        providers:
          - { id: xonar, agb: "12345678", name: Xonar, qualifications: [vog, skj-registered] }
          - { id: radar, agb: "23456789", name: Radar, qualifications: [vog], subcontractors: [] }
        cooperatives:
          - { id: jens, name: JenS, members: [xonar, radar], region: [dordrecht] }
        contracts:
          - { id: C-001, party: xonar, lot: ambulant, category: heavy, municipalities: [dordrecht], period: { from: 2023-01-01, until: 2026-12-31 }, financing: output-based, value: 450000, publication: { procedure: national, published: 2022-10-03, notice: "TenderNed 271828" }, budget: 450000, hardshipClause: "Overleg bij overschrijding" }
          - { id: C-002, party: jens, lot: ambulant, category: light, municipalities: [dordrecht, voorschoten], period: { from: 2023-01-01, until: 2024-12-31 }, value: 90000 }
        careProfiles:
          - { id: P-0001, municipality: dordrecht, lot: ambulant, category: heavy, mainContractor: xonar, coProviders: [radar], intensityHoursPerWeek: 6, durationMonths: 12, budget: 24000, start: 2023-03-01, stay: true, responsibleMunicipality: dordrecht }
          - { id: P-0002, municipality: voorschoten, lot: ambulant, category: light, mainContractor: radar, intensityHoursPerWeek: 2, durationMonths: 3, budget: 2500, start: 2023-05-01 }
        escalations:
          - { profile: P-0001, from: light, to: heavy, date: 2023-03-01, approvedBy: toegang-dordrecht, expertTeam: ret }
        expertTeam: { id: ret, name: Regionaal Expertteam }
        """;

    /// <summary>
    /// Period data for <see cref="Valid"/>, to append to it after a line break: two months of P-0001 out of month order,
    /// the month P-0002 ended and its outcome, and two months of spending under C-001 out of month order.
    /// </summary>
    public const string PeriodData = """
        profileMonths:
          - { profile: P-0001, month: 2023-04, status: active, hours: 26, spend: 2100 }
          - { profile: P-0001, month: 2023-03, status: active, hours: 24.5, units: 3, spend: 1980.50 }
          - { profile: P-0002, month: 2023-07, status: ended }
        outcomes:
          - { profile: P-0002, ended: 2023-07-31, goal: partly, endedEarly: true, satisfaction: 7.5 }
        spending:
          - { contract: C-001, month: 2023-02, amount: 37500 }
          - { contract: C-001, month: 2023-01, amount: 36000 }

        """;

    /// <summary>Replaces the first occurrence of <paramref name="find"/>, failing loudly when the sample changed under the test.</summary>
    public static string With(string find, string replace)
    {
        var index = Valid.IndexOf(find, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"Sample design does not contain '{find}'.");
        }

        return string.Concat(Valid.AsSpan(0, index), replace, Valid.AsSpan(index + find.Length));
    }
}
