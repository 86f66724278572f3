namespace Chokepoint.Cases;

/// <summary>One append-only audit record; <see cref="Hash"/> covers its content and the previous record's hash.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AuditRecord
{
    private AuditRecord()
    {
    }

    /// <summary>Creates a record (see <see cref="AuditChain.Seal"/> for the usual way).</summary>
    /// <param name="sequence">The 1-based position in the chain.</param>
    /// <param name="at">When (UTC, whole milliseconds).</param>
    /// <param name="actor">Who (user or key name, or <c>system</c>).</param>
    /// <param name="action">What, e.g. <c>case.decide</c>.</param>
    /// <param name="subject">What it was done to, e.g. a case id.</param>
    /// <param name="details">Details as JSON.</param>
    /// <param name="previousHash">The previous record's hash (64 zeros for the first).</param>
    /// <param name="hash">This record's hash.</param>
    public AuditRecord(long sequence, DateTimeOffset at, string actor, string action, string subject, string details, string previousHash, string hash)
    {
        Sequence = sequence;
        At = at;
        Actor = actor;
        Action = action;
        Subject = subject;
        Details = details;
        PreviousHash = previousHash;
        Hash = hash;
    }

    /// <summary>Gets the 1-based position in the chain.</summary>
    public long Sequence { get; private set; }

    /// <summary>Gets when (UTC, whole milliseconds).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Gets who.</summary>
    public string Actor { get; private set; } = "";

    /// <summary>Gets what was done.</summary>
    public string Action { get; private set; } = "";

    /// <summary>Gets what it was done to.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>Gets the details as JSON.</summary>
    public string Details { get; private set; } = "";

    /// <summary>Gets the previous record's hash.</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>Gets this record's SHA-256 (lower-case hex).</summary>
    public string Hash { get; private set; } = "";
}

/// <summary>An audit record waiting to be appended.</summary>
/// <param name="Actor">Who.</param>
/// <param name="Action">What, e.g. <c>case.decide</c>.</param>
/// <param name="Subject">What it was done to.</param>
/// <param name="Details">Details as JSON (<c>{}</c> when none).</param>
public sealed record AuditEntry(string Actor, string Action, string Subject, string Details = "{}");
