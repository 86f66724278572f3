using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Chokepoint.Cases;
using Chokepoint.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chokepoint.Persistence;

/// <summary>Stores the monitoring register.</summary>
/// <remarks>One instance per unit of work, with its context; not thread-safe.</remarks>
/// <param name="db">The context.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock.</param>
public sealed class RegisterStore(ChokepointDbContext db, AuditLog audit, TimeProvider time)
{
    // Ids per replace query: the list travels as one array (PostgreSQL) or JSON (SQLite) parameter, not one per id.
    private const int ReplaceChunk = 5000;

    // Rows per INSERT statement: enough to amortise a statement, few enough that binding parameters by name (a linear
    // search per parameter in SQLite) stays cheap.
    private const int RowsPerInsert = 16;

    /// <summary>Adds rows, replacing parties whose external id is already registered.</summary>
    /// <remarks>
    /// The whole import is one transaction with its audit record, so it lands completely or not at all; rows are
    /// written with multi-row INSERT statements that bypass the change tracker, so a register of a million parties imports
    /// in one call.
    /// </remarks>
    /// <returns>How many were added and how many replaced.</returns>
    public async Task<(int Added, int Replaced)> UpsertAsync(IReadOnlyList<RegisterRow> rows, string actor, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var now = time.GetUtcNow();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var replaced = 0;
        if (await db.MonitoredParties.AnyAsync(cancellationToken))
        {
            // Deleted before the inserts: the external id is unique.
            for (var start = 0; start < rows.Count; start += ReplaceChunk)
            {
                var ids = new string[Math.Min(ReplaceChunk, rows.Count - start)];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = rows[start + i].ExternalId;
                }

                replaced += await db.MonitoredParties.Where(p => ids.Contains(p.ExternalId)).ExecuteDeleteAsync(cancellationToken);
            }
        }

        await InsertAsync(rows, actor, now, cancellationToken);
        await audit.CommitAsync(db, [new AuditEntry(actor, "register.import", origin, CaseJson.Serialize(new { added = rows.Count - replaced, replaced }))], cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return (rows.Count - replaced, replaced);
    }

    // Parameters are made by the model's own type mappings, so each value is stored exactly as EF would store it
    // (Guid text on SQLite, the schema enum as text, the clock as the provider's DateTimeOffset column).
    private async Task InsertAsync(IReadOnlyList<RegisterRow> rows, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(MonitoredParty))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += RowsPerInsert)
        {
            var count = Math.Min(RowsPerInsert, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (");
            for (var c = 0; c < columns.Length; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(sql.DelimitIdentifier(columns[c].GetColumnName(table)!));
            }

            text.Append(") VALUES ");
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                var id = Guid.NewGuid();
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = "p" + (r * columns.Length + c).ToString(CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    var mapping = (RelationalTypeMapping)columns[c].GetTypeMapping();
                    command.Parameters.Add(mapping.CreateParameter(command, name, ColumnValue(columns[c].Name, id, row, actor, now), columns[c].IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object? ColumnValue(string property, Guid id, RegisterRow row, string actor, DateTimeOffset now) => property switch
    {
        nameof(MonitoredParty.Id) => id,
        nameof(MonitoredParty.ExternalId) => row.ExternalId,
        nameof(MonitoredParty.Name) => row.Name,
        nameof(MonitoredParty.Schema) => row.Schema,
        nameof(MonitoredParty.Country) => row.Country,
        nameof(MonitoredParty.BirthDate) => row.BirthDate,
        nameof(MonitoredParty.AddedBy) => actor,
        nameof(MonitoredParty.AddedAt) => now,
        nameof(MonitoredParty.LastScreenedAt) => null,
        _ => throw new InvalidOperationException($"The register import does not know the column of {property}; add it here."),
    };

    /// <summary>Lists parties by external id.</summary>
    public async Task<IReadOnlyList<MonitoredParty>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        await db.MonitoredParties.AsNoTracking().OrderBy(p => p.ExternalId).Skip(skip).Take(take).ToListAsync(cancellationToken);

    /// <summary>Gets how many parties are registered.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.MonitoredParties.CountAsync(cancellationToken);

    /// <summary>Streams every party (no tracking), in external id order.</summary>
    public IAsyncEnumerable<MonitoredParty> StreamAsync() => db.MonitoredParties.AsNoTracking().OrderBy(p => p.ExternalId).AsAsyncEnumerable();

    /// <summary>Streams the screening query of every party, in no particular order.</summary>
    /// <remarks>
    /// One pass over the table reading only the screened columns, with no sort and no tracking: the read a re-screen
    /// of the whole register needs.
    /// </remarks>
    public async IAsyncEnumerable<PartyQuery> StreamQueriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.MonitoredParties.AsNoTracking().Select(p => new { p.ExternalId, p.Name, p.Schema, p.Country, p.BirthDate }).AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(cancellationToken))
        {
            yield return MonitoredParty.QueryFor(p.ExternalId, p.Name, p.Schema, p.Country, p.BirthDate);
        }
    }
}
