using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Telemetry;

namespace Chokepoint.Server.Batch;

/// <summary>Runs batch screening jobs one at a time, storing results in chunks so a restart resumes where it stopped.</summary>
/// <remarks>Jobs left queued or running by a previous process are picked up at start. Thread-safe.</remarks>
public sealed class BatchWorker(
    IServiceScopeFactory scopes,
    PartyScreeningService screening,
    ScreeningState state,
    ILogger<BatchWorker> logger) : BackgroundService
{
    private const int ChunkSize = 100;
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>();

    /// <summary>Queues a stored job.</summary>
    public void Enqueue(Guid jobId) => _jobs.Writer.TryWrite(jobId);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var id in await scope.ServiceProvider.GetRequiredService<BatchStore>().UnfinishedAsync(stoppingToken))
            {
                Enqueue(id);
            }
        }

        try
        {
            await foreach (var jobId in _jobs.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(jobId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: the job in progress stopped after its last stored chunk and resumes at the next start.
        }
    }

    private async Task RunAsync(Guid jobId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<BatchStore>();
        var job = await store.StartAsync(jobId, stoppingToken);
        try
        {
            var inputs = JsonSerializer.Deserialize<List<PartyInput>>(job.QueriesJson, CaseJson.Options) ?? [];
            for (var start = job.Done; start < inputs.Count; start += ChunkSize)
            {
                // Finish the chunk in hand on shutdown; stop before the next one.
                stoppingToken.ThrowIfCancellationRequested();
                var snapshot = state.Current ?? throw new InvalidOperationException("No lists are loaded.");
                var items = new List<BatchItem>(ChunkSize);
                var alerts = 0;
                for (var i = start; i < Math.Min(start + ChunkSize, inputs.Count); i++)
                {
                    var line = await ScreenOneAsync(snapshot, inputs[i], jobId, i, job.SubmittedBy);
                    alerts += line.Alert ? 1 : 0;
                    items.Add(new BatchItem { JobId = jobId, Index = i, ResultJson = CaseJson.Serialize(line) });
                }

                await store.SaveProgressAsync(jobId, items, alerts, CancellationToken.None);
                Log.BatchProgress(logger, jobId, start + items.Count, inputs.Count);
            }

            await store.FinishAsync(jobId, null, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException)
        {
            Log.BatchFailed(logger, ex, jobId);
            await store.FinishAsync(jobId, ex.Message, CancellationToken.None);
        }
    }

    private async Task<ScreenLine> ScreenOneAsync(ScreeningSnapshot snapshot, PartyInput input, Guid jobId, int index, string actor)
    {
        var (query, options, field, error) = input.ToQuery($"queries[{index}].");
        if (query is null)
        {
            return new ScreenLine(input.Id, input.Name ?? "", false, 0, null, 0, [], $"{field}: {error}");
        }

        // The case write is not cancelled half-way: an alert that was screened is recorded. The alert id is the query's
        // own, so the chunk in hand when the process died raises no second alert when it is screened again.
        var outcome = await screening.ScreenAsync(snapshot, query, options, actor, "batch", CancellationToken.None, alertId: AlertId(jobId, index));
        return ScreenLine.From(query, outcome);
    }

    /// <summary>Returns the alert id of one query of a job: the same on every run, different for every query.</summary>
    internal static Guid AlertId(Guid jobId, int index)
    {
        Span<byte> input = stackalloc byte[20];
        jobId.TryWriteBytes(input);
        BinaryPrimitives.WriteInt32LittleEndian(input[16..], index);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return new Guid(hash[..16]);
    }
}
