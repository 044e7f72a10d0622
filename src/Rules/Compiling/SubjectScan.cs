using System.Linq.Expressions;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// One compiled pass over a subject collection (<see cref="SubjectScan.Compile{T}"/>): evaluates subjects
/// [<paramref name="from"/>, <paramref name="to"/>) against the rules of a batch whose bits are set in
/// <paramref name="active"/> (bit <c>i</c> for the batch's rule <c>i</c>) and returns the number of failures it wrote to
/// <paramref name="hits"/> as (subject index, rule, clause mask) triples. For the first subject only the rules set in
/// <paramref name="firstActive"/> run (to resume after a rule that threw); it stops early, before a subject, when the
/// hits might not fit; <c>state[0]</c> then says where to go on. When a rule throws, <c>state[0]</c> says at which
/// subject and <c>state[1]</c> how many failures were recorded before it.
/// </summary>
internal delegate int SubjectScan<T>(
    T[] subjects, TenderDesign design, DateOnly asOf, int from, int to, int firstActive, int active, int[] applied, int[] hits, int[] state, CancellationToken cancellation);

/// <summary>
/// Compiles the rules of one subject collection into a single loop: for each subject, every active rule's <c>when</c>
/// and clauses are inlined one after the other, as a hand-written check would test them, so the subject is loaded once
/// for all rules, and a passing subject costs no delegate call and no allocation. Which rules run is a bitmask in a
/// register, not an array read per rule; the work budget is checked before every <see cref="CheckEvery"/>th subject
/// (and, through the guards, in every quantifier body). A failure is recorded as its subject index, rule and a bitmask
/// of the failing clauses; findings are built afterwards, for the failures only.
/// </summary>
/// <remarks>
/// What a passing subject costs is kept to what a hand-written loop pays plus the rules' applied counts: those are
/// counted in locals, and where the scan is (<c>state</c>) and the counts are written out only when it returns or
/// throws (a catch that rethrows), not per subject.
/// </remarks>
internal static class SubjectScan
{
    public const int MaxClauses = 31;

    /// <summary>
    /// Subjects between two checks of the work budget (<see cref="WorkMeter.CheckNow"/>: the token and the memory
    /// meter). Without a quantifier a subject's work is bounded by the size of its expressions, so a stop comes within
    /// this many subjects; a quantifier body checks on every item.
    /// </summary>
    public const int CheckEvery = 64;

    /// <summary>
    /// The parts of one rule to inline: its guarded <c>when</c> (or null) and clauses, over its own parameters (subject,
    /// design, asOf and the cancellation token the guards read).
    /// </summary>
    internal sealed record Source(Expression? When, IReadOnlyList<Expression> Clauses, ParameterExpression[] Parameters);

    public static SubjectScan<T> Compile<T>(IReadOnlyList<Source> rules)
    {
        var subjects = Expression.Parameter(typeof(T[]), "subjects");
        var design = Expression.Parameter(typeof(TenderDesign), "design");
        var asOf = Expression.Parameter(typeof(DateOnly), "asOf");
        var from = Expression.Parameter(typeof(int), "from");
        var to = Expression.Parameter(typeof(int), "to");
        var firstActive = Expression.Parameter(typeof(int), "firstActive");
        var active = Expression.Parameter(typeof(int), "active");
        var applied = Expression.Parameter(typeof(int[]), "applied");
        var hits = Expression.Parameter(typeof(int[]), "hits");
        var state = Expression.Parameter(typeof(int[]), "state");
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellation");
        var subject = Expression.Variable(typeof(T), "subject");
        var index = Expression.Variable(typeof(int), "index");
        var running = Expression.Variable(typeof(int), "running");
        var count = Expression.Variable(typeof(int), "count");
        var room = Expression.Variable(typeof(int), "room");
        var mask = Expression.Variable(typeof(int), "mask");
        var done = Expression.Label("done");

        // How often each rule's `when` held, counted in locals and added to `applied` when the scan returns or throws.
        var appliedCounts = rules.Select((_, rule) => Expression.Variable(typeof(int), $"applied{rule}")).ToArray();
        var perSubject = new List<Expression>
        {
            Expression.IfThen(
                Expression.Equal(Expression.And(index, Expression.Constant(CheckEvery - 1)), Expression.Constant(0)),
                Expression.Call(WorkMeter.CheckNowMethod, cancellation, Expression.Constant(null, typeof(string)))),
            Expression.Assign(subject, Expression.ArrayIndex(subjects, index)),
        };
        // Each rule's parts over the scan's own subject, design, date and token; then what they read twice, read once:
        // per subject what hangs off the subject, once per scan what hangs off the design.
        var parts = rules.Select(rule => Over(rule, subject, design, asOf, cancellation)).ToArray();
        var perScan = SharedReads.Find(design, parts.SelectMany(p => p.All));
        var perItem = SharedReads.Find(subject, parts.SelectMany(p => p.All));
        perSubject.Add(perItem.Load());
        var locals = new Locals(running, appliedCounts, hits, index, count, mask);
        for (var rule = 0; rule < rules.Count; rule++)
        {
            perSubject.Add(Rule(parts[rule].Rewrite(e => perItem.Rewrite(perScan.Rewrite(e))), rule, locals));
        }

        perSubject.Add(Expression.Assign(running, active));
        perSubject.Add(Expression.PreIncrementAssign(index));

        var loop = Expression.Loop(
            Expression.IfThenElse(
                // Stop when done, or before a subject whose failures might not fit.
                Expression.OrElse(Expression.GreaterThanOrEqual(index, to), Expression.GreaterThan(count, room)),
                Expression.Break(done),
                Expression.Block(perSubject)),
            done);
        var addApplied = appliedCounts.Select((local, rule) => Expression.AddAssign(Expression.ArrayAccess(applied, Expression.Constant(rule)), local));
        var exception = Expression.Variable(typeof(Exception), "exception");
        var body = Expression.Block(
            typeof(int),
            [subject, index, running, count, room, mask, .. appliedCounts, .. perScan.Variables, .. perItem.Variables],
            perScan.Load(),
            Expression.Assign(index, from),
            Expression.Assign(running, firstActive),
            Expression.Assign(count, Expression.Constant(0)),
            Expression.Assign(room, Expression.Subtract(Expression.Divide(Expression.ArrayLength(hits), Expression.Constant(3)), Expression.Constant(rules.Count))),
            // A rule that throws (or a spent budget) leaves where the scan was and what it found in `state`.
            Expression.TryCatch(
                loop,
                Expression.Catch(exception, Expression.Block(typeof(void), [Scanned(state, index, count), .. addApplied, Expression.Rethrow()]))),
            Scanned(state, index, count),
            Expression.Block(addApplied),
            count);
        return Expression.Lambda<SubjectScan<T>>(body, subjects, design, asOf, from, to, firstActive, active, applied, hits, state, cancellation).Compile();
    }

