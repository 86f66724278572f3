using Chokepoint.Lists;
using Chokepoint.Lists.Diff;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chokepoint.Server.Pages.Lists;

/// <summary>What changed in one source between two versions: added, removed and changed entities, field by field.</summary>
[Authorize(Policy = Policies.Screen)]
public sealed class DiffModel(ScreeningState state, ListCatalog catalog) : PageModel
{
    /// <summary>How many entities of each kind the page lists.</summary>
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<SourceFreshness> Sources { get; private set; } = [];

    public IReadOnlyList<DateOnly> Versions { get; private set; } = [];

    public ListDiffResult? Diff { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = state.Current;
        Sources = catalog.Freshness(snapshot);
        if (string.IsNullOrEmpty(Source))
        {
            return;
        }

        Versions = catalog.Versions(Source);
        if (!ListsDirectory.TryParseDate(From, out var from) || !ListsDirectory.TryParseDate(To, out var to))
        {
            Error = Versions.Count < 2 ? $"'{Source}' has fewer than two versions to compare." : "Choose two versions (YYYY-MM-DD).";
            return;
        }

        var (diff, error) = await Task.Run(() => catalog.Diff(snapshot, Source, from, to), cancellationToken);
        Diff = diff;
        Error = error;
    }
}
