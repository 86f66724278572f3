using Chokepoint.Cases;
using Chokepoint.Core;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Persistence;

/// <summary>What an approval did: the decision and the suppressions an approved false positive created.</summary>
/// <param name="Case">The case after approval.</param>
/// <param name="Decision">The approved decision.</param>
/// <param name="Suppressions">The new suppressions (empty unless a false positive).</param>
public sealed record ApprovalOutcome(Case Case, Decision Decision, IReadOnlyList<Suppression> Suppressions);

/// <summary>Opens cases for alerting screenings and carries decisions and approvals, each with its audit record.</summary>
/// <remarks>One instance per unit of work, with its context; not thread-safe.</remarks>
/// <param name="db">The context.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock.</param>
public sealed class CaseWorkflow(ChokepointDbContext db, AuditLog audit, TimeProvider time)
{
    // Two alerts for the same party at once must land in one case; finding and opening are serialised per process.
    private static readonly SemaphoreSlim AlertGate = new(1, 1);

    /// <summary>Records an alerting screening: adds it to the party's open case or opens one.</summary>
    /// <param name="query">The query.</param>
    /// <param name="result">The result (with suppressions applied).</param>
    /// <param name="entryHash">Returns the fingerprint of a listed entry.</param>
    /// <param name="origin">What raised it: <c>api</c>, <c>batch</c>, <c>monitoring</c>, <c>match-api</c>.</param>
    /// <param name="actor">Who ran the screening.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <param name="findingsJson">Trade findings as JSON, if any.</param>
    /// <param name="alertId">
    /// The alert's id when the caller makes it repeatable (a batch job's query); an alert already stored under it is
    /// returned as it is instead of being recorded twice. Null draws a new id.
    /// </param>
    /// <returns>The case and the alert.</returns>
    public Task<(Case Case, Alert Alert)> RecordAlertAsync(PartyQuery query, ScreeningResult result, Func<EntityId, string> entryHash, string origin, string actor, CancellationToken cancellationToken, string? findingsJson = null, Guid? alertId = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(entryHash);
        var matches = new List<AlertMatch>(result.Matches.Count);
        foreach (var m in result.Matches)
        {
            matches.Add(AlertMatch.From(m, entryHash(m.EntityId)));
        }

        return RecordAsync(
            PartyKey.From(query),
            query.Name,
            origin,
            CaseJson.Serialize(query),
            matches,
            findingsJson,
            actor,
            id => CaseJson.Serialize(new { alertId = id, origin, query, matches = result.Matches.Select(m => new { entityId = m.EntityId.ToString(), m.Score }) }),
            cancellationToken,
            alertId);
    }

    /// <summary>
    /// Records a shipment check that needs review or blocks: adds an alert to the shipment's open case or opens one,
    /// holding the document, every party match with its explanation, and the findings.
    /// </summary>
    /// <param name="shipment">The check to record.</param>
    /// <param name="actor">Who ran the check.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The case and the alert.</returns>
    public Task<(Case Case, Alert Alert)> RecordShipmentAlertAsync(ShipmentAlert shipment, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return RecordAsync(
            PartyKey.ForShipment(shipment.DocumentId),
            shipment.CaseName,
            ShipmentAlert.Origin,
            shipment.DocumentJson,
            shipment.Matches,
            shipment.FindingsJson,
            actor,
            alertId => CaseJson.Serialize(new
            {
                alertId,
                origin = ShipmentAlert.Origin,
                documentId = shipment.DocumentId,
                decision = shipment.Decision,
                findings = shipment.FindingCount,
                matches = shipment.Matches.Select(m => new { m.EntityId, m.Score }),
            }),
            cancellationToken);
    }

    /// <summary>Loads a case with its alerts, matches and decisions, or null.</summary>
    public Task<Case?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Cases.Include(x => x.Alerts).ThenInclude(a => a.Matches).Include(x => x.Decisions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);

