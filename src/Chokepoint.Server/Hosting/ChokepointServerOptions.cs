namespace Chokepoint.Server.Hosting;

/// <summary>Settings of the screening service, bound from the <c>Chokepoint</c> configuration section.</summary>
public sealed class ChokepointServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Chokepoint";

    /// <summary>Gets or sets the lists directory (<c>&lt;source&gt;/&lt;YYYY-MM-DD&gt;/files</c>); null uses the imported snapshots.</summary>
    public string? ListsDirectory { get; set; }

    /// <summary>Gets or sets the trade reference tables directory; null looks for <c>reference</c> beside the lists directory.</summary>
    public string? ReferenceDirectory { get; set; }

    /// <summary>Gets or sets the database: a PostgreSQL connection string, a SQLite connection string or file; null uses <c>chokepoint.db</c> in the data directory.</summary>
    public string? Database { get; set; }

    /// <summary>Gets or sets how many requests one key or user may make per window. Default 600000 (10,000/s over 60 s).</summary>
    public int RateLimitPermits { get; set; } = 600_000;

    /// <summary>Gets or sets the rate-limit window in seconds. Default 60.</summary>
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Gets or sets the largest request body in bytes. Default 10 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Gets or sets the most queries one batch may hold. Default 100,000.</summary>
    public int MaxBatchSize { get; set; } = 100_000;

    /// <summary>Gets or sets how often lists are reloaded, in minutes; 0 turns the refresh off. Default 60.</summary>
    public int RefreshMinutes { get; set; } = 60;

    /// <summary>Gets or sets how long an approved false positive suppresses alerts when the analyst gives no validity, in days. Default 365.</summary>
    public int DefaultClearanceDays { get; set; } = 365;

    /// <summary>Gets or sets how SQLite flushes commits: <c>NORMAL</c> (a killed process loses nothing acknowledged; a power cut can lose the last commits) or <c>FULL</c> (every commit flushed). Default NORMAL.</summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";

    /// <summary>Gets or sets whether a first start creates an admin account and prints its password. Default true.</summary>
    public bool CreateAdminOnFirstStart { get; set; } = true;
}
