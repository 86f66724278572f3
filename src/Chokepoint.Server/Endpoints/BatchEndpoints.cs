using System.Security.Claims;
using System.Text;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Batch;
using Chokepoint.Server.Hosting;
using Chokepoint.Server.Screening;
using Microsoft.Extensions.Options;

namespace Chokepoint.Server.Endpoints;

/// <summary>A batch screening request.</summary>
/// <param name="Queries">The parties to screen.</param>
public sealed record BatchRequest(IReadOnlyList<PartyInput>? Queries);

/// <summary>Asynchronous batch screening with progress, results as JSON Lines or CSV.</summary>
public static class BatchEndpoints
{
    /// <summary>Maps the batch endpoints.</summary>
    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/screen/batch").WithTags("Screening").RequireAuthorization(Policies.Screen);
        group.MapPost("", SubmitAsync).WithName("SubmitBatch").WithSummary("Queues a batch; answers 202 with the job's location.");
        group.MapGet("/{id:guid}", GetStatusAsync).WithName("GetBatch").WithSummary("Progress of a batch job.");
        group.MapGet("/{id:guid}/results", GetResultsAsync).WithName("GetBatchResults").WithSummary("Results as JSON Lines (format=jsonl) or CSV (format=csv).");
        return app;
    }

    /// <summary>Validates and stores a batch, then queues it.</summary>
    public static async Task<IResult> SubmitAsync(BatchRequest request, ClaimsPrincipal user, BatchStore store, BatchWorker worker, ScreeningState state, IOptions<ChokepointServerOptions> options, CancellationToken cancellationToken)
    {
        if (request.Queries is not { Count: > 0 } queries)
        {
            return Api.Field("queries", "At least one query is required.");
        }

        if (queries.Count > options.Value.MaxBatchSize)
        {
            return Api.Problem(StatusCodes.Status413PayloadTooLarge, "The batch is too large.", $"The batch has {queries.Count} queries; at most {options.Value.MaxBatchSize} are accepted. Split it.", "queries");
        }

        for (var i = 0; i < queries.Count; i++)
        {
            var (query, _, field, error) = queries[i].ToQuery($"queries[{i}].");
            if (query is null)
            {
                return Api.Field(field!, error!);
            }
        }

        if (state.Current is null)
        {
            return Api.NoLists(state);
        }

        var job = await store.CreateAsync(CaseJson.Serialize(queries), queries.Count, Api.Actor(user), cancellationToken);
        worker.Enqueue(job.Id);
        return TypedResults.Accepted($"/v1/screen/batch/{job.Id}", View(job));
    }

    /// <summary>Answers a job's progress.</summary>
    public static async Task<IResult> GetStatusAsync(Guid id, ClaimsPrincipal user, BatchStore store, CancellationToken cancellationToken) =>
        await FindAsync(id, user, store, cancellationToken) is { } job ? TypedResults.Ok(View(job)) : NotFound(id);

    /// <summary>Streams a job's results in query order.</summary>
    public static async Task<IResult> GetResultsAsync(Guid id, ClaimsPrincipal user, BatchStore store, HttpResponse response, string? format, CancellationToken cancellationToken)
    {
        format ??= "jsonl";
        if (format is not ("jsonl" or "csv"))
        {
            return Api.Field("format", "The format must be jsonl or csv.");
        }

        if (await FindAsync(id, user, store, cancellationToken) is null)
        {
            return NotFound(id);
        }

        response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        var writer = new StreamWriter(response.Body, new UTF8Encoding(false));
        await using (writer.ConfigureAwait(false))
        {
            if (format == "csv")
            {
                await writer.WriteLineAsync(ScreenLine.CsvHeader);
            }

            await foreach (var item in store.ResultsAsync(id).WithCancellation(cancellationToken))
            {
                await writer.WriteLineAsync(format == "csv" ? System.Text.Json.JsonSerializer.Deserialize<ScreenLine>(item.ResultJson, CaseJson.Options)!.ToCsv() : item.ResultJson);
            }
        }

        return TypedResults.Empty;
    }

    private static async Task<BatchJob?> FindAsync(Guid id, ClaimsPrincipal user, BatchStore store, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(id, cancellationToken);

        // A client sees only its own jobs; another key's job is as good as absent.
        return job is not null && string.Equals(job.SubmittedBy, Api.Actor(user), StringComparison.Ordinal) ? job : null;
    }

    private static IResult NotFound(Guid id) => Api.Problem(StatusCodes.Status404NotFound, "Not found.", $"There is no batch job {id} of yours.", "id");

    private static object View(BatchJob job) => new
    {
        id = job.Id,
        status = job.Status.ToString().ToLowerInvariant(),
        total = job.Total,
        done = job.Done,
        alerts = job.Alerts,
        resumed = job.Resumed,
        submittedAt = job.SubmittedAt,
        finishedAt = job.FinishedAt,
        error = job.Error,
        results = $"/v1/screen/batch/{job.Id}/results",
    };
}
