using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Rules;

/// <summary>Every construct outside the allow-list is a load error pointing at the offending token; none is ever executed.</summary>
public sealed class ExpressionSandboxTests
{
    public static TheoryData<string, string> Attacks => new()
    {
        // expression, token the error must point at
        { "profile.GetType().Name == \"CareProfile\"", "GetType" },
        { "profile.GetType().Assembly.FullName != \"\"", "GetType" },
        { "typeof(string) != null", "typeof" },
        { "Type.GetType(\"System.IO.File\") != null", "Type" },
        { "System.IO.File.Exists(\"/etc/passwd\")", "System" },
        { "Environment.ProcessorCount > 0", "Environment" },
        { "Process.GetCurrentProcess() != null", "Process" },
        { "AppDomain.CurrentDomain != null", "AppDomain" },
        { "Activator.CreateInstance(\"x\", \"y\") != null", "Activator" },
        { "DateTime.Now > DateTime.MinValue", "Now" },
        { "DateTime.UtcNow.Year > 2000", "UtcNow" },
        { "profile.Id.PadLeft(100000000) != \"\"", "PadLeft" },
        { "profile.Id.Replace(\"a\", \"bb\").Length > 0", "Replace" },
        { "new(profile.Id as x) != null", "new" },
        { "Enumerable.Repeat(1, 1000000000).Count() > 0", "Enumerable" },
        { "Enumerable.Range(0, 2147483647).Sum() > 0", "Enumerable" },
        { "Convert.ToBase64String(null) != \"\"", "ToBase64String" },
        { "Math.Pow(2, 10) > 0", "Pow" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Load_HostileExpression_IsRejectedAtTheToken(string expression, string token)
    {
        var result = RuleFiles.Load(RuleFiles.WithClause(expression));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains(error.Code, new[] { RuleErrorCodes.RejectedExpression, RuleErrorCodes.InvalidExpression });
        Assert.Equal(RuleFiles.ClauseLine, error.Line);
        Assert.Equal(RuleFiles.ClauseColumn + expression.IndexOf(token, StringComparison.Ordinal), error.Column);
    }

    [Fact]
    public void Load_DeeplyNestedExpression_IsTooComplexBeforeParsing()
    {
        var expression = new string('(', 100) + "true" + new string(')', 100);

        var error = Assert.Single(RuleFiles.Load(RuleFiles.WithClause(expression)).Errors);

        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, RuleFiles.ClauseLine, RuleFiles.ClauseColumn + 24), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Load_ManyUnaryOperators_IsTooComplex()
    {
        const string prefix = "profile.Budget > ";
        var expression = prefix + new string('-', 100) + "1";

        var error = Assert.Single(RuleFiles.Load(RuleFiles.WithClause(expression)).Errors);

        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, RuleFiles.ClauseColumn + prefix.Length + 8), (error.Code, error.Column));
    }

    [Fact]
    public void Load_VeryLongExpression_IsTooComplex()
    {
        var expression = string.Join(" && ", Enumerable.Repeat("profile.Budget > 0", 200));

        var error = Assert.Single(RuleFiles.Load(RuleFiles.WithClause(expression)).Errors);

        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, RuleFiles.ClauseColumn), (error.Code, error.Column));
    }

    [Fact]
    public void Load_ThreeNestedQuantifiersOverAllProfiles_IsTooComplex()
    {
        const string expression = "design.CareProfiles.Any(a => design.CareProfiles.Any(b => design.CareProfiles.Any(c => a.Id == c.Id)))";

        var error = Assert.Single(RuleFiles.Load(RuleFiles.WithClause(expression, "design")).Errors);

        Assert.Equal(RuleErrorCodes.ExpressionTooComplex, error.Code);
        Assert.Equal(RuleFiles.ClauseColumn + expression.IndexOf("=>", StringComparison.Ordinal), error.Column);
    }

    [Theory]
    [InlineData("profile.Budget <= Math.Max(profile.Lot.Heavy.Limits.Budget ?? 0, 1000)")]
    [InlineData("profile.CoProviders.All(p => p.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start) || profile.MainContractor.HasSubcontractor(p))")]
    [InlineData("profile.Start.AddMonths(profile.DurationMonths) > asOf && profile.Id.StartsWith(\"P-\")")]
    [InlineData("profile.Lot.Contracts.Where(c => c.Category == profile.Category).Select(c => c.Value).Sum() >= 0")]
    public void Load_AllowedConstructs_Compile(string expression)
    {
        var result = RuleFiles.Load(RuleFiles.WithClause(expression));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Load_TypeError_ReportsColumnInsideExpression()
    {
        const string expression = "profile.Budget > \"lots\"";

        var error = Assert.Single(RuleFiles.Load(RuleFiles.WithClause(expression)).Errors);

        Assert.Equal(RuleErrorCodes.InvalidExpression, error.Code);
        Assert.Equal(RuleFiles.ClauseLine, error.Line);
        Assert.InRange(error.Column, RuleFiles.ClauseColumn, RuleFiles.ClauseColumn + expression.Length);
    }

    [Fact]
    public void Load_UnknownMember_ReportsItsColumn()
    {
        const string expression = "profile.Budgett > 0";

        var error = Assert.Single(RuleFiles.Load(RuleFiles.WithClause(expression)).Errors);

        Assert.Equal((RuleErrorCodes.InvalidExpression, 8, RuleFiles.ClauseColumn + 8), (error.Code, error.Line, error.Column));
        Assert.Contains("Budgett", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExpressionInBlockScalar_ReportsLineAndColumnOfTheToken()
    {
        const string yaml = """
            pack: test
            version: 1.0.0
            rules:
              - id: T-1
                title: Test rule
                for: profile in CareProfiles
                require:
                  check: |
                    profile.Budget > 0 &&
                      DateTime.Now.Year > 2000
            """;

        var error = Assert.Single(RuleFiles.Load(yaml).Errors);

        Assert.Equal((RuleErrorCodes.RejectedExpression, 10, 20), (error.Code, error.Line, error.Column));
    }
}
