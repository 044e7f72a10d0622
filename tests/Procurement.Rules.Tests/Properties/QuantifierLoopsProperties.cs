using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using Procurement.Rules.Compiling;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// The quantifiers the compiler turns into loops give what <see cref="Enumerable"/> gives, for every subject of every
/// generated design: the same value, or the same exception.
/// </summary>
public sealed class QuantifierLoopsProperties
{
    private static readonly string[] ProfileExpressions =
    [
        "profile.CoProviders.Any(c => c.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start))",
        "profile.CoProviders.All(c => c.Id != profile.MainContractor.Id)",
        "profile.CoProviders.Where(c => c.Qualifications.Count > 1).Any()",
        "profile.CoProviders.Where(c => c.Qualifications.Any(q => q == \"vog\")).All(c => c.Cooperatives.Count == 0)",
        "profile.CoProviders.Where(c => !c.HoldsContract(profile.Lot, profile.Category, profile.Municipality, profile.Start) && !(profile.MainContractor != null && profile.MainContractor.HasSubcontractor(c))).Any()",
        "profile.Lot.Contracts.Count(c => c.Covers(profile.Municipality))",
        "profile.Lot.Contracts.Where(c => c.Covers(profile.Municipality)).Count()",
        "profile.Lot.Contracts.Where(c => c.Period.Contains(profile.Start)).Sum(c => c.Value)",
        "profile.Lot.Contracts.Sum(c => c.Municipalities.Count(m => m.Name.Length % 2 == 0))",
        "profile.Lot.Contracts.Where(c => c.Municipalities.All(m => c.Covers(m))).Any(c => c.Municipalities.Any(m => m == profile.Municipality))",
        "profile.Lot.Contracts.Count(other => other.Party == profile.MainContractor) > 1",
        "profile.Contract.Municipalities.Any(m => m == profile.Municipality)",
        "profile.CoProviders.Contains(profile.MainContractor)",
        "profile.Lot.Contracts.Where(c => c.Provider != null).Any(c => profile.CoProviders.Contains(c.Provider))",
        "profile.CoProviders.Select(c => c.Cooperatives.Count).Any(n => n > 0)",
        "profile.Lot.Contracts.Select(c => c.Party).All(p => p != profile.MainContractor)",
        "profile.Lot.Contracts.Where(c => c.Covers(profile.Municipality)).Select(c => c.Id).Count(id => id.Length > 4)",
        "profile.Lot.Contracts.Select(c => c.Value).Sum()",
        "profile.Lot.Contracts.Where(c => c.Period.Contains(profile.Start)).Select(c => c.Municipalities.Count).Sum()",
        "profile.Lot.Contracts.Select(c => c.Municipalities).Sum(m => m.Count(x => x == profile.Municipality))",
        "profile.Lot.Contracts.Select(c => c.Provider).Contains(profile.MainContractor)",
        "profile.CoProviders.Select(c => c.Name).Contains(profile.MainContractor.Name)",
        "profile.Lot.Contracts.Where(c => c.Provider != null).Select(c => c.Provider.Name).Contains(profile.Municipality.Name)",
        "profile.Contract.Municipalities.Select(m => m.Name.Length).Contains(profile.Id.Length)",
    ];

    // Lists a message shows: built by a loop that stops after the items shown.
    private static readonly string[] DisplayedExpressions =
    [
        "profile.CoProviders.Select(c => c.Name)",
        "profile.Lot.Contracts.Where(c => c.Covers(profile.Municipality))",
        "profile.Lot.Contracts.Where(c => c.Period.Contains(profile.Start)).Select(c => c.Id)",
        "profile.Lot.Contracts.Select(c => c.Municipalities.Count(m => m == profile.Municipality))",
        "profile.Contract.Municipalities.Select(m => m.Name)",
    ];

    [Fact]
    public void Loops_give_what_Enumerable_gives() =>
        CheckOnGeneratedDesigns(nameof(Loops_give_what_Enumerable_gives), ProfileExpressions, QuantifierLoops.Apply, value => "value: " + value);

    [Fact]
    public void Shown_lists_give_the_items_a_report_shows() =>
        CheckOnGeneratedDesigns(nameof(Shown_lists_give_the_items_a_report_shows), DisplayedExpressions, body => QuantifierLoops.ApplyForDisplay(body, ValueFormatter.ShownItems), ValueFormatter.Format);

