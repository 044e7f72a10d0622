using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// Known escapes of dynamic LINQ parsers, tried at every place a rule file holds an expression: each must be a load
/// error positioned in the file, and nothing of it may run.
/// </summary>
public sealed class SandboxAttackTests : IDisposable
{
    // A file the write attacks aim at; it must never appear.
    private static readonly string Sentinel = Path.Combine(Path.GetTempPath(), "procurement-rules-sandbox-sentinel");

    private static readonly string[] LoadErrorCodes =
        [RuleErrorCodes.RejectedExpression, RuleErrorCodes.InvalidExpression, RuleErrorCodes.ExpressionTooComplex, RuleErrorCodes.InvalidPlaceholder];

    public SandboxAttackTests() => File.Delete(Sentinel);

    public void Dispose() => File.Delete(Sentinel);

    /// <summary>Expression, and the token the error must point at (null: the parser's own position, anywhere in the expression).</summary>
    public static readonly (string Expression, string? Token)[] Attacks =
    [
        // Reflection
        ("profile.GetType().Name == \"CareProfile\"", "GetType"),
        ("profile.Lot.GetType().Assembly.FullName != \"\"", "GetType"),
        ("typeof(string) != null", "typeof"),
        ("Type.GetType(\"System.IO.File\") != null", "Type"),
        ("Assembly.GetExecutingAssembly() != null", "Assembly"),
        ("design.GetType() != null", "GetType"),
        ("profile.Category.GetTypeCode() != null", "GetTypeCode"),
        ("profile.CoProviders.Select(p => p.GetType()).Any()", "GetType"),

        // Static classes: files, environment, processes, app domains, activation
        ($"System.IO.File.WriteAllText(\"{Sentinel}\", \"x\") == null", "System"),
        ("File.Exists(\"/etc/passwd\")", "File"),
        ("Environment.Exit(3) == null", "Environment"),
        ("Environment.GetEnvironmentVariable(\"PATH\") != \"\"", "Environment"),
        ("Process.Start(\"sh\") != null", "Process"),
        ("AppDomain.CurrentDomain.BaseDirectory != \"\"", "AppDomain"),
        ("Activator.CreateInstance(\"System.IO.FileInfo\") != null", "Activator"),
        ("TenderDesignLoader.LoadFile(\"/etc/passwd\") != null", "LoadFile"),
        ("YamlLimits.Default != null", "Default"),

        // Clocks and other non-determinism
        ("DateTime.Now > DateTime.MinValue", "Now"),
        ("DateTime.Today.Year > 2000", "Today"),
        ("DateTimeOffset.Now.Year > 0", "Now"),
        ("Guid.NewGuid() == Guid.Empty", "NewGuid"),

        // Object creation, by keyword and by Dynamic LINQ's TypeName(arguments)
        ("new(profile.Id as x) != null", "new"),
        ("new int[100000000] != null", "new"),
        ("DateOnly(2020, 1, 1) > asOf", "DateOnly"),
        ("Period(asOf, asOf) != null", "Period"),

        // Huge allocations
        ("profile.Id.PadLeft(100000000) != \"\"", "PadLeft"),
        ("profile.Id.PadRight(100000000) != \"\"", "PadRight"),
        ("string.Join(\",\", design.CareProfiles) != \"\"", "Join"),
        ("Enumerable.Repeat(1, 1000000000).Count() > 0", "Enumerable"),
        ("Enumerable.Range(0, 2147483647).Sum() > 0", "Enumerable"),
        ("profile.CoProviders.Select(p => Enumerable.Range(0, 1000000)).Any()", null),
        ("string.Intern(profile.Id) != \"\"", "Intern"),
        ("Math.Pow(2, 10) > 0", "Pow"),
        ("profile.DurationMonths.ToString(\"D999999999\").Length > 0", "ToString"),
        ("profile.DurationMonths.ToString(\"N31\").Length > 0", "ToString"),
        ("asOf.ToString(\"yyyy-MM-dd yyyy-MM-dd yyyy-MM-dd yyyy\").Length > 0", "ToString"),
        ("profile.DurationMonths.ToString(profile.Id).Length > 0", "ToString"),
        ("string.Concat(design.CareProfiles.Select(a => a.Id)).Length > 0", "Concat"),
        ("int.Parse(\"1\") > 0", "Parse"),
        ("Convert.ToInt32(profile.Id) > 0", "ToInt32"),

        // Delegates and collection escapes
        ("profile.CoProviders.Any(p => true).Invoke()", "Invoke"),
        ("profile.CoProviders.Aggregate((a, b) => a) != null", null),
        ("profile.CoProviders.SelectMany(p => profile.CoProviders).Any()", "SelectMany"),
        ("profile.CoProviders.ToList().Count > 0", "ToList"),

        // Dynamic LINQ specials: iif, np, as/is/OfType/Cast with type names as strings, it/parent/root
        ("iif(true, profile.GetType(), null) != null", "GetType"),
        ("np(profile.GetType().Name) != null", "GetType"),
        ("profile.CoProviders.OfType(\"System.IO.File\").Any()", null),
        ("profile.CoProviders.Cast(\"System.Object\").Any()", null),
        ("profile.CoProviders.OfType(\"Procurement.Rules.Model.Provider\").Any()", "OfType"),
        ("as(\"System.IO.File\") != null", null),
        ("is(\"System.IO.File\")", null),
        ("it != null", "it"),
        ("parent != null", "parent"),
        ("root != null", "root"),
        ("$ != null", null),
        ("^ != null", null),
        ("@0 != null", null),

        // Indexers, and casts to object followed by member access
        ("profile.Id[0] == \"P\"", null),
        ("object(profile).GetType() != null", "GetType"),
        ("object(profile).ToString() != \"\"", "ToString"),
        ("object(profile.Lot).Name != \"\"", null),
    ];

