using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chokepoint.Persistence.Postgres;

/// <summary>Configures the context for PostgreSQL, with this assembly's migrations.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class PostgresDatabase
{
    /// <summary>Uses PostgreSQL with the given connection string (<c>Host=...;Database=...</c>), retrying transient failures.</summary>
    public static DbContextOptionsBuilder UseChokepointPostgres(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));
    }

    /// <summary>Gets whether a connection string is for PostgreSQL rather than a SQLite file.</summary>
    public static bool IsPostgresConnectionString(string? connectionString) =>
        connectionString is not null
        && (connectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || connectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Lets <c>dotnet ef</c> build the context when generating PostgreSQL migrations.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<ChokepointDbContext>
{
    public ChokepointDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ChokepointDbContext>();
        builder.UseChokepointPostgres("Host=localhost;Database=chokepoint");
        return new ChokepointDbContext(builder.Options);
    }
}
