using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Compiling;
using Procurement.Rules.DependencyInjection;
using Procurement.Rules.Model;
using Procurement.Rules.Cli;
using Procurement.Rules.Tests.Cli;
using Procurement.Rules.Tests.Properties;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// Every evaluation has a work budget, on by default: time and memory. Spending it stops the evaluation with an
/// exception that names the budget, the rule and the subject; no partial report. Text a finding shows is bounded
/// whatever the design holds, and nothing a rule file says runs unbounded at load.
/// </summary>
public sealed class WorkBudgetTests
{
    // Each subject builds a set of every profile's id: the evaluation allocates profiles^2 in all.
    private const string AllocatingClause = "design.CareProfiles.Select(a => a.Id).Distinct().Count() > 0";

    private const long SmallBudget = 32L << 20;

    private static readonly Lazy<TenderDesign> Large = new(() => EvaluationTests.Generated(21, 10_000, 0));

    [Fact]
    public void Defaults_BudgetEveryEvaluation_InTheLibraryAndThroughDependencyInjection()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), EvaluationOptions.Default.Timeout);
        Assert.Equal(1L << 30, EvaluationOptions.Default.MaxAllocatedBytes);
        Assert.Equal(EvaluationOptions.Default.Timeout, new EvaluationOptions().Timeout);
        var options = new ProcurementRulesOptions();
        Assert.Equal(EvaluationOptions.DefaultTimeout, options.EvaluationTimeout);
        Assert.Equal(EvaluationOptions.DefaultMaxAllocatedBytes, options.EvaluationMaxAllocatedBytes);
    }

    [Fact]
    public void TimeBudget_StopsAtItsDeadline_WithoutWaitingForTheTimer()
    {
        // A token no timer cancels: only the meter's own deadline (already passed) can stop the work.
        var meter = new WorkMeter(long.MaxValue, TimeSpan.Zero);
        using (meter.Enter())
        {
            Thread.Sleep(1);

            var thrown = Assert.Throws<WorkBudgetExhausted>(() => WorkMeter.CheckNow(CancellationToken.None, "T-1"));

            Assert.Equal(EvaluationBudget.Time, thrown.Budget);
            Assert.Equal("T-1", meter.Rule);
        }

        // Without a time limit the same check passes.
        using (new WorkMeter(long.MaxValue).Enter())
        {
            WorkMeter.CheckNow(CancellationToken.None, "T-1");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_AllocatingRule_StopsAtTheMemoryBudget_NamingRuleAndSubject(bool parallel)
    {
        var rules = RuleFiles.LoadOrThrow(RuleFiles.WithClause(AllocatingClause));
        var options = new EvaluationOptions { MaxAllocatedBytes = SmallBudget, Timeout = null, Parallel = parallel };
        var design = Large.Value; // loaded before measuring: when this test runs first, loading is not the evaluation's
        var before = GC.GetAllocatedBytesForCurrentThread();

        var thrown = Assert.Throws<EvaluationBudgetExceededException>(() => rules.Evaluate(design, options));

        Assert.Equal((EvaluationBudget.Memory, "T-1", design.Id), (thrown.Budget, thrown.RuleId, thrown.DesignId));
        Assert.StartsWith("careProfiles[P-", thrown.Subject, StringComparison.Ordinal);
        Assert.Contains("memory budget (32 MiB) at rule T-1, subject careProfiles[P-", thrown.Message, StringComparison.Ordinal);
        if (!parallel)
        {
            // Without the budget this evaluation allocates gigabytes; with it, the budget and one stretch between checks.
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, SmallBudget + (16L << 20));
        }
    }

    [Fact]
    public void Evaluate_MemoryBudgetOfMessages_CountsTheRenderingOfEveryFinding()
    {
        // Each finding's message builds a list over all profiles; the clause itself allocates nothing.
        const string yaml = """
            pack: wordy
            version: 1.0.0
            rules:
              - id: W-1
                title: Wordy
                for: profile in CareProfiles
                require:
                  never: false
                message: "{design.CareProfiles.Select(a => a.Id).Distinct().Count()}"
            """;
        var rules = RuleFiles.LoadOrThrow(yaml);

        var thrown = Assert.Throws<EvaluationBudgetExceededException>(() =>
            rules.Evaluate(Large.Value, new EvaluationOptions { MaxAllocatedBytes = SmallBudget, Timeout = null }));

        Assert.Equal((EvaluationBudget.Memory, "W-1"), (thrown.Budget, thrown.RuleId));
        Assert.NotNull(thrown.Subject);
    }

    [Fact]
    public void Evaluate_WithinBudget_GivesTheSameReportAsWithoutOne()
    {
        var rules = RuleFiles.LoadOrThrow(RuleFiles.WithClause("profile.CoProviders.Count == 0"));
        var design = EvaluationTests.Generated(3, 500, 0.2);

        var budgeted = rules.Evaluate(design);
        var unbounded = rules.Evaluate(design, new EvaluationOptions { Timeout = null, MaxAllocatedBytes = null });

        Assert.Equal(unbounded.Findings, budgeted.Findings);
        Assert.Equal(unbounded.Rules, budgeted.Rules);
    }

    [Fact]
    public void Explain_IsBoundedLikeEvaluation()
    {
        var rules = RuleFiles.LoadOrThrow(RuleFiles.WithClause(AllocatingClause));

        var thrown = Assert.Throws<EvaluationBudgetExceededException>(() =>
            rules.Explain(Large.Value, "T-1", options: new EvaluationOptions { MaxAllocatedBytes = SmallBudget }));

        Assert.Equal((EvaluationBudget.Memory, "T-1"), (thrown.Budget, thrown.RuleId));
        Assert.StartsWith("careProfiles[P-", thrown.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_LongText_IsCutWithHowMuchWasLeftOut()
    {
        var shown = ValueFormatter.Format(new string('x', 10_000));

        Assert.Equal(new string('x', ValueFormatter.MaxTextLength) + "… (nog 9700 tekens)", shown);
    }

    [Fact]
    public void Format_LongList_ShowsTheFirstItemsAndHowManyMore()
    {
        Assert.Equal("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, … en 30 meer]", ValueFormatter.Format(Enumerable.Range(0, 50).ToArray()));
        Assert.Equal("[0, 1, 2]", ValueFormatter.Format(new List<int> { 0, 1, 2 }));
    }

    [Fact]
    public void Format_ListOfLongTexts_IsBoundedAsAWhole()
    {
        var shown = ValueFormatter.Format(Enumerable.Repeat(new string('n', 1_000), 2_000).ToArray());

        Assert.InRange(shown.Length, ValueFormatter.MaxTextLength, ValueFormatter.MaxValueLength + 40);
        Assert.EndsWith(" tekens)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MessageOfLongTexts_IsBounded()
    {
        var design = TenderDesignLoader.LoadString(Model.SampleDesigns.Valid.Replace("design: sample-2023", $"design: {new string('d', 60_000)}", StringComparison.Ordinal), "long.yaml").GetValueOrThrow();
        const string yaml = """
            pack: long
            version: 1.0.0
            rules:
              - id: L-1
                title: Long
                for: design
                require:
                  never: false
                message: "{design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id} {design.Id}"
            """;

        var finding = Assert.Single(RuleFiles.LoadOrThrow(yaml).Evaluate(design).Findings);

        Assert.InRange(finding.Message.Length, ValueFormatter.MaxMessageLength, ValueFormatter.MaxMessageLength + 40);
        Assert.StartsWith(new string('d', ValueFormatter.MaxTextLength) + "… (nog 59700 tekens) ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenWithACall_IsNotWorkedOutAtLoad()
    {
        // A constant 'when' of operators only is folded (and linted as never applying); one with a call is left to
        // evaluation, where the budget applies.
        var folded = RuleFiles.LoadOrThrow(RuleFiles.WithClause("true").Replace("    require:", "    when: 1 == 2\n    require:", StringComparison.Ordinal));
        var withCall = RuleFiles.LoadOrThrow(RuleFiles.WithClause("true").Replace("    require:", "    when: Math.Max(1, 2) == 3\n    require:", StringComparison.Ordinal));

        Assert.True(Assert.Single(folded.Rules).WhenIsAlwaysFalse);
        Assert.False(Assert.Single(withCall.Rules).WhenIsAlwaysFalse);
    }

    [Fact]
    public void Load_FormatWithHugePrecisionInAConstantWhen_IsRejectedBeforeAnythingRuns()
    {
        const string expression = "Math.Abs(1).ToString(\"D999999999\").Length > 0";
        var (line, column) = AttackPacks.Start(AttackSite.When);
        var watch = Stopwatch.StartNew();

        var error = Assert.Single(AttackPacks.Load(AttackPacks.At(AttackSite.When, expression)).Errors);

        Assert.Equal((RuleErrorCodes.RejectedExpression, line, column + expression.IndexOf("ToString", StringComparison.Ordinal)), (error.Code, error.Line, error.Column));
        Assert.Contains("precision", error.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("profile.DurationMonths.ToString(\"N2\").Length > 0")]
    [InlineData("profile.DurationMonths.ToString(\"D30\").Length > 0")]
    [InlineData("asOf.ToString(\"dd-MM-yyyy\").Length > 0")]
    [InlineData("string.Concat(profile.Id, \"-\", profile.Id).Length > 0")]
    public void Load_BoundedFormatsAndConcatenations_AreAllowed(string clause) =>
        Assert.Empty(RuleFiles.Load(RuleFiles.WithClause(clause)).Errors);

    [Fact]
    public void Cli_TimeBudget_ExitsWithOneLineNamingRuleAndSubject()
    {
        using var files = new TempRules(RuleFiles.WithClause("design.CareProfiles.Any(a => design.CareProfiles.Any(b => a.Id == b.Id && a != b))"), 3_000);

        var (exit, output, error) = CliRunner.Run("validate", files.Design, "--rules", files.Directory, "--timeout", "200ms");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Evaluating design 'generated-5-3000' ran out of its time budget (0.2 s) at rule T-1, subject careProfiles[P-", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_MemoryBudget_ExitsWithOneLine()
    {
        using var files = new TempRules(RuleFiles.WithClause(AllocatingClause), 3_000);

        var (exit, _, error) = CliRunner.Run("explain", files.Design, "--rule", "T-1", "--rules", files.Directory, "--max-memory", "16MB");

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ran out of its memory budget (16 MiB) at rule T-1", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "soon", "error: --timeout 'soon' is not a duration; write e.g. 20s, 500ms, 2m or none.")]
    [InlineData("--timeout", "-1s", "error: --timeout '-1s' is not a duration; write e.g. 20s, 500ms, 2m or none.")]
    [InlineData("--max-memory", "lots", "error: --max-memory 'lots' is not a size; write e.g. 512MB, 2GB or none.")]
    public void Cli_UnreadableBudget_IsAUsageError(string option, string value, string expected)
    {
        var (exit, _, error) = CliRunner.Run("validate", "examples/zuid-holland-zuid.yaml", option, value);

        Assert.Equal(2, exit);
        Assert.Equal(expected, error.Trim());
    }

    [Theory]
    [InlineData("20s", 20_000.0)]
    [InlineData("500ms", 500.0)]
    [InlineData("2m", 120_000.0)]
    [InlineData("1.5", 1_500.0)]
    public void Cli_Durations_AreRead(string text, double milliseconds)
    {
        Assert.True(Procurement.Rules.Cli.WorkBudget.TryReadTime(text, out var time));
        Assert.Equal(milliseconds, time!.Value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("512MB", 512L << 20)]
    [InlineData("2gb", 2L << 30)]
    [InlineData("100k", 100L << 10)]
    [InlineData("none", null)]
    public void Cli_Sizes_AreRead(string text, long? bytes)
    {
        Assert.True(Procurement.Rules.Cli.WorkBudget.TryReadBytes(text, out var read));
        Assert.Equal(bytes, read);
    }

    /// <summary>
    /// Property: for generated designs and rules made of allowed expressions, evaluation either completes or stops
    /// with a budget exception, within its time budget (plus a margin for a slow machine) and with the memory it
    /// allocates under its budget plus a fixed margin.
    /// </summary>
    [Fact]
    public void Evaluation_OfAllowedExpressions_CompletesOrStopsWithinBudget()
    {
        var budget = new EvaluationOptions { Timeout = TimeSpan.FromMilliseconds(300), MaxAllocatedBytes = 16L << 20 };
        var cases = Gen.Choose(0, int.MaxValue).Select(seed => seed).ToArbitrary();
        var stopped = 0;
        PropertyRun.Check(nameof(Evaluation_OfAllowedExpressions_CompletesOrStopsWithinBudget), 24, cases, seed =>
        {
            var random = new Random(seed);
            var design = EvaluationTests.Generated(seed, random.Next(10, 2_500), random.NextDouble() * 0.3);
            var clause = string.Join(random.Next(2) == 0 ? " && " : " || ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Clauses[random.Next(Clauses.Length)]));
            var message = string.Join(" ", Enumerable.Range(0, random.Next(1, 3)).Select(_ => Placeholders[random.Next(Placeholders.Length)]));
            var yaml = RuleFiles.WithClause($"\"{clause.Replace("\"", "\\\"", StringComparison.Ordinal)}\"") + $"\n    message: \"{message.Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n";
            var rules = RuleFiles.LoadOrThrow(yaml);

            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            try
            {
                rules.Evaluate(design, budget);
            }
            catch (EvaluationBudgetExceededException ex)
            {
                Interlocked.Increment(ref stopped);
                Assert.Equal("T-1", ex.RuleId);
            }

            Assert.InRange(watch.Elapsed, TimeSpan.Zero, budget.Timeout!.Value + TimeSpan.FromSeconds(5));
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, budget.MaxAllocatedBytes!.Value + (24L << 20));
        });
        Assert.True(stopped > 0, "no case ran out of its budget: the property tested nothing but completion");
    }

    private static readonly string[] Clauses =
    [
        "profile.CoProviders.Count == 0",
        "design.CareProfiles.Select(a => a.Id).Distinct().Count() > 0",
        "design.CareProfiles.Any(a => design.CareProfiles.Any(b => a.Id == b.Id && a != b))",
        "design.CareProfiles.Count(a => a.Lot == profile.Lot) > 1",
        "(profile.Id + profile.Id + profile.Id).Length > 2",
        "profile.DurationMonths.ToString(\"D30\").Length == 30",
        "design.CareProfiles.Where(a => a.Lot == profile.Lot).Select(a => a.Id + a.Id).Distinct().Count() >= 0",
        "design.CareProfiles.Sum(a => a.DurationMonths) >= 0",
        "design.Contracts.All(c => design.CareProfiles.Any(a => a.Lot == c.Lot))",
    ];

    private static readonly string[] Placeholders =
    [
        "{profile.Id}",
        "{design.CareProfiles.Select(a => a.Id)}",
        "{design.CareProfiles.Select(a => a.Id + a.Id).Distinct()}",
        "{design.CareProfiles.Count(a => design.CareProfiles.Any(b => b.Lot == a.Lot && b != a))}",
        "{design.Contracts}",
    ];

    /// <summary>A rule directory with one pack, and a generated design beside it.</summary>
    private sealed class TempRules : IDisposable
    {
        public TempRules(string pack, int profiles)
        {
            Root = System.IO.Directory.CreateTempSubdirectory("pr-budget-").FullName;
            Directory = System.IO.Directory.CreateDirectory(Path.Combine(Root, "rules")).FullName;
            File.WriteAllText(Path.Combine(Directory, "pack.yaml"), pack);
            Design = Path.Combine(Root, "design.yaml");
            File.WriteAllText(Design, new DesignGenerator { Seed = 5, Profiles = profiles, DefectRate = 0 }.Generate());
        }

        public string Root { get; }

        public string Directory { get; }

        public string Design { get; }

        public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
    }
}