    public static TheoryData<AttackSite, int> Cases()
    {
        var data = new TheoryData<AttackSite, int>();
        foreach (var site in Enum.GetValues<AttackSite>())
        {
            for (var i = 0; i < Attacks.Length; i++)
            {
                data.Add(site, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_HostileExpressionAtAnySite_IsAPositionedLoadError(AttackSite site, int attack)
    {
        var (expression, token) = Attacks[attack];

        var result = AttackPacks.Load(AttackPacks.At(site, expression));

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        var (line, column) = AttackPacks.Start(site);
        var error = Assert.Single(result.Errors, e => e.Line == line);
        Assert.Contains(error.Code, LoadErrorCodes);
        if (token is null)
        {
            Assert.InRange(error.Column, column, column + expression.Length);
        }
        else
        {
            Assert.Equal(column + expression.IndexOf(token, StringComparison.Ordinal), error.Column);
        }

        Assert.False(File.Exists(Sentinel));
    }

    [Theory]
    [InlineData(AttackSite.Clause)]
    [InlineData(AttackSite.When)]
    [InlineData(AttackSite.Let)]
    [InlineData(AttackSite.Message)]
    public void Load_ThreeNestedQuantifiersOverAllProfiles_IsTooComplexAtEverySite(AttackSite site)
    {
        const string expression = "design.CareProfiles.Any(a => design.CareProfiles.Any(b => design.CareProfiles.Any(c => a.Id == c.Id)))";

        var result = AttackPacks.Load(AttackPacks.At(site, expression));

        var (line, column) = AttackPacks.Start(site);
        var error = Assert.Single(result.Errors, e => e.Line == line);
        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, column + expression.IndexOf("=>", StringComparison.Ordinal)), (error.Code, error.Column));
    }

    [Fact]
    public void Load_LetWithTwoQuantifiersUsedInsideAQuantifier_CountsTheLetsDepth()
    {
        // Each part alone is within the depth limit; written out, the clause nests three quantifiers.
        const string yaml = """
            pack: attack
            version: 1.0.0
            let:
              - for: profile in CareProfiles
                values:
                  pairs: design.CareProfiles.Count(a => design.CareProfiles.Any(b => a.Id == b.Id))
            rules:
              - id: A-1
                title: Attack
                for: profile in CareProfiles
                require:
                  check: design.CareProfiles.All(c => pairs > 0)
            """;

        var error = Assert.Single(AttackPacks.Load(yaml).Errors);

        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, 12, 14 + "design.CareProfiles.All(c ".Length), (error.Code, error.Line, error.Column));
    }

