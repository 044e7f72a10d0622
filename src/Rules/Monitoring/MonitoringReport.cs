namespace Procurement.Rules.Monitoring;

/// <summary>
/// The monitoring report of a running framework over a range of months (monitoringsrapportage): for every month, every
/// quarter and the whole range, the main figures of the region, each lot and each contract party, and the findings of
/// the monitoring rules at the period's last day (its peildatum). Built by <see cref="RuleSet.Monitor"/>; the HTML,
/// Markdown, JSON and SARIF documents are written by <see cref="Reporting.ReportWriter.WriteMonitoring"/>.
/// </summary>
public sealed record MonitoringReport
{
    /// <summary>The most months one report covers: ten years, each month one evaluation of the rules.</summary>
    public const int MaxMonths = 120;

    /// <summary>The earliest month a report may start in (rules look back a year or so from each month).</summary>
    public static DateOnly EarliestMonth { get; } = new(1900, 1, 1);

    /// <summary>The latest month a report may end in (rules and the calendar look a month or so ahead of each month).</summary>
    public static DateOnly LatestMonth { get; } = new(9998, 12, 1);

    /// <summary>Id of the design (inkoopkader) the period data belong to.</summary>
    public required string DesignId { get; init; }

    /// <summary>Path of the design file.</summary>
    public required string DesignFile { get; init; }

    /// <summary>The region's name (regio).</summary>
    public required string Region { get; init; }

    /// <summary>Content hash of the rule set the months were evaluated with.</summary>
    public required string RuleSetHash { get; init; }

    /// <summary>The first day of the first month reported on.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day of the last month reported on.</summary>
    public required DateOnly Until { get; init; }

    /// <summary>One period per month (maand), in order, each with its findings.</summary>
    public required IReadOnlyList<MonitoringPeriod> Months { get; init; }

    /// <summary>One period per calendar quarter (kwartaal) the range touches, in order, over the months of the range in it.</summary>
    public required IReadOnlyList<MonitoringPeriod> Quarters { get; init; }

    /// <summary>The whole range as one period (verslagperiode): what the summary reports.</summary>
    public required MonitoringPeriod Whole { get; init; }
}

/// <summary>A month, a quarter or the whole range of a <see cref="MonitoringReport"/>, with its figures and findings.</summary>
public sealed record MonitoringPeriod
{
    /// <summary>The period's name: <c>2024-01</c> for a month, <c>2024-Q1</c> for a quarter, <c>2024-01/2024-12</c> for the range.</summary>
    public required string Label { get; init; }

    /// <summary>The first day of the period.</summary>
    public required DateOnly First { get; init; }

    /// <summary>The last day of the period: the reference date (peildatum) its findings were evaluated at.</summary>
    public required DateOnly Last { get; init; }

    /// <summary>The figures of the whole region.</summary>
    public required MonitoringFigures Region { get; init; }

    /// <summary>The figures per lot (perceel), in the design's order.</summary>
    public required IReadOnlyList<MonitoringFigures> Lots { get; init; }

    /// <summary>
    /// The figures per contract party (aanbieder of coöperatie) that had care, outcomes, spending or a budget in the
    /// range, in the design's order: care and outcomes count for a profile's main contractor, spending and budgets for
    /// the party holding the contract.
    /// </summary>
    public required IReadOnlyList<MonitoringFigures> Parties { get; init; }

    /// <summary>The number of open findings per rule at <see cref="Last"/>, ordered by rule id.</summary>
    public required IReadOnlyList<MonitoringRuleCount> FindingsPerRule { get; init; }

    /// <summary>
    /// For a month, every finding of the rules at its last day, as <see cref="RuleSet.Evaluate"/> reports them; null for a
    /// quarter and the whole range, whose findings are those of their last month.
    /// </summary>
    public IReadOnlyList<Finding>? Findings { get; init; }
}

/// <summary>The main figures (kerncijfers) of the region, a lot or a contract party over one period.</summary>
public sealed record MonitoringFigures
{
    /// <summary>The id of the lot or party; the design's id for the region.</summary>
    public required string Id { get; init; }

    /// <summary>The name to show.</summary>
    public required string Name { get; init; }

    /// <summary>Care profiles with care in the period (a month row, active or ended): lopende zorgprofielen.</summary>
    public required int ProfilesInCare { get; init; }

    /// <summary>Care profiles whose outcome says they ended in the period (afgesloten trajecten).</summary>
    public required int EndedProfiles { get; init; }

    /// <summary>Of <see cref="EndedProfiles"/>, those that ended early (uitval).</summary>
    public required int EndedEarly { get; init; }

    /// <summary>Of <see cref="EndedProfiles"/>, those that reached their goals (doelen behaald).</summary>
    public required int GoalsReached { get; init; }

    /// <summary>The percentage of ended profiles that ended early, to one decimal; null when none ended.</summary>
    public decimal? EarlyEndingPercent => Percent(EndedEarly, EndedProfiles);

    /// <summary>The percentage of ended profiles that reached their goals, to one decimal; null when none ended.</summary>
    public decimal? GoalsReachedPercent => Percent(GoalsReached, EndedProfiles);

    /// <summary>The average client satisfaction mark (cliënttevredenheid, 1–10) of the ended profiles that have one, to one decimal.</summary>
    public required decimal? AverageSatisfaction { get; init; }

    /// <summary>
    /// Realised spending (besteding) in euros: the lump-sum spending under contracts plus the spend of care-profile months
    /// that no lump sum pays (a profile under a task-oriented contract is paid from its lump sum, not counted twice).
    /// </summary>
    public required decimal Spend { get; init; }

    /// <summary>Of <see cref="Spend"/>, what was spent under lump-sum contracts (lumpsumbesteding).</summary>
    public required decimal LumpSumSpend { get; init; }

    /// <summary>
    /// The lump-sum budget for the period: each budgeted contract's budget spread evenly over its months (budget naar
    /// rato), summed; null when no contract with a budget runs in the period.
    /// </summary>
    public required decimal? LumpSumBudget { get; init; }

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1);
}

/// <summary>How many open findings one rule has at a period's reference date.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Count">The number of open (not waived) findings.</param>
public sealed record MonitoringRuleCount(string RuleId, string Title, int Count);
