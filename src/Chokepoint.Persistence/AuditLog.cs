using Chokepoint.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Persistence;

/// <summary>Appends audit records to the chain in the same transaction as the change they record.</summary>
/// <remarks>
/// Appends are serialised in this process so the chain never forks; a writer in another process (the command line
/// while the server runs) loses the race on the sequence key, and the append is retried on the new tail.
/// Register one instance per process; thread-safe.
/// </remarks>
/// <param name="time">The clock.</param>
public sealed class AuditLog(TimeProvider time) : IDisposable
{
    private const int Attempts = 3;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Saves the context's pending changes together with audit records, in one transaction.</summary>
    /// <param name="db">The context holding the pending changes.</param>
    /// <param name="entries">The audit records to append.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <exception cref="DbUpdateConcurrencyException">Someone else changed a row being saved.</exception>
    public async Task CommitAsync(ChokepointDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var added = await AppendAsync(db, entries, cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && attempt < Attempts && added.Count > 0)
                {
                    foreach (var r in added)
                    {
                        db.Entry(r).State = EntityState.Detached;
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Appends records on their own (sign-ins, configuration changes, screenings).</summary>
    public Task AppendAsync(ChokepointDbContext db, AuditEntry entry, CancellationToken cancellationToken) =>
        CommitAsync(db, [entry], cancellationToken);

    /// <summary>Reads the whole chain in order and verifies it.</summary>
    public static async Task<AuditVerification> VerifyAsync(ChokepointDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = await db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        return AuditChain.Verify(records);
    }

    private async Task<List<AuditRecord>> AppendAsync(ChokepointDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var added = new List<AuditRecord>(entries.Count);
        if (entries.Count == 0)
        {
            return added;
        }

        var last = await db.AuditRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            last = AuditChain.Seal(last, entry, now);
            added.Add(last);
        }

        db.AuditRecords.AddRange(added);
        return added;
    }
}
