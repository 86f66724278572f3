using Chokepoint.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chokepoint.Persistence;

/// <summary>The service's database: cases, alerts, decisions, suppressions, the register, the audit log, accounts and batch jobs.</summary>
/// <remarks>
/// Provider-neutral; the SQLite and PostgreSQL migrations live in Chokepoint.Persistence.Sqlite and
/// Chokepoint.Persistence.Postgres. To add a migration, change the model, then run in each of those folders
/// <c>dotnet ef migrations add NAME</c>. One instance per unit of work; not thread-safe.
/// </remarks>
/// <param name="options">The provider options.</param>
public sealed class ChokepointDbContext(DbContextOptions<ChokepointDbContext> options) : DbContext(options)
{
    /// <summary>Gets the cases.</summary>
    public DbSet<Case> Cases => Set<Case>();

    /// <summary>Gets the alerts.</summary>
    public DbSet<Alert> Alerts => Set<Alert>();

    /// <summary>Gets the decisions.</summary>
    public DbSet<Decision> Decisions => Set<Decision>();

    /// <summary>Gets the suppressions.</summary>
    public DbSet<Suppression> Suppressions => Set<Suppression>();

    /// <summary>Gets the monitoring register.</summary>
    public DbSet<MonitoredParty> MonitoredParties => Set<MonitoredParty>();

    /// <summary>Gets the audit log.</summary>
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    /// <summary>Gets the people who sign in.</summary>
    public DbSet<UserAccount> Users => Set<UserAccount>();

    /// <summary>Gets the API keys.</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>Gets the batch jobs.</summary>
    public DbSet<BatchJob> BatchJobs => Set<BatchJob>();

    /// <summary>Gets the batch results.</summary>
    public DbSet<BatchItem> BatchItems => Set<BatchItem>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset text; UTC milliseconds sort on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChokepointDbContext).Assembly);
    }
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC milliseconds since 1970.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DateTimeOffsetToUnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
