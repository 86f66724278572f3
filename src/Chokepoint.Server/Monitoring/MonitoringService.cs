using Chokepoint.Core;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Telemetry;
using Chokepoint.Text;

namespace Chokepoint.Server.Monitoring;

/// <summary>What a re-screening of the register did.</summary>
/// <param name="Parties">Parties screened.</param>
/// <param name="DeltaEntries">New or changed entries screened against (0 for a full re-screen).</param>
/// <param name="Alerts">Parties that alerted (each opened or joined a case).</param>
public sealed record RescreenReport(int Parties, int DeltaEntries, int Alerts);

/// <summary>Settings of one re-screening.</summary>
public sealed record RescreenOptions
{
    /// <summary>Gets how many threads screen parties at once.</summary>
    /// <value>The number of processors.</value>
    public int Screeners { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets what is told how many parties have been screened so far, or null.</summary>
    public IProgress<int>? Progress { get; init; }
}

/// <summary>Re-screens the monitoring register: against the delta of a list update, or in full.</summary>
/// <remarks>
/// The register is read once by one reader, screened by <see cref="RescreenOptions.Screeners"/> threads, and the few
/// alerts are recorded by one writer, so the database sees one long read and a trickle of case writes. Thread-safe.
/// </remarks>
public sealed class MonitoringService(IServiceScopeFactory scopes, PartyScreeningService screening, ScreeningState state, ILogger<MonitoringService> logger)
{
    /// <summary>Returns the entries of <paramref name="next"/> that are new or whose content changed since <paramref name="previous"/>.</summary>
    public static IReadOnlyList<ListEntry> Delta(ScreeningSnapshot previous, ScreeningSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var delta = new List<ListEntry>();
        foreach (var (id, entry) in next.Entries)
        {
            if (!previous.Entries.TryGetValue(id, out var old) || (!ReferenceEquals(old, entry) && previous.Fingerprint(id) != next.Fingerprint(id)))
            {
                delta.Add(entry);
            }
        }

        return delta;
    }

    /// <summary>Screens the register against only the new or changed entries of a list update, and opens cases for hits.</summary>
    public Task<RescreenReport> RescreenDeltaAsync(ScreeningSnapshot previous, ScreeningSnapshot next, string actor, CancellationToken cancellationToken) =>
        RescreenDeltaAsync(previous, next, actor, new RescreenOptions(), cancellationToken);

    /// <summary>Screens the register against only the new or changed entries of a list update, with settings.</summary>
    /// <remarks>
    /// A party can only get a new hit from a new or changed entry, so every party is screened against an engine over
    /// the delta alone; removed entries raise nothing.
    /// </remarks>
    public async Task<RescreenReport> RescreenDeltaAsync(ScreeningSnapshot previous, ScreeningSnapshot next, string actor, RescreenOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var delta = await Task.Run(() => Delta(previous, next), cancellationToken);
        if (delta.Count == 0)
        {
            return new RescreenReport(0, 0, 0);
        }

        var deltaEngine = ScreeningEngine.Build(delta);
        var report = await ScreenRegisterAsync(next, deltaEngine, actor, options, cancellationToken);
        report = report with { DeltaEntries = delta.Count };
        Log.Rescreened(logger, report.Parties, report.DeltaEntries, report.Alerts);
        return report;
    }

    /// <summary>Screens the whole register against every list in force.</summary>
    public Task<RescreenReport> RescreenAllAsync(string actor, CancellationToken cancellationToken) =>
        RescreenAllAsync(actor, new RescreenOptions(), cancellationToken);

    /// <summary>Screens the whole register against every list in force, with settings.</summary>
    /// <exception cref="InvalidOperationException">No lists are loaded.</exception>
    public async Task<RescreenReport> RescreenAllAsync(string actor, RescreenOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var snapshot = state.Current ?? throw new InvalidOperationException("No lists are loaded.");
        var report = await ScreenRegisterAsync(snapshot, snapshot.Screener, actor, options, cancellationToken);
        Log.Rescreened(logger, report.Parties, 0, report.Alerts);
        return report;
    }

    private async Task<RescreenReport> ScreenRegisterAsync(ScreeningSnapshot snapshot, IPartyScreener screener, string actor, RescreenOptions options, CancellationToken cancellationToken)
    {
        // Only the pipeline's single writer runs the callback, so the count needs no lock.
        var alerts = 0;
        var pipeline = new RescreenPipeline(scopes, screener, options);
        var parties = await pipeline.RunAsync(
            async (alert, token) =>
            {
                var outcome = await screening.RecordAsync(snapshot, alert.Query, alert.Result, actor, "monitoring", alert.Started, openCase: true, token);
                if (outcome.CaseId is not null)
                {
                    alerts++;
                }
            },
            cancellationToken);
        return new RescreenReport(parties, 0, alerts);
    }
}
