using Chokepoint.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Persistence;

/// <summary>Stores batch jobs and their per-query results, so a job resumes after a restart.</summary>
/// <remarks>One instance per unit of work, with its context; not thread-safe.</remarks>
/// <param name="db">The context.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock.</param>
public sealed class BatchStore(ChokepointDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Creates a queued job.</summary>
    public async Task<BatchJob> CreateAsync(string queriesJson, int total, string actor, CancellationToken cancellationToken)
    {
        var job = new BatchJob { Id = Guid.NewGuid(), Status = BatchJobStatus.Queued, Total = total, SubmittedBy = actor, SubmittedAt = time.GetUtcNow(), QueriesJson = queriesJson };
        db.BatchJobs.Add(job);
        await audit.CommitAsync(db, [new AuditEntry(actor, "batch.submit", job.Id.ToString(), CaseJson.Serialize(new { total }))], cancellationToken);
        return job;
    }

    /// <summary>Gets a job (no tracking), or null.</summary>
    public Task<BatchJob?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.BatchJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>Lists the ids of jobs that are queued or were running when the process stopped.</summary>
    public async Task<IReadOnlyList<Guid>> UnfinishedAsync(CancellationToken cancellationToken) =>
        await db.BatchJobs.Where(j => j.Status == BatchJobStatus.Queued || j.Status == BatchJobStatus.Running).OrderBy(j => j.SubmittedAt).Select(j => j.Id).ToListAsync(cancellationToken);

    /// <summary>Stores a chunk of results and the job's progress in one transaction.</summary>
    public async Task SaveProgressAsync(Guid jobId, IReadOnlyList<BatchItem> items, int alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var job = await db.BatchJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        db.BatchItems.AddRange(items);
        job.Done += items.Count;
        job.Alerts += alerts;
        job.Status = BatchJobStatus.Running;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks a job started (or resumed) and returns how many results it already has.</summary>
    public async Task<BatchJob> StartAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.BatchJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        var stored = await db.BatchItems.CountAsync(i => i.JobId == jobId, cancellationToken);
        if (job.Status == BatchJobStatus.Running)
        {
            job.Resumed++;
        }

        // The stored rows are the truth: a kill between two saves cannot leave Done ahead of them.
        job.Done = stored;
        job.Status = BatchJobStatus.Running;
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    /// <summary>Marks a job finished (completed, or failed with an error).</summary>
    public async Task FinishAsync(Guid jobId, string? error, CancellationToken cancellationToken)
    {
        var job = await db.BatchJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        job.Status = error is null ? BatchJobStatus.Completed : BatchJobStatus.Failed;
        job.Error = error;
        job.FinishedAt = time.GetUtcNow();
        await audit.CommitAsync(db, [new AuditEntry(job.SubmittedBy, "batch.finish", jobId.ToString(), CaseJson.Serialize(new { status = job.Status, job.Done, job.Alerts, error }))], cancellationToken);
    }

    /// <summary>Streams a job's results in query order.</summary>
    public IAsyncEnumerable<BatchItem> ResultsAsync(Guid jobId) =>
        db.BatchItems.AsNoTracking().Where(i => i.JobId == jobId).OrderBy(i => i.Index).AsAsyncEnumerable();
}
