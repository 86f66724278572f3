namespace Chokepoint.Cases;

/// <summary>
/// The review record for one party: its alerts, the analysts' decisions and the supervisors' reviews.
/// </summary>
/// <remarks>
/// The aggregate guards its own rules: a decision needs a reason; only one decision waits at a time; the person who
/// decided cannot approve (four eyes); every change bumps <see cref="Version"/>, which the store uses as its
/// optimistic-concurrency token. Not thread-safe: load, change and save one instance per request.
/// </remarks>
public sealed class Case
{
    private readonly List<Alert> _alerts = [];
    private readonly List<Decision> _decisions = [];

    private Case()
    {
    }

    /// <summary>Gets the case id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Gets the party key that groups screenings of the same party (see <see cref="PartyKey"/>).</summary>
    public string PartyKey { get; private set; } = "";

    /// <summary>Gets the party's name as first screened.</summary>
    public string PartyName { get; private set; } = "";

    /// <summary>Gets the review status.</summary>
    public CaseStatus Status { get; private set; }

    /// <summary>Gets when the case was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Gets when the case last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Gets the version, bumped by every change; callers echo it to prove they saw the latest state.</summary>
    public int Version { get; private set; }

    /// <summary>Gets the alerts, oldest first.</summary>
    public IReadOnlyList<Alert> Alerts => _alerts;

    /// <summary>Gets the decisions, oldest first.</summary>
    public IReadOnlyList<Decision> Decisions => _decisions;

