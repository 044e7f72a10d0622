using System.Linq.Expressions;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Rewrites a vetted expression for evaluation. Every nested lambda (the body of a quantifier such as <c>Any</c> or
/// <c>Count</c>) first checks the evaluation's work budget (<see cref="WorkMeter.Check"/>: its cancellation token and
/// memory), so a timeout, cancellation or spent memory budget stops even a single subject whose expression loops over
/// whole collections. Integer arithmetic and conversions are checked, so an
/// overflow becomes an evaluation error instead of a silently wrapped, wrong number.
/// </summary>
internal sealed class EvaluationGuards : ExpressionVisitor
{
    private readonly ParameterExpression _cancellation;
    private readonly ConstantExpression _rule;

    private EvaluationGuards(ParameterExpression cancellation, string rule) => (_cancellation, _rule) = (cancellation, Expression.Constant(rule));

    /// <summary>
    /// The guarded form of <paramref name="body"/>, a part of rule <paramref name="rule"/>; <paramref name="cancellation"/>
    /// must be a parameter of the compiled lambda.
    /// </summary>
    public static Expression Apply(Expression body, ParameterExpression cancellation, string rule) => new EvaluationGuards(cancellation, rule).Visit(body)!;

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var body = Visit(node.Body)!;
        // The work budget: the token (time, the caller) and the evaluation's memory; a stop names this rule.
        var check = Expression.Call(WorkMeter.CheckMethod, _cancellation, _rule);
        return node.Update(Expression.Block(body.Type, check, body), node.Parameters);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = base.VisitBinary(node);
        if (visited is not BinaryExpression { Method: null } binary || !IsNumeric(binary.Left.Type) || !IsNumeric(binary.Right.Type))
        {
            return visited;
        }

        return binary.NodeType switch
        {
            ExpressionType.Add => Expression.AddChecked(binary.Left, binary.Right),
            ExpressionType.Subtract => Expression.SubtractChecked(binary.Left, binary.Right),
            ExpressionType.Multiply => Expression.MultiplyChecked(binary.Left, binary.Right),
            _ => binary,
        };
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var visited = base.VisitUnary(node);
        if (visited is not UnaryExpression { Method: null } unary || !IsNumeric(unary.Operand.Type))
        {
            return visited;
        }

        return unary.NodeType switch
        {
            ExpressionType.Negate => Expression.NegateChecked(unary.Operand),
            ExpressionType.Convert when IsNumeric(unary.Type) => Expression.ConvertChecked(unary.Operand, unary.Type),
            _ => unary,
        };
    }

    // Integer and floating-point primitives (nullable or not); decimal arithmetic goes through operator methods,
    // which check overflow already.
    private static bool IsNumeric(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive && underlying != typeof(bool) && underlying != typeof(char) && underlying != typeof(IntPtr) && underlying != typeof(UIntPtr);
    }
}
