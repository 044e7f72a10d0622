using System.Linq.Dynamic.Core;
using Procurement.Rules.Loading;
using Procurement.Rules.Loading.Syntax;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Turns the layered rules of a syntax tree into typed delegates, one rule at a time, through named passes: bind the
/// subject (<see cref="SubjectBinding"/>), inline derived values (<see cref="LetInlining"/>), then per expression the
/// budget, shape limits, parse and allow-list (<see cref="ExpressionPipeline"/>), then guards and loops
/// (<see cref="RuleAssembler{T}"/>). A rule stops at the first pass that fails; each pass returns its diagnostics.
/// The compiler keeps what spans rules: the load's expression count and the derived values parsed so far.
/// </summary>
internal sealed class RuleCompiler
{
    private readonly ExpressionPipeline _expressions;
    private readonly LetInlining _lets;

    public RuleCompiler(RuleLimits? limits = null)
    {
        _expressions = new ExpressionPipeline(limits ?? RuleLimits.Default);
        _lets = new LetInlining(_expressions);
    }

    /// <summary>How rule expressions are parsed (<see cref="RuleParsing.Config"/>).</summary>
    internal static ParsingConfig Config => RuleParsing.Config;

    /// <summary>The compiled rule, or its diagnostics; a rule without <c>for:</c> (already reported by the reader) gives neither.</summary>
    public Diagnosed<ICompiledRule> Compile(LayeredRule rule) =>
        rule.Rule.Subject is not { } subject
            ? Pass.Failed<ICompiledRule>()
            : SubjectBinding.BindRule(subject, rule.Parameters, rule.Pack.File).Then(bound => bound.Kind.Compile(this, rule, bound.Variable));

    internal Diagnosed<ICompiledRule> Compile<T>(SubjectKind<T> kind, LayeredRule rule, string variable)
        where T : class =>
        new RuleAssembler<T>(kind, rule, new RuleSignature(typeof(T), variable), _expressions).Compile(_lets);
}

internal abstract partial class SubjectKind
{
    public abstract Diagnosed<ICompiledRule> Compile(RuleCompiler compiler, LayeredRule rule, string variable);
}

internal sealed partial class SubjectKind<T>
{
    public override Diagnosed<ICompiledRule> Compile(RuleCompiler compiler, LayeredRule rule, string variable) => compiler.Compile(this, rule, variable);
}
