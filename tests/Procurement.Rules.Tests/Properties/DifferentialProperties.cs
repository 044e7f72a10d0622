using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// Differential tests: on generated designs, the engine's findings (rule, subject, clause, in report order) equal those
/// of the hand-written oracle, and those of the same checks run through Microsoft RulesEngine.
/// </summary>
public sealed class DifferentialProperties
{
    internal const int Cases = 2000;

    /// <summary>
    /// Mixed designs, some with odd names or odd ids (which set the order of subjects in the report), evaluated on the
    /// first day of the purchasing period or on another reference date (coverage is checked on that date).
    /// </summary>
    private static Arbitrary<DifferentialCase> Designs => Arb.From(
        from design in DesignGen.Mixed.Generator
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from day in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(-200, 2000).Select(d => (int?)d))
        select new DifferentialCase(Oddly(design, new Random(seed)), day),
        c => DesignGen.ShrinkCase(c.Design).Select(d => c with { Design = d }));

    [Fact]
    public void Engine_findings_equal_the_hand_written_oracle() =>
        PropertyRun.Check(nameof(Engine_findings_equal_the_hand_written_oracle), Cases, Designs, c => AgreeWithOracle(Shipped.Rules, c.Design.Spec, c.AsOf));

    [Fact]
    public void Engine_findings_equal_the_hand_written_oracle_on_near_valid_designs() =>
        PropertyRun.Check(nameof(Engine_findings_equal_the_hand_written_oracle_on_near_valid_designs), 500, DesignGen.NearValid, c => AgreeWithOracle(Shipped.Rules, c.Design.Spec));

    [Fact]
    public void Engine_oracle_and_RulesEngine_agree() =>
        PropertyRun.Check(nameof(Engine_oracle_and_RulesEngine_agree), 500, Designs, c =>
        {
            var engine = EngineFindings(Shipped.Rules, c.Design.Spec.Load(), new EvaluationOptions { AsOf = c.AsOf });
            var rulesEngine = RulesEngineOracle.Findings(c.Design.Spec, c.AsOf);
            Assert.True(engine.SequenceEqual(rulesEngine), Difference("engine", engine, "RulesEngine", rulesEngine));
            var oracle = ShippedRulesOracle.Findings(c.Design.Spec, c.AsOf);
            Assert.True(oracle.SequenceEqual(rulesEngine), Difference("oracle", oracle, "RulesEngine", rulesEngine));
        });

    [Fact]
    public void Engine_findings_equal_the_oracle_on_every_example()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var design = TenderDesignLoader.LoadFile(file).GetValueOrThrow();
            var spec = DesignSpec.FromModel(design);

            var engine = EngineFindings(Shipped.Rules, design);
            Assert.True(engine.Count > 0, file);
            Assert.True(engine.SequenceEqual(ShippedRulesOracle.Findings(spec)), Path.GetFileName(file) + Environment.NewLine + Difference("engine", engine, "oracle", ShippedRulesOracle.Findings(spec)));
            Assert.True(engine.SequenceEqual(RulesEngineOracle.Findings(spec)), Path.GetFileName(file) + Environment.NewLine + Difference("engine", engine, "RulesEngine", RulesEngineOracle.Findings(spec)));
        }
    }

    [Fact]
    public void Every_shipped_rule_has_a_clause_in_both_oracles()
    {
        var clauses = Shipped.Rules.Rules.SelectMany(r => r.Clauses.Select(c => $"{r.Id}#{c.Key}")).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(43, Shipped.Rules.Rules.Count);
        Assert.Equal(clauses, RulesEngineOracle.Clauses.Select(c => $"{c.Rule}#{c.Clause}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_generated_designs_reach_every_clause_of_every_shipped_rule()
    {
        // The differential test only means something for clauses it sees fail: every clause must fail on some design.
        // Findings come from the engine, so that what the generators reach does not depend on what the oracle knows.
        var random = new Random(11);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Every targeted defect gets eight designs (some pick a category or a clause at random), mixed designs as many.
        var rounds = 2 * 8 * Defects.Targeted.Count;
        for (var i = 0; i < rounds; i++)
        {
            var design = i % 2 == 0
                ? DesignGen.MixedCase(random, 100).Spec
                : Defects.Targeted[i / 2 % Defects.Targeted.Count].Apply(new CompliantDesignBuilder(random, 100).Build(), random);
            if (design is not null)
            {
                seen.UnionWith(EngineFindings(Shipped.Rules, design.Load()).Select(f => $"{f.Rule}#{f.Clause}"));
            }
        }

        var unseen = Shipped.Rules.Rules.SelectMany(r => r.Clauses.Select(c => $"{r.Id}#{c.Key}")).Where(c => !seen.Contains(c)).ToArray();
        Assert.Empty(unseen);
    }

    /// <summary>Throws, with both sides and the difference, when the engine under <paramref name="rules"/> and the oracle disagree.</summary>
    internal static void AgreeWithOracle(RuleSet rules, DesignSpec spec, DateOnly? asOf = null)
    {
        var engine = EngineFindings(rules, spec.Load(), new EvaluationOptions { AsOf = asOf });
        var oracle = ShippedRulesOracle.Findings(spec, asOf);
        if (!engine.SequenceEqual(oracle))
        {
            throw new OracleDisagreementException(Difference("engine", engine, "oracle", oracle));
        }
    }

    internal static IReadOnlyList<(string Rule, string Subject, string Clause)> EngineFindings(RuleSet rules, TenderDesign design, EvaluationOptions? options = null) =>
        [.. rules.Evaluate(design, options).Findings.Select(f => (f.RuleId, f.Subject, f.Clause))];

    private static DesignCase Oddly(DesignCase design, Random random) => random.Next(100) switch
    {
        < 15 => design with { Spec = SpecTransforms.OddNames(design.Spec, random) },
        < 30 => design with { Spec = SpecTransforms.RenameIds(design.Spec, random, odd: true).Renamed },
        _ => design,
    };

    internal static string Difference(
        string leftName,
        IReadOnlyList<(string Rule, string Subject, string Clause)> left,
        string rightName,
        IReadOnlyList<(string Rule, string Subject, string Clause)> right)
    {
        var onlyLeft = left.Except(right).ToArray();
        var onlyRight = right.Except(left).ToArray();
        var text = $"{leftName} and {rightName} disagree ({left.Count} vs {right.Count} findings).";
        if (onlyLeft.Length > 0)
        {
            text += $"{Environment.NewLine}Only {leftName}:{Environment.NewLine}{Shipped.Describe(onlyLeft)}";
        }

        if (onlyRight.Length > 0)
        {
            text += $"{Environment.NewLine}Only {rightName}:{Environment.NewLine}{Shipped.Describe(onlyRight)}";
        }

        if (onlyLeft.Length == 0 && onlyRight.Length == 0)
        {
            text += " Same findings, in another order.";
        }

        return text;
    }
}

/// <summary>A design and a reference date: <see langword="null"/> for the default, else days after the purchasing period starts.</summary>
internal sealed record DifferentialCase(DesignCase Design, int? Day)
{
    public DateOnly? AsOf => Day is { } day ? Design.Spec.Period.From.AddDays(day) : null;

    public override string ToString() =>
        $"# asOf: {(Day is { } day ? $"period start + {day} days" : "default (period start)")}{Environment.NewLine}{Design}";
}

/// <summary>The engine and an oracle disagree on a design.</summary>
internal sealed class OracleDisagreementException(string message) : Exception(message);
