namespace Procurement.Rules.DependencyInjection;

/// <summary>Options for <see cref="Microsoft.Extensions.DependencyInjection.ProcurementRulesServiceCollectionExtensions.AddProcurementRules"/>: where the rules come from and how designs are evaluated.</summary>
public sealed class ProcurementRulesOptions
{
    /// <summary>Directories of rule packs (<c>*.yaml</c>), loaded in order; when empty, the embedded default packs are used.</summary>
    public IList<string> RuleDirectories { get; } = [];

    /// <summary>Override files that extend the packs, applied in order after them (regional, then municipal, ...).</summary>
    public IList<string> OverrideFiles { get; } = [];

    /// <summary>Reference date used when an evaluation does not give one; null for the design's own start.</summary>
    public DateOnly? DefaultAsOf { get; set; }

    /// <summary>Findings below this severity are left out of reports made through the provider.</summary>
    public Severity MinimumSeverity { get; set; } = Severity.Info;

    /// <summary>Recompile and swap the rule set when a rule file on disk changes (hot reload).</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// Time budget of an evaluation through the provider (<see cref="EvaluationOptions.DefaultTimeout"/> unless set);
    /// when exceeded it stops with an <see cref="EvaluationBudgetExceededException"/>. Null for no limit.
    /// </summary>
    public TimeSpan? EvaluationTimeout { get; set; } = EvaluationOptions.DefaultTimeout;

    /// <summary>
    /// Memory budget of an evaluation through the provider: the most bytes it may allocate
    /// (<see cref="EvaluationOptions.DefaultMaxAllocatedBytes"/> unless set); when exceeded it stops with an
    /// <see cref="EvaluationBudgetExceededException"/>. Null for no limit.
    /// </summary>
    public long? EvaluationMaxAllocatedBytes { get; set; } = EvaluationOptions.DefaultMaxAllocatedBytes;

    /// <summary>
    /// Waiver files (afwijkingenregisters, see <see cref="WaiverFile"/>) applied to every evaluation through the provider,
    /// read again for each one; an entry with an error does not apply (its findings stay open; check the files with
    /// <c>procurement-rules lint --waivers</c>).
    /// </summary>
    public IList<string> WaiverFiles { get; } = [];

    /// <summary>An active waiver that expires within this many days of the reference date is flagged as expiring soon (default 30).</summary>
    public int WaiverExpiryWarningDays { get; set; } = 30;

    /// <summary>Limits on the rule files and their expressions, applied to every load and reload.</summary>
    public RuleLimits Limits { get; set; } = RuleLimits.Default;

    /// <summary>How long to wait after the last change before reloading, so a file written in parts is read once.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The rule files these options name, as the one rule-source configuration (read again on every load).</summary>
    internal RuleSourceOptions Sources() => RuleSourceOptions.DirectoriesOrDefault(RuleDirectories, OverrideFiles, Limits);
}
