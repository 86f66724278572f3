using Chokepoint.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Persistence;

/// <summary>Stores the monitoring register.</summary>
/// <remarks>One instance per unit of work, with its context; not thread-safe.</remarks>
/// <param name="db">The context.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock.</param>
public sealed class RegisterStore(ChokepointDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Adds rows, replacing parties whose external id is already registered.</summary>
    /// <returns>How many were added and how many replaced.</returns>
    public async Task<(int Added, int Replaced)> UpsertAsync(IReadOnlyList<RegisterRow> rows, string actor, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ids = rows.Select(r => r.ExternalId).ToList();
        var existing = new Dictionary<string, MonitoredParty>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.MonitoredParties.Where(p => chunk.Contains(p.ExternalId)).ToListAsync(cancellationToken))
            {
                existing[p.ExternalId] = p;
            }
        }

        var now = time.GetUtcNow();
        var replaced = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.ExternalId, out var old))
            {
                db.MonitoredParties.Remove(old);
                replaced++;
            }
        }

        // Removals first: the external id is unique, and a provider may apply inserts before deletes in one save.
        if (replaced > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var row in rows)
        {
            db.MonitoredParties.Add(new MonitoredParty(Guid.NewGuid(), row.ExternalId, row.Name, row.Schema, row.Country, row.BirthDate, actor, now));
        }

        await audit.CommitAsync(db, [new AuditEntry(actor, "register.import", origin, CaseJson.Serialize(new { added = rows.Count - replaced, replaced }))], cancellationToken);
        return (rows.Count - replaced, replaced);
    }

    /// <summary>Lists parties by external id.</summary>
    public async Task<IReadOnlyList<MonitoredParty>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        await db.MonitoredParties.AsNoTracking().OrderBy(p => p.ExternalId).Skip(skip).Take(take).ToListAsync(cancellationToken);

    /// <summary>Gets how many parties are registered.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.MonitoredParties.CountAsync(cancellationToken);

    /// <summary>Streams every party (no tracking), in external id order.</summary>
    public IAsyncEnumerable<MonitoredParty> StreamAsync() => db.MonitoredParties.AsNoTracking().OrderBy(p => p.ExternalId).AsAsyncEnumerable();
}
