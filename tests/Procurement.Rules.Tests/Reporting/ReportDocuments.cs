using Procurement.Rules.Comparing;
using Procurement.Rules.Model;
using Procurement.Rules.Reporting;
using Procurement.Rules.Tests.Properties;
using Procurement.Rules.Tests.Rules;

namespace Procurement.Rules.Tests.Reporting;

/// <summary>
/// The inputs of the report tests: the four examples (loaded under the relative name <c>examples/NAME</c>, so reports
/// hold no machine path), generated designs, a design revision and a rule change.
/// </summary>
internal static class ReportDocuments
{
    public static readonly string[] Examples = ["haaglanden.yaml", "heerlen-landgraaf-voerendaal.yaml", "zuid-holland-zuid.yaml", "zuid-limburg.yaml"];

    /// <summary>The shipped rules with EL-011 raised from info to a warning and its title changed: a rule change.</summary>
    public static RuleSet EditedRules { get; } = RuleSet.Load(Shipped.PacksWith(
        "title: A tendered category above the European threshold requires European publication\n    severity: info",
        "title: A category above the European threshold is published in Europe\n    severity: warning")).GetValueOrThrow();

    public static TenderDesign Example(string name) =>
        TenderDesignLoader.LoadString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name)), $"examples/{name}").GetValueOrThrow();

    /// <summary>The example after <paramref name="name"/> (in <see cref="Examples"/>' order, wrapping): a head for a design revision of it.</summary>
    public static TenderDesign Next(string name) => Example(Examples[(Array.IndexOf(Examples, name) + 1) % Examples.Length]);

    public static TenderDesign Generated(int seed) => EvaluationTests.Generated(seed, 300, 0.3);

    public static DesignReport Evaluate(TenderDesign design, RuleSet? rules = null) => new((rules ?? Shipped.Rules).Evaluate(design), design);

    /// <summary>The diff of a design revision from <paramref name="before"/> to <paramref name="after"/> under the shipped rules.</summary>
    public static DiffReport Revision(TenderDesign before, TenderDesign after) =>
        new([ReportComparer.Compare(Shipped.Rules.Evaluate(before), Shipped.Rules.Evaluate(after))], Shipped.Rules, Shipped.Rules, null);

    /// <summary>The diff of the rule change <see cref="EditedRules"/> over <paramref name="designs"/>.</summary>
    public static DiffReport RuleChange(params TenderDesign[] designs)
    {
        var diffs = designs.Select(d => ReportComparer.Compare(Shipped.Rules.Evaluate(d), EditedRules.Evaluate(d))).ToList();
        return new DiffReport(diffs, Shipped.Rules, EditedRules, ReportComparer.CompareRules(Shipped.Rules, EditedRules, diffs));
    }

    public static string Write(ReportFormat format, params DesignReport[] reports)
    {
        using var output = new StringWriter();
        ReportWriter.Write(format, reports, Shipped.Rules, output);
        return output.ToString();
    }

    public static string WriteDiff(ReportFormat format, DiffReport diff)
    {
        using var output = new StringWriter();
        ReportWriter.WriteDiff(format, diff, output);
        return output.ToString();
    }
}
