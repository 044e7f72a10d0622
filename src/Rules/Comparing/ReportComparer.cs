namespace Procurement.Rules.Comparing;

/// <summary>Compares evaluation reports and rule sets: what a design revision or a rule edit changes.</summary>
/// <remarks>Findings are matched by rule id and subject path (which names items by id), so reordering items, moving
/// them in the file or renaming unrelated items does not show up; the message text and source positions are not compared.</remarks>
public static class ReportComparer
{
    /// <summary>Classifies every finding of <paramref name="baseReport"/> and <paramref name="headReport"/> as new, resolved, unchanged or changed.</summary>
    /// <param name="baseReport">The report before the change.</param>
    /// <param name="headReport">The report after the change.</param>
    /// <returns>The comparison, its findings ordered by rule id, then subject, then clause order.</returns>
    public static ReportDiff Compare(EvaluationReport baseReport, EvaluationReport headReport)
    {
        ArgumentNullException.ThrowIfNull(baseReport);
        ArgumentNullException.ThrowIfNull(headReport);

        var baseGroups = Group(baseReport.Findings);
        var headGroups = Group(headReport.Findings);
        var result = new List<FindingDiff>(Math.Max(baseReport.Findings.Count, headReport.Findings.Count));
        foreach (var (key, baseFindings) in baseGroups)
        {
            if (headGroups.Remove(key, out var headFindings))
            {
                Match(baseFindings, headFindings, result);
            }
            else
            {
                result.AddRange(baseFindings.Select(f => new FindingDiff { Change = FindingChange.Resolved, Base = f }));
            }
        }

        foreach (var headFindings in headGroups.Values)
        {
            result.AddRange(headFindings.Select(f => new FindingDiff { Change = FindingChange.New, Head = f }));
        }

        var ordered = result
            .Select((diff, index) => (diff, index))
            .OrderBy(x => x.diff.Current.RuleId, StringComparer.Ordinal)
            .ThenBy(x => x.diff.Current.Subject, StringComparer.Ordinal)
            .ThenBy(x => x.index)
            .Select(x => x.diff)
            .ToArray();
        return new ReportDiff { Base = baseReport, Head = headReport, Findings = ordered };
    }

    /// <summary>
    /// The per-rule impact of a rule-set change: for each rule that was added, removed or changed, or whose findings
    /// changed in <paramref name="diffs"/>, what changed in it and how many subjects newly fail or newly pass.
    /// </summary>
    /// <param name="baseRules">The rule set before the change.</param>
    /// <param name="headRules">The rule set after the change.</param>
    /// <param name="diffs">Comparisons of designs evaluated with <paramref name="baseRules"/> (base) and <paramref name="headRules"/> (head).</param>
    /// <returns>One entry per affected rule, ordered by rule id; rules that neither changed nor moved a subject are left out.</returns>
    public static IReadOnlyList<RuleImpact> CompareRules(RuleSet baseRules, RuleSet headRules, IEnumerable<ReportDiff> diffs)
    {
        ArgumentNullException.ThrowIfNull(baseRules);
        ArgumentNullException.ThrowIfNull(headRules);
        ArgumentNullException.ThrowIfNull(diffs);

        var baseById = baseRules.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var headById = headRules.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var counts = new Dictionary<string, (int Failing, int Passing, int Changed)>(StringComparer.Ordinal);
        foreach (var diff in diffs)
        {
            // A subject newly fails a rule when it has head findings for it and no base findings; likewise for passing.
            foreach (var subject in diff.Findings.GroupBy(f => (f.Current.RuleId, f.Current.Subject)))
            {
                var inBase = subject.Any(f => f.Base is not null);
                var inHead = subject.Any(f => f.Head is not null);
                var changed = subject.Any(f => f.Change != FindingChange.Unchanged);
                if (inBase == inHead && !changed)
                {
                    continue;
                }

                var c = counts.GetValueOrDefault(subject.Key.RuleId);
                counts[subject.Key.RuleId] = (inBase, inHead) switch
                {
                    (false, true) => (c.Failing + 1, c.Passing, c.Changed),
                    (true, false) => (c.Failing, c.Passing + 1, c.Changed),
                    _ => (c.Failing, c.Passing, c.Changed + 1),
                };
            }
        }

        var referenced = baseRules.Rules.Concat(headRules.Rules)
            .SelectMany(r => r.Parameters.Keys.Where(name => References(r, name)))
            .ToHashSet(StringComparer.Ordinal);
        var ids = baseById.Keys.Union(headById.Keys, StringComparer.Ordinal).Union(counts.Keys, StringComparer.Ordinal);
        var impacts = new List<RuleImpact>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var before = baseById.GetValueOrDefault(id);
            var after = headById.GetValueOrDefault(id);
            var aspects = before is not null && after is not null ? Aspects(before, after, referenced) : [];
            var kind = (before, after) switch
            {
                (null, not null) => RuleChangeKind.Added,
                (not null, null) => RuleChangeKind.Removed,
                _ => aspects.Count > 0 ? RuleChangeKind.Changed : RuleChangeKind.Unchanged,
            };
            var c = counts.GetValueOrDefault(id);
            if (kind == RuleChangeKind.Unchanged && c == default)
            {
                continue;
            }

            impacts.Add(new RuleImpact
            {
                RuleId = id,
                Kind = kind,
                Aspects = aspects,
                Base = before,
                Head = after,
                NewlyFailing = c.Failing,
                NewlyPassing = c.Passing,
                Changed = c.Changed,
            });
        }