    private static Expression Scanned(ParameterExpression state, ParameterExpression index, ParameterExpression count) =>
        Expression.Block(
            Expression.Assign(Expression.ArrayAccess(state, Expression.Constant(0)), index),
            Expression.Assign(Expression.ArrayAccess(state, Expression.Constant(1)), count));

    // A rule's `when` and clauses over the scan's parameters instead of its own.
    private static RuleParts Over(Source source, ParameterExpression subject, ParameterExpression design, ParameterExpression asOf, ParameterExpression cancellation)
    {
        var shared = new Dictionary<ParameterExpression, Expression>
        {
            [source.Parameters[0]] = subject,
            [source.Parameters[1]] = design,
            [source.Parameters[2]] = asOf,
            [source.Parameters[3]] = cancellation,
        };
        return new RuleParts(
            source.When is { } when ? ParameterReplacer.Replace(when, shared) : null,
            [.. source.Clauses.Select(clause => ParameterReplacer.Replace(clause, shared))]);
    }

    /// <summary>
    /// One rule for the current subject: when its bit is set in <c>running</c>, count it as applied
    /// if its <c>when</c> holds, test every clause into <c>mask</c>, and record a hit when any failed.
    /// </summary>
    private static Expression Rule(RuleParts parts, int rule, Locals scan)
    {
        var (mask, count, hits) = (scan.Mask, scan.Count, scan.Hits);
        var ruleNumber = Expression.Constant(rule);
        var checks = new List<Expression>
        {
            Expression.PreIncrementAssign(scan.Applied[rule]),
            Expression.Assign(mask, Expression.Constant(0)),
        };
        for (var c = 0; c < parts.Clauses.Count; c++)
        {
            checks.Add(Expression.IfThen(Expression.Not(parts.Clauses[c]), Expression.OrAssign(mask, Expression.Constant(1 << c))));
        }

        checks.Add(Expression.IfThen(
            Expression.NotEqual(mask, Expression.Constant(0)),
            Expression.Block(
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Multiply(count, Expression.Constant(3))), scan.Index),
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Add(Expression.Multiply(count, Expression.Constant(3)), Expression.Constant(1))), ruleNumber),
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Add(Expression.Multiply(count, Expression.Constant(3)), Expression.Constant(2))), mask),
                Expression.PreIncrementAssign(count))));
        Expression evaluate = Expression.Block(checks);
        if (parts.When is { } when)
        {
            evaluate = Expression.IfThen(when, evaluate);
        }

        return Expression.IfThen(
            Expression.NotEqual(Expression.And(scan.Running, Expression.Constant(1 << rule)), Expression.Constant(0)),
            evaluate);
    }

    /// <summary>A rule's <c>when</c> (or null) and clauses, as the scan inlines them.</summary>
    private sealed record RuleParts(Expression? When, IReadOnlyList<Expression> Clauses)
    {
        public IEnumerable<Expression> All => When is null ? Clauses : [When, .. Clauses];

        public RuleParts Rewrite(Func<Expression, Expression> rewrite) => new(When is null ? null : rewrite(When), [.. Clauses.Select(rewrite)]);
    }

    /// <summary>The parameters and variables of a scan that every rule's part reads or writes.</summary>
    private sealed record Locals(
        ParameterExpression Running,
        ParameterExpression[] Applied,
        ParameterExpression Hits,
        ParameterExpression Index,
        ParameterExpression Count,
        ParameterExpression Mask);
}
