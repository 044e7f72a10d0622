namespace Procurement.Rules.Cli;

/// <summary>
/// A progress indicator on standard error for large designs: a spinner with the elapsed time and a status (how much of
/// the file and its data files is read, how many profiles are evaluated) while loading and evaluation run. Shown only
/// when standard error is the real, non-redirected console, and only for work that takes over half a second; never
/// written to standard output.
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _task;
    private readonly TextWriter _error;
    private volatile bool _shown;

    private static readonly TimeSpan FirstFrameAfter = TimeSpan.FromMilliseconds(500);

    private Progress(Func<string> status, TextWriter error)
    {
        _error = error;
        var started = DateTime.UtcNow;
        _task = Task.Run(async () =>
        {
            var frames = "|/-\\";
            var i = 0;

            // Work done within the first half second shows nothing.
            try
            {
                await Task.Delay(FirstFrameAfter, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (!_stop.IsCancellationRequested)
            {
                _error.Write($"\r\u001b[2K{frames[i++ % frames.Length]} {status()} ({(DateTime.UtcNow - started).TotalSeconds:0}s)");
                _shown = true;
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
        if (_shown)
        {
            _error.Write("\r\u001b[2K");
        }

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