        return impacts;
    }

    private static Dictionary<(string RuleId, string Subject), List<Finding>> Group(IReadOnlyList<Finding> findings)
    {
        var groups = new Dictionary<(string, string), List<Finding>>();
        foreach (var finding in findings)
        {
            var key = (finding.RuleId, finding.Subject);
            if (!groups.TryGetValue(key, out var list))
            {
                list = new List<Finding>(1);
                groups.Add(key, list);
            }

            list.Add(finding);
        }

        return groups;
    }

    /// <summary>Pairs the findings of one rule and subject: same clause first, then the rest in order; leftovers are new or resolved.</summary>
    private static void Match(List<Finding> baseFindings, List<Finding> headFindings, List<FindingDiff> result)
    {
        var unmatchedHead = new List<Finding>(headFindings);
        var unmatchedBase = new List<Finding>();
        foreach (var before in baseFindings)
        {
            var index = unmatchedHead.FindIndex(h => string.Equals(h.Clause, before.Clause, StringComparison.Ordinal));
            if (index < 0)
            {
                unmatchedBase.Add(before);
                continue;
            }

            var after = unmatchedHead[index];
            unmatchedHead.RemoveAt(index);
            result.Add(new FindingDiff { Change = Same(before, after) ? FindingChange.Unchanged : FindingChange.Changed, Base = before, Head = after });
        }

        var paired = Math.Min(unmatchedBase.Count, unmatchedHead.Count);
        for (var i = 0; i < paired; i++)
        {
            result.Add(new FindingDiff { Change = FindingChange.Changed, Base = unmatchedBase[i], Head = unmatchedHead[i] });
        }

        result.AddRange(unmatchedBase.Skip(paired).Select(f => new FindingDiff { Change = FindingChange.Resolved, Base = f }));
        result.AddRange(unmatchedHead.Skip(paired).Select(f => new FindingDiff { Change = FindingChange.New, Head = f }));
    }

    private static bool Same(Finding before, Finding after) =>
        before.Severity == after.Severity
        && string.Equals(before.ClauseExpression, after.ClauseExpression, StringComparison.Ordinal)
        && before.Values.SequenceEqual(after.Values);

    /// <summary>Whether the rule's own text names the parameter; parameters read only through a pack's <c>let</c> are not visible here.</summary>
    private static bool References(RuleInfo rule, string name) =>
        Names(rule.When, name) || Names(rule.Message, name) || rule.Clauses.Any(c => Names(c.Value, name));

    private static bool Names(string? text, string name)
    {
        if (text is null)
        {
            return false;
        }

        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsIdentifier(text[at - 1])) && (end == text.Length || !IsIdentifier(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifier(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';

    /// <summary>What differs between two versions of a rule. A parameter counts for a rule when the rule names it, or when
    /// no rule names it (then it may be read through a <c>let</c>, so every rule that sees it is reported).</summary>
    private static List<string> Aspects(RuleInfo before, RuleInfo after, HashSet<string> referenced)
    {
        var aspects = new List<string>();
        if (before.Severity != after.Severity)
        {
            aspects.Add("severity");
        }

        if (!string.Equals(before.When, after.When, StringComparison.Ordinal)
            || !string.Equals(before.Subject, after.Subject, StringComparison.Ordinal)
            || !before.Clauses.SequenceEqual(after.Clauses))
        {
            aspects.Add("expression");
        }

        if (before.Effective != after.Effective)
        {
            aspects.Add("effective");
        }

        if (before.Enabled != after.Enabled)
        {
            aspects.Add("enabled");
        }

        var changedParameters = before.Parameters.Keys.Union(after.Parameters.Keys, StringComparer.Ordinal)
            .Where(name => !before.Parameters.TryGetValue(name, out var old) || !after.Parameters.TryGetValue(name, out var now) || !Equals(old, now));
        if (changedParameters.Any(name => References(before, name) || References(after, name) || !referenced.Contains(name)))
        {
            aspects.Add("parameters");
        }

        if (!string.Equals(before.Message, after.Message, StringComparison.Ordinal))
        {
            aspects.Add("message");
        }

        if (!string.Equals(before.Title, after.Title, StringComparison.Ordinal))
        {
            aspects.Add("title");
        }

        if (!string.Equals(before.Reference, after.Reference, StringComparison.Ordinal)
            || !string.Equals(before.ReasonCode, after.ReasonCode, StringComparison.Ordinal))
        {
            aspects.Add("reference");
        }

        return aspects;
    }
}
