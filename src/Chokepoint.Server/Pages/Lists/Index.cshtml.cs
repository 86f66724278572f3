using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages.Lists;

/// <summary>The lists in force with their versions, and a search over every listed entity.</summary>
[Authorize(Policy = Policies.Screen)]
public sealed class IndexModel(ScreeningState state, ListCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    public IReadOnlyList<SourceFreshness> Sources { get; private set; } = [];

    public IReadOnlyList<ListSearchHit> Hits { get; private set; } = [];

    public string Status { get; private set; } = "";

    public void OnGet()
    {
        var snapshot = state.Current;
        Status = state.Status;
        Sources = catalog.Freshness(snapshot);
        if (snapshot is not null && !string.IsNullOrWhiteSpace(Q))
        {
            var hits = ListCatalog.Search(snapshot, Q.Length > 200 ? Q[..200] : Q);
            Hits = string.IsNullOrEmpty(Source) ? hits : hits.Where(h => h.Entry.Id.Source == Source).ToList();
        }
    }
}