    /// <summary>Each expression, as parsed and as <paramref name="lower"/> rewrites it, shows the same for every profile of every generated design.</summary>
    private static void CheckOnGeneratedDesigns(string name, string[] expressions, Func<Expression, Expression> lower, Func<object?, string> show)
    {
        var parameter = Expression.Parameter(typeof(CareProfile), "profile");
        var pairs = expressions.Select(text =>
        {
            var body = Parse(text, parameter);
            var lowered = lower(body);
            Assert.NotEqual(body.ToString(), lowered.ToString());
            return (Text: text, Expected: Compile<CareProfile>(body, parameter), Actual: Compile<CareProfile>(lowered, parameter));
        }).ToArray();

        PropertyRun.Check(name, 200, DesignGen.Mixed, c =>
        {
            var design = c.Spec.Load();
            foreach (var (text, expected, actual) in pairs)
            {
                foreach (var profile in design.CareProfiles)
                {
                    var (before, after) = (Outcome(expected, profile, show), Outcome(actual, profile, show));
                    Assert.True(before == after, $"{text} for {profile.Id}: {before} / {after}");
                }
            }
        });
    }

    [Fact]
    public void A_shown_list_stops_after_the_items_shown()
    {
        // The 21st item would throw; the list as shown never reads it, lazily or as a loop.
        var item = Expression.Parameter(typeof(int), "x");
        var numbers = Expression.Constant(Enumerable.Range(1, 30).ToArray());
        var inverse = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(int), typeof(int)], numbers,
            Expression.Lambda<Func<int, int>>(Expression.Divide(Expression.Constant(600), Expression.Subtract(Expression.Constant(21), item)), item));

        var shown = ValueFormatter.Format(Compile<int>(QuantifierLoops.ApplyForDisplay(inverse, ValueFormatter.ShownItems), item)(0));

        Assert.Equal(ValueFormatter.Format(Compile<int>(inverse, item)(0)), shown);
        Assert.Equal(20, shown.Split(", ").Length);
    }

    [Fact]
    public void A_missing_list_and_an_overflowing_sum_throw_as_Enumerable_does_and_when_it_does()
    {
        var item = Expression.Parameter(typeof(int), "x");
        var identity = Expression.Lambda<Func<int, int>>(item, item);
        var missing = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(int)], Expression.Constant(null, typeof(IReadOnlyList<int>)), Expression.Lambda<Func<int, bool>>(Expression.Constant(true), item));
        var overflowing = Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(int)], Expression.Constant(new[] { int.MaxValue, 1 }), identity);

        Assert.Equal("ArgumentNullException: Value cannot be null. (Parameter 'source')", Outcome(Compile<int>(QuantifierLoops.Apply(missing), item), 0));
        Assert.Equal(Outcome(Compile<int>(missing, item), 0), Outcome(Compile<int>(QuantifierLoops.Apply(missing), item), 0));
        Assert.StartsWith("OverflowException", Outcome(Compile<int>(QuantifierLoops.Apply(overflowing), item), 0), StringComparison.Ordinal);
        Assert.Equal(Outcome(Compile<int>(overflowing, item), 0), Outcome(Compile<int>(QuantifierLoops.Apply(overflowing), item), 0));

        // Select checks its list when it is called, before Contains reads the item sought (here 1 / x with x = 0).
        var selected = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(int), typeof(int)], Expression.Constant(null, typeof(IReadOnlyList<int>)), identity);
        var containsThrowing = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], selected, Expression.Divide(Expression.Constant(1), item));
        Assert.NotEqual(containsThrowing.ToString(), QuantifierLoops.Apply(containsThrowing).ToString());
        Assert.Equal("ArgumentNullException: Value cannot be null. (Parameter 'source')", Outcome(Compile<int>(QuantifierLoops.Apply(containsThrowing), item), 0));
        Assert.Equal(Outcome(Compile<int>(containsThrowing, item), 0), Outcome(Compile<int>(QuantifierLoops.Apply(containsThrowing), item), 0));
    }

    [Fact]
    public void What_is_not_a_quantifier_over_an_indexed_list_is_left_alone()
    {
        var parameter = Expression.Parameter(typeof(CareProfile), "profile");
        foreach (var text in new[] { "profile.CoProviders.Select(c => c.Name).Any()", "profile.CoProviders.Select(c => c.Name.Length).Count()", "profile.CoProviders.Count()", "profile.MainContractor.Qualifications.Contains(\"vog\")", "profile.Lot.Contracts.Max(c => c.Value)" })
        {
            var body = Parse(text, parameter);
            Assert.Equal(body.ToString(), QuantifierLoops.Apply(body).ToString());
        }
    }

    private static Expression Parse(string text, ParameterExpression parameter) =>
        DynamicExpressionParser.ParseLambda(RuleCompiler.Config, [parameter], null, text).Body;

    private static Func<T, object?> Compile<T>(Expression body, ParameterExpression parameter) =>
        Expression.Lambda<Func<T, object?>>(Expression.Convert(body, typeof(object)), parameter).Compile();

    private static string Outcome<T>(Func<T, object?> evaluate, T subject, Func<object?, string>? show = null)
    {
        try
        {
            var value = evaluate(subject);
            return show is null ? "value: " + value : show(value);
        }
        catch (Exception ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }
}
