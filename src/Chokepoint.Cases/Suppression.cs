using System.Globalization;

namespace Chokepoint.Cases;

/// <summary>
/// An approved false positive for one party/listed-entry pair: later screenings of the same party do not alert on the
/// same entry until the entry changes or the decision expires.
/// </summary>
/// <remarks>Immutable once created and thread-safe.</remarks>
public sealed class Suppression
{
    private Suppression()
    {
    }

    /// <summary>Creates a suppression.</summary>
    /// <param name="id">The suppression id.</param>
    /// <param name="partyKey">The party (see <see cref="PartyKey"/>).</param>
    /// <param name="entityId">The listed entity cleared.</param>
    /// <param name="entryHash">The fingerprint of the listed entry as it was cleared.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="decisionId">The approved decision.</param>
    /// <param name="clearedBy">The analyst who decided.</param>
    /// <param name="approvedBy">The supervisor who approved.</param>
    /// <param name="clearedAt">When the decision was approved.</param>
    /// <param name="expiresAt">When it stops applying, or null for never.</param>
    public Suppression(Guid id, string partyKey, string entityId, string entryHash, Guid caseId, Guid decisionId, string clearedBy, string approvedBy, DateTimeOffset clearedAt, DateTimeOffset? expiresAt)
    {
        Id = id;
        PartyKey = partyKey;
        EntityId = entityId;
        EntryHash = entryHash;
        CaseId = caseId;
        DecisionId = decisionId;
        ClearedBy = clearedBy;
        ApprovedBy = approvedBy;
        ClearedAt = clearedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the suppression id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Gets the party key.</summary>
    public string PartyKey { get; private set; } = "";

    /// <summary>Gets the listed entity id.</summary>
    public string EntityId { get; private set; } = "";

    /// <summary>Gets the fingerprint of the listed entry as it was cleared.</summary>
    public string EntryHash { get; private set; } = "";

    /// <summary>Gets the case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Gets the approved decision.</summary>
    public Guid DecisionId { get; private set; }

    /// <summary>Gets the analyst who cleared the pair.</summary>
    public string ClearedBy { get; private set; } = "";

    /// <summary>Gets the supervisor who approved the clearance.</summary>
    public string ApprovedBy { get; private set; } = "";

    /// <summary>Gets when the clearance was approved.</summary>
    public DateTimeOffset ClearedAt { get; private set; }

    /// <summary>Gets when it stops applying, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Gets whether this suppression covers the pair now, given the listed entry's current fingerprint.</summary>
    public bool Covers(string partyKey, string entityId, string currentEntryHash, DateTimeOffset now) =>
        string.Equals(PartyKey, partyKey, StringComparison.Ordinal)
        && string.Equals(EntityId, entityId, StringComparison.Ordinal)
        && string.Equals(EntryHash, currentEntryHash, StringComparison.Ordinal)
        && (ExpiresAt is null || now < ExpiresAt.Value);

    /// <summary>Returns the note shown beside a suppressed match.</summary>
    public string ToNote() => string.Create(
        CultureInfo.InvariantCulture,
        $"previously cleared by {ClearedBy} (approved by {ApprovedBy}) on {ClearedAt:yyyy-MM-dd}");
}
