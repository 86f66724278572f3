using System.Data.Common;
using Chokepoint.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

    // Quoted names and @ parameters read the same on SQLite and PostgreSQL.
    private const string InsertSql = """
        INSERT INTO "audit_records" ("Sequence", "At", "Actor", "Action", "Subject", "Details", "PreviousHash", "Hash")
        VALUES (@sequence, @at, @actor, @action, @subject, @details, @previousHash, @hash)
        """;

    private static readonly string[] InsertParameters = ["sequence", "at", "actor", "action", "subject", "details", "previousHash", "hash"];

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

    /// <summary>Appends records that go with no other change (screenings), many at a time, in one transaction.</summary>
    /// <remarks>
    /// Writes through one prepared INSERT instead of the change tracker: the statement is parsed once and no entity is
    /// tracked, which matters at thousands of screenings a second. The chain is the same as <see cref="CommitAsync"/>
    /// makes.
    /// </remarks>
    /// <param name="db">A context with no pending changes.</param>
    /// <param name="entries">The records to append, in order.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is stored then.</param>
    public async Task AppendManyAsync(ChokepointDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var last = await db.AuditRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
                var now = time.GetUtcNow();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                try
                {
                    await InsertAsync(db, transaction, last, entries, now, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return;
                }
                catch (DbException) when (attempt < Attempts)
                {
                    // Another process appended meanwhile (the sequence is taken): start again on the new tail.
                    await transaction.RollbackAsync(cancellationToken);
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

    private static async Task InsertAsync(ChokepointDbContext db, IDbContextTransaction transaction, AuditRecord? last, IReadOnlyList<AuditEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var records = new AuditRecord[entries.Count];
        for (var i = 0; i < records.Length; i++)
        {
            last = records[i] = AuditChain.Seal(last, entries[i], now);
        }

        if (connection.CanCreateBatch)
        {
            // PostgreSQL: every insert in one round trip.
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction.GetDbTransaction();
            foreach (var r in records)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = InsertSql;
                for (var p = 0; p < InsertParameters.Length; p++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = InsertParameters[p];
                    parameter.Value = Value(r, p);
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        // SQLite: one statement, prepared once and bound again for each record.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction.GetDbTransaction();
        insert.CommandText = InsertSql;
        var parameters = new DbParameter[InsertParameters.Length];
        for (var p = 0; p < parameters.Length; p++)
        {
            parameters[p] = insert.CreateParameter();
            parameters[p].ParameterName = InsertParameters[p];
            insert.Parameters.Add(parameters[p]);
        }

        foreach (var r in records)
        {
            for (var p = 0; p < parameters.Length; p++)
            {
                parameters[p].Value = Value(r, p);
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object Value(AuditRecord r, int column) => column switch
    {
        0 => r.Sequence,
        1 => r.At.ToUnixTimeMilliseconds(),
        2 => r.Actor,
        3 => r.Action,
        4 => r.Subject,
        5 => r.Details,
        6 => r.PreviousHash,
        _ => r.Hash,
    };

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
