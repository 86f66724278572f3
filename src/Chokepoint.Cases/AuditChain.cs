using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chokepoint.Cases;

/// <summary>The outcome of verifying an audit chain.</summary>
/// <param name="IsIntact">True when no record was edited, removed or reordered.</param>
/// <param name="Checked">How many records were read.</param>
/// <param name="FirstBadSequence">The sequence number of the first bad record, or null.</param>
/// <param name="Message">What was found, in plain words.</param>
public sealed record AuditVerification(bool IsIntact, long Checked, long? FirstBadSequence, string Message);

/// <summary>Seals audit records into a hash chain and verifies it.</summary>
/// <remarks>
/// The hash is the SHA-256 of a canonical serialisation: every field length-prefixed, in a fixed order, timestamps as
/// UTC milliseconds, so no two different records serialise alike and storage round-trips do not change the text.
/// Stateless and thread-safe.
/// </remarks>
public static class AuditChain
{
    /// <summary>The previous hash of the first record.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Creates the next record after <paramref name="previous"/> (null for the first).</summary>
    public static AuditRecord Seal(AuditRecord? previous, AuditEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? GenesisHash;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var hash = ComputeHash(sequence, at, entry.Actor, entry.Action, entry.Subject, entry.Details, previousHash);
        return new AuditRecord(sequence, at, entry.Actor, entry.Action, entry.Subject, entry.Details, previousHash, hash);
    }

    /// <summary>Recomputes a record's hash from its content.</summary>
    public static string ComputeHash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ComputeHash(record.Sequence, record.At, record.Actor, record.Action, record.Subject, record.Details, record.PreviousHash);
    }

    /// <summary>Verifies records in storage order and names the first one edited, removed or reordered.</summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        long count = 0;
        long expected = 1;
        var previousHash = GenesisHash;
        foreach (var r in records)
        {
            count++;
            if (!string.Equals(ComputeHash(r), r.Hash, StringComparison.Ordinal))
            {
                return Bad(count, r.Sequence, $"Record {r.Sequence} was edited: its content does not match its hash.");
            }

            if (r.Sequence > expected)
            {
                var gone = r.Sequence - 1 == expected ? $"Record {expected} was" : $"Records {expected} to {r.Sequence - 1} were";
                return Bad(count, expected, $"{gone} removed: record {r.Sequence} follows record {expected - 1}.");
            }

            if (r.Sequence < expected)
            {
                return Bad(count, r.Sequence, $"Record {r.Sequence} is out of order: it comes after record {expected - 1}.");
            }

            if (!string.Equals(r.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Bad(count, r.Sequence, $"Record {r.Sequence} does not follow record {expected - 1}: the chain was reordered or a record replaced.");
            }

            previousHash = r.Hash;
            expected++;
        }

        return new AuditVerification(true, count, null, count == 0 ? "The audit log is empty." : $"All {count} records verify; the last is {expected - 1}.");
    }

    private static AuditVerification Bad(long count, long sequence, string message) => new(false, count, sequence, message);

    private static string ComputeHash(long sequence, DateTimeOffset at, string actor, string action, string subject, string details, string previousHash)
    {
        var sb = new StringBuilder(128 + details.Length);
        Field(sb, sequence.ToString(CultureInfo.InvariantCulture));
        Field(sb, at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Field(sb, actor);
        Field(sb, action);
        Field(sb, subject);
        Field(sb, details);
        Field(sb, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static void Field(StringBuilder sb, string value) =>
        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
}
