namespace Procurement.Rules.Waivers;

/// <summary>
/// Applies waivers to an evaluation's findings, after evaluation: a finding whose rule and subject a waiver for its design
/// names carries that waiver (an active one before an expired one, then the one that expires last, then the first given).
/// Nothing else about a finding changes, and findings of other rules or subjects are left as they are.
/// </summary>
internal static class WaiverMatcher
{
    /// <summary>The report with every matched finding carrying its waiver, and the use of every waiver for its design.</summary>
    public static EvaluationReport Apply(EvaluationReport report, EvaluationOptions options)
    {
        var waivers = options.Waivers.Where(w => AppliesTo(w, report.DesignId)).ToArray();
        var byRule = Enumerable.Range(0, waivers.Length).ToLookup(i => waivers[i].RuleId, StringComparer.Ordinal);
        var matched = new int[waivers.Length];
        var findings = new Finding[report.Findings.Count];
        for (var i = 0; i < findings.Length; i++)
        {
            var finding = report.Findings[i];
            var best = -1;
            foreach (var candidate in byRule[finding.RuleId])
            {
                if (SubjectPattern.Matches(waivers[candidate].Subject, finding.Subject))
                {
                    matched[candidate]++;
                    best = best < 0 || Better(waivers[candidate], waivers[best], report.AsOf) ? candidate : best;
                }
            }

            findings[i] = best < 0 ? finding : finding with { Waiver = FindingWaiver.Of(waivers[best], report.AsOf) };
        }

        var soon = report.AsOf.AddDays(Math.Max(0, options.WaiverExpiryWarningDays));
        var uses = waivers.Select((w, i) => new WaiverUse
        {
            Waiver = w,
            State = w.StateOn(report.AsOf),
            Matched = matched[i],
            ExpiresSoon = w.StateOn(report.AsOf) == WaiverState.Active && w.Expires <= soon,
        }).ToArray();
        return report with { Findings = findings, Waivers = uses };
    }

    /// <summary>The explanation with each subject naming the waiver that matches it, if any.</summary>
    public static RuleExplanation Apply(RuleExplanation explanation, string designId, IReadOnlyList<Waiver> waivers)
    {
        var candidates = waivers.Where(w => w.RuleId == explanation.RuleId && AppliesTo(w, designId)).ToArray();
        return explanation with
        {
            Subjects = [.. explanation.Subjects.Select(s => For(candidates, s.Subject, explanation.AsOf) is { } waiver ? s with { Waiver = waiver } : s)],
        };
    }

    /// <summary>The waiver among <paramref name="candidates"/> (of the finding's rule and design) that matches <paramref name="subject"/>, if any.</summary>
    public static FindingWaiver? For(IEnumerable<Waiver> candidates, string subject, DateOnly asOf)
    {
        Waiver? best = null;
        foreach (var waiver in candidates.Where(w => SubjectPattern.Matches(w.Subject, subject)))
        {
            best = best is null || Better(waiver, best, asOf) ? waiver : best;
        }

        return best is null ? null : FindingWaiver.Of(best, asOf);
    }

    private static bool AppliesTo(Waiver waiver, string designId) =>
        waiver.DesignId is null || string.Equals(waiver.DesignId, designId, StringComparison.Ordinal);

    // Strictly better only: on a tie the one given first stays.
    private static bool Better(Waiver candidate, Waiver current, DateOnly asOf) =>
        (candidate.StateOn(asOf), current.StateOn(asOf)) switch
        {
            (WaiverState.Active, WaiverState.Expired) => true,
            (WaiverState.Expired, WaiverState.Active) => false,
            _ => candidate.Expires > current.Expires,
        };
}
