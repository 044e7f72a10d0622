using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary>Findings render their message and values on first read: the same text from any thread, equal by content.</summary>
public sealed class FindingTests
{
    private const string Pack = """
        pack: rendering
        version: 1.0.0
        rules:
          - id: R-1
            title: Light budget
            for: profile in CareProfiles
            require:
              small: profile.Budget < 1000
            message: "Zorgprofiel {profile.Id}: budget {profile.Budget} bij {profile.MainContractor.Name}, samen met {profile.CoProviders.Select(c => c.Name)}"
        """;

    private static readonly TenderDesign Design = TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow();

    [Fact]
    public void Message_and_values_read_from_many_threads_at_once_are_the_same_text()
    {
        var rules = RuleFiles.LoadOrThrow(Pack);
        var expected = rules.Evaluate(Design).Findings.Select(f => (f.Message, Values: string.Join(";", f.Values))).ToArray();
        Assert.NotEmpty(expected);
        Assert.All(expected, e => Assert.StartsWith("Zorgprofiel ", e.Message, StringComparison.Ordinal));

        for (var round = 0; round < 20; round++)
        {
            var findings = rules.Evaluate(Design).Findings;
            var seen = new (string Message, string Values)[8][];
            Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
                seen[thread] = [.. findings.Select(f => (f.Message, string.Join(";", f.Values)))]);
            Assert.All(seen, s => Assert.Equal(expected, s));
        }
    }

    [Fact]
    public void Without_a_bound_messages_render_on_first_read_and_with_one_during_the_evaluation()
    {
        var rules = RuleFiles.LoadOrThrow(Pack);
        var bounded = new EvaluationOptions { Timeout = TimeSpan.FromMinutes(5) };
        var unbounded = new EvaluationOptions { Timeout = null, MaxAllocatedBytes = null };
        Allocated(() => rules.Evaluate(Design, unbounded).Findings.Sum(f => f.Message.Length));
        Allocated(() => rules.Evaluate(Design, bounded).Findings.Sum(f => f.Message.Length));

        EvaluationReport? report = null;
        var evaluateOnly = Allocated(() => (report = rules.Evaluate(Design, unbounded)).Findings.Count);
        var readAfterwards = Allocated(() => report!.Findings.Sum(f => f.Message.Length + f.Values.Count));
        var evaluateBounded = Allocated(() => rules.Evaluate(Design, bounded).Findings.Count);

        // Rendering (the message with its list of names, the values) is what reading pays for, and is paid once.
        Assert.True(readAfterwards > 0 && evaluateOnly < evaluateBounded, $"evaluate {evaluateOnly} B, then read {readAfterwards} B; bounded {evaluateBounded} B");
        var readAgain = Allocated(() => report!.Findings.Sum(f => f.Message.Length + f.Values.Count));
        Assert.True(readAgain < readAfterwards / 10, $"read {readAfterwards} B, read again {readAgain} B");
    }

    private static long Allocated(Func<int> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Findings_with_the_same_content_are_equal_whether_rendered_or_given()
    {
        var found = RuleFiles.LoadOrThrow(Pack).Evaluate(Design).Findings[0];
        var given = new Finding
        {
            RuleId = found.RuleId,
            Title = found.Title,
            Severity = found.Severity,
            Subject = found.Subject,
            SubjectLocation = found.SubjectLocation,
            Message = found.Message,
            Clause = found.Clause,
            ClauseExpression = found.ClauseExpression,
            Values = [.. found.Values],
            ReasonCode = found.ReasonCode,
            Reference = found.Reference,
            SeveritySetBy = found.SeveritySetBy,
        };

        Assert.Equal(given, found);
        Assert.Equal(given.GetHashCode(), found.GetHashCode());
        Assert.NotEqual(given with { Values = [.. found.Values.Skip(1)] }, found);
        Assert.NotEqual(given with { Message = found.Message + "." }, found);
    }
}
