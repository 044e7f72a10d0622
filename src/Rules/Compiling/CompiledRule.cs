using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>A rule ready to run: its parts for the compiled subject scan, and what builds its findings.</summary>
internal interface ICompiledRule
{
    RuleInfo Info { get; }

    /// <summary>The collection the rule ranges over; rules over the same one are evaluated in one scan.</summary>
    SubjectKind Kind { get; }

    /// <summary>The rule's guarded <c>when</c> and clauses, to be inlined into a subject scan.</summary>
    SubjectScan.Source Scan { get; }

    /// <summary>
    /// Every subject (or only <paramref name="onlySubject"/>) with its 'when' and each clause's outcome and values:
    /// the slow, thorough path behind <c>explain</c>, never used by evaluation.
    /// </summary>
    IReadOnlyList<SubjectExplanation> Explain(TenderDesign design, DateOnly asOf, string? onlySubject, CancellationToken cancellationToken);
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
    SubjectScan.Source scan,
    Func<T, TenderDesign, DateOnly, CancellationToken, bool>? when,
    CompiledClause<T>[] clauses,
    MessageTemplate<T> message,
    SourceLocation severitySetBy) : ICompiledRule
    where T : class
{
    public RuleInfo Info { get; } = info;

    public SubjectKind Kind => kind;

    public SubjectScan.Source Scan { get; } = scan;

    public int ClauseCount => clauses.Length;

    public IReadOnlyList<SubjectExplanation> Explain(TenderDesign design, DateOnly asOf, string? onlySubject, CancellationToken cancellationToken)
    {
        var result = new List<SubjectExplanation>();
        foreach (var subject in kind.Items(design))
        {
            var path = kind.Path(subject);
            try
            {
                WorkMeter.CheckNow(cancellationToken, Info.Id);
                if (Explain(subject, path, design, asOf, onlySubject, cancellationToken) is { } explanation)
                {
                    result.Add(explanation);
                }
            }
            catch (OperationCanceledException)
            {
                WorkMeter.BlameSubject(path);
                throw;
            }
        }

        return result;
    }

    private SubjectExplanation? Explain(T subject, string path, TenderDesign design, DateOnly asOf, string? onlySubject, CancellationToken cancellationToken)
    {
        if (onlySubject is not null && !string.Equals(path, onlySubject, StringComparison.Ordinal))
        {
            return null;
        }

        bool applies;
        try
        {
            applies = when is null || when(subject, design, asOf, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SubjectExplanation { Subject = path, Location = kind.Location(subject), When = ConditionOutcome.Threw, Error = $"{ex.GetType().Name}: {ex.Message}", Clauses = [] };
        }

        var outcomes = new List<ClauseExplanation>(applies ? clauses.Length : 0);
        foreach (var clause in applies ? clauses : [])
        {
            bool? holds = null;
            string? error = null;
            try
            {
                holds = clause.Holds(subject, design, asOf, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
            }

            var values = clause.Values.Select(v => new FindingValue(v.Expression, Read(v, subject, design, asOf, cancellationToken))).ToArray();
            var outcome = holds switch { true => ConditionOutcome.Held, false => ConditionOutcome.Failed, null => ConditionOutcome.Threw };
            outcomes.Add(new ClauseExplanation { Name = clause.Name, Expression = clause.Text, Outcome = outcome, Values = values, Error = error });
        }

        return new SubjectExplanation { Subject = path, Location = kind.Location(subject), When = applies ? ConditionOutcome.Held : ConditionOutcome.Failed, Clauses = outcomes };
    }

    /// <summary>
    /// Which part of the rule throws for <paramref name="subject"/>, found by evaluating the parts one by one (only ever
    /// done for a subject whose scan threw): -1 for <c>when</c>, else the clause; null when nothing throws.
    /// </summary>
    public int? ThrowingPart(T subject, TenderDesign design, DateOnly asOf, CancellationToken cancellationToken)
    {
        try
        {
            if (when is not null && !when(subject, design, asOf, cancellationToken))
            {
                return null;
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

        return null;
    }

    /// <summary>
    /// The finding for a failed clause. With a <paramref name="bound"/> (a timeout or a token the caller can cancel),
    /// its message and values are rendered now, within that bound; without one, on first read (see <see cref="Finding"/>).
    /// </summary>
    public Finding Fail(T subject, TenderDesign design, DateOnly asOf, int clauseIndex, CancellationToken? bound)
    {
        var clause = clauses[clauseIndex];
        var rendered = bound is { } token
            ? new Lazy<(string, FindingValue[])>(Render(subject, design, asOf, clause, token))
            : new Lazy<(string, FindingValue[])>(() => Render(subject, design, asOf, clause, CancellationToken.None), LazyThreadSafetyMode.PublicationOnly);
        return new Finding(rendered)
        {
            RuleId = Info.Id,
            Title = Info.Title,
            Severity = Info.Severity,
            Subject = kind.Path(subject),
            SubjectLocation = kind.Location(subject),
            Clause = clause.Name,
            ClauseExpression = clause.Text,
            ReasonCode = Info.ReasonCode,
            Reference = Info.Reference,
            SeveritySetBy = severitySetBy,
        };
    }

    private (string Message, FindingValue[] Values) Render(T subject, TenderDesign design, DateOnly asOf, CompiledClause<T> clause, CancellationToken cancellationToken)
    {
        var values = new FindingValue[clause.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new FindingValue(clause.Values[i].Expression, Read(clause.Values[i], subject, design, asOf, cancellationToken));
        }

        return (message.Render(subject, design, asOf, cancellationToken), values);
    }

    public Finding EvaluationError(T subject, int clause, Exception ex)
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
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // A value on the path is missing (e.g. no main contractor) or cannot be read: show that rather than fail
            // the report, or, since findings render on first read, whoever reads the message.
            return ex is NullReferenceException or InvalidOperationException or ArgumentException or ArithmeticException ? "null" : $"({ex.GetType().Name})";
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
            if (builder.Length > ValueFormatter.MaxMessageLength)
            {
                // The rest would be cut anyway: don't evaluate its placeholders.
                break;
            }

            builder.Append(part is ValueReader<T> reader ? CompiledRule<T>.Read(reader, subject, design, asOf, cancellationToken) : (string)part);
        }

        return ValueFormatter.Cap(builder.ToString(), ValueFormatter.MaxMessageLength);
    }
}
