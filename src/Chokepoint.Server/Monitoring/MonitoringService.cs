using System.Diagnostics;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Telemetry;
using Chokepoint.Text;

namespace Chokepoint.Server.Monitoring;

/// <summary>What a re-screening of the register did.</summary>
/// <param name="Parties">Parties screened.</param>
/// <param name="DeltaEntries">New or changed entries screened against (0 for a full re-screen).</param>
/// <param name="Alerts">Parties that alerted (each opened or joined a case).</param>
public sealed record RescreenReport(int Parties, int DeltaEntries, int Alerts);

/// <summary>Re-screens the monitoring register: against the delta of a list update, or in full.</summary>
/// <remarks>Thread-safe.</remarks>
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
    public async Task<RescreenReport> RescreenDeltaAsync(ScreeningSnapshot previous, ScreeningSnapshot next, string actor, CancellationToken cancellationToken)
    {
        var delta = await Task.Run(() => Delta(previous, next), cancellationToken);
        if (delta.Count == 0)
        {
            return new RescreenReport(0, 0, 0);
        }

        // An engine over the delta alone: a party that matches nothing new cannot have a new hit.
        var deltaEngine = ScreeningEngine.Build(delta);
        var report = await ScreenRegisterAsync(next, deltaEngine, actor, cancellationToken);
        report = report with { DeltaEntries = delta.Count };
        Log.Rescreened(logger, report.Parties, report.DeltaEntries, report.Alerts);
        return report;
    }

    /// <summary>Screens the whole register against every list in force.</summary>
    public async Task<RescreenReport> RescreenAllAsync(string actor, CancellationToken cancellationToken)
    {
        var snapshot = state.Current ?? throw new InvalidOperationException("No lists are loaded.");
        var report = await ScreenRegisterAsync(snapshot, snapshot.Screener, actor, cancellationToken);
        Log.Rescreened(logger, report.Parties, 0, report.Alerts);
        return report;
    }

    private async Task<RescreenReport> ScreenRegisterAsync(ScreeningSnapshot snapshot, IPartyScreener screener, string actor, CancellationToken cancellationToken)
    {
        var parties = 0;
        var alerts = 0;
        await using var scope = scopes.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterStore>();
        await foreach (var party in register.StreamAsync().WithCancellation(cancellationToken))
        {
            parties++;
            var query = party.ToQuery();
            var started = Stopwatch.GetTimestamp();
            var raw = screener.Screen(query);
            if (!raw.Alert)
            {
                continue;
            }

            var outcome = await screening.RecordAsync(snapshot, query, raw, actor, "monitoring", started, openCase: true, cancellationToken);
            if (outcome.CaseId is not null)
            {
                alerts++;
            }
        }

        return new RescreenReport(parties, 0, alerts);
    }
}
