using Chokepoint.Core;

namespace Chokepoint.Cases;

/// <summary>One screening whose result alerted: the query as screened and every match with its explanation.</summary>
/// <remarks>Immutable once created. Not thread-safe while being built; treat as a value afterwards.</remarks>
public sealed class Alert
{
    private readonly List<AlertMatch> _matches = [];

    private Alert()
    {
    }

    /// <summary>Gets the alert id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Gets the case the alert belongs to.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Gets what raised the alert: <c>api</c>, <c>batch</c>, <c>monitoring</c>, <c>match-api</c>, <c>shipment</c>.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>Gets the query as JSON.</summary>
    public string QueryJson { get; private set; } = "";

    /// <summary>Gets the trade findings as JSON, or null when the alert came from party screening alone.</summary>
    public string? FindingsJson { get; private set; }

    /// <summary>Gets who ran the screening (user name or key name).</summary>
    public string RaisedBy { get; private set; } = "";

    /// <summary>Gets when the screening ran.</summary>
    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>Gets the matches, best first.</summary>
    public IReadOnlyList<AlertMatch> Matches => _matches;

    /// <summary>Creates an alert for a case.</summary>
    /// <param name="id">The alert id.</param>
    /// <param name="caseId">The case it belongs to.</param>
    /// <param name="origin">What raised it.</param>
    /// <param name="queryJson">The query as JSON.</param>
    /// <param name="matches">The matches, best first.</param>
    /// <param name="raisedBy">Who ran the screening.</param>
    /// <param name="raisedAt">When.</param>
    /// <param name="findingsJson">Trade findings as JSON, if any.</param>
    internal static Alert Create(Guid id, Guid caseId, string origin, string queryJson, IEnumerable<AlertMatch> matches, string raisedBy, DateTimeOffset raisedAt, string? findingsJson)
    {
        var alert = new Alert
        {
            Id = id,
            CaseId = caseId,
            Origin = origin,
            QueryJson = queryJson,
            RaisedBy = raisedBy,
            RaisedAt = raisedAt,
            FindingsJson = findingsJson,
        };
        alert._matches.AddRange(matches);
        return alert;
    }
}

/// <summary>One listed entity an alerted party may be, with the explanation and the fingerprint of the listed entry.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AlertMatch
{
    private AlertMatch()
    {
    }

    /// <summary>Creates a match record.</summary>
    /// <param name="entityId">The listed entity (<c>source:key</c>).</param>
    /// <param name="name">The listed name that matched best.</param>
    /// <param name="score">The score in [0, 1].</param>
    /// <param name="entryHash">The fingerprint of the listed entry (see <see cref="ListEntryFingerprint"/>).</param>
    /// <param name="explanationJson">The match explanation as JSON.</param>
    public AlertMatch(string entityId, string name, double score, string entryHash, string explanationJson)
    {
        EntityId = entityId;
        Name = name;
        Score = score;
        EntryHash = entryHash;
        ExplanationJson = explanationJson;
    }

    /// <summary>Gets the row id (assigned by the store).</summary>
    public long Id { get; private set; }

    /// <summary>Gets the listed entity id.</summary>
    public string EntityId { get; private set; } = "";

    /// <summary>Gets the listed name that matched best.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Gets the score.</summary>
    public double Score { get; private set; }

    /// <summary>Gets the fingerprint of the listed entry when the alert was raised.</summary>
    public string EntryHash { get; private set; } = "";

    /// <summary>Gets the explanation as JSON.</summary>
    public string ExplanationJson { get; private set; } = "";

    /// <summary>Builds the match record for a screening match.</summary>
    /// <param name="match">The engine's match.</param>
    /// <param name="entryHash">The fingerprint of the listed entry (empty when the entry is unknown).</param>
    public static AlertMatch From(ScreeningMatch match, string entryHash)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new AlertMatch(match.EntityId.ToString(), match.Name, match.Score, entryHash, CaseJson.Serialize(match.Explanation));
    }
}
