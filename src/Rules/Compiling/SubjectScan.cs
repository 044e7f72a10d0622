using System.Linq.Expressions;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Compiles a whole rule into one loop over its subjects: <c>when</c> and every clause are inlined into a single
/// method, so a passing subject costs what a hand-written loop costs, with no delegate call and no allocation.
/// For each failing subject it records the index and a bitmask of the failing clauses; findings are built afterwards,
/// for the failures only.
/// </summary>
/// <remarks>
/// <c>state[0]</c> holds the index being evaluated, <c>state[1]</c> the subjects for which <c>when</c> held, and
/// <c>state[2]</c> the failures recorded so far, so that when a clause throws the caller knows where it stopped.
/// </remarks>
internal static class SubjectScan
{
    public const int MaxClauses = 31;

    private static readonly System.Reflection.MethodInfo ThrowIfCancellationRequested =
        typeof(CancellationToken).GetMethod(nameof(CancellationToken.ThrowIfCancellationRequested), Type.EmptyTypes)!;

    /// <param name="when">The guarded condition, or null.</param>
    /// <param name="clauses">The guarded clauses.</param>
    /// <param name="parameters">Subject, design, asOf and the cancellation token the guards read.</param>
    public static Func<T[], TenderDesign, DateOnly, int, int, int[], int[], CancellationToken, int> Compile<T>(Expression? when, IReadOnlyList<Expression> clauses, ParameterExpression[] parameters)
    {
        var (subject, design, asOf, cancellation) = (parameters[0], parameters[1], parameters[2], parameters[3]);
        var subjects = Expression.Parameter(typeof(T[]), "subjects");
        var from = Expression.Parameter(typeof(int), "from");
        var to = Expression.Parameter(typeof(int), "to");
        var hits = Expression.Parameter(typeof(int[]), "hits");
        var state = Expression.Parameter(typeof(int[]), "state");
        var index = Expression.Variable(typeof(int), "index");
        var count = Expression.Variable(typeof(int), "count");
        var mask = Expression.Variable(typeof(int), "mask");
        var done = Expression.Label("done");

        var checks = new List<Expression>
        {
            Expression.PreIncrementAssign(Expression.ArrayAccess(state, Expression.Constant(1))),
            Expression.Assign(mask, Expression.Constant(0)),
        };
        for (var c = 0; c < clauses.Count; c++)
        {
            checks.Add(Expression.IfThen(Expression.Not(clauses[c]), Expression.OrAssign(mask, Expression.Constant(1 << c))));
        }

        checks.Add(Expression.IfThen(
            Expression.NotEqual(mask, Expression.Constant(0)),
            Expression.Block(
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Multiply(count, Expression.Constant(2))), index),
                Expression.Assign(Expression.ArrayAccess(hits, Expression.Add(Expression.Multiply(count, Expression.Constant(2)), Expression.Constant(1))), mask),
                Expression.PreIncrementAssign(count),
                Expression.Assign(Expression.ArrayAccess(state, Expression.Constant(2)), count))));
        Expression evaluate = Expression.Block(checks);
        if (when is not null)
        {
            evaluate = Expression.IfThen(when, evaluate);
        }

        var loop = Expression.Loop(
            Expression.IfThenElse(
                Expression.GreaterThanOrEqual(index, to),
                Expression.Break(done),
                Expression.Block(
                    // Every subject: one subject may cost a scan of a whole collection even without a quantifier.
                    Expression.Call(cancellation, ThrowIfCancellationRequested),
                    Expression.Assign(Expression.ArrayAccess(state, Expression.Constant(0)), index),
                    Expression.Assign(subject, Expression.ArrayIndex(subjects, index)),
                    evaluate,
                    Expression.PreIncrementAssign(index))),
            done);
        var body = Expression.Block(
            typeof(int),
            [subject, index, count, mask],
            Expression.Assign(index, from),
            Expression.Assign(count, Expression.Constant(0)),
            loop,
            count);
        return Expression.Lambda<Func<T[], TenderDesign, DateOnly, int, int, int[], int[], CancellationToken, int>>(body, subjects, design, asOf, from, to, hits, state, cancellation).Compile();
    }
}
