using System.Diagnostics;
using System.Reflection;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Counts the memory one evaluation allocates against its budget, at the points where compiled rules already check
/// for cancellation: at every 64th step of a subject scan (a subject or a quantifier's item, see
/// <see cref="SubjectScan.CheckEvery"/>), at every subject and quantifier item when a rule is walked part by part, and
/// for every finding rendered. The time budget is the evaluation's cancellation token, which a timer cancels, and a
/// deadline this meter checks at the same points as the memory, so a stop does not depend on the timer's thread
/// alone; the meter also remembers where the evaluation was when a budget ran out.
/// </summary>
/// <remarks>
/// Allocation is read per thread (<see cref="GC.GetAllocatedBytesForCurrentThread"/>, a cheap read of the thread's own
/// counter), so evaluations on other threads of a host never count against this one. A thread enters the meter with
/// <see cref="Enter"/>; what it allocated is added to the shared total when it leaves. A thread that has not entered a
/// meter (an evaluation without a budget) only checks its token.
/// </remarks>
internal sealed class WorkMeter(long maxAllocatedBytes, TimeSpan? timeLimit = null)
{
    /// <summary><see cref="Check"/>, for compiled code.</summary>
    internal static readonly MethodInfo CheckMethod = typeof(WorkMeter).GetMethod(nameof(Check), BindingFlags.Public | BindingFlags.Static)!;

    /// <summary><see cref="CheckNow"/>, for compiled code.</summary>
    internal static readonly MethodInfo CheckNowMethod = typeof(WorkMeter).GetMethod(nameof(CheckNow), BindingFlags.Public | BindingFlags.Static)!;

    // Reading the allocation counter costs more than the rest of a check: it is read at every 64th check of a thread.
    private const int CheckEvery = 64;

    [ThreadStatic]
    private static WorkMeter? ThreadMeter;

    [ThreadStatic]
    private static long ThreadBaseline;

    [ThreadStatic]
    private static int ThreadTicks;

    // The time budget as a deadline on the monotonic clock, checked with the memory: a stop that does not wait for the
    // timer that cancels the token, which a loaded machine may run late.
    private readonly long _deadline = timeLimit is { } limit
        ? Stopwatch.GetTimestamp() + (long)Math.Min(limit.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 2)
        : long.MaxValue;

    private long _committed;
    private string? _rule;
    private string? _subject;

    /// <summary>The most bytes the evaluation may allocate.</summary>
    public long MaxAllocatedBytes { get; } = maxAllocatedBytes;

    /// <summary>The rule being evaluated when the budget ran out, when it is known.</summary>
    public string? Rule => Volatile.Read(ref _rule);

    /// <summary>The subject being evaluated when the budget ran out, when it is known.</summary>
    public string? Subject => Volatile.Read(ref _subject);

    /// <summary>The meter this thread counts its allocations against, if any.</summary>
    public static WorkMeter? Current => ThreadMeter;

    /// <summary>Whether this thread counts its allocations against a meter.</summary>
    public static bool IsCounting => ThreadMeter is not null;

    /// <summary>Bytes allocated so far by the threads that entered the meter (those still inside counted up to now on this thread only).</summary>
    public long Allocated => Interlocked.Read(ref _committed) + (ThreadMeter == this ? GC.GetAllocatedBytesForCurrentThread() - ThreadBaseline : 0);

    /// <summary>
    /// Checks the token, and every so often the deadline and memory budget of the meter this thread is in. Throws
    /// <see cref="OperationCanceledException"/> when the token is cancelled (a timeout, or the caller), and
    /// <see cref="WorkBudgetExhausted"/> (also an <see cref="OperationCanceledException"/>, so that no rule's error
    /// handling swallows it) when the meter's deadline has passed or its memory budget is spent. <paramref name="rule"/>
    /// names the rule whose code checks.
    /// </summary>
    public static void Check(CancellationToken cancellation, string? rule)
    {
        if (cancellation.IsCancellationRequested)
        {
            ThreadMeter?.Blame(rule, null);
            cancellation.ThrowIfCancellationRequested();
        }

        if (ThreadMeter is { } meter && ++ThreadTicks % CheckEvery == 0)
        {
            meter.CheckBudgets(rule);
        }
    }

    /// <summary>Checks the deadline and the memory budget now (not only at every 64th check), e.g. after rendering a finding.</summary>
    public static void CheckNow(CancellationToken cancellation, string? rule)
    {
        Check(cancellation, rule);
        ThreadMeter?.CheckBudgets(rule);
    }

    /// <summary>Counts this thread's allocations against the meter until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        if (ThreadMeter == this)
        {
            // Already counting here (a parallel loop runs chunks on the calling thread too): count nothing twice.
            return default;
        }

        var scope = new Scope(ThreadMeter, ThreadBaseline, entered: true);
        ThreadMeter = this;
        ThreadBaseline = GC.GetAllocatedBytesForCurrentThread();
        return scope;
    }

    /// <summary>Records where the evaluation was when it stopped; the first report wins.</summary>
    public void Blame(string? rule, string? subject)
    {
        if (rule is not null)
        {
            Interlocked.CompareExchange(ref _rule, rule, null);
        }

        if (subject is not null)
        {
            Interlocked.CompareExchange(ref _subject, subject, null);
        }
    }

    /// <summary>Records the subject of the thread's meter, if it has one (see <see cref="Blame"/>).</summary>
    public static void BlameSubject(string subject) => ThreadMeter?.Blame(null, subject);

    private void CheckBudgets(string? rule)
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            Blame(rule, null);
            throw new WorkBudgetExhausted(EvaluationBudget.Time);
        }

        if (Allocated > MaxAllocatedBytes)
        {
            Blame(rule, null);
            throw new WorkBudgetExhausted(EvaluationBudget.Memory);
        }
    }

    /// <summary>A thread's stay in a meter; disposing adds what the thread allocated and restores the meter it was in before.</summary>
    public readonly struct Scope(WorkMeter? previous, long previousBaseline, bool entered) : IDisposable
    {
        public void Dispose()
        {
            if (!entered)
            {
                return;
            }

            if (ThreadMeter is { } meter)
            {
                Interlocked.Add(ref meter._committed, GC.GetAllocatedBytesForCurrentThread() - ThreadBaseline);
            }

            ThreadMeter = previous;
            // An enclosing meter goes on counting from where it was: the inner work is its work too.
            ThreadBaseline = previousBaseline;
        }
    }
}

/// <summary>A budget of an evaluation is spent (see <see cref="WorkMeter"/>); turned into <see cref="EvaluationBudgetExceededException"/> by the evaluator.</summary>
internal sealed class WorkBudgetExhausted(EvaluationBudget budget) : OperationCanceledException($"The evaluation's {(budget == EvaluationBudget.Time ? "time" : "memory")} budget is spent.")
{
    public EvaluationBudget Budget { get; } = budget;
}
