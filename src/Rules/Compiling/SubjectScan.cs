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
/// register, not an array read per rule; the work budget is checked at every <see cref="CheckEvery"/>th step (a subject,
/// or an item of a quantifier's loop), counted in a local. A failure is recorded as its subject index, rule and a bitmask
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
    /// Steps of work (subjects, and items of the quantifiers in their rules) between two checks of the work budget
    /// (<see cref="WorkMeter.CheckNow"/>: the token and the memory meter). Each step's own work is bounded by the size of
    /// its expressions, so a stop comes within this many steps.
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
        var ticks = Expression.Variable(typeof(int), "ticks");
        var perSubject = new List<Expression>
        {
            CountedCheck.Tick(ticks, cancellation, Expression.Constant(null, typeof(string))),
            Expression.Assign(subject, Expression.ArrayIndex(subjects, index)),
        };
        var locals = new Locals(subject, design, asOf, cancellation, running, appliedCounts, hits, index, count, mask, ticks);
        for (var rule = 0; rule < rules.Count; rule++)
        {
            perSubject.Add(Rule(rules[rule], rule, locals));
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
            [subject, index, running, count, room, mask, ticks, .. appliedCounts],
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

    /// <summary>
    /// The guards' budget checks (<see cref="EvaluationGuards"/>, one per quantifier item) made counted: a step adds one
    /// to <c>ticks</c> and only every <see cref="CheckEvery"/>th calls <see cref="WorkMeter.CheckNow"/>, naming its rule.
    /// </summary>
    private sealed class CountedCheck(ParameterExpression ticks) : ExpressionVisitor
    {
        public static Expression Apply(Expression part, ParameterExpression ticks) => new CountedCheck(ticks).Visit(part)!;

        public static Expression Tick(ParameterExpression ticks, Expression cancellation, Expression rule) =>
            Expression.IfThen(
                Expression.Equal(Expression.And(Expression.PreIncrementAssign(ticks), Expression.Constant(CheckEvery - 1)), Expression.Constant(0)),
                Expression.Call(WorkMeter.CheckNowMethod, cancellation, rule));

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method == WorkMeter.CheckMethod ? Tick(ticks, node.Arguments[0], node.Arguments[1]) : base.VisitMethodCall(node);

        // A lambda the scan still calls as a delegate keeps its own check: the counter is not captured in a closure.
        protected override Expression VisitLambda<T>(Expression<T> node) => node;
    }

    private static Expression Scanned(ParameterExpression state, ParameterExpression index, ParameterExpression count) =>
        Expression.Block(
            Expression.Assign(Expression.ArrayAccess(state, Expression.Constant(0)), index),
            Expression.Assign(Expression.ArrayAccess(state, Expression.Constant(1)), count));

    /// <summary>
    /// One rule for the current subject: when its bit is set in <c>running</c>, count it as applied
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

        // A part of the rule over the scan's parameters instead of its own, with its budget checks counted.
        Expression Inline(Expression part) => CountedCheck.Apply(ParameterReplacer.Replace(part, shared), scan.Ticks);

        var (mask, count, hits) = (scan.Mask, scan.Count, scan.Hits);
        var ruleNumber = Expression.Constant(rule);
        var checks = new List<Expression>
        {
            Expression.PreIncrementAssign(scan.Applied[rule]),
            Expression.Assign(mask, Expression.Constant(0)),
        };
        for (var c = 0; c < source.Clauses.Count; c++)
        {
            checks.Add(Expression.IfThen(Expression.Not(Inline(source.Clauses[c])), Expression.OrAssign(mask, Expression.Constant(1 << c))));
        }

        checks.Add(Expression.IfThen(
            Expression.NotEqual(mask, Expression.Constant(0)),
            Expression.Block(
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Multiply(count, Expression.Constant(3))), scan.Index),
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Add(Expression.Multiply(count, Expression.Constant(3)), Expression.Constant(1))), ruleNumber),
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Add(Expression.Multiply(count, Expression.Constant(3)), Expression.Constant(2))), mask),
                Expression.PreIncrementAssign(count))));
        Expression evaluate = Expression.Block(checks);
        if (source.When is { } when)
        {
            evaluate = Expression.IfThen(Inline(when), evaluate);
        }

        return Expression.IfThen(
            Expression.NotEqual(Expression.And(scan.Running, Expression.Constant(1 << rule)), Expression.Constant(0)),
            evaluate);
    }

    /// <summary>The parameters and variables of a scan that every rule's part reads or writes.</summary>
    private sealed record Locals(
        ParameterExpression Subject,
        ParameterExpression Design,
        ParameterExpression AsOf,
        ParameterExpression Cancellation,
        ParameterExpression Running,
        ParameterExpression[] Applied,
        ParameterExpression Hits,
        ParameterExpression Index,
        ParameterExpression Count,
        ParameterExpression Mask,
        ParameterExpression Ticks);
}
