using System.CommandLine;
using Procurement.Rules.Model;

namespace Procurement.Rules.Cli;

/// <summary>
/// The evaluation options of the two sides of a diff: the head with the <c>--waivers</c> files, the base with the
/// <c>--base-waivers</c> files when given, else the same <c>--waivers</c>; each checked against its side's rule set.
/// </summary>
internal sealed class DiffWaivers(ParseResult parse, WaiverOptions head, Option<string[]> baseFiles, EvaluationOptions evaluation, TextWriter error)
{
    /// <summary>Options per design for the base and the head, or null (with the errors printed) when a waiver file has errors.</summary>
    public (Func<TenderDesign, EvaluationOptions> Base, Func<TenderDesign, EvaluationOptions> Head)? For(RuleSet baseRules, RuleSet headRules)
    {
        var headOptions = head.Apply(parse, headRules, evaluation, error);
        var given = parse.GetValue(baseFiles) ?? [];
        EvaluationOptions? baseOptions;
        if (given.Length == 0)
        {
            baseOptions = ReferenceEquals(baseRules, headRules) ? headOptions : head.Apply(parse, baseRules, evaluation, error);
        }
        else
        {
            var loaded = WaiverFile.LoadFiles(given, baseRules);
            SafeText.WriteErrors(error, loaded.Errors);
            baseOptions = loaded.Errors.Count > 0 ? null : (headOptions ?? evaluation) with { Waivers = loaded.Value! };
        }

        if (headOptions is null || baseOptions is null)
        {
            return null;
        }

        return (d => baseOptions with { Parallel = d.CareProfiles.Count > 10_000 }, d => headOptions with { Parallel = d.CareProfiles.Count > 10_000 });
    }
}
