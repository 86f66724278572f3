using Chokepoint.Core;

namespace Chokepoint.Cases;

/// <summary>An alert waiting to be recorded: which party's case it joins, what it holds and its audit details.</summary>
/// <remarks>
/// Everything is serialised when the request is made, on the caller's thread, so the single writer that records
/// alerts in groups only stores them. Immutable and thread-safe.
/// </remarks>
public sealed class AlertRequest
{
    private AlertRequest(string partyKey, string partyName, string origin, string queryJson, IReadOnlyList<AlertMatch> matches, string? findingsJson, string actor, Guid alertId, bool isRepeatable, string details)
    {
        PartyKey = partyKey;
        PartyName = partyName;
        Origin = origin;
        QueryJson = queryJson;
        Matches = matches;
        FindingsJson = findingsJson;
        Actor = actor;
        AlertId = alertId;
        IsRepeatable = isRepeatable;
        Details = details;
    }

    /// <summary>Gets the key of the party whose open case the alert joins (see <see cref="Cases.PartyKey"/>).</summary>
    public string PartyKey { get; }

    /// <summary>Gets the party's name, used when the alert opens a case.</summary>
    public string PartyName { get; }

    /// <summary>Gets what raised the alert: <c>api</c>, <c>batch</c>, <c>monitoring</c>, <c>match-api</c>, <c>shipment</c>.</summary>
    public string Origin { get; }

    /// <summary>Gets the query (or shipment document) as JSON.</summary>
    public string QueryJson { get; }

    /// <summary>Gets every match with its explanation.</summary>
    public IReadOnlyList<AlertMatch> Matches { get; }

    /// <summary>Gets the trade findings as JSON, or null.</summary>
    public string? FindingsJson { get; }

    /// <summary>Gets who ran the screening.</summary>
    public string Actor { get; }

    /// <summary>Gets the alert id.</summary>
    public Guid AlertId { get; }

    /// <summary>Gets whether the caller chose the id to make the alert repeatable: an alert already stored under it is returned instead of recorded twice.</summary>
    public bool IsRepeatable { get; }

    /// <summary>Gets the details of the <c>alert.raise</c> audit record, as JSON.</summary>
    public string Details { get; }

    /// <summary>Creates the request for a screening whose result alerted.</summary>
    /// <param name="query">The query.</param>
    /// <param name="result">The result (with suppressions applied).</param>
    /// <param name="entryHash">Returns the fingerprint of a listed entry.</param>
    /// <param name="origin">What raised it: <c>api</c>, <c>batch</c>, <c>monitoring</c>, <c>match-api</c>.</param>
    /// <param name="actor">Who ran the screening.</param>
    /// <param name="findingsJson">Trade findings as JSON, if any.</param>
    /// <param name="alertId">A repeatable id (a batch job's query), or null to draw a new one.</param>
    public static AlertRequest ForScreening(PartyQuery query, ScreeningResult result, Func<EntityId, string> entryHash, string origin, string actor, string? findingsJson = null, Guid? alertId = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(entryHash);
        var matches = new AlertMatch[result.Matches.Count];
        var summary = new object[result.Matches.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            var m = result.Matches[i];
            matches[i] = AlertMatch.From(m, entryHash(m.EntityId));
            summary[i] = new { entityId = m.EntityId.ToString(), m.Score };
        }

        var id = alertId ?? Guid.NewGuid();
        var details = CaseJson.Serialize(new { alertId = id, origin, query, matches = summary });
        return new AlertRequest(Cases.PartyKey.From(query), query.Name, origin, CaseJson.Serialize(query), matches, findingsJson, actor, id, alertId is not null, details);
    }

    /// <summary>Creates the request for a shipment check that needs review or blocks; checks of one document share a case.</summary>
    /// <param name="shipment">The check.</param>
    /// <param name="actor">Who ran the check.</param>
    public static AlertRequest ForShipment(ShipmentAlert shipment, string actor)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var id = Guid.NewGuid();
        var details = CaseJson.Serialize(new
        {
            alertId = id,
            origin = ShipmentAlert.Origin,
            documentId = shipment.DocumentId,
            decision = shipment.Decision,
            findings = shipment.FindingCount,
            matches = shipment.Matches.Select(m => new { m.EntityId, m.Score }),
        });
        return new AlertRequest(Cases.PartyKey.ForShipment(shipment.DocumentId), shipment.CaseName, ShipmentAlert.Origin, shipment.DocumentJson, shipment.Matches, shipment.FindingsJson, actor, id, false, details);
    }
}

/// <summary>Where an alert was recorded.</summary>
/// <param name="CaseId">The case the alert opened or joined.</param>
/// <param name="CaseVersion">The case's version after the alert was added (what a decision on it must echo).</param>
/// <param name="OpenedCase">True when the alert opened the case.</param>
/// <param name="Alert">The alert as stored.</param>
public sealed record RecordedAlert(Guid CaseId, int CaseVersion, bool OpenedCase, Alert Alert);