    /// <summary>Lists cases, newest first, optionally by status.</summary>
    public async Task<IReadOnlyList<Case>> ListAsync(CaseStatus? status, int skip, int take, CancellationToken cancellationToken)
    {
        var q = db.Cases.AsNoTracking().Include(x => x.Decisions).AsQueryable();
        if (status is { } s)
        {
            q = q.Where(x => x.Status == s);
        }

        return await q.OrderByDescending(x => x.UpdatedAt).ThenBy(x => x.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Lists alerts, newest first.</summary>
    public async Task<IReadOnlyList<Alert>> ListAlertsAsync(int skip, int take, CancellationToken cancellationToken) =>
        await db.Alerts.AsNoTracking().Include(a => a.Matches).OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);

    /// <summary>Records an analyst's decision on a case.</summary>
    public Task<CaseResult<Decision>> DecideAsync(Guid caseId, int? expectedVersion, DecisionOutcome outcome, string? reason, TimeSpan? validFor, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(
            caseId,
            expectedVersion,
            (c, now) => c.Decide(Guid.NewGuid(), outcome, reason, actor, now, validFor),
            d => [new AuditEntry(actor, "case.decide", caseId.ToString(), CaseJson.Serialize(new { decisionId = d.Id, outcome, reason = d.Reason, expiresAt = d.ExpiresAt }))],
            d => db.Decisions.Add(d),
            cancellationToken);

    /// <summary>Approves a pending decision (four eyes); an approved false positive creates suppressions.</summary>
    public Task<CaseResult<ApprovalOutcome>> ApproveAsync(Guid caseId, Guid decisionId, int? expectedVersion, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(
            caseId,
            expectedVersion,
            (c, now) =>
            {
                var r = c.Approve(decisionId, actor, now, Guid.NewGuid);
                return r.Error is { } e ? CaseResult.Failure<ApprovalOutcome>(e) : CaseResult.Success(new ApprovalOutcome(c, c.Decisions.First(d => d.Id == decisionId), r.Value!));
            },
            a => [new AuditEntry(actor, "case.approve", caseId.ToString(), CaseJson.Serialize(new { decisionId, outcome = a.Decision.Outcome, suppressed = a.Suppressions.Select(s => s.EntityId) }))],
            a => db.Suppressions.AddRange(a.Suppressions),
            cancellationToken);

    /// <summary>Sends a pending decision back to the analyst.</summary>
    public Task<CaseResult<Decision>> SendBackAsync(Guid caseId, Guid decisionId, int? expectedVersion, string? note, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(
            caseId,
            expectedVersion,
            (c, now) => c.SendBack(decisionId, actor, note, now),
            d => [new AuditEntry(actor, "case.send-back", caseId.ToString(), CaseJson.Serialize(new { decisionId, note = d.ReviewNote }))],
            _ => { },
            cancellationToken);

    /// <summary>Lists every suppression (lapsed ones included; <see cref="Suppression.Covers"/> decides).</summary>
    public async Task<IReadOnlyList<Suppression>> SuppressionsAsync(CancellationToken cancellationToken) =>
        await db.Suppressions.AsNoTracking().ToListAsync(cancellationToken);

    private async Task<(Case Case, Alert Alert)> RecordAsync(string key, string partyName, string origin, string queryJson, IReadOnlyList<AlertMatch> matches, string? findingsJson, string actor, Func<Guid, string> alertDetails, CancellationToken cancellationToken, Guid? alertId = null)
    {
        await AlertGate.WaitAsync(cancellationToken);
        try
        {
            // A batch chunk screened again after a crash must not raise its alerts a second time.
            if (alertId is { } known && await db.Alerts.AsNoTracking().Where(a => a.Id == known).Select(a => (Guid?)a.CaseId).FirstOrDefaultAsync(cancellationToken) is { } caseId)
            {
                var stored = (await GetAsync(caseId, cancellationToken))!;
                return (stored, stored.Alerts.First(a => a.Id == known));
            }

            var now = time.GetUtcNow();
            var c = await db.Cases.Include(x => x.Alerts).ThenInclude(a => a.Matches).Include(x => x.Decisions)
                .Where(x => x.PartyKey == key && x.Status != CaseStatus.Closed).OrderBy(x => x.OpenedAt).FirstOrDefaultAsync(cancellationToken);
            var opened = c is null;
            if (c is null)
            {
                c = Case.Open(Guid.NewGuid(), key, partyName, now);
                db.Cases.Add(c);
            }

            var alert = c.AddAlert(alertId ?? Guid.NewGuid(), origin, queryJson, matches, actor, now, findingsJson).Value!;
            if (!opened)
            {
                db.Alerts.Add(alert);
            }

            var entries = new List<AuditEntry>(2);
            if (opened)
            {
                entries.Add(new AuditEntry(actor, "case.open", c.Id.ToString(), CaseJson.Serialize(new { partyKey = key, partyName })));
            }

            entries.Add(new AuditEntry(actor, "alert.raise", c.Id.ToString(), alertDetails(alert.Id)));
            await audit.CommitAsync(db, entries, cancellationToken);
            return (c, alert);
        }
        finally
        {
            AlertGate.Release();
        }
    }

    private async Task<CaseResult<T>> ChangeAsync<T>(Guid caseId, int? expectedVersion, Func<Case, DateTimeOffset, CaseResult<T>> change, Func<T, IReadOnlyList<AuditEntry>> auditEntries, Action<T> track, CancellationToken cancellationToken)
        where T : class
    {
        var c = await GetAsync(caseId, cancellationToken);
        if (c is null)
        {
            return CaseResult.Failure<T>(CaseErrorCode.NotFound, "caseId", $"There is no case {caseId}.");
        }

        if (c.CheckVersion(expectedVersion) is { } conflict)
        {
            return CaseResult.Failure<T>(conflict);
        }

        var result = change(c, time.GetUtcNow());
        if (result.Value is not { } value)
        {
            return result;
        }

        track(value);
        try
        {
            await audit.CommitAsync(db, auditEntries(value), cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseResult.Failure<T>(CaseErrorCode.Conflict, "version", $"Case {caseId} was changed by someone else while you saved. Reload and try again.");
        }
    }
}
