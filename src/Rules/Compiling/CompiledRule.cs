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

    /// <summary>Calls <paramref name="visitor"/> with the rule as its typed self.</summary>
    TResult Accept<TResult>(ICompiledRuleVisitor<TResult> visitor);
}

/// <summary>Work on a rule that needs its subject type (see <see cref="ICompiledRule.Accept{TResult}"/>).</summary>
internal interface ICompiledRuleVisitor<out TResult>
{
    TResult Visit<T>(CompiledRule<T> rule)
        where T : class;
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

    SubjectKind ICompiledRule.Kind => kind;

    /// <summary>The collection the rule ranges over, with how its subjects are named and located.</summary>
    public SubjectKind<T> Kind => kind;

    public SubjectScan.Source Scan { get; } = scan;

    /// <summary>The rule's guarded <c>when</c> on its own, or null when it has none: for evaluating the rule part by part.</summary>
    public Func<T, TenderDesign, DateOnly, CancellationToken, bool>? When => when;

    /// <summary>The rule's guarded clauses on their own, with the values each reads: for evaluating the rule part by part.</summary>
    public IReadOnlyList<CompiledClause<T>> Clauses => clauses;

    public int ClauseCount => clauses.Length;

    public TResult Accept<TResult>(ICompiledRuleVisitor<TResult> visitor) => visitor.Visit(this);

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
        var reference = kind.Reference(subject);
        return new Finding(rendered)
        {
            RuleId = Info.Id,
            Title = Info.Title,
            Severity = Info.Severity,
            Subject = reference.Path,
            SubjectReference = reference,
            SubjectLocation = kind.Location(subject),
            Clause = clause.Name,
            ClauseExpression = clause.Text,
            ReasonCode = Info.ReasonCode,
            Reference = Info.Reference,
            SeveritySetBy = severitySetBy,
        };
    }

    private (string Message, FindingValue[] Values) Render(T subject, TenderDesign design, DateOnly asOf, CompiledClause<T> clause, CancellationToken cancellationToken) =>
        (message.Render(subject, design, asOf, cancellationToken), ReadValues(subject, design, asOf, clause, cancellationToken));

    /// <summary>The values <paramref name="clause"/> reads for <paramref name="subject"/>, formatted as findings show them.</summary>
    public static FindingValue[] ReadValues(T subject, TenderDesign design, DateOnly asOf, CompiledClause<T> clause, CancellationToken cancellationToken)
    {
        var values = new FindingValue[clause.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new FindingValue(clause.Values[i].Expression, Read(clause.Values[i], subject, design, asOf, cancellationToken));
        }

        return values;
    }

    public Finding EvaluationError(T subject, int clause, Exception ex)
    {
        var where = clause < 0 ? "when" : clauses[clause].Name;
        var reference = kind.Reference(subject);
        return new Finding
        {
            RuleId = Info.Id,
            Title = Info.Title,
            Severity = Severity.Error,
            Subject = reference.Path,
            SubjectReference = reference,
            SubjectLocation = kind.Location(subject),
            Message = $"Regel {Info.Id} kon niet worden geëvalueerd voor {reference.Path} ({where}): {ex.GetType().Name}: {ex.Message}",
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
