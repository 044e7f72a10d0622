using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>A rule ready to run: typed delegates for its <c>when</c>, clauses, values and message.</summary>
internal interface ICompiledRule
{
    RuleInfo Info { get; }

    int CountSubjects(TenderDesign design);

    /// <summary>
    /// Every subject (or only <paramref name="onlySubject"/>) with its 'when' and each clause's outcome and values:
    /// the slow, thorough path behind <c>explain</c>, never used by evaluation.
    /// </summary>
    IReadOnlyList<SubjectExplanation> Explain(TenderDesign design, DateOnly asOf, string? onlySubject);

    /// <summary>
    /// Evaluates subjects [<paramref name="from"/>, <paramref name="to"/>) and adds findings for the failing ones;
    /// when <paramref name="coverage"/> is given, also counts how often each clause held and failed.
    /// </summary>
    (int Applied, int Failed) Evaluate(TenderDesign design, DateOnly asOf, int from, int to, List<Finding> findings, CancellationToken cancellationToken, ClauseCounts? coverage = null);
}

/// <summary>How often each clause of one rule held and failed; filled only when rule tests measure coverage.</summary>
internal sealed class ClauseCounts(int clauses)
{
    public int[] Held { get; } = new int[clauses];

    public int[] Failed { get; } = new int[clauses];
}

internal sealed record ValueReader<T>(string Expression, Func<T, TenderDesign, DateOnly, CancellationToken, object?> Read);

internal sealed record CompiledClause<T>(string Name, string Text, Func<T, TenderDesign, DateOnly, CancellationToken, bool> Holds, ValueReader<T>[] Values);

