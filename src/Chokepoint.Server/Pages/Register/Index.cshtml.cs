using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Server.Pages.Register;

/// <summary>One party of the register with its open cases.</summary>
/// <param name="Party">The party.</param>
/// <param name="OpenCases">Its cases that are not closed, newest first.</param>
public sealed record RegisterRowView(MonitoredParty Party, IReadOnlyList<Case> OpenCases);

/// <summary>The monitoring register: parties, their last screening and their open cases; add or replace a party.</summary>
[Authorize(Policy = Policies.Register)]
public sealed class IndexModel(RegisterStore register, ChokepointDbContext db) : PageModel
{
    /// <summary>Parties per page.</summary>
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    [BindProperty]
    public string? NewId { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public string? NewSchema { get; set; }

    [BindProperty]
    public string? NewCountry { get; set; }

    [BindProperty]
    public string? NewBirthDate { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<RegisterRowView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The register's own CSV reader validates the row, so the page and an import accept exactly the same input.
        var csv = CsvText.Line("id", "name", "schema", "country", "birth_date") + "\n" + CsvText.Line(NewId, NewName, NewSchema, NewCountry, NewBirthDate) + "\n";
        var parsed = MonitoringRegisterCsv.Parse(new StringReader(csv), "form");
        if (parsed.Diagnostics.Count > 0)
        {
            Error = parsed.Diagnostics[0].Field + ": " + parsed.Diagnostics[0].Message;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (added, _) = await register.UpsertAsync(parsed.Rows, User.Identity?.Name ?? "web", "web", cancellationToken);
        Message = added == 1 ? $"{parsed.Rows[0].Name} was added to the register." : $"{parsed.Rows[0].Name} was replaced in the register.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Skip = Math.Max(0, Skip);
        Total = await register.CountAsync(cancellationToken);
        var parties = await register.ListAsync(Skip, PageSize, cancellationToken);
        var keys = parties.Select(p => "id:" + p.ExternalId).ToList();
        var open = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Closed && keys.Contains(c.PartyKey))
            .ToListAsync(cancellationToken);
        Rows = parties.Select(p => new RegisterRowView(p, open.Where(c => c.PartyKey == "id:" + p.ExternalId).OrderByDescending(c => c.OpenedAt).ToList())).ToList();
    }
}