    /// <summary>Opens a case for a party.</summary>
    /// <param name="id">The case id.</param>
    /// <param name="partyKey">The party key.</param>
    /// <param name="partyName">The party's name.</param>
    /// <param name="now">When.</param>
    public static Case Open(Guid id, string partyKey, string partyName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partyKey);
        return new Case { Id = id, PartyKey = partyKey, PartyName = partyName, Status = CaseStatus.Open, OpenedAt = now, UpdatedAt = now, Version = 1 };
    }

    /// <summary>Gets whether new alerts for the party join this case rather than open a new one.</summary>
    public bool IsOpen => Status != CaseStatus.Closed;

    /// <summary>Gets the decision that waits for a supervisor, or null.</summary>
    public Decision? PendingDecision => _decisions.Find(d => d.Status == DecisionStatus.Pending);

    /// <summary>Checks the version the caller read against the current one.</summary>
    /// <param name="expectedVersion">The version the caller read, or null to skip the check.</param>
    /// <returns>A conflict error, or null when the versions agree.</returns>
    public CaseError? CheckVersion(int? expectedVersion) =>
        expectedVersion is { } v && v != Version
            ? new CaseError(CaseErrorCode.Conflict, "version", $"Case {Id} is at version {Version}, not {v}: someone changed it since you read it. Reload and try again.")
            : null;

    /// <summary>Adds an alert to the case.</summary>
    /// <param name="alertId">The alert id.</param>
    /// <param name="origin">What raised it (<c>api</c>, <c>batch</c>, <c>monitoring</c>).</param>
    /// <param name="queryJson">The query as JSON.</param>
    /// <param name="matches">Every match with its explanation.</param>
    /// <param name="raisedBy">Who ran the screening.</param>
    /// <param name="now">When.</param>
    /// <param name="findingsJson">Trade findings as JSON, if any.</param>
    /// <returns>The alert added.</returns>
    public CaseResult<Alert> AddAlert(Guid alertId, string origin, string queryJson, IEnumerable<AlertMatch> matches, string raisedBy, DateTimeOffset now, string? findingsJson = null)
    {
        if (!IsOpen)
        {
            return CaseResult.Failure<Alert>(CaseErrorCode.InvalidState, null, $"Case {Id} is closed; open a new case for new alerts.");
        }

        var alert = Alert.Create(alertId, Id, origin, queryJson, matches, raisedBy, now, findingsJson);
        _alerts.Add(alert);
        Touch(now);
        return CaseResult.Success<Alert>(alert);
    }

    /// <summary>Records an analyst's decision, which then waits for a supervisor.</summary>
    /// <param name="decisionId">The decision id.</param>
    /// <param name="outcome">The conclusion.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="decidedBy">The analyst.</param>
    /// <param name="now">When.</param>
    /// <param name="validFor">How long an approved false positive suppresses alerts, or null for until the entry changes.</param>
    public CaseResult<Decision> Decide(Guid decisionId, DecisionOutcome outcome, string? reason, string decidedBy, DateTimeOffset now, TimeSpan? validFor = null)
    {
        if (!Enum.IsDefined(outcome))
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.Invalid, "outcome", "The outcome must be trueMatch, falsePositive or needsInformation.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.Invalid, "reason", "A decision needs a reason.");
        }

        if (validFor is { } span && span <= TimeSpan.Zero)
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.Invalid, "validForDays", "The validity must be positive.");
        }

        if (Status == CaseStatus.Closed)
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.InvalidState, null, $"Case {Id} is closed.");
        }

        if (PendingDecision is { } pending)
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.InvalidState, null, $"Decision {pending.Id} already waits for a supervisor.");
        }

        if (_alerts.Count == 0)
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.InvalidState, null, $"Case {Id} has no alert to decide.");
        }

        var decision = Decision.Create(decisionId, Id, outcome, reason.Trim(), decidedBy, now, validFor is { } v ? now + v : null);
        _decisions.Add(decision);
        Status = CaseStatus.AwaitingApproval;
        Touch(now);
        return CaseResult.Success<Decision>(decision);
    }

    /// <summary>Approves the pending decision; the decider cannot approve it (four eyes).</summary>
    /// <param name="decisionId">The decision to approve.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="now">When.</param>
    /// <param name="newId">Supplies ids for the suppressions created.</param>
    /// <returns>The suppressions an approved false positive creates (empty for other outcomes).</returns>
    public CaseResult<IReadOnlyList<Suppression>> Approve(Guid decisionId, string supervisor, DateTimeOffset now, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(newId);
        var check = CheckReviewable(decisionId, supervisor);
        if (check.Error is { } error)
        {
            return CaseResult.Failure<IReadOnlyList<Suppression>>(error);
        }

        var decision = check.Value!;
        decision.Review(DecisionStatus.Approved, supervisor, null, now);
        Status = decision.Outcome == DecisionOutcome.NeedsInformation ? CaseStatus.AwaitingInformation : CaseStatus.Closed;
        Touch(now);
        if (decision.Outcome != DecisionOutcome.FalsePositive)
        {
            return CaseResult.Success<IReadOnlyList<Suppression>>([]);
        }

        // The latest alert's fingerprint wins: it is the entry as the analyst last saw it.
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alert in _alerts.OrderBy(a => a.RaisedAt))
        {
            foreach (var m in alert.Matches)
            {
                latest[m.EntityId] = m.EntryHash;
            }
        }

        var list = new List<Suppression>(latest.Count);
        foreach (var (entityId, hash) in latest.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            list.Add(new Suppression(newId(), PartyKey, entityId, hash, Id, decision.Id, decision.DecidedBy, supervisor, now, decision.ExpiresAt));
        }

        return CaseResult.Success<IReadOnlyList<Suppression>>(list);
    }

    /// <summary>Sends the pending decision back to the analyst with a note.</summary>
    /// <param name="decisionId">The decision.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="note">Why (required).</param>
    /// <param name="now">When.</param>
    public CaseResult<Decision> SendBack(Guid decisionId, string supervisor, string? note, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.Invalid, "note", "Sending a decision back needs a note for the analyst.");
        }

        var check = CheckReviewable(decisionId, supervisor);
        if (check.Error is not null)
        {
            return check;
        }

        check.Value!.Review(DecisionStatus.SentBack, supervisor, note.Trim(), now);
        Status = CaseStatus.Open;
        Touch(now);
        return check;
    }

    private CaseResult<Decision> CheckReviewable(Guid decisionId, string supervisor)
    {
        var decision = _decisions.Find(d => d.Id == decisionId);
        if (decision is null)
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.NotFound, "decisionId", $"Case {Id} has no decision {decisionId}.");
        }

        if (decision.Status != DecisionStatus.Pending)
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.InvalidState, null, $"Decision {decisionId} was already {decision.Status.ToString().ToLowerInvariant()}.");
        }

        if (string.Equals(decision.DecidedBy, supervisor, StringComparison.OrdinalIgnoreCase))
        {
            return CaseResult.Failure<Decision>(CaseErrorCode.FourEyes, null, $"{supervisor} made decision {decisionId} and cannot also approve it (four eyes).");
        }

        return CaseResult.Success<Decision>(decision);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
