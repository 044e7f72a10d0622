namespace Procurement.Rules.Cli;

/// <summary>
/// A progress indicator on standard error for large designs: a spinner with the elapsed time and a status (how much of
/// the file is read, how many profiles are evaluated) while loading and evaluation run. Shown only when standard error
/// is the real, non-redirected console; never written to standard output.
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _task;
    private readonly TextWriter _error;

    private Progress(Func<string> status, TextWriter error)
    {
        _error = error;
        var started = DateTime.UtcNow;
        _task = Task.Run(async () =>
        {
            var frames = "|/-\\";
            var i = 0;
            while (!_stop.IsCancellationRequested)
            {
                _error.Write($"\r\u001b[2K{frames[i++ % frames.Length]} {status()} ({(DateTime.UtcNow - started).TotalSeconds:0}s)");
                try
                {
                    await Task.Delay(200, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    /// <summary>Starts the indicator when <paramref name="large"/> and standard error is an interactive console; otherwise does nothing.</summary>
    public static IDisposable Start(bool large, string what, TextWriter error) => Start(large, () => what, error);

    /// <summary>As <see cref="Start(bool, string, TextWriter)"/>, showing <paramref name="status"/> as it is at each tick.</summary>
    public static IDisposable Start(bool large, Func<string> status, TextWriter error) =>
        large && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new Progress(status, error) : NoProgress.Instance;

    public void Dispose()
    {
        _stop.Cancel();
        _task.Wait();
        _error.Write("\r\u001b[2K");
        _stop.Dispose();
    }

    private sealed class NoProgress : IDisposable
    {
        public static readonly NoProgress Instance = new();

        public void Dispose()
        {
        }
    }
}
