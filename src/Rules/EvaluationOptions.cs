namespace Procurement.Rules;

/// <summary>Options for one evaluation of a design.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The options used when none are given.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>
    /// The reference date (peildatum) for effective dates and participation; rules never read a clock.
    /// When null, the first day of the design's purchasing period.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Findings below this severity are left out of the report (they still count as evaluated).</summary>
    public Severity MinimumSeverity { get; init; } = Severity.Info;

    /// <summary>The time budget a design gets when none is set: 20 seconds (a 500,000-profile design takes under one).</summary>
    public static TimeSpan DefaultTimeout => TimeSpan.FromSeconds(20);

    /// <summary>The memory budget a design gets when none is set: 1 GiB allocated (a 500,000-profile design allocates a few hundred MiB).</summary>
    public const long DefaultMaxAllocatedBytes = 1L << 30;

    /// <summary>
    /// Time budget: the longest an evaluation may take (<see cref="DefaultTimeout"/> unless set); when exceeded it stops
    /// with an <see cref="EvaluationBudgetExceededException"/>. Null for no limit.
    /// </summary>
    public TimeSpan? Timeout { get; init; } = DefaultTimeout;

    /// <summary>
    /// Memory budget: the most bytes the evaluation may allocate, on all the threads it runs on, counting what is
    /// collected again (<see cref="DefaultMaxAllocatedBytes"/> unless set); when exceeded it stops with an
    /// <see cref="EvaluationBudgetExceededException"/>. Checked before each subject, in every quantifier and for every
    /// finding rendered. Null for no limit.
    /// </summary>
    public long? MaxAllocatedBytes { get; init; } = DefaultMaxAllocatedBytes;

    /// <summary>Evaluate subjects on several threads; the report is the same either way.</summary>
    public bool Parallel { get; init; }

    /// <summary>
    /// Accepted deviations (geaccepteerde afwijkingen) to apply after evaluation (see <see cref="WaiverFile"/>); none by
    /// default, and then evaluating costs nothing extra.
    /// </summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>An active waiver that expires within this many days of the reference date is flagged as expiring soon (default 30).</summary>
    public int WaiverExpiryWarningDays { get; init; } = 30;
}
