using System.Diagnostics;
using System.Threading.Channels;
using Chokepoint.Core;
using Chokepoint.Persistence;

namespace Chokepoint.Server.Monitoring;

/// <summary>A party whose screening alerted, waiting to be recorded.</summary>
/// <param name="Query">The party.</param>
/// <param name="Result">The raw result (suppressions not yet applied).</param>
/// <param name="Started">When its screening started (<see cref="Stopwatch.GetTimestamp"/>).</param>
internal readonly record struct RegisterAlert(PartyQuery Query, ScreeningResult Result, long Started);

/// <summary>Reads the register once, screens it on several threads and hands the alerts to one writer.</summary>
/// <remarks>
/// reader -> bounded channel of batches -> N screeners -> bounded channel of alerts -> one writer. The bounds keep
/// memory flat at any register size; a failure anywhere stops the other stages and is rethrown. One run per instance.
/// </remarks>
internal sealed class RescreenPipeline(IServiceScopeFactory scopes, IPartyScreener screener, RescreenOptions options)
{
    // Batches amortise the channel hand-off over many parties; a few per screener keep every thread fed.
    private const int BatchSize = 512;
    private const int BatchesPerScreener = 4;
    private const int AlertCapacity = 1024;

    private int _screened;

    /// <summary>Runs the pipeline; <paramref name="record"/> is called for each alert, one at a time.</summary>
    /// <returns>How many parties were screened.</returns>
    public async Task<int> RunAsync(Func<RegisterAlert, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        var screeners = Math.Max(1, options.Screeners);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var batches = Channel.CreateBounded<PartyQuery[]>(new BoundedChannelOptions(screeners * BatchesPerScreener) { SingleWriter = true });
        var alerts = Channel.CreateBounded<RegisterAlert>(new BoundedChannelOptions(AlertCapacity) { SingleReader = true });

        var tasks = new List<Task>(screeners + 2)
        {
            Stage(() => ReadAsync(batches.Writer, token), batches.Writer, stop),
            Stage(() => RecordAsync(alerts.Reader, record, token), null, stop),
        };
        var screening = new Task[screeners];
        for (var i = 0; i < screeners; i++)
        {
            screening[i] = Stage(() => ScreenAsync(batches.Reader, alerts.Writer, token), null, stop);
        }

        tasks.AddRange(screening);
        _ = Task.WhenAll(screening).ContinueWith(t => alerts.Writer.TryComplete(t.Exception), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception) when (FirstFailure(tasks) is { } failure)
        {
            // Task.WhenAll surfaces whichever stage ended first, often one that was only cancelled; report the cause.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return _screened;
    }

    private static Task Stage(Func<Task> body, ChannelWriter<PartyQuery[]>? output, CancellationTokenSource stop) => Task.Run(async () =>
    {
        try
        {
            await body();
            output?.TryComplete();
        }
        catch (Exception ex)
        {
            output?.TryComplete(ex);
            await stop.CancelAsync();
            throw;
        }
    });

    private static Exception? FirstFailure(List<Task> tasks)
    {
        foreach (var t in tasks)
        {
            if (t.Exception?.InnerException is { } e and not OperationCanceledException)
            {
                return e;
            }
        }

        return null;
    }

    private async Task ReadAsync(ChannelWriter<PartyQuery[]> output, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterStore>();
        var batch = new PartyQuery[BatchSize];
        var count = 0;
        await foreach (var query in register.StreamQueriesAsync(cancellationToken))
        {
            batch[count++] = query;
            if (count == BatchSize)
            {
                await output.WriteAsync(batch, cancellationToken);
                batch = new PartyQuery[BatchSize];
                count = 0;
            }
        }

        if (count > 0)
        {
            await output.WriteAsync(batch[..count], cancellationToken);
        }
    }

    private async Task ScreenAsync(ChannelReader<PartyQuery[]> input, ChannelWriter<RegisterAlert> output, CancellationToken cancellationToken)
    {
        await foreach (var batch in input.ReadAllAsync(cancellationToken))
        {
            for (var i = 0; i < batch.Length; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = screener.Screen(batch[i]);
                if (result.Alert)
                {
                    await output.WriteAsync(new RegisterAlert(batch[i], result, started), cancellationToken);
                }
            }

            var screened = Interlocked.Add(ref _screened, batch.Length);
            options.Progress?.Report(screened);
        }
    }

    private static async Task RecordAsync(ChannelReader<RegisterAlert> input, Func<RegisterAlert, CancellationToken, Task> record, CancellationToken cancellationToken)
    {
        await foreach (var alert in input.ReadAllAsync(cancellationToken))
        {
            await record(alert, cancellationToken);
        }
    }
}
