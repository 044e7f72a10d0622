namespace Procurement.Rules.AspNetCore;

/// <summary>
/// Options of the workbench (werkbank): the folder it serves, the rules it evaluates with, and the limits that keep the
/// server answering whatever it is sent.
/// </summary>
public sealed class WorkbenchOptions
{
    /// <summary>The folder (map) whose designs, rule files, override and waiver files the workbench shows and edits; default the current directory.</summary>
    public string Folder { get; set; } = ".";

    /// <summary>
    /// Directories of rule packs (relative to <see cref="Folder"/> or absolute); when empty, the folder's <c>rules/</c>
    /// directory if it holds rule files, else the packs embedded in the library.
    /// </summary>
    public IList<string> RuleDirectories { get; } = [];

    /// <summary>Override files (relative to <see cref="Folder"/> or absolute) applied after the packs, in order; later files win.</summary>
    public IList<string> OverrideFiles { get; } = [];

    /// <summary>
    /// Host names (without port) the workbench answers for; anything else is refused (against DNS rebinding). Default the
    /// loopback names; add the name a hosting app is reached by, or <c>*</c> when the host filters names itself.
    /// </summary>
    public IList<string> AllowedHosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>When true, nothing is written: saves are refused with 403.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Largest request body and largest file the workbench reads, in bytes; default 8 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Time budget of one evaluation (see <see cref="EvaluationOptions.Timeout"/>); default 10 seconds, null for none.</summary>
    public TimeSpan? EvaluationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Memory budget of one evaluation in bytes allocated (see <see cref="EvaluationOptions.MaxAllocatedBytes"/>); default 512 MiB, null for none.</summary>
    public long? EvaluationMaxAllocatedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The reference date (peildatum) of evaluations; null for the first day of each design's purchasing period.</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>
    /// The anti-forgery token pages and clients send in <c>X-Procurement-Token</c> on every request that changes something;
    /// null (the default) for a fresh random token per application start.
    /// </summary>
    public string? Token { get; set; }
}
