using Procurement.Rules.Loading;
using Procurement.Rules.Model;

namespace Procurement.Rules;

/// <summary>JSON Schemas of the YAML files, for editors (completion, validation) and for other tools.</summary>
public static class JsonSchemas
{
    /// <summary>The schema of a tender-design file (inkoopkader), generated from the loader's own field table.</summary>
    public static string TenderDesign() => TenderDesignLoader.JsonSchema();

    /// <summary>The schema of a rule file: a pack or an override file.</summary>
    public static string RuleFile() => RuleFileSchema.Pack.ToJsonSchema("Procurement.Rules rule file");

    /// <summary>The schema of a rule-test file (see <see cref="Procurement.Rules.RuleTests.RuleTestRunner"/>).</summary>
    public static string RuleTests() => Procurement.Rules.RuleTests.RuleTestSchema.File.ToJsonSchema("Procurement.Rules rule tests");

    /// <summary>The schema of a waiver file (afwijkingenregister): accepted deviations, see <see cref="WaiverFile"/>.</summary>
    public static string Waivers() => Procurement.Rules.Waivers.WaiverSchema.File.ToJsonSchema("Procurement.Rules waiver file");
}
