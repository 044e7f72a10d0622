using System.Collections.Immutable;
using System.Linq.Expressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Loading.Syntax;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Inlines derived (<c>let</c>) values: each group visible to a rule is parsed once per set of parameter values, in
/// dependency order, over parameters of its own; a rule over the group's collection gets the values as named
/// expressions for its parser, and the group's parameters replaced by its own once parsed (<see cref="Inline"/>).
/// A group's errors are reported once, with the first rule that sees it.
/// </summary>
internal sealed class LetInlining(ExpressionPipeline expressions)
{
    private readonly Dictionary<(LetGroupSyntax Group, IReadOnlyDictionary<string, object> Parameters), LetScope?> _scopes = [];
    private readonly HashSet<LetGroupSyntax> _reported = [];

    /// <summary>The named values and parameter replacements <paramref name="rule"/> compiles with, and new diagnostics.</summary>
    public Diagnosed<RuleScope> ScopeFor(LayeredRule rule, SubjectKind kind, RuleSignature signature)
    {
        var diagnostics = ImmutableArray.CreateBuilder<LoadError>();
        var externals = new Dictionary<string, object>(rule.Parameters, StringComparer.Ordinal);
        var replacements = new Dictionary<ParameterExpression, Expression>();
        foreach (var group in rule.Lets)
        {
            if (!_scopes.TryGetValue((group, rule.Parameters), out var scope))
            {
                var compiled = Compile(group, rule.Parameters);
                var report = _reported.Add(group);
                // The load's budget error is never dropped: the load must fail, not lose rules.
                diagnostics.AddRange(compiled.Errors.Where(d => report || d.Code == LoadErrorCodes.LimitExceeded));
                scope = compiled.Value;
                _scopes[(group, rule.Parameters)] = scope;
            }

            if (scope is not null && scope.Collection == kind.Collection)
            {
                foreach (var (name, body) in scope.Values)
                {
                    externals[name] = body;
                }

                replacements[scope.Signature.Subject] = signature.Subject;
                replacements[scope.Signature.Design] = signature.IsDesign ? signature.Subject : signature.Design;
                replacements[scope.Signature.AsOf] = signature.AsOf;
            }
        }

        return new Diagnosed<RuleScope>(new RuleScope(externals, replacements), diagnostics.ToImmutable());
    }

    /// <summary>The group's values, parsed in dependency order, each seeing the parameters and the values before it.</summary>
    private Diagnosed<LetScope> Compile(LetGroupSyntax group, IReadOnlyDictionary<string, object> parameters) =>
        SubjectBinding.BindLets(group).Then(subject =>
        {
            if (group.Cycle is { } cycle)
            {
                return Pass.Failed<LetScope>(new LoadError(RuleErrorCodes.LetCycle,
                    $"Derived values depend on each other in a cycle: {string.Join(" -> ", cycle.Names)}.", group.File, cycle.At.Span));
            }

            var signature = new LetSignature(
                Expression.Parameter(subject.Kind.Type, subject.Variable),
                Expression.Parameter(typeof(TenderDesign), "design"),
                Expression.Parameter(typeof(DateOnly), "asOf"));
            ParameterExpression[] visible = [signature.Subject, signature.Design, signature.AsOf];
            var externals = new Dictionary<string, object>(parameters, StringComparer.Ordinal);
            var values = new List<(string, Expression)>();
            foreach (var let in group.Ordered)
            {
                var parsed = expressions.Parse(new ExpressionInput(let.Expression.Source, let.Expression.Text, 0, visible, null, externals, RuleErrorCodes.InvalidExpression));
                if (parsed.Value is not { } lambda)
                {
                    return Pass.Failed<LetScope>(parsed.Errors);
                }

                externals[let.Name.Value] = lambda.Body;
                values.Add((let.Name.Value, lambda.Body));
            }

            return Pass.Ok<LetScope>(new LetScope(subject.Kind.Collection, signature, values));
        });

    /// <summary>Puts the rule's own parameters in place of the derived values' parameters in a parsed body.</summary>
    public static Expression Inline(Expression body, RuleScope scope) => ParameterReplacer.Replace(body, scope.Replacements);

    private sealed record LetSignature(ParameterExpression Subject, ParameterExpression Design, ParameterExpression AsOf);

    private sealed record LetScope(string Collection, LetSignature Signature, List<(string Name, Expression Body)> Values);
}

/// <summary>What a rule's expressions are parsed with: parameters and derived values by name, and how to inline the latter.</summary>
internal sealed record RuleScope(Dictionary<string, object> Externals, IReadOnlyDictionary<ParameterExpression, Expression> Replacements);
