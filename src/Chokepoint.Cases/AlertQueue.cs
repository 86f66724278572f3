using System.Threading.Channels;

namespace Chokepoint.Cases;

/// <summary>Records a group of alerts in one transaction and returns, in order, where each was recorded.</summary>
/// <param name="group">The alerts, oldest first.</param>
/// <param name="cancellationToken">Cancels the write.</param>
/// <returns>One result per alert, in the same order.</returns>
public delegate Task<IReadOnlyList<RecordedAlert>> AlertGroupWriter(IReadOnlyList<AlertRequest> group, CancellationToken cancellationToken);

/// <summary>
/// Queues alerts so that one writer records them in groups (group commit): each caller waits until the transaction
/// holding its alert has committed, and many alerts share one transaction.
/// </summary>
/// <remarks>
/// The queue is bounded: when the writer falls behind, callers wait for room (backpressure) instead of memory
/// growing without limit. A group that fails fails every caller in it with the same error; the writer makes the group
/// one transaction, so nothing of it is stored. Exactly one writer may call <see cref="WriteGroupAsync"/> at a time.
/// Thread-safe.
/// </remarks>
public sealed class AlertQueue
{
    /// <summary>The default number of alerts that may wait to be written.</summary>
    public const int DefaultCapacity = 4096;

    /// <summary>The default largest group.</summary>
    public const int DefaultMaxGroup = 256;

    private readonly AlertGroupWriter _write;
    private readonly Channel<QueuedAlert> _channel;
    private readonly List<QueuedAlert> _group;
    private readonly List<AlertRequest> _requests;

    /// <summary>Creates a queue.</summary>
    /// <param name="write">Records one group in one transaction.</param>
    /// <param name="capacity">How many alerts may wait; callers beyond it wait for room.</param>
    /// <param name="maxGroup">The most alerts written in one transaction.</param>
    public AlertQueue(AlertGroupWriter write, int capacity = DefaultCapacity, int maxGroup = DefaultMaxGroup)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        _write = write;
        MaxGroup = maxGroup;
        _channel = Channel.CreateBounded<QueuedAlert>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _group = new List<QueuedAlert>(maxGroup);
        _requests = new List<AlertRequest>(maxGroup);
    }

    /// <summary>Gets the most alerts written in one transaction.</summary>
    public int MaxGroup { get; }

    /// <summary>Gets how many alerts wait to be written (not counting a group being written).</summary>
    public int Pending => _channel.Reader.Count;

    /// <summary>Queues an alert and waits until the transaction holding it has committed.</summary>
    /// <param name="request">The alert.</param>
    /// <param name="cancellationToken">
    /// Stops waiting for room or for the commit; an alert already queued is still recorded.
    /// </param>
    /// <returns>Where the alert was recorded.</returns>
    /// <exception cref="ChannelClosedException">The queue no longer accepts alerts (the service is stopping).</exception>
    public async Task<RecordedAlert> RecordAsync(AlertRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Continuations run asynchronously so that a caller's code never runs on the writer's thread.
        var pending = new QueuedAlert(request, new TaskCompletionSource<RecordedAlert>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(pending))
        {
            await _channel.Writer.WriteAsync(pending, cancellationToken);
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits until an alert is queued.</summary>
    /// <returns>False once the queue is completed and empty.</returns>
    public ValueTask<bool> WaitForAlertsAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Writes one group of what is queued (up to <see cref="MaxGroup"/>) and completes its callers.</summary>
    /// <param name="cancellationToken">Cancels the write; the callers of the group then see the cancellation.</param>
    /// <returns>How many alerts the group held (0 when none was queued).</returns>
    public async Task<int> WriteGroupAsync(CancellationToken cancellationToken)
    {
        _group.Clear();
        _requests.Clear();
        while (_group.Count < MaxGroup && _channel.Reader.TryRead(out var p))
        {
            _group.Add(p);
            _requests.Add(p.Request);
        }

        if (_group.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<RecordedAlert> recorded;
        try
        {
            recorded = await _write(_requests, cancellationToken);
            if (recorded.Count != _group.Count)
            {
                throw new InvalidOperationException($"The alert writer returned {recorded.Count} results for a group of {_group.Count}.");
            }
        }
        catch (Exception ex)
        {
            // One transaction: every alert of the group failed together, so every caller hears why.
            foreach (var p in _group)
            {
                p.Done.TrySetException(ex);
            }

            return _group.Count;
        }

        for (var i = 0; i < _group.Count; i++)
        {
            _group[i].Done.TrySetResult(recorded[i]);
        }

        return _group.Count;
    }

    /// <summary>Writes groups until the queue is completed and empty.</summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await WaitForAlertsAsync(cancellationToken))
        {
            await WriteGroupAsync(cancellationToken);
        }
    }

    /// <summary>Stops accepting alerts; those already queued are still written.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private readonly record struct QueuedAlert(AlertRequest Request, TaskCompletionSource<RecordedAlert> Done);
}