internal sealed class CompiledRule<T>(
    RuleInfo info,
    SubjectKind<T> kind,
    Func<T[], TenderDesign, DateOnly, int, int, int[], int[], CancellationToken, int> scan,
    Func<T, TenderDesign, DateOnly, CancellationToken, bool>? when,
    CompiledClause<T>[] clauses,
    MessageTemplate<T> message,
    SourceLocation severitySetBy) : ICompiledRule
    where T : class
{
    // Subjects per call of the scan: cancellation is checked between chunks.
    private const int Chunk = 4096;

    public RuleInfo Info { get; } = info;

    public int CountSubjects(TenderDesign design) => kind.Items(design).Length;

    public (int Applied, int Failed) Evaluate(TenderDesign design, DateOnly asOf, int from, int to, List<Finding> findings, CancellationToken cancellationToken, ClauseCounts? coverage = null)
    {
        var subjects = kind.Items(design);
        if (from >= to)
        {
            return (0, 0);
        }

        var hits = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(2, Math.Min(Chunk, to - from) * 2));
        try
        {
            return Scan(subjects, design, asOf, from, to, hits, findings, cancellationToken, coverage);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(hits);
        }
    }

    private (int Applied, int Failed) Scan(T[] subjects, TenderDesign design, DateOnly asOf, int from, int to, int[] hits, List<Finding> findings, CancellationToken cancellationToken, ClauseCounts? coverage)
    {
        var state = new int[3];
        var applied = 0;
        var failed = 0;
        var index = from;
        while (index < to)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(to, index + Chunk);
            state[1] = 0;
            state[2] = 0;
            int count;
            Exception? error = null;
            try
            {
                count = scan(subjects, design, asOf, index, end, hits, state, cancellationToken);
                index = end;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A clause threw for subject state[0]: keep what the scan found before it, report it, go on after it.
                count = state[2];
                error = ex;
            }

            applied += state[1];
            if (coverage is not null)
            {
                for (var clause = 0; clause < clauses.Length; clause++)
                {
                    coverage.Held[clause] += state[1];
                }
            }

            for (var hit = 0; hit < count; hit++)
            {
                var subject = subjects[hits[hit * 2]];
                var mask = hits[(hit * 2) + 1];
                failed++;
                for (var clause = 0; clause < clauses.Length; clause++)
                {
                    if ((mask & (1 << clause)) != 0)
                    {
                        findings.Add(Fail(subject, design, asOf, clauses[clause], cancellationToken));
                        if (coverage is not null)
                        {
                            coverage.Held[clause]--;
                            coverage.Failed[clause]++;
                        }
                    }
                }
            }

            if (error is not null)
            {
                var thrower = subjects[state[0]];
                failed++;
                findings.Add(EvaluationError(thrower, ThrowingClause(thrower, design, asOf, cancellationToken), error));
                index = state[0] + 1;
            }
        }

        return (applied, failed);
    }

    public IReadOnlyList<SubjectExplanation> Explain(TenderDesign design, DateOnly asOf, string? onlySubject)
    {
        var result = new List<SubjectExplanation>();
        foreach (var subject in kind.Items(design))
        {
            var path = kind.Path(subject);
            if (onlySubject is not null && !string.Equals(path, onlySubject, StringComparison.Ordinal))
            {
                continue;
            }

            bool applies;
            try
            {
                applies = when is null || when(subject, design, asOf, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result.Add(new SubjectExplanation(path, kind.Location(subject), true, [], $"'when' threw {ex.GetType().Name}: {ex.Message}"));
                continue;
            }

            var outcomes = new List<ClauseOutcome>(applies ? clauses.Length : 0);
            foreach (var clause in applies ? clauses : [])
            {
                bool? holds = null;
                string? error = null;
                try
                {
                    holds = clause.Holds(subject, design, asOf, CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error = $"{ex.GetType().Name}: {ex.Message}";
                }

                var values = clause.Values.Select(v => new FindingValue(v.Expression, Read(v, subject, design, asOf, CancellationToken.None))).ToArray();
                outcomes.Add(new ClauseOutcome(clause.Name, clause.Text, holds, values, error));
            }

            result.Add(new SubjectExplanation(path, kind.Location(subject), applies, outcomes, null));
        }

        return result;
    }

    // Which part threw, found by evaluating the parts one by one (only ever done for a subject that threw): -1 for when.
    private int ThrowingClause(T subject, TenderDesign design, DateOnly asOf, CancellationToken cancellationToken)
    {
        try
        {
            if (when is not null && !when(subject, design, asOf, cancellationToken))
            {
                return -1;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return -1;
        }

        for (var clause = 0; clause < clauses.Length; clause++)
        {
            try
            {
                clauses[clause].Holds(subject, design, asOf, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return clause;
            }
        }

        return clauses.Length - 1;
    }

    private Finding Fail(T subject, TenderDesign design, DateOnly asOf, CompiledClause<T> clause, CancellationToken cancellationToken)
    {
        var values = new FindingValue[clause.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new FindingValue(clause.Values[i].Expression, Read(clause.Values[i], subject, design, asOf, cancellationToken));
        }

        return new Finding
        {
            RuleId = Info.Id,
            Title = Info.Title,
            Severity = Info.Severity,
            Subject = kind.Path(subject),
            SubjectLocation = kind.Location(subject),
            Message = message.Render(subject, design, asOf, cancellationToken),
            Clause = clause.Name,
            ClauseExpression = clause.Text,
            Values = values,
            ReasonCode = Info.ReasonCode,
            Reference = Info.Reference,
            SeveritySetBy = severitySetBy,
        };
    }

    private Finding EvaluationError(T subject, int clause, Exception ex)
    {
        var where = clause < 0 ? "when" : clauses[clause].Name;
        return new Finding
        {
            RuleId = Info.Id,
            Title = Info.Title,
            Severity = Severity.Error,
            Subject = kind.Path(subject),
            SubjectLocation = kind.Location(subject),
            Message = $"Regel {Info.Id} kon niet worden geëvalueerd voor {kind.Path(subject)} ({where}): {ex.GetType().Name}: {ex.Message}",
            Clause = "evaluation-error",
            ClauseExpression = clause < 0 ? Info.When ?? string.Empty : clauses[clause].Text,
            ReasonCode = Info.ReasonCode,
            Reference = Info.Reference,
            SeveritySetBy = severitySetBy,
        };
    }

    internal static string Read(ValueReader<T> reader, T subject, TenderDesign design, DateOnly asOf, CancellationToken cancellationToken)
    {
        try
        {
            return ValueFormatter.Format(reader.Read(subject, design, asOf, cancellationToken));
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or ArgumentException or ArithmeticException)
        {
            // A value on the path is missing (e.g. no main contractor): show that rather than fail the report.
            return "null";
        }
    }
}

/// <summary>A message with <c>{expression}</c> placeholders, rendered only for failing subjects.</summary>
internal sealed class MessageTemplate<T>(IReadOnlyList<object> parts)
    where T : class
{
    public string Render(T subject, TenderDesign design, DateOnly asOf, CancellationToken cancellationToken)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part is ValueReader<T> reader ? CompiledRule<T>.Read(reader, subject, design, asOf, cancellationToken) : (string)part);
        }

        return builder.ToString();
    }
}
