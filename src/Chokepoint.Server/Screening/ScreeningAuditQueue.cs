using System.Threading.Channels;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Telemetry;

namespace Chokepoint.Server.Screening;

/// <summary>
/// Appends audit records of screenings that did not alert in batches, off the request path; alerting screenings are
/// written with their case in the request.
/// </summary>
/// <remarks>On shutdown the queue is drained before the process exits. Thread-safe.</remarks>
public sealed class ScreeningAuditQueue(IServiceScopeFactory scopes, AuditLog audit, ILogger<ScreeningAuditQueue> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private readonly Channel<AuditEntry> _channel = Channel.CreateUnbounded<AuditEntry>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a record.</summary>
    public void Enqueue(AuditEntry entry) => _channel.Writer.TryWrite(entry);

    /// <summary>Writes everything queued so far (tests and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new List<AuditEntry>();
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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: what is left is written below without the cancelled token.
        }

        await FlushAsync(CancellationToken.None);
    }

    private async Task WriteAsync(List<AuditEntry> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ChokepointDbContext>();
                await audit.CommitAsync(db, batch, cancellationToken);
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
