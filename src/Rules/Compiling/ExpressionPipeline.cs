using System.Linq.Expressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The passes every expression goes through, in order, stopping at the first that fails: the load's expression budget,
/// the shape limits on the text, the parse, the size limit on the tree, the allow-list.
/// </summary>
internal sealed class ExpressionPipeline(RuleLimits limits)
{
    private int _expressions;

    public RuleLimits Limits { get; } = limits;

    public Diagnosed<LambdaExpression> Parse(ExpressionInput input) =>
        CountAgainstBudget(input)
            .Then(i => ShapeLimits.CheckText(i, Limits))
            .Then(i => ParsePass.Parse(i)
                .Then(lambda => ShapeLimits.CheckNodes(i, lambda, Limits))
                .Then(lambda => VetPass.Vet(i, lambda, Limits)));

    // Every parse counts, reported or not: the budget bounds the work of a load, not just its errors. Only the first
    // expression over it is reported (the code LimitExceeded, which a let group reported before still passes on).
    private Diagnosed<ExpressionInput> CountAgainstBudget(ExpressionInput input)
    {
        if (++_expressions <= Limits.MaxExpressions)
        {
            return Pass.Ok<ExpressionInput>(input);
        }

        return _expressions == Limits.MaxExpressions + 1
            ? Pass.Failed<ExpressionInput>(input.ErrorAt(0, LoadErrorCodes.LimitExceeded, $"The rule files hold more than {Limits.MaxExpressions:N0} expressions (limit MaxExpressions)."))
            : Pass.Failed<ExpressionInput>();
    }
}
