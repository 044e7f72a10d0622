using System.Runtime.CompilerServices;
using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Architecture;

/// <summary>
/// The library's namespaces depend one way (docs/ARCHITECTURE.md): Loading -> Compiling -> Evaluating -> Reporting, with
/// the folders that use them (rule tests, linting, comparing, waivers, dependency injection) on top. The root namespace
/// <c>Procurement.Rules</c> is the public facade (RuleSet, Finding, EvaluationReport ...) that every layer may name.
/// </summary>
public sealed class LayeringArchitectureTests
{
    private const string Root = "Procurement.Rules";

    // The pipeline, lowest first: a namespace may use those before it, never those after it.
    private static readonly string[] Pipeline = ["Loading", "Compiling", "Evaluating", "Reporting"];

    private static readonly DependencyGraph Library = DependencyGraph.Of(typeof(RuleSet));

    [Fact]
    public void Pipeline_NamespacesOfTheLibrary_DependOneWay()
    {
        var wrong = new List<string>();
        foreach (var from in Library.Namespaces.Where(InRules))
        {
            foreach (var to in Library.Uses(from).Where(InRules))
            {
                if (Rank(from) is { } low && Rank(to) is { } high && high > low)
                {
                    wrong.Add($"{from} uses {to} (in {Library.Example(from, to)})");
                }
                else if (Rank(from) is not null && Rank(to) is null && to != Root && !ReportsOn(from, to))
                {
                    wrong.Add($"{from} uses {to}, which sits on top of the pipeline (in {Library.Example(from, to)})");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Library_HasNoNamespaceCycle_ApartFromTheFacade()
    {
        var cycles = Library.Cycles(name => InRules(name) && name != Root);

        Assert.Empty(cycles.Select(cycle => string.Join(" <-> ", cycle.Order(StringComparer.Ordinal))));
    }

    [Fact]
    public void Model_NamespacesHaveNoCycle()
    {
        var model = DependencyGraph.Of(typeof(TenderDesign));

        Assert.Empty(model.Cycles(name => name.StartsWith("Procurement.Rules.Model.", StringComparison.Ordinal)).Select(c => string.Join(" <-> ", c)));
    }

    [Fact]
    public void Model_NeverUsesTheRulesLibrary()
    {
        var model = DependencyGraph.Of(typeof(TenderDesign));

        var wrong = model.Namespaces.SelectMany(from => model.Uses(from).Where(to => to == Root || (to.StartsWith(Root + ".", StringComparison.Ordinal) && !to.StartsWith(Root + ".Model", StringComparison.Ordinal))).Select(to => $"{from} uses {to}"));

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Procurement.Rules.Model")]
    [InlineData("Procurement.Rules")]
    [InlineData("procurement-rules")]
    [InlineData("Procurement.Rules.AspNetCore")]
    public void ShippedAssembly_OpensItsInternalsOnlyToTestsAndBenchmarks(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().SingleOrDefault(a => a.GetName().Name == assemblyName)
            ?? System.Reflection.Assembly.Load(assemblyName);

        var friends = assembly.GetCustomAttributes(typeof(InternalsVisibleToAttribute), false)
            .Cast<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName)
            .ToArray();

        Assert.All(friends, friend => Assert.Contains(friend, new[] { "Procurement.Rules.Tests", "Procurement.Rules.Workbench.Tests", "Procurement.Rules.Benchmarks" }));
    }

    [Fact]
    public void Graph_SeesTheDependenciesItShould()
    {
        // A check that passes because the graph is empty proves nothing: the facade must be seen using the pipeline.
        Assert.Contains($"{Root}.Compiling", Library.Uses(Root));
        Assert.Contains($"{Root}.Evaluating", Library.Uses(Root));
        Assert.Contains($"{Root}.Loading", Library.Uses($"{Root}.Compiling"));
    }

    // The diff and monitoring writers of Reporting write what Comparing and Monitoring found; those two use only the
    // facade (the cycle test holds it).
    private static bool ReportsOn(string from, string to) =>
        from.StartsWith(Root + ".Reporting", StringComparison.Ordinal)
        && (to.StartsWith(Root + ".Comparing", StringComparison.Ordinal) || to.StartsWith(Root + ".Monitoring", StringComparison.Ordinal));

    private static bool InRules(string name) =>
        name == Root || (name.StartsWith(Root + ".", StringComparison.Ordinal) && !name.StartsWith(Root + ".Model", StringComparison.Ordinal));

    private static int? Rank(string name)
    {
        if (!name.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var first = name[(Root.Length + 1)..].Split('.')[0];
        var rank = Array.IndexOf(Pipeline, first);
        return rank < 0 ? null : rank;
    }
}
