using System.CommandLine;

namespace Procurement.Rules.Cli;

/// <summary><c>init</c>: write a small starter design and an override file into the current folder.</summary>
internal static class InitCommand
{
    public const string DesignFile = "tender-design.yaml";
    public const string OverrideFile = "overrides.yaml";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var force = new Option<bool>("--force") { Description = "Overwrite the files when they exist." };
        var directory = new Option<string?>("--directory") { Description = "Write into this folder instead of the current one." };
        var command = new Command(
            "init",
            $"Write a starter design ({DesignFile}) and override file ({OverrideFile}) into the current folder.")
        {
            force, directory,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(directory) ?? Environment.CurrentDirectory;
            Directory.CreateDirectory(folder);
            var files = new[] { (DesignFile, StarterDesign), (OverrideFile, StarterOverrides) };
            if (!parse.GetValue(force) && files.FirstOrDefault(f => File.Exists(Path.Combine(folder, f.Item1))) is { Item1: { } existing })
            {
                error.WriteLine($"error: {existing} already exists; use --force to overwrite it.");
                return ExitCodes.InvalidInput;
            }

            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(folder, name), content);
                output.WriteLine($"wrote {name}");
            }

            output.WriteLine($"next: procurement-rules validate {DesignFile} --override {OverrideFile}");
            return ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>A small design: two municipalities, one lot with a light and a heavy category (with a priced product), two providers, a cooperative, the expert team.</summary>
    public const string StarterDesign = """
        # Starter tender design (inkoopkader jeugdhulp) written by 'procurement-rules init'.
        # Replace the example municipalities, lots, providers, contracts and care profiles with your own,
        # then run: procurement-rules validate tender-design.yaml --override overrides.yaml
        design: starter-2025
        region: Voorbeeldregio
        period: { from: 2025-01-01, until: 2028-12-31 }
        expertTeam: { id: ret-voorbeeldregio, name: Regionaal Expertteam Voorbeeldregio }
        municipalities:
          - { id: dordrecht, name: Dordrecht, accessTeam: toegang-dordrecht }
          - { id: voorschoten, name: Voorschoten, accessTeam: toegang-voorschoten }
        lots:
          - id: ambulant
            name: Ambulante jeugdhulp
            productCategories: ["45"]
            scope: regional
            light: { procurement: open-house, qualifications: [vog], limits: { intensityHoursPerWeek: 4, durationMonths: 6, budget: 8000 }, publication: { procedure: national, published: 2024-10-01, notice: "TenderNed 400001" } }
            heavy:
              procurement: selective-tender
              maxProviders: 4
              qualifications: [vog, skj-registered]
              limits: { budget: 60000 }
              # From 1 July 2024 every tariff states its cost build-up (staff, client-related costs, overhead).
              products:
                - { code: 45A54, name: Specialistische ambulante jeugdhulp, category: "45", variant: output-based, unit: trajectory,
                    tariff: { amount: 4800, costBuildUp: { staff: 3600, clientRelated: 240, overhead: 960 }, indexation: OVA } }
        providers:
          - { id: xonar, agb: "12345678", name: Xonar, qualifications: [vog, skj-registered] }
          - { id: radar, agb: "23456789", name: Radar, qualifications: [vog, skj-registered], subcontractors: [] }
        cooperatives:
          - { id: jens, name: JenS, members: [xonar, radar], region: [dordrecht, voorschoten] }
        contracts:
          - { id: C-001, party: xonar, lot: ambulant, category: heavy, municipalities: [dordrecht, voorschoten], period: { from: 2025-01-01, until: 2028-12-31 }, financing: output-based, value: 450000 }
          - { id: C-003, party: radar, lot: ambulant, category: heavy, municipalities: [dordrecht, voorschoten], period: { from: 2025-01-01, until: 2028-12-31 }, financing: output-based, value: 250000 }
          - { id: C-002, party: jens, lot: ambulant, category: light, municipalities: [dordrecht, voorschoten], period: { from: 2025-01-01, until: 2028-12-31 }, value: 90000 }
        careProfiles:
          - { id: P-0001, municipality: dordrecht, lot: ambulant, category: heavy, mainContractor: xonar, intensityHoursPerWeek: 6, durationMonths: 12, budget: 24000, start: 2025-03-01 }
          - { id: P-0002, municipality: voorschoten, lot: ambulant, category: light, mainContractor: radar, intensityHoursPerWeek: 2, durationMonths: 3, budget: 2500, start: 2025-05-01 }
        escalations:
          - { profile: P-0001, from: light, to: heavy, date: 2025-03-01, approvedBy: toegang-dordrecht }

        """;

    /// <summary>An override file that extends a shipped pack and changes one rule's severity.</summary>
    public const string StarterOverrides = """
        # Starter override file written by 'procurement-rules init': it extends a shipped pack and changes rules by id
        # (severity, enabled, effective dates, parameters). Later --override files win.
        pack: starter-overrides
        extends: main-contractor
        overrides:
          - { id: MC-005, severity: warning }

        """;
}
