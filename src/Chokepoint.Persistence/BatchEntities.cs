namespace Chokepoint.Persistence;

/// <summary>Where a batch screening job stands.</summary>
public enum BatchJobStatus
{
    /// <summary>Accepted, not started.</summary>
    Queued = 0,

    /// <summary>Being screened; <see cref="BatchJob.Done"/> says how far.</summary>
    Running,

    /// <summary>Every query was screened.</summary>
    Completed,

    /// <summary>Stopped with an error.</summary>
    Failed,
}

/// <summary>An asynchronous batch screening job; results are stored per query so a restart resumes where it stopped.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class BatchJob
{
    /// <summary>Gets or sets the id.</summary>
    public Guid Id { get; set; }

    /// <summary>Gets or sets the status.</summary>
    public BatchJobStatus Status { get; set; }

    /// <summary>Gets or sets the number of queries.</summary>
    public int Total { get; set; }

    /// <summary>Gets or sets the number of queries screened and stored.</summary>
    public int Done { get; set; }

    /// <summary>Gets or sets the number of queries that alerted.</summary>
    public int Alerts { get; set; }

    /// <summary>Gets or sets who submitted the job.</summary>
    public string SubmittedBy { get; set; } = "";

    /// <summary>Gets or sets when.</summary>
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>Gets or sets when the job finished, or null.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Gets or sets how often the job was resumed after a restart.</summary>
    public int Resumed { get; set; }

    /// <summary>Gets or sets the queries as a JSON array.</summary>
    public string QueriesJson { get; set; } = "[]";

    /// <summary>Gets or sets the error that stopped the job, or null.</summary>
    public string? Error { get; set; }
}

/// <summary>The stored result of one query of a batch job.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class BatchItem
{
    /// <summary>Gets or sets the job.</summary>
    public Guid JobId { get; set; }

    /// <summary>Gets or sets the 0-based position of the query in the job.</summary>
    public int Index { get; set; }

    /// <summary>Gets or sets the result line as JSON.</summary>
    public string ResultJson { get; set; } = "";
}
