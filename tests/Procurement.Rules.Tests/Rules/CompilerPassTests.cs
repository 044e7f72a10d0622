using System.Linq.Expressions;
using Procurement.Rules.Compiling;
using Procurement.Rules.Loading.Syntax;
using Procurement.Rules.Model;
using Xunit;
using static Procurement.Rules.Tests.Rules.RuleSyntaxTests;

namespace Procurement.Rules.Tests.Rules;

/// <summary>Each compiler pass on its own: given a small syntax tree, the value it returns or the diagnostic, with its position.</summary>
public sealed class CompilerPassTests
{
    private static readonly RuleSignature Profiles = new(typeof(CareProfile), "profile");

    private static RuleSyntax RuleOf(string yaml) => SyntaxOf(yaml).Rules.Single().Rule;

    private static ExpressionSyntax ClauseOf(string expression) => RuleOf(RuleFiles.WithClause(expression)).Clauses.Single().Expression;

    private static ExpressionInput Input(ExpressionSyntax expression, Dictionary<string, object>? externals = null) =>
        new(expression.Source, expression.Text, 0, Profiles.Visible, typeof(bool), externals ?? [], RuleErrorCodes.InvalidExpression);

    private static (string Code, int Line, int Column) Where(LoadError error) => (error.Code, error.Line, error.Column);

    [Fact]
    public void SubjectBinding_UnknownCollection_IsAnErrorSpanningTheForValue()
    {
        var subject = RuleOf(RuleFiles.WithClause("true", subject: "thing in Nowhere")).Subject!;

        var result = SubjectBinding.BindRule(subject, new Dictionary<string, object>(), "rules0.yaml");

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((RuleErrorCodes.UnknownSubject, 6, 10), Where(error));
        Assert.Equal((6, 26), (error.Span.EndLine, error.Span.EndColumn));
        Assert.StartsWith("'for: thing in Nowhere' is not a subject;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubjectBinding_NamesTheSubjectOrRefusesATakenName()
    {
        var profile = RuleOf(RuleFiles.WithClause("true")).Subject!;
        var design = RuleOf(RuleFiles.WithClause("true", subject: "design")).Subject!;

        var bound = SubjectBinding.BindRule(profile, new Dictionary<string, object>(), "f").Value!;
        Assert.Equal(("CareProfiles", "profile"), (bound.Kind.Collection, bound.Variable));
        Assert.Equal("design", SubjectBinding.BindRule(design, new Dictionary<string, object>(), "f").Value!.Variable);
        var taken = SubjectBinding.BindRule(profile, new Dictionary<string, object> { ["profile"] = 1 }, "rules0.yaml");
        Assert.Null(taken.Value);
        Assert.Equal((RuleErrorCodes.UnknownSubject, 6, 10), Where(Assert.Single(taken.Errors)));
    }

    [Fact]
    public void SubjectBinding_LetsOverTheDesign_AreAnError()
    {
        const string yaml = """
            pack: lets
            version: 1.0.0
            let:
              - for: design
                values:
                  one: 1
            rules: []
            """;

        var result = SubjectBinding.BindLets(SyntaxOf(yaml).Packs.Single().Lets.Single());

        Assert.Null(result.Value);
        Assert.Equal((RuleErrorCodes.UnknownSubject, 4, 10), Where(Assert.Single(result.Errors)));
    }

    [Fact]
    public void ShapeLimits_Text_WithinLimitsPassesThrough_DeepNestingOrNewIsAnErrorAtItsCharacter()
    {
        var limits = RuleLimits.Default with { MaxNesting = 2 };
        var shallow = Input(ClauseOf("((1)) == 1"));

        Assert.Same(shallow, ShapeLimits.CheckText(shallow, limits).Value);
        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, 8, 16), Where(Assert.Single(ShapeLimits.CheckText(Input(ClauseOf("(((1))) == 1")), limits).Errors)));
        Assert.Equal((RuleErrorCodes.RejectedExpression, 8, 14), Where(Assert.Single(ShapeLimits.CheckText(Input(ClauseOf("new(profile.Id as x) != null")), limits).Errors)));
    }

