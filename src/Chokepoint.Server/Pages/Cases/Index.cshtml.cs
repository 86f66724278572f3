using Chokepoint.Server.Auth;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages.Cases;

/// <summary>The case queue with filters (status, severity, list, age, assignee) and sorting.</summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class IndexModel(CaseQueue queue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseSeverity? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? List { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinAge { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Lists { get; private set; } = [];

    public IReadOnlyList<string> Assignees { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await queue.RowsAsync(cancellationToken);
        Total = all.Count;
        Lists = all.SelectMany(r => r.Sources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assignees = all.Where(r => r.Assignee is not null).Select(r => r.Assignee!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        Rows = CaseQueue.Apply(all, new CaseFilter { Status = Status, Severity = Severity, List = List, MinAgeDays = MinAge, Assignee = Assignee, Sort = Sort });
    }
}
