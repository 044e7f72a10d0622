using System.Collections.Immutable;
using System.Linq.Expressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Loading.Syntax;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Compiles one rule over subjects of type <typeparamref name="T"/> through the passes: derived values inlined, its
/// <c>when</c>, clauses and message parsed and vetted (<see cref="ExpressionPipeline"/>), the clause count limited,
/// then guarded (<see cref="EvaluationGuards"/>) and with quantifiers lowered to loops (<see cref="QuantifierLoops"/>)
/// for the subject scan. Every expression is tried, so a rule reports all its errors; any error fails the rule.
/// </summary>
internal sealed class RuleAssembler<T>(SubjectKind<T> kind, LayeredRule rule, RuleSignature signature, ExpressionPipeline expressions)
    where T : class
{
    private readonly ImmutableArray<LoadError>.Builder _diagnostics = ImmutableArray.CreateBuilder<LoadError>();

    public Diagnosed<ICompiledRule> Compile(LetInlining lets)
    {
        var scope = Collect(lets.ScopeFor(rule, kind, signature))!;
        var whenBody = rule.Rule.When is { } when ? Parse(when.Source, scope) : null;
        var clauseBodies = new List<Expression>();
        var clauses = new List<CompiledClause<T>>();
        foreach (var clause in rule.Rule.Clauses)
        {
            if (Parse(clause.Expression.Source, scope) is not { } body)
            {
                continue;
            }

            var guarded = ForEvaluation(body);
            clauseBodies.Add(guarded);
            clauses.Add(new CompiledClause<T>(clause.Name.Value, clause.Expression.Text, Interpret<bool>(guarded), ClauseValues.For<T>(body, clause, signature, rule.Parameters)));
        }

        if (clauses.Count > SubjectScan.MaxClauses)
        {
            _diagnostics.Add(new LoadError(RuleErrorCodes.ExpressionTooComplex, $"Rule '{rule.Rule.Id.Value}' has {clauses.Count} clauses; the limit is {SubjectScan.MaxClauses}.",
                rule.Pack.File, rule.Rule.Location.Line, rule.Rule.Location.Column));
        }

        var message = Collect(MessageCompiler.Compile<T>(rule, signature, scope, expressions));
        if (_diagnostics.Count > 0)
        {
            return Pass.Failed<ICompiledRule>(_diagnostics.ToImmutable());
        }

        var info = RuleInfos.Of(rule, kind, signature.Subject.Name!, whenBody is not null && ConstantWhen.IsFalse(whenBody, signature.Visible));
        var guardedWhen = whenBody is null ? null : ForEvaluation(whenBody);
        var whenDelegate = guardedWhen is null ? null : Interpret<bool>(guardedWhen);
        var scan = new SubjectScan.Source(guardedWhen, clauseBodies, signature.Compiled);
        return Pass.Ok<ICompiledRule>(new CompiledRule<T>(info, kind, scan, whenDelegate, [.. clauses], message!, rule.SeveritySetBy));
    }

    private TValue? Collect<TValue>(Diagnosed<TValue> result)
        where TValue : class
    {
        _diagnostics.AddRange(result.Errors);
        return result.Value;
    }

    // A boolean expression of the rule, parsed and vetted, with derived values inlined; null when it failed.
    private Expression? Parse(ExpressionSource source, RuleScope scope) =>
        Collect(expressions.Parse(new ExpressionInput(source, source.Text, 0, signature.Visible, typeof(bool), scope.Externals, RuleErrorCodes.InvalidExpression))) is { } lambda
            ? LetInlining.Inline(lambda.Body, scope)
            : null;

    // What evaluation runs: cancellation checks and checked arithmetic added, quantifiers over lists made loops.
    private Expression ForEvaluation(Expression body) => QuantifierLoops.Apply(EvaluationGuards.Apply(body, signature.Cancellation, rule.Rule.Id.Value));

    // Delegates that run only to find which clause threw are interpreted: far cheaper to build than compiled ones, and
    // their speed does not matter. The subject scan is compiled at load; messages and values on first failure.
    private Func<T, TenderDesign, DateOnly, CancellationToken, TResult> Interpret<TResult>(Expression body) =>
        Expression.Lambda<Func<T, TenderDesign, DateOnly, CancellationToken, TResult>>(body.Type == typeof(TResult) ? body : Expression.Convert(body, typeof(TResult)), signature.Compiled)
            .Compile(preferInterpretation: true);
}
