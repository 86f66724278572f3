using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chokepoint.Server.Hosting;

/// <summary>
/// Sets SQLite's <c>synchronous</c> mode on every connection the service opens (the setting is per connection).
/// </summary>
/// <remarks>
/// The service runs SQLite in write-ahead-log mode. With <c>NORMAL</c> (the default here, and SQLite's advice for WAL)
/// a commit is written to the log before the request is answered but not flushed to the disk each time: the database
/// is never corrupted and survives a killed process with every acknowledged commit, while a power cut or an operating
/// system crash can roll back the last commits. <c>FULL</c> flushes every commit, which costs one disk flush per
/// alert (about 8 ms on the development machine's disk) and caps alerting screenings near a hundred a second.
/// Thread-safe.
/// </remarks>
/// <param name="mode"><c>NORMAL</c> or <c>FULL</c>.</param>
public sealed class SqliteCommitDurability(string mode) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous={mode};";

    /// <summary>Returns whether a setting names a mode this interceptor accepts.</summary>
    public static bool IsValid(string? mode) => mode is "NORMAL" or "FULL";

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = _pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
