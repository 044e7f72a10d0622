using System.Text.Json;
using FsCheck.Xunit;
using Procurement.Rules.Model;
using Procurement.Rules.Cli;
using Procurement.Rules.Tests.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

public sealed class EvaluationTests
{
    // Three rules with hand-written oracles below: a join through the model's index, and two limit checks whose
    // parameters are set so that generated designs both pass and fail them.
    internal const string OraclePack = """
        pack: oracle
        version: 1.0.0
        parameters:
          maxLightBudget: 5000
          maxDuration: 12
        rules:
          - id: O-1
            title: Heavy main contractor holds a heavy contract
            for: profile in CareProfiles
            when: profile.Category == CareCategory.Heavy && profile.MainContractor != null
            require:
              contracted: profile.MainContractor.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start)
            message: "Zorgprofiel {profile.Id}: {profile.MainContractor.Name} heeft geen contract"
          - id: O-2
            title: Light budget and duration within limits
            for: profile in CareProfiles
            when: profile.Category == CareCategory.Light
            require:
              budget: profile.Budget <= maxLightBudget
              duration: profile.DurationMonths <= maxDuration
          - id: O-3
            title: Co-providers contracted or subcontracted
            for: profile in CareProfiles
            when: profile.MainContractor != null
            require:
              coProviders: profile.CoProviders.All(p => p.HoldsContract(profile.Lot, CareCategory.Heavy, profile.Municipality, profile.Start) || profile.MainContractor.HasSubcontractor(p))
        """;

    private static readonly Lazy<RuleSet> Oracle = new(() => RuleFiles.LoadOrThrow(OraclePack));

    internal static IEnumerable<(string Rule, string Subject, string Clause)> OracleFindings(TenderDesign design)
    {
        foreach (var p in design.CareProfiles)
        {
            if (p.Category == CareCategory.Heavy && p.MainContractor is { } main && !main.HoldsContract(p.Lot, p.Category, p.Municipality, p.Start))
            {
                yield return ("O-1", $"careProfiles[{p.Id}]", "contracted");
            }

            if (p.Category == CareCategory.Light)
            {
                if (p.Budget > 5000)
                {
                    yield return ("O-2", $"careProfiles[{p.Id}]", "budget");
                }

                if (p.DurationMonths > 12)
                {
                    yield return ("O-2", $"careProfiles[{p.Id}]", "duration");
                }
            }

            if (p.MainContractor is { } m && !p.CoProviders.All(c => c.HoldsContract(p.Lot, CareCategory.Heavy, p.Municipality, p.Start) || m.HasSubcontractor(c)))
            {
                yield return ("O-3", $"careProfiles[{p.Id}]", "coProviders");
            }
        }
    }

    [Property(MaxTest = 40)]
    public bool Every_clause_outcome_matches_the_hand_written_oracle(ushort seed, byte defectPercent)
    {
        var design = Generated(seed, 150, defectPercent % 60 / 100.0);

        var engine = Oracle.Value.Evaluate(design).Findings.Select(f => (f.RuleId, f.Subject, f.Clause)).Order().ToArray();
        var oracle = OracleFindings(design).Order().ToArray();

        return engine.SequenceEqual(oracle);
    }

    [Fact]
    public void Oracle_comparison_sees_failures_at_all()
    {
        var design = Generated(7, 400, 0.3);

        var findings = Oracle.Value.Evaluate(design).Findings;

        Assert.Contains(findings, f => f.RuleId == "O-1");
        Assert.Contains(findings, f => f.RuleId == "O-2" && f.Clause == "budget");
        Assert.Contains(findings, f => f.RuleId == "O-3");
    }

