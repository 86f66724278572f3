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
    private const int ConcurrencyAttempts = 3;

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
    /// <returns>Where the alert was recorded.</returns>
    public async Task<RecordedAlert> RecordAlertAsync(PartyQuery query, ScreeningResult result, Func<EntityId, string> entryHash, string origin, string actor, CancellationToken cancellationToken, string? findingsJson = null, Guid? alertId = null) =>
        (await RecordAlertsAsync([AlertRequest.ForScreening(query, result, entryHash, origin, actor, findingsJson, alertId)], cancellationToken))[0];

    /// <summary>
    /// Records a shipment check that needs review or blocks: adds an alert to the shipment's open case or opens one,
    /// holding the document, every party match with its explanation, and the findings.
    /// </summary>
    /// <param name="shipment">The check to record.</param>
    /// <param name="actor">Who ran the check.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>Where the alert was recorded.</returns>
    public async Task<RecordedAlert> RecordShipmentAlertAsync(ShipmentAlert shipment, string actor, CancellationToken cancellationToken) =>
        (await RecordAlertsAsync([AlertRequest.ForShipment(shipment, actor)], cancellationToken))[0];

    /// <summary>
    /// Records a group of alerts in one transaction with their audit records: each joins its party's open case, or
    /// opens one; alerts of the same party in the group join the same case.
    /// </summary>
    /// <remarks>
    /// The open cases are found by party key alone, without their earlier alerts, so the cost does not grow as a case
    /// fills. A repeatable alert id already stored (or repeated in the group) returns the stored alert and is not
    /// recorded again. Another writer that changed one of the cases meanwhile (a decision) makes the group start over
    /// on the new state. The context must hold no other pending changes.
    /// </remarks>
    /// <param name="group">The alerts, oldest first.</param>
    /// <param name="cancellationToken">Cancels the save; nothing of the group is stored then.</param>
    /// <returns>One result per alert, in order.</returns>
    public async Task<IReadOnlyList<RecordedAlert>> RecordAlertsAsync(IReadOnlyList<AlertRequest> group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Count == 0)
        {
            return [];
        }

        await AlertGate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await TryRecordAlertsAsync(group, cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyAttempts)
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            AlertGate.Release();
        }
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

    private async Task<IReadOnlyList<RecordedAlert>> TryRecordAlertsAsync(IReadOnlyList<AlertRequest> group, CancellationToken cancellationToken)
    {
        // A batch chunk screened again after a crash must not raise its alerts a second time.
        var stored = await StoredAlertsAsync(group, cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in group)
        {
            if (!stored.ContainsKey(r.AlertId))
            {
                keys.Add(r.PartyKey);
            }
        }

        var open = await OpenCasesAsync(keys, cancellationToken);
        var now = time.GetUtcNow();
        var entries = new List<AuditEntry>(group.Count + 8);
        var opened = new HashSet<Guid>();
        var placed = new (Case? Case, Alert? Alert, bool Opened, RecordedAlert? Stored)[group.Count];
        var first = new Dictionary<Guid, int>();
        for (var i = 0; i < group.Count; i++)
        {
            var r = group[i];
            if (stored.TryGetValue(r.AlertId, out var known))
            {
                placed[i] = (null, null, false, known);
                continue;
            }

            if (r.IsRepeatable && first.TryGetValue(r.AlertId, out var earlier))
            {
                placed[i] = placed[earlier];
                continue;
            }

            var opens = !open.TryGetValue(r.PartyKey, out var c);
            if (c is null)
            {
                c = Case.Open(Guid.NewGuid(), r.PartyKey, r.PartyName, now);
                db.Cases.Add(c);
                open.Add(r.PartyKey, c);
                opened.Add(c.Id);
                entries.Add(new AuditEntry(r.Actor, "case.open", c.Id.ToString(), CaseJson.Serialize(new { partyKey = r.PartyKey, partyName = r.PartyName })));
            }

            var alert = c.AddAlert(r.AlertId, r.Origin, r.QueryJson, r.Matches, r.Actor, now, r.FindingsJson).Value!;
            if (!opened.Contains(c.Id))
            {
                db.Alerts.Add(alert);
            }

            entries.Add(new AuditEntry(r.Actor, "alert.raise", c.Id.ToString(), r.Details));
            placed[i] = (c, alert, opens, null);
            first[r.AlertId] = i;
        }

        await audit.CommitAsync(db, entries, cancellationToken);

        // The version reported is the case's after the whole group: the one a decision must echo.
        var results = new RecordedAlert[group.Count];
        for (var i = 0; i < placed.Length; i++)
        {
            var (c, alert, opens, known) = placed[i];
            results[i] = known ?? new RecordedAlert(c!.Id, c.Version, opens, alert!);
        }

        return results;
    }

    private async Task<Dictionary<Guid, RecordedAlert>> StoredAlertsAsync(IReadOnlyList<AlertRequest> group, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        foreach (var r in group)
        {
            if (r.IsRepeatable)
            {
                ids.Add(r.AlertId);
            }
        }

        var stored = new Dictionary<Guid, RecordedAlert>();
        if (ids.Count == 0)
        {
            return stored;
        }

        var alerts = await db.Alerts.AsNoTracking().Include(a => a.Matches).Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        if (alerts.Count == 0)
        {
            return stored;
        }

        var caseIds = alerts.Select(a => a.CaseId).Distinct().ToList();
        var versions = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Version }).ToDictionaryAsync(c => c.Id, c => c.Version, cancellationToken);
        foreach (var a in alerts)
        {
            stored[a.Id] = new RecordedAlert(a.CaseId, versions[a.CaseId], false, a);
        }

        return stored;
    }

    // The party's open case without its alerts or decisions: adding an alert needs neither.
    private async Task<Dictionary<string, Case>> OpenCasesAsync(HashSet<string> keys, CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, Case>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return open;
        }

        var list = keys.ToList();
        var cases = await db.Cases.Where(x => list.Contains(x.PartyKey) && x.Status != CaseStatus.Closed)
            .OrderBy(x => x.OpenedAt).ThenBy(x => x.Id).ToListAsync(cancellationToken);
        foreach (var c in cases)
        {
            open.TryAdd(c.PartyKey, c);
        }

        return open;
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
