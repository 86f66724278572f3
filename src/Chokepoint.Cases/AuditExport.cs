using System.Globalization;
using System.Text.Json;

namespace Chokepoint.Cases;

/// <summary>Writes the audit log as CSV or JSON Lines for a regulator or an auditor.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class AuditExport
{
    /// <summary>The CSV header line.</summary>
    public const string CsvHeader = "sequence,at,actor,action,subject,details,previous_hash,hash";

    /// <summary>Returns one CSV line (no line break) with formula-like cells neutralised.</summary>
    public static string ToCsvLine(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CsvText.Line(
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            record.Actor,
            record.Action,
            record.Subject,
            record.Details,
            record.PreviousHash,
            record.Hash);
    }

    /// <summary>Returns one JSON Lines line (no line break).</summary>
    public static string ToJsonLine(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(
            new
            {
                sequence = record.Sequence,
                at = record.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                actor = record.Actor,
                action = record.Action,
                subject = record.Subject,
                details = record.Details,
                previousHash = record.PreviousHash,
                hash = record.Hash,
            });
    }
}