    [Fact]
    public void Evaluate_SameInputTwice_GivesIdenticalSerializedReports()
    {
        var design = Generated(11, 500, 0.2);

        var first = JsonSerializer.Serialize(Oracle.Value.Evaluate(design));
        var second = JsonSerializer.Serialize(RuleFiles.LoadOrThrow(OraclePack).Evaluate(Generated(11, 500, 0.2)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Evaluate_EightThreadsOnOneRuleSet_AgreeWithOneThread()
    {
        var design = Generated(3, 2000, 0.2);
        var expected = JsonSerializer.Serialize(Oracle.Value.Evaluate(design).Findings);

        var results = new string[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            for (var round = 0; round < 5; round++)
            {
                results[i] = JsonSerializer.Serialize(Oracle.Value.Evaluate(design).Findings);
            }
        });

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Evaluate_Parallel_EqualsSequential()
    {
        var design = Generated(5, 20_000, 0.1);

        var sequential = JsonSerializer.Serialize(Oracle.Value.Evaluate(design));
        var parallel = JsonSerializer.Serialize(Oracle.Value.Evaluate(design, new EvaluationOptions { Parallel = true }));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Evaluate_Findings_AreOrderedByRuleThenSubject()
    {
        var findings = Oracle.Value.Evaluate(Generated(9, 1000, 0.3)).Findings;

        var keys = findings.Select(f => (f.RuleId, f.Subject)).ToArray();
        Assert.Equal(keys.OrderBy(k => k.RuleId, StringComparer.Ordinal).ThenBy(k => k.Subject, StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Finding_SaysRuleClauseSubjectValuesAndMessage()
    {
        var design = TenderDesignLoader.LoadString(
            SampleDesigns.With("mainContractor: xonar, coProviders: [radar]", "mainContractor: radar, coProviders: []"), "sample.yaml").GetValueOrThrow();

        var finding = Assert.Single(Oracle.Value.Evaluate(design).Findings);

        Assert.Equal("O-1", finding.RuleId);
        Assert.Equal("careProfiles[P-0001]", finding.Subject);
        Assert.Equal("contracted", finding.Clause);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("Zorgprofiel P-0001: Radar heeft geen contract", finding.Message);
        Assert.Equal(new SourceLocation("sample.yaml", 23, 5), finding.SubjectLocation);
        Assert.Equal(
            ["profile.MainContractor=radar", "profile.Lot=ambulant", "profile.Category=heavy", "profile.Municipality=dordrecht", "profile.Start=2023-03-01"],
            finding.Values.Select(v => $"{v.Expression}={v.Value}"));
    }

    [Fact]
    public void Finding_ShowsParameterValuesTheClauseUsed()
    {
        var design = TenderDesignLoader.LoadString(SampleDesigns.With("budget: 2500", "budget: 6500"), "sample.yaml").GetValueOrThrow();

        var finding = Assert.Single(Oracle.Value.Evaluate(design).Findings, f => f.RuleId == "O-2");

        Assert.Equal(["profile.Budget=6500", "maxLightBudget=5000"], finding.Values.Select(v => $"{v.Expression}={v.Value}"));
    }

    [Fact]
    public void Evaluate_RuleThatThrows_GivesEvaluationErrorAndContinues()
    {
        const string pack = """
            pack: faulty
            version: 1.0.0
            rules:
              - id: F-1
                title: Divides by zero
                for: profile in CareProfiles
                require:
                  ratio: profile.Budget / (profile.DurationMonths - profile.DurationMonths) > 0
              - id: F-2
                title: Null member
                for: profile in CareProfiles
                require:
                  transfer: profile.TransferredTo.Name != ""
              - id: F-3
                title: Still evaluated
                for: profile in CareProfiles
                require:
                  small: profile.Budget < 3000
            """;
        var design = TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow();

        var findings = RuleFiles.LoadOrThrow(pack).Evaluate(design).Findings;

        Assert.Equal(2, findings.Count(f => f.RuleId == "F-1" && f.Clause == "evaluation-error"));
        Assert.Equal(2, findings.Count(f => f.RuleId == "F-2" && f.Clause == "evaluation-error"));
        Assert.Contains(findings, f => f.RuleId == "F-1" && f.Message.Contains("DivideByZeroException", StringComparison.Ordinal));
        Assert.Single(findings, f => f.RuleId == "F-3");
    }

    [Fact]
    public void Evaluate_RuleThatThrows_KeepsTheFindingsOfTheRulesBeforeAndAfterItForThatSubject()
    {
        // One scan evaluates T-1, T-2 and T-3 for a profile in turn; T-2 throws for profiles without a transfer.
        const string pack = """
            pack: around
            version: 1.0.0
            rules:
              - id: T-1
                title: Always fails
                for: profile in CareProfiles
                require:
                  negative: profile.Budget < 0
              - id: T-2
                title: Null member
                for: profile in CareProfiles
                require:
                  transfer: profile.TransferredTo.Name != ""
              - id: T-3
                title: Always fails too
                for: profile in CareProfiles
                require:
                  huge: profile.Budget > 1000000000
            """;
        var design = TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow();
        var throwing = design.CareProfiles.Where(p => p.TransferredTo is null).Select(p => $"careProfiles[{p.Id}]").ToArray();
        Assert.NotEmpty(throwing);

        var report = RuleFiles.LoadOrThrow(pack).Evaluate(design);

        var profiles = design.CareProfiles.Select(p => $"careProfiles[{p.Id}]").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(profiles, report.Findings.Where(f => f.RuleId == "T-1").Select(f => f.Subject));
        Assert.Equal(profiles, report.Findings.Where(f => f.RuleId == "T-3").Select(f => f.Subject));
        Assert.Equal(throwing.Order(StringComparer.Ordinal), report.Findings.Where(f => f.RuleId == "T-2").Select(f => f.Subject));
        Assert.All(report.Findings.Where(f => f.RuleId == "T-2"), f =>
        {
            Assert.Equal("evaluation-error", f.Clause);
            Assert.Contains("(transfer): NullReferenceException", f.Message, StringComparison.Ordinal);
        });
        Assert.Equal([profiles.Length, throwing.Length, profiles.Length], report.Rules.Select(r => r.Failed));
        Assert.Equal([profiles.Length, profiles.Length, profiles.Length], report.Rules.Select(r => r.Applied));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_MoreFailuresThanOneScanHoldsAtOnce_ReportsEveryOne(bool parallel)
    {
        // Three rules failing for each of 6,000 profiles: 18,000 failures, many more than one call of the scan records.
        const string pack = """
            pack: everything-fails
            version: 1.0.0
            rules:
              - id: A-1
                title: Fails
                for: profile in CareProfiles
                require:
                  negative: profile.Budget < 0
              - id: A-2
                title: Fails twice
                for: profile in CareProfiles
                require:
                  negative: profile.Budget < 0
                  zero-duration: profile.DurationMonths == 0
              - id: A-3
                title: Fails
                for: profile in CareProfiles
                require:
                  huge: profile.Budget > 1000000000
            """;
        var design = Generated(3, 6_000, 0.02);

        var report = RuleFiles.LoadOrThrow(pack).Evaluate(design, new EvaluationOptions { Parallel = parallel });

        var profiles = design.CareProfiles.Select(p => $"careProfiles[{p.Id}]").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(profiles, report.Findings.Where(f => f.RuleId == "A-1").Select(f => f.Subject));
        Assert.Equal(profiles.SelectMany(p => new[] { (p, "negative"), (p, "zero-duration") }), report.Findings.Where(f => f.RuleId == "A-2").Select(f => (f.Subject, f.Clause)));
        Assert.Equal(profiles, report.Findings.Where(f => f.RuleId == "A-3").Select(f => f.Subject));
        Assert.All(report.Rules, r => Assert.Equal((6_000, 6_000), (r.Applied, r.Failed)));
    }

    [Fact]
    public void Evaluate_Cancelled_Throws()
    {
        var design = Generated(1, 5000, 0);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Oracle.Value.Evaluate(design, cancellationToken: cancel.Token));
    }

    [Fact]
    public void Evaluate_MinimumSeverity_LeavesOutLowerFindings()
    {
        var layered = RuleFiles.LoadOrThrow(OraclePack, """
            pack: quiet
            extends: oracle
            overrides:
              - { id: O-2, severity: info }
            """);
        var design = Generated(7, 400, 0.3);

        var all = layered.Evaluate(design).Findings;
        var errorsOnly = layered.Evaluate(design, new EvaluationOptions { MinimumSeverity = Severity.Error }).Findings;

        Assert.Contains(all, f => f.RuleId == "O-2");
        Assert.DoesNotContain(errorsOnly, f => f.RuleId == "O-2");
        Assert.Equal(all.Count(f => f.RuleId != "O-2"), errorsOnly.Count);
    }

    internal static TenderDesign Generated(int seed, int profiles, double defectRate) =>
        TenderDesignLoader.LoadString(new DesignGenerator { Seed = seed, Profiles = profiles, DefectRate = defectRate }.Generate(), $"generated-{seed}.yaml").GetValueOrThrow();
}
