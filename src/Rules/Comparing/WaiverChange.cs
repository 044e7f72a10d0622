namespace Procurement.Rules.Comparing;

/// <summary>How a waiver changed between the base and the head evaluation of a design.</summary>
public enum WaiverChangeKind
{
    /// <summary>The waiver applies to the head but not to the base (toegevoegd).</summary>
    Added,

    /// <summary>The waiver applied to the base but not to the head (verwijderd).</summary>
    Removed,

    /// <summary>The waiver was active in the base and has expired in the head (verlopen).</summary>
    Expired,
}

/// <summary>A waiver added, removed or expired between two evaluations of a design; waivers are matched by id, else by rule and subject.</summary>
public sealed record WaiverChange
{
    /// <summary>How it changed.</summary>
    public required WaiverChangeKind Kind { get; init; }

    /// <summary>The waiver (the head's, or the base's when removed).</summary>
    public required Waiver Waiver { get; init; }

    /// <summary>The waiver changes from <paramref name="baseReport"/> to <paramref name="headReport"/>, in the head's order then the base's; none when neither had waivers.</summary>
    /// <param name="baseReport">The report before the change.</param>
    /// <param name="headReport">The report after the change.</param>
    public static IReadOnlyList<WaiverChange> Between(EvaluationReport baseReport, EvaluationReport headReport)
    {
        ArgumentNullException.ThrowIfNull(baseReport);
        ArgumentNullException.ThrowIfNull(headReport);
        var before = (baseReport.Waivers ?? []).GroupBy(u => Key(u.Waiver)).ToDictionary(g => g.Key, g => g.First());
        var after = (headReport.Waivers ?? []).GroupBy(u => Key(u.Waiver)).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<WaiverChange>();
        foreach (var (key, use) in after)
        {
            if (!before.TryGetValue(key, out var was))
            {
                changes.Add(new WaiverChange { Kind = WaiverChangeKind.Added, Waiver = use.Waiver });
            }
            else if (was.State == WaiverState.Active && use.State == WaiverState.Expired)
            {
                changes.Add(new WaiverChange { Kind = WaiverChangeKind.Expired, Waiver = use.Waiver });
            }
        }

        changes.AddRange(before.Where(b => !after.ContainsKey(b.Key)).Select(b => new WaiverChange { Kind = WaiverChangeKind.Removed, Waiver = b.Value.Waiver }));
        return changes;
    }

    private static string Key(Waiver waiver) => waiver.Id ?? $"{waiver.RuleId}\n{waiver.Subject}\n{waiver.DesignId}";
}
