using System.Text;
using System.Text.Json;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages.Batch;

/// <summary>One batch job: progress (polled by the page's script), the alerting parties, and the downloads.</summary>
[Authorize(Policy = Policies.Screen)]
public sealed class JobModel(BatchStore store) : PageModel
{
    /// <summary>The columns of a results download.</summary>
    public static readonly string[] Columns = ["id", "name", "alert", "case_id", "suppressed", "top_entity_id", "top_name", "top_score", "top_note", "error"];

    /// <summary>How many alerting parties the page lists.</summary>
    public const int ShownAlerts = 100;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public BatchJob? Job { get; private set; }

    public IReadOnlyList<ScreenLine> Alerts { get; private set; } = [];

    public bool IsRunning => Job is { Status: BatchJobStatus.Queued or BatchJobStatus.Running };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is null)
        {
            return NotFound();
        }

        if (!IsRunning)
        {
            var alerts = new List<ScreenLine>();
            await foreach (var line in LinesAsync(cancellationToken))
            {
                if ((line.Alert || line.Error is not null) && alerts.Count < ShownAlerts)
                {
                    alerts.Add(line);
                }
            }

            Alerts = alerts;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await TableAsync(cancellationToken) is not { } table)
        {
            return NotFound();
        }

        var writer = new StringWriter();
        SpreadsheetExport.WriteCsv(table, writer);
        return File(new UTF8Encoding(false).GetBytes(writer.ToString()), SpreadsheetExport.CsvContentType, $"batch-{Id}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await TableAsync(cancellationToken) is not { } table)
        {
            return NotFound();
        }

        var stream = new MemoryStream();
        SpreadsheetExport.WriteXlsx(table, stream);
        stream.Position = 0;
        return File(stream, SpreadsheetExport.XlsxContentType, $"batch-{Id}.xlsx");
    }

    private async Task<BatchJob?> FindAsync(CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(Id, cancellationToken);

        // A person sees only their own batches, as the API does.
        Job = job is not null && string.Equals(job.SubmittedBy, User.Identity?.Name, StringComparison.Ordinal) ? job : null;
        return Job;
    }

    private async Task<ExportTable?> TableAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is null)
        {
            return null;
        }

        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var line in LinesAsync(cancellationToken))
        {
            var top = line.Matches.Count > 0 ? line.Matches[0] : null;
            rows.Add([line.Id, line.Name, line.Alert ? "true" : "false", line.CaseId?.ToString(), line.Suppressed, top?.EntityId, top?.Name, top?.Score, top?.Note, line.Error]);
        }

        return new ExportTable("Results", Columns, rows);
    }

    private async IAsyncEnumerable<ScreenLine> LinesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in store.ResultsAsync(Id).WithCancellation(cancellationToken))
        {
            if (JsonSerializer.Deserialize<ScreenLine>(item.ResultJson, CaseJson.Options) is { } line)
            {
                yield return line;
            }
        }
    }
}
