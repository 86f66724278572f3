using Chokepoint.Cases;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Batch;
using Chokepoint.Server.Hosting;
using Chokepoint.Server.Screening;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chokepoint.Server.Pages.Batch;

/// <summary>Uploads a CSV of parties as a batch screening job and lists the person's recent jobs.</summary>
[Authorize(Policy = Policies.Screen)]
public sealed class IndexModel(BatchStore store, BatchWorker worker, ScreeningState state, ChokepointDbContext db, IOptions<ChokepointServerOptions> options) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<BatchJob> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadJobsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is not { Length: > 0 } file)
        {
            return await FailAsync(["Choose a CSV file with the header id,name,schema,country,birth_date."], cancellationToken);
        }

        if (state.Current is null)
        {
            return await FailAsync([state.Status], cancellationToken);
        }

        using var reader = new StreamReader(file.OpenReadStream());
        var parsed = MonitoringRegisterCsv.Parse(reader, Path.GetFileName(file.FileName));
        if (parsed.Diagnostics.Count > 0)
        {
            return await FailAsync(parsed.Diagnostics.Select(d => d.ToString()).Prepend("Nothing was queued; correct these rows and upload again.").ToList(), cancellationToken);
        }

        if (parsed.Rows.Count == 0 || parsed.Rows.Count > options.Value.MaxBatchSize)
        {
            return await FailAsync([$"The file has {parsed.Rows.Count} parties; a batch holds 1 to {options.Value.MaxBatchSize}."], cancellationToken);
        }

        var inputs = parsed.Rows.Select(r => new PartyInput
        {
            Id = r.ExternalId,
            Name = r.Name,
            Schema = r.Schema == EntitySchema.Unknown ? null : r.Schema.ToString(),
            Country = r.Country,
            BirthDate = r.BirthDate,
        }).ToList();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].ToQuery() is { Query: null } bad)
            {
                return await FailAsync([$"{file.FileName}:{parsed.Rows[i].Line}: {bad.Field}: {bad.Error}"], cancellationToken);
            }
        }

        var job = await store.CreateAsync(CaseJson.Serialize(inputs), inputs.Count, User.Identity?.Name ?? "web", cancellationToken);
        worker.Enqueue(job.Id);
        return RedirectToPage("Job", new { id = job.Id });
    }

    private async Task<IActionResult> FailAsync(IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        await LoadJobsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadJobsAsync(CancellationToken cancellationToken)
    {
        var me = User.Identity?.Name ?? "";
        Jobs = await db.BatchJobs.AsNoTracking().Where(j => j.SubmittedBy == me).OrderByDescending(j => j.SubmittedAt).Take(20).ToListAsync(cancellationToken);
    }
}
