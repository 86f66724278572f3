using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Persistence.Postgres;
using Chokepoint.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Server.Hosting;

/// <summary>Chooses the database provider from a setting: PostgreSQL for a connection string with a host, SQLite otherwise.</summary>
public static class ServerDatabase
{
    /// <summary>Returns the connection string and whether it is PostgreSQL; null uses <c>chokepoint.db</c> in the data directory.</summary>
    public static (string ConnectionString, bool IsPostgres) Resolve(string? setting)
    {
        if (PostgresDatabase.IsPostgresConnectionString(setting))
        {
            return (setting!, true);
        }

        if (!string.IsNullOrWhiteSpace(setting) && setting.Contains("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            return (setting, false);
        }

        var path = string.IsNullOrWhiteSpace(setting) ? Path.Combine(DataDirectory.Resolve(), SqliteDatabase.DefaultFileName) : Path.GetFullPath(setting);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return (SqliteDatabase.ConnectionStringFor(path), false);
    }

    /// <summary>Configures the context for the resolved database.</summary>
    /// <param name="builder">The options to configure.</param>
    /// <param name="database">The resolved database.</param>
    /// <param name="sqliteSynchronous">SQLite's commit flushing, <c>NORMAL</c> or <c>FULL</c> (see <see cref="SqliteCommitDurability"/>).</param>
    public static void Configure(DbContextOptionsBuilder builder, (string ConnectionString, bool IsPostgres) database, string sqliteSynchronous = "NORMAL")
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (database.IsPostgres)
        {
            builder.UseChokepointPostgres(database.ConnectionString);
        }
        else
        {
            builder.UseChokepointSqlite(database.ConnectionString).AddInterceptors(new SqliteCommitDurability(sqliteSynchronous));
        }
    }

    /// <summary>Creates a context outside the host (command-line tools) and applies pending migrations.</summary>
    public static async Task<ChokepointDbContext> OpenAsync(string? setting, CancellationToken cancellationToken)
    {
        var builder = new DbContextOptionsBuilder<ChokepointDbContext>();
        var database = Resolve(setting);
        Configure(builder, database);
        var db = new ChokepointDbContext(builder.Options);
        await MigrateAsync(db, database.IsPostgres, cancellationToken);
        return db;
    }

    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging so readers never wait for writers.</summary>
    public static async Task MigrateAsync(ChokepointDbContext db, bool isPostgres, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
        if (!isPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
