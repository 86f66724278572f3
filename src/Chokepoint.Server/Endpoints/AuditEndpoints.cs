using System.Text;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Server.Endpoints;

/// <summary>Audit export and verification.</summary>
public static class AuditEndpoints
{
    /// <summary>Maps the audit endpoints.</summary>
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Audit);
        group.MapGet("/export", ExportAsync).WithName("ExportAudit").WithSummary("The audit log as CSV (format=csv) or JSON Lines (format=jsonl).");
        group.MapGet("/verify", VerifyAsync).WithName("VerifyAudit").WithSummary("Verifies the hash chain and names the first bad record.");
        return app;
    }

    /// <summary>Streams the audit log.</summary>
    public static async Task<IResult> ExportAsync(ChokepointDbContext db, HttpResponse response, CancellationToken cancellationToken, string format = "jsonl")
    {
        if (format is not ("jsonl" or "csv"))
        {
            return Api.Field("format", "The format must be csv or jsonl.");
        }

        response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=audit.{format}";
        var writer = new StreamWriter(response.Body, new UTF8Encoding(false));
        await using (writer.ConfigureAwait(false))
        {
            await WriteAsync(db, writer, format, cancellationToken);
        }

        return TypedResults.Empty;
    }

    /// <summary>Writes the whole audit log in order (shared with <c>chokepoint audit export</c>).</summary>
    public static async Task WriteAsync(ChokepointDbContext db, TextWriter writer, string format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writer);
        if (format == "csv")
        {
            await writer.WriteLineAsync(AuditExport.CsvHeader);
        }

        await foreach (var r in db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(format == "csv" ? AuditExport.ToCsvLine(r) : AuditExport.ToJsonLine(r));
        }
    }

    /// <summary>Verifies the chain.</summary>
    public static async Task<IResult> VerifyAsync(ChokepointDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditLog.VerifyAsync(db, cancellationToken));
}
