namespace Chokepoint.Cases;

/// <summary>An analyst's conclusion about a case, with the reason, and the supervisor's review of it.</summary>
/// <remarks>Changes only through <see cref="Case"/>. Not thread-safe.</remarks>
public sealed class Decision
{
    private Decision()
    {
    }

    /// <summary>Gets the decision id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Gets the case decided.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Gets the conclusion.</summary>
    public DecisionOutcome Outcome { get; private set; }

    /// <summary>Gets the analyst's reason (never empty).</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Gets who decided.</summary>
    public string DecidedBy { get; private set; } = "";

    /// <summary>Gets when.</summary>
    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>Gets when an approved false positive stops suppressing alerts, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Gets the review status.</summary>
    public DecisionStatus Status { get; private set; }

    /// <summary>Gets the supervisor who approved or sent it back, or null while pending.</summary>
    public string? ReviewedBy { get; private set; }

    /// <summary>Gets when it was reviewed, or null while pending.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>Gets the supervisor's note, if any.</summary>
    public string? ReviewNote { get; private set; }

    internal static Decision Create(Guid id, Guid caseId, DecisionOutcome outcome, string reason, string decidedBy, DateTimeOffset decidedAt, DateTimeOffset? expiresAt) =>
        new()
        {
            Id = id,
            CaseId = caseId,
            Outcome = outcome,
            Reason = reason,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
            ExpiresAt = expiresAt,
            Status = DecisionStatus.Pending,
        };

    internal void Review(DecisionStatus status, string supervisor, string? note, DateTimeOffset at)
    {
        Status = status;
        ReviewedBy = supervisor;
        ReviewNote = note;
        ReviewedAt = at;
    }
}
