using System.Threading.Channels;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Telemetry;

namespace Chokepoint.Server.Screening;

/// <summary>
/// Appends audit records of screenings that did not alert in batches, off the request path; alerting screenings are
/// written with their case in the request.
/// </summary>
/// <remarks>
/// The queue is bounded (<see cref="Capacity"/> records, about ten seconds of screening at 5,000 a second): when the
/// database falls behind, callers wait for room instead of the process growing without limit, and no record is ever
/// dropped. Each write commits up to <see cref="BatchSize"/> records in one transaction (group commit). On shutdown
/// the queue is drained before the process exits. Thread-safe.
/// </remarks>
public sealed class ScreeningAuditQueue(IServiceScopeFactory scopes, AuditLog audit, ILogger<ScreeningAuditQueue> logger) : BackgroundService
{
    /// <summary>The most records committed in one transaction.</summary>
    public const int BatchSize = 1000;

    /// <summary>The most records waiting to be written.</summary>
    public const int Capacity = 50_000;

    private readonly Channel<AuditEntry> _channel = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Gets how many records are waiting to be written.</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Queues a record, waiting for room when the queue is full.</summary>
    /// <returns>A task that completes at once unless the queue is full.</returns>
    public ValueTask EnqueueAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        _channel.Writer.TryWrite(entry) ? ValueTask.CompletedTask : _channel.Writer.WriteAsync(entry, cancellationToken);

    /// <summary>Queues a record; when the queue is full this blocks the caller until there is room.</summary>
    /// <remarks>For synchronous callers; request paths use <see cref="EnqueueAsync"/>.</remarks>
    public void Enqueue(AuditEntry entry)
    {
        if (!_channel.Writer.TryWrite(entry))
        {
            // Full means the database is behind: waiting here is the backpressure, and the record is kept.
            _channel.Writer.WriteAsync(entry).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Writes everything queued so far (tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new List<AuditEntry>(BatchSize);
        while (_channel.Reader.TryRead(out var e))
        {
            batch.Add(e);
            if (batch.Count == BatchSize)
            {
                await WriteAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await WriteAsync(batch, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // SQLite's provider does its I/O synchronously even behind async calls: a thread of its own keeps a batch
        // write from holding one of the few thread-pool threads (two on a 2-core machine) that serve requests.
        Task.Factory.StartNew(() => WriteLoop(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void WriteLoop(CancellationToken stoppingToken)
    {
        try
        {
            while (_channel.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                FlushAsync(stoppingToken).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: what is left is written below without the cancelled token.
        }

        FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task WriteAsync(List<AuditEntry> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ChokepointDbContext>();
                await audit.AppendManyAsync(db, batch, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is not OperationCanceledException)
            {
                Log.AuditWriteFailed(logger, ex, batch.Count);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }
}
