using System.Diagnostics;
using Chokepoint.Cases;
using Chokepoint.Core;
using Chokepoint.Server.Telemetry;

namespace Chokepoint.Server.Screening;

/// <summary>The outcome of screening one party in the service.</summary>
/// <param name="Result">The result with approved false positives taken out.</param>
/// <param name="CaseId">The case an alert opened or joined, or null.</param>
/// <param name="Suppressed">How many matches were previously cleared.</param>
public sealed record ScreenOutcome(ScreeningResult Result, Guid? CaseId, int Suppressed);

/// <summary>Screens a party, applies approved false positives, opens or joins a case on an alert, and audits the screening.</summary>
/// <remarks>Thread-safe; one instance per process.</remarks>
public sealed class PartyScreeningService(
    SuppressionCache suppressions,
    ScreeningAuditQueue auditQueue,
    AlertRecorder alerts,
    ServerMetrics metrics,
    TimeProvider time)
{
    /// <summary>Screens one party against a snapshot.</summary>
    /// <param name="snapshot">The lists in force (taken once by the caller).</param>
    /// <param name="query">The party.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="actor">Who asked (user or key name).</param>
    /// <param name="origin">What asked: <c>api</c>, <c>batch</c>, <c>monitoring</c>, <c>match-api</c>, <c>shipment</c>.</param>
    /// <param name="cancellationToken">Cancels the case write.</param>
    /// <param name="openCase">Whether an alert opens or joins a case.</param>
    /// <param name="alertId">A repeatable alert id (a batch job's query), so a screening repeated after a crash raises no second alert; null draws one.</param>
    public async Task<ScreenOutcome> ScreenAsync(ScreeningSnapshot snapshot, PartyQuery query, ScreeningOptions? options, string actor, string origin, CancellationToken cancellationToken, bool openCase = true, Guid? alertId = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        var started = Stopwatch.GetTimestamp();
        var raw = snapshot.Screener.Screen(query, options);
        return await RecordAsync(snapshot, query, raw, actor, origin, started, openCase, cancellationToken, alertId);
    }

    /// <summary>Applies suppressions to a result computed elsewhere (a delta engine) and records it like a screening.</summary>
    public Task<ScreenOutcome> RecordAsync(ScreeningSnapshot snapshot, PartyQuery query, ScreeningResult raw, string actor, string origin, long started, bool openCase, CancellationToken cancellationToken, Guid? alertId = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(raw);
        var key = PartyKey.From(query);
        var (result, suppressed) = SuppressionRules.Apply(raw, key, suppressions.For(key), snapshot.Fingerprint, time.GetUtcNow());
        metrics.Screened(result.Alert, origin, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (result.Alert && openCase)
        {
            return OpenCaseAsync(snapshot, query, result, suppressed, actor, origin, alertId, cancellationToken);
        }

        var top = result.Matches.Count > 0 ? result.Matches[0] : null;
        var entry = new AuditEntry(actor, "screen", query.Id ?? query.Name, CaseJson.Serialize(new { origin, name = query.Name, alert = result.Alert, suppressed, top = top?.EntityId.ToString(), score = top?.Score, error = result.Error }));
        var outcome = new ScreenOutcome(result, null, suppressed);
        var queued = auditQueue.EnqueueAsync(entry, cancellationToken);
        return queued.IsCompletedSuccessfully ? Task.FromResult(outcome) : AfterQueuedAsync(queued, outcome);
    }

    // The audit queue is full only when the database is behind; the request then waits for room (backpressure).
    private static async Task<ScreenOutcome> AfterQueuedAsync(ValueTask queued, ScreenOutcome outcome)
    {
        await queued;
        return outcome;
    }

    private async Task<ScreenOutcome> OpenCaseAsync(ScreeningSnapshot snapshot, PartyQuery query, ScreeningResult result, int suppressed, string actor, string origin, Guid? alertId, CancellationToken cancellationToken)
    {
        // Serialised here, on the request's thread, so the single alert writer only stores.
        var request = AlertRequest.ForScreening(query, result, snapshot.Fingerprint, origin, actor, alertId: alertId);
        var recorded = await alerts.RecordAsync(request, cancellationToken);
        return new ScreenOutcome(result, recorded.CaseId, suppressed);
    }
}
