namespace Chokepoint.Cli.Terminal;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread, one report at a time.</summary>
/// <remarks>
/// <see cref="Progress{T}"/> posts reports to the thread pool, so they can arrive after the job ended; a command's output
/// must be complete when the command returns. Thread-safe.
/// </remarks>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