    [Theory]
    [InlineData(AttackSite.Clause)]
    [InlineData(AttackSite.When)]
    [InlineData(AttackSite.Let)]
    [InlineData(AttackSite.Message)]
    public void Load_DeepBracketsAtAnySite_AreTooComplexBeforeParsing(AttackSite site)
    {
        var expression = new string('(', 200) + "true" + new string(')', 200);

        var result = AttackPacks.Load(AttackPacks.At(site, expression));

        var (line, column) = AttackPacks.Start(site);
        var error = Assert.Single(result.Errors, e => e.Line == line);
        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, column + RuleLimits.Default.MaxNesting), (error.Code, error.Column));
        Assert.Contains("MaxNesting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BracketsExactlyAtTheNestingLimit_Compile()
    {
        var depth = RuleLimits.Default.MaxNesting;
        var expression = new string('(', depth) + "profile.Budget > 0" + new string(')', depth);

        Assert.Empty(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, expression)).Errors);
    }

    [Fact]
    public void Load_RunOfNotKeywords_IsTooComplexLikeARunOfBangs()
    {
        // 'not' recurses in the parser just like '!': a long run of it must not get past the shape check.
        var expression = string.Concat(Enumerable.Repeat("not ", 400)) + "true";

        var error = Assert.Single(AttackPacks.Load(AttackPacks.At(AttackSite.Clause, expression)).Errors);

        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, 9 + (4 * RuleLimits.Default.MaxUnaryRun)), (error.Code, error.Column));
        Assert.Contains("MaxUnaryRun", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AttackSite.Let)]
    [InlineData(AttackSite.Message)]
    public void Load_OverlongExpressionAtAnySite_IsTooComplex(AttackSite site)
    {
        var expression = string.Join(" && ", Enumerable.Repeat("profile.Budget > 0", 200));

        var result = AttackPacks.Load(AttackPacks.At(site, expression));

        var (line, column) = AttackPacks.Start(site);
        var error = Assert.Single(result.Errors, e => e.Line == line);
        Assert.Equal((RuleErrorCodes.ExpressionTooComplex, column), (error.Code, error.Column));
        Assert.Contains("MaxExpressionLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeepestExpressionWithinTheLimits_CompilesEvenFromATinyStack()
    {
        // Brackets at the limit around a chain of conditionals as long as the length limit allows: within every shape
        // limit, yet parsing it recurses deep enough to overflow a 64 KiB stack, which would end this process (a stack
        // overflow cannot be caught). It loads because compiling never runs on the caller's stack but on a thread of
        // its own with a 64 MiB one; the shape limits keep even that far from full (256 KiB suffices today).
        var depth = RuleLimits.Default.MaxNesting - 1;
        var chain = string.Concat(Enumerable.Repeat("true ? true : ", (RuleLimits.Default.MaxExpressionLength - 4 - (2 * depth)) / 14));
        var expression = new string('(', depth) + chain + "true" + new string(')', depth);
        LoadResult<RuleSet>? result = null;

        var thread = new Thread(() => result = AttackPacks.Load(AttackPacks.At(AttackSite.Clause, expression)), 64 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(result);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Load_ExpressionsAttemptingToWrite_NeverRunEvenWhenEvaluated()
    {
        // The loads fail; a working rule set evaluated afterwards shows nothing was left half-registered either.
        string[] writes =
        [
            $"System.IO.File.WriteAllText(\"{Sentinel}\", \"x\") == null",
            $"File.WriteAllText(\"{Sentinel}\", \"x\") == null",
            $"Activator.CreateInstance(\"System.IO.FileStream\", \"{Sentinel}\", 2) != null",
            $"profile.CoProviders.OfType(\"System.IO.FileStream\").Any()",
        ];
        foreach (var site in Enum.GetValues<AttackSite>())
        {
            foreach (var write in writes)
            {
                Assert.False(AttackPacks.Load(AttackPacks.At(site, write)).Succeeded);
            }
        }

        var design = TenderDesignLoader.LoadString(Model.SampleDesigns.Valid, "sample.yaml").GetValueOrThrow();
        RuleSet.LoadDefault().GetValueOrThrow().Evaluate(design);

        Assert.False(File.Exists(Sentinel));
    }
}
