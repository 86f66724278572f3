using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Telemetry;

namespace Chokepoint.Server.Screening;

/// <summary>
/// Records alerts for the whole process in groups: requests queue their alert and wait; one writer thread commits
/// what is queued (up to <see cref="AlertQueue.DefaultMaxGroup"/>) in one transaction with the cases and audit records.
/// </summary>
/// <remarks>
/// A caller is answered only after its alert has committed, so no acknowledged alert is lost when the process dies.
/// The writer starts with the first use, so hosts that run no hosted services (the command line) record alerts too.
/// Stopping the host waits until what is queued is written. Thread-safe.
/// </remarks>
public sealed class AlertRecorder : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<AlertRecorder> _logger;
    private readonly AlertQueue _queue;
    private readonly Thread _writer;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _writing;

    /// <summary>Creates the recorder and starts its writer thread.</summary>
    public AlertRecorder(IServiceScopeFactory scopes, ILogger<AlertRecorder> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _queue = new AlertQueue(WriteAsync);

        // SQLite's provider does its I/O synchronously even behind async calls: a thread of its own keeps a group
        // write from holding one of the two thread-pool threads of a 2-core machine that serve requests.
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "Chokepoint alert writer" };
        _writer.Start();
    }

    /// <summary>Gets how many alerts wait to be written.</summary>
    public int Pending => _queue.Pending;

    /// <summary>Queues an alert and waits until it has committed with its case and audit records.</summary>
    /// <param name="request">The alert.</param>
    /// <param name="cancellationToken">Stops waiting; an alert already queued is still recorded.</param>
    /// <returns>Where the alert was recorded.</returns>
    public Task<RecordedAlert> RecordAsync(AlertRequest request, CancellationToken cancellationToken) => _queue.RecordAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits until every queued alert is written; alerts still arriving (requests finishing) are accepted.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        while ((_queue.Pending > 0 || _writing) && !_stopped.Task.IsCompleted)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>Stops accepting alerts, writes what is queued and ends the writer thread.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Complete();
        await _stopped.Task;
    }

    /// <summary>Stops accepting alerts and waits a while for the writer thread to write what is queued.</summary>
    public void Dispose()
    {
        _queue.Complete();
        _writer.Join(TimeSpan.FromSeconds(30));
    }

    private void WriteLoop()
    {
        try
        {
            while (_queue.WaitForAlertsAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                _writing = true;
                _queue.WriteGroupAsync(CancellationToken.None).GetAwaiter().GetResult();
                _writing = false;
            }
        }
        finally
        {
            _writing = false;
            _stopped.TrySetResult();
        }
    }

    private async Task<IReadOnlyList<RecordedAlert>> WriteAsync(IReadOnlyList<AlertRequest> group, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
            return await workflow.RecordAlertsAsync(group, cancellationToken);
        }
        catch (Exception ex)
        {
            Log.AlertWriteFailed(_logger, ex, group.Count);
            throw;
        }
    }
}
