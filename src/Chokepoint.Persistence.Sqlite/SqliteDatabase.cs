using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chokepoint.Persistence.Sqlite;

/// <summary>Configures the context for an embedded SQLite file, with this assembly's migrations.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SqliteDatabase
{
    /// <summary>The file name of the default database in the data directory.</summary>
    public const string DefaultFileName = "chokepoint.db";

    /// <summary>Uses SQLite with the given connection string (<c>Data Source=FILE</c>).</summary>
    public static DbContextOptionsBuilder UseChokepointSqlite(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
    }

    /// <summary>Returns a connection string for a database file, waiting up to 30 s on a lock held by another writer.</summary>
    public static string ConnectionStringFor(string path) => $"Data Source={path};Default Timeout=30;Pooling=True";
}

/// <summary>Lets <c>dotnet ef</c> build the context when generating SQLite migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ChokepointDbContext>
{
    public ChokepointDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ChokepointDbContext>();
        builder.UseChokepointSqlite("Data Source=design.db");
        return new ChokepointDbContext(builder.Options);
    }
}
