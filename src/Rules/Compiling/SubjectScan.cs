using System.Linq.Expressions;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// One compiled pass over a subject collection (<see cref="SubjectScan.Compile{T}"/>): evaluates subjects
/// [<paramref name="from"/>, <paramref name="to"/>) against every active rule of a batch and returns the number of
/// failures it wrote to <paramref name="hits"/> as (subject index, rule, clause mask) triples. It starts the first subject
/// at rule <paramref name="firstRule"/> (to resume after a rule that threw) and stops early, before a subject, when the
/// hits might not fit; <c>state[0]</c> then says where to go on, and while it runs, which subject it is at.
/// </summary>
internal delegate int SubjectScan<T>(
    T[] subjects, TenderDesign design, DateOnly asOf, int from, int to, int firstRule, bool[] active, int[] applied, int[] hits, int[] state, CancellationToken cancellation);

/// <summary>
/// Compiles the rules of one subject collection into a single loop: for each subject, every active rule's <c>when</c>
/// and clauses are inlined one after the other, as a hand-written check would test them, so the subject is loaded once
/// for all rules, and a passing subject costs no delegate call and no allocation. A failure is recorded as its subject
/// index, rule and a bitmask of the failing clauses; findings are built afterwards, for the failures only.
/// </summary>
/// <remarks>
/// <c>state[0]</c> holds the subject being evaluated (or, on return, the next one to evaluate) and <c>state[1]</c> the
/// failures recorded so far, so that when a rule throws the caller knows where the scan stopped and what it found.
/// </remarks>
internal static class SubjectScan
{
    public const int MaxClauses = 31;

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
        var firstRule = Expression.Parameter(typeof(int), "firstRule");
        var active = Expression.Parameter(typeof(bool[]), "active");
        var applied = Expression.Parameter(typeof(int[]), "applied");
        var hits = Expression.Parameter(typeof(int[]), "hits");
        var state = Expression.Parameter(typeof(int[]), "state");
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellation");
        var subject = Expression.Variable(typeof(T), "subject");
        var index = Expression.Variable(typeof(int), "index");
        var first = Expression.Variable(typeof(int), "first");
        var count = Expression.Variable(typeof(int), "count");
        var room = Expression.Variable(typeof(int), "room");
        var mask = Expression.Variable(typeof(int), "mask");
        var done = Expression.Label("done");

        var perSubject = new List<Expression>
        {
            Expression.Call(WorkMeter.CheckMethod, cancellation, Expression.Constant(null, typeof(string))),
            Expression.Assign(Expression.ArrayAccess(state, Expression.Constant(0)), index),
            Expression.Assign(subject, Expression.ArrayIndex(subjects, index)),
        };
        var locals = new Locals(subject, design, asOf, cancellation, first, active, applied, hits, state, index, count, mask);
        for (var rule = 0; rule < rules.Count; rule++)
        {
            perSubject.Add(Rule(rules[rule], rule, locals));
        }

        perSubject.Add(Expression.Assign(first, Expression.Constant(0)));
        perSubject.Add(Expression.PreIncrementAssign(index));

        var loop = Expression.Loop(
            Expression.IfThenElse(
                // Stop when done, or before a subject whose failures might not fit.
                Expression.OrElse(Expression.GreaterThanOrEqual(index, to), Expression.GreaterThan(count, room)),
                Expression.Block(Expression.Assign(Expression.ArrayAccess(state, Expression.Constant(0)), index), Expression.Break(done)),
                Expression.Block(perSubject)),
            done);
        var body = Expression.Block(
            typeof(int),
            [subject, index, first, count, room, mask],
            Expression.Assign(index, from),
            Expression.Assign(first, firstRule),
            Expression.Assign(count, Expression.Constant(0)),
            Expression.Assign(room, Expression.Subtract(Expression.Divide(Expression.ArrayLength(hits), Expression.Constant(3)), Expression.Constant(rules.Count))),
            loop,
            count);
        return Expression.Lambda<SubjectScan<T>>(body, subjects, design, asOf, from, to, firstRule, active, applied, hits, state, cancellation).Compile();
    }

    /// <summary>
    /// One rule for the current subject: when it is active (and at or after the rule to start from), count it as applied
    /// if its <c>when</c> holds, test every clause into <c>mask</c>, and record a hit when any failed.
    /// </summary>
    private static Expression Rule(Source source, int rule, Locals scan)
    {
        var shared = new Dictionary<ParameterExpression, Expression>
        {
            [source.Parameters[0]] = scan.Subject,
            [source.Parameters[1]] = scan.Design,
            [source.Parameters[2]] = scan.AsOf,
            [source.Parameters[3]] = scan.Cancellation,
        };
        var (mask, count, hits) = (scan.Mask, scan.Count, scan.Hits);
        var ruleNumber = Expression.Constant(rule);
        var checks = new List<Expression>
        {
            Expression.PreIncrementAssign(Expression.ArrayAccess(scan.Applied, ruleNumber)),
            Expression.Assign(mask, Expression.Constant(0)),
        };
        for (var c = 0; c < source.Clauses.Count; c++)
        {
            var clause = ParameterReplacer.Replace(source.Clauses[c], shared);
            checks.Add(Expression.IfThen(Expression.Not(clause), Expression.OrAssign(mask, Expression.Constant(1 << c))));
        }

        checks.Add(Expression.IfThen(
            Expression.NotEqual(mask, Expression.Constant(0)),
            Expression.Block(
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Multiply(count, Expression.Constant(3))), scan.Index),
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Add(Expression.Multiply(count, Expression.Constant(3)), Expression.Constant(1))), ruleNumber),
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Add(Expression.Multiply(count, Expression.Constant(3)), Expression.Constant(2))), mask),
                Expression.PreIncrementAssign(count),
                Expression.Assign(Expression.ArrayAccess(scan.State, Expression.Constant(1)), count))));
        Expression evaluate = Expression.Block(checks);
        if (source.When is { } when)
        {
            evaluate = Expression.IfThen(ParameterReplacer.Replace(when, shared), evaluate);
        }

        return Expression.IfThen(
            Expression.AndAlso(Expression.LessThanOrEqual(scan.First, ruleNumber), Expression.ArrayIndex(scan.Active, ruleNumber)),
            evaluate);
    }

    /// <summary>The parameters and variables of a scan that every rule's part reads or writes.</summary>
    private sealed record Locals(
        ParameterExpression Subject,
        ParameterExpression Design,
        ParameterExpression AsOf,
        ParameterExpression Cancellation,
        ParameterExpression First,
        ParameterExpression Active,
        ParameterExpression Applied,
        ParameterExpression Hits,
        ParameterExpression State,
        ParameterExpression Index,
        ParameterExpression Count,
        ParameterExpression Mask);
}
