using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Monitoring;
using Chokepoint.Server.Telemetry;
using Chokepoint.Text;

namespace Chokepoint.Server.Screening;

/// <summary>Loads the lists, builds the engine and swaps it in; on a change, re-screens the register against the delta.</summary>
/// <remarks>Refreshes are serialised. Thread-safe.</remarks>
public sealed class ListRefresher(
    IListSource source,
    ScreeningState state,
    MonitoringService monitoring,
    IServiceScopeFactory scopes,
    AuditLog audit,
    TimeProvider time,
    ILogger<ListRefresher> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Reloads the lists; returns true when a new set was swapped in.</summary>
    public async Task<bool> RefreshAsync(string actor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ListLoad load;
            try
            {
                load = await Task.Run(() => source.Load(cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Log.ListLoadFailed(logger, ex);
                state.Fail(ex.Message);
                return false;
            }

            foreach (var problem in load.Problems)
            {
                Log.ListProblem(logger, problem);
            }

            if (load.Snapshots.Count == 0)
            {
                var reason = load.Problems.Count > 0 ? load.Problems[^1] : $"No lists were found in {load.Origin}.";
                Log.NoLists(logger, reason);
                state.Fail(reason);
                return false;
            }

            var previous = state.Current;
            if (previous is not null && SameVersions(previous, load))
            {
                return false;
            }

            var engine = await Task.Run(() => ScreeningEngine.Build(load.Snapshots.SelectMany(s => s.Entries)), cancellationToken);
            var next = new ScreeningSnapshot(load.Snapshots, engine, time.GetUtcNow(), load.Origin);
            state.Swap(next, $"{load.Snapshots.Count} lists, {next.Entries.Count} entities, from {load.Origin}.");
            Log.ListsLoaded(logger, load.Origin, load.Snapshots.Count, next.Entries.Count);
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ChokepointDbContext>();
                var versions = load.Snapshots.Select(s => new { source = s.Source, date = s.PublicationDate, entities = s.Entries.Count });
                await audit.AppendAsync(db, new AuditEntry(actor, "lists.update", load.Origin, CaseJson.Serialize(new { versions })), cancellationToken);
            }

            if (previous is not null)
            {
                await monitoring.RescreenDeltaAsync(previous, next, actor, cancellationToken);
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static bool SameVersions(ScreeningSnapshot previous, ListLoad load)
    {
        if (previous.Lists.Count != load.Snapshots.Count)
        {
            return false;
        }

        var before = previous.Lists.Select(l => (l.Source, l.PublicationDate, l.Entries.Count)).Order().ToList();
        var after = load.Snapshots.Select(l => (l.Source, l.PublicationDate, l.Entries.Count)).Order().ToList();
        return before.SequenceEqual(after);
    }
}

/// <summary>Reloads the lists on a schedule.</summary>
public sealed class ListRefreshService(ListRefresher refresher, Microsoft.Extensions.Options.IOptions<Hosting.ChokepointServerOptions> options, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.RefreshMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await refresher.RefreshAsync("system", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