    [Fact]
    public void ShapeLimits_Nodes_OverTheLimitIsAnErrorAtTheFirstDerivedValue()
    {
        var externals = new Dictionary<string, object> { ["big"] = Expression.Add(Expression.Constant(1), Expression.Constant(2)) };
        var input = Input(ClauseOf("1 + big > 0"), externals);
        var lambda = ParsePass.Parse(input).Value!;

        Assert.Same(lambda, ShapeLimits.CheckNodes(input, lambda, RuleLimits.Default).Value);
        var error = Assert.Single(ShapeLimits.CheckNodes(input, lambda, RuleLimits.Default with { MaxExpressionNodes = 3 }).Errors);
        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, 8, 18), Where(error));
        Assert.Contains("nodes once the derived values it uses are written out, over 3 (limit MaxExpressionNodes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GivesATypedLambdaOrAnErrorAtTheToken()
    {
        var parsed = ParsePass.Parse(Input(ClauseOf("profile.Id.Length > 0")));
        Assert.Equal(typeof(bool), parsed.Value!.ReturnType);
        Assert.Empty(parsed.Errors);

        var error = Assert.Single(ParsePass.Parse(Input(ClauseOf("profile.Id.Lenght > 0"))).Errors);
        Assert.Equal((RuleErrorCodes.InvalidExpression, 8, 25), Where(error));
        Assert.EndsWith("(at 'Lenght').", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vet_AllowedPassesThrough_ARefusedMethodIsAnErrorAtItsName()
    {
        var allowedInput = Input(ClauseOf("profile.Id.StartsWith(\"P\")"));
        var allowed = ParsePass.Parse(allowedInput).Value!;
        Assert.Same(allowed, VetPass.Vet(allowedInput, allowed, RuleLimits.Default).Value);

        var input = Input(ClauseOf("profile.Id.Replace(\"a\", \"bb\").Length > 0"));
        var refused = VetPass.Vet(input, ParsePass.Parse(input).Value!, RuleLimits.Default);

        Assert.Null(refused.Value);
        Assert.Equal((RuleErrorCodes.RejectedExpression, 8, 25), Where(Assert.Single(refused.Errors)));
    }

    [Fact]
    public void ExpressionPipeline_CountsEveryParse_ReportsOnlyTheFirstOverTheBudget()
    {
        var pipeline = new ExpressionPipeline(RuleLimits.Default with { MaxExpressions = 1 });
        var input = Input(ClauseOf("profile.Id.Length > 0"));

        Assert.NotNull(pipeline.Parse(input).Value);
        var over = pipeline.Parse(input);
        Assert.Null(over.Value);
        Assert.Equal((LoadErrorCodes.LimitExceeded, 8, 14), Where(Assert.Single(over.Errors)));
        var after = pipeline.Parse(input);
        Assert.Null(after.Value);
        Assert.Empty(after.Errors);
    }

    [Fact]
    public void ExpressionPipeline_StopsAtTheFirstFailingPass()
    {
        var pipeline = new ExpressionPipeline(RuleLimits.Default with { MaxNesting = 1 });

        // Too deep and misspelt: the shape limit fails first, so the parser never sees it.
        var result = pipeline.Parse(Input(ClauseOf("((profile.Id.Lenght)) > 0")));

        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, 8, 15), Where(Assert.Single(result.Errors)));
    }

    [Fact]
    public void LetInlining_GivesARuleOverTheGroupsCollectionItsValuesAndParameters()
    {
        var syntax = SyntaxOf(Sample);
        var lets = new LetInlining(new ExpressionPipeline(RuleLimits.Default));

        var scope = lets.ScopeFor(syntax.Rules[0], SubjectKind.Find("CareProfiles")!, Profiles);
        var design = new RuleSignature(typeof(TenderDesign), "design");
        var designScope = lets.ScopeFor(syntax.Rules[1], SubjectKind.Design, design);

        Assert.Empty(scope.Errors);
        Assert.Equal(new[] { "doubled", "maxLength", "single" }, scope.Value!.Externals.Keys.Order(StringComparer.Ordinal));
        Assert.IsAssignableFrom<Expression>(scope.Value.Externals["doubled"]);
        Assert.Equal(new[] { Profiles.Subject, Profiles.Design, Profiles.AsOf }, scope.Value.Replacements.Values);
        Assert.Equal(new[] { "maxLength" }, designScope.Value!.Externals.Keys);
        Assert.Empty(designScope.Value.Replacements);
    }

    [Fact]
    public void LetInlining_ACycleIsReportedOnceWithTheFirstRuleThatSeesIt()
    {
        const string yaml = """
            pack: cyclic
            version: 1.0.0
            let:
              - for: p in CareProfiles
                values:
                  x: y + 1
                  y: x + 1
            rules:
              - { id: C-1, title: One, for: profile in CareProfiles, require: { a: "true" } }
              - { id: C-2, title: Two, for: profile in CareProfiles, require: { a: "true" } }
            """;
        var syntax = SyntaxOf(yaml);
        var lets = new LetInlining(new ExpressionPipeline(RuleLimits.Default));
        var kind = SubjectKind.Find("CareProfiles")!;

        var first = lets.ScopeFor(syntax.Rules[0], kind, Profiles);
        var second = lets.ScopeFor(syntax.Rules[1], kind, Profiles);

        var error = Assert.Single(first.Errors);
        Assert.Equal((RuleErrorCodes.LetCycle, 6, 7), Where(error));
        Assert.Equal("Derived values depend on each other in a cycle: x -> y -> x.", error.Message);
        Assert.Empty(second.Errors);
        Assert.DoesNotContain("x", second.Value!.Externals.Keys);
    }

    [Fact]
    public void Message_AnUnclosedBraceOrABadPlaceholderIsAnErrorAtItsCharacter()
    {
        var rule = SyntaxOf(RuleFiles.WithClause("true") + "\n    message: \"Te {profile.Nope} {laat\"").Rules.Single();
        var pipeline = new ExpressionPipeline(RuleLimits.Default);
        var scope = new LetInlining(pipeline).ScopeFor(rule, SubjectKind.Find("CareProfiles")!, Profiles).Value!;

        var result = MessageCompiler.Compile<CareProfile>(rule, Profiles, scope, pipeline);

        Assert.Equal(
            new[] { (RuleErrorCodes.InvalidPlaceholder, 9, 27), (RuleErrorCodes.InvalidPlaceholder, 9, 33) },
            result.Errors.Select(Where));
        Assert.StartsWith("A '{' in the message has no closing '}'", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guards_MakeArithmeticCheckedAndQuantifierBodiesCheckTheBudget()
    {
        var body = ParsePass.Parse(Input(ClauseOf("profile.CoProviders.Any(c => c.Id.Length + 1 > 1)"))).Value!.Body;

        var guarded = EvaluationGuards.Apply(body, Profiles.Cancellation, "T-1");

        Assert.DoesNotContain(Nodes(guarded), n => n.NodeType == ExpressionType.Add);
        Assert.Contains(Nodes(guarded), n => n.NodeType == ExpressionType.AddChecked);
        Assert.Contains(Nodes(guarded), n => n is MethodCallExpression { Method.Name: nameof(WorkMeter.Check) });
    }

    [Fact]
    public void QuantifierLoops_LowerAQuantifierOverAModelListToALoop()
    {
        var body = ParsePass.Parse(Input(ClauseOf("profile.CoProviders.Any(c => c.Id == \"x\")"))).Value!.Body;

        var lowered = QuantifierLoops.Apply(body);

        Assert.Contains(Nodes(body), n => n is MethodCallExpression { Method.Name: "Any" });
        Assert.DoesNotContain(Nodes(lowered), n => n is MethodCallExpression { Method.Name: "Any" });
        Assert.Contains(Nodes(lowered), n => n.NodeType == ExpressionType.Loop);
    }

    [Fact]
    public void RuleCompiler_ARuleStopsAtAFailedSubject_ElseReportsEveryExpressionsErrorInOrder()
    {
        var compiler = new RuleCompiler();
        var unknown = SyntaxOf(RuleFiles.WithClause("profile.Nope", subject: "thing in Nowhere")).Rules.Single();
        var broken = SyntaxOf(RuleFiles.WithClause("profile.Nope") + "\n    when: profile.Nah\n    message: \"{profile.Niet}\"").Rules.Single();

        var stopped = compiler.Compile(unknown);
        var reported = compiler.Compile(broken);

        Assert.Null(stopped.Value);
        Assert.Equal((RuleErrorCodes.UnknownSubject, 6, 10), Where(Assert.Single(stopped.Errors)));
        Assert.Null(reported.Value);
        Assert.Equal(
            new[] { (RuleErrorCodes.InvalidExpression, 9, 19), (RuleErrorCodes.InvalidExpression, 8, 22), (RuleErrorCodes.InvalidPlaceholder, 10, 24) },
            reported.Errors.Select(e => (e.Code, e.Line, e.Column)));
    }

    [Fact]
    public void RuleCompiler_AValidRuleCompilesWithItsInfo()
    {
        var rule = SyntaxOf(Sample).Rules[0];

        var compiled = new RuleCompiler().Compile(rule);

        Assert.Empty(compiled.Errors);
        var info = compiled.Value!.Info;
        Assert.Equal(("S-1", "CareProfiles", "profile", "doubled > 0"), (info.Id, info.Subject, info.SubjectVariable, info.When));
        Assert.Equal(2, compiled.Value.Scan.Clauses.Count);
    }

    private static List<Expression> Nodes(Expression expression)
    {
        var collector = new NodeCollector();
        collector.Visit(expression);
        return collector.Found;
    }

    private sealed class NodeCollector : ExpressionVisitor
    {
        public List<Expression> Found { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                Found.Add(node);
            }

            return base.Visit(node);
        }
    }
}
