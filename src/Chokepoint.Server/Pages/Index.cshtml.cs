using Chokepoint.Lists.Diff;
using Chokepoint.Persistence;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Server.Pages;

/// <summary>The dashboard: open cases by severity and age, list freshness, latest list changes, screening volume.</summary>
[Authorize]
public sealed class IndexModel(ScreeningState state, ListCatalog catalog, CaseQueue queue, ChokepointDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The age columns of the open-case table: label and the least age in days.</summary>
    public static readonly (string Label, int MinDays, int MaxDays)[] AgeBands =
        [("under 1 day", 0, 0), ("1–7 days", 1, 7), ("8–30 days", 8, 30), ("over 30 days", 31, int.MaxValue)];

    public IReadOnlyList<CaseRow> OpenCases { get; private set; } = [];

    public IReadOnlyList<SourceFreshness> Freshness { get; private set; } = [];

    public IReadOnlyList<ListDiffResult> Changes { get; private set; } = [];

    public IReadOnlyList<(DateOnly Day, int Screened, int Alerts)> Volume { get; private set; } = [];

    public string ListsStatus { get; private set; } = "";

    public bool ShowCases { get; private set; }

    public int Count(CaseSeverity severity, int band) =>
        OpenCases.Count(c => c.Severity == severity && c.AgeDays >= AgeBands[band].MinDays && c.AgeDays <= AgeBands[band].MaxDays);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = state.Current;
        ListsStatus = state.Status;
        Freshness = catalog.Freshness(snapshot);
        Changes = await Task.Run(() => catalog.LatestChanges(snapshot), cancellationToken);
        ShowCases = WebSetup.CanDecide(User);
        if (ShowCases)
        {
            OpenCases = (await queue.RowsAsync(cancellationToken)).Where(c => c.Status != Chokepoint.Cases.CaseStatus.Closed).ToList();
        }

        // Every screening leaves one audit record: "screen" without an alert, "alert.raise" with one.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(-6).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var records = await db.AuditRecords.AsNoTracking()
            .Where(r => r.At >= since && (r.Action == "screen" || r.Action == "alert.raise"))
            .Select(r => new { r.At, r.Action })
            .ToListAsync(cancellationToken);
        Volume = Enumerable.Range(0, 7)
            .Select(i => today.AddDays(-6 + i))
            .Select(d => (d,
                records.Count(r => DateOnly.FromDateTime(r.At.UtcDateTime) == d),
                records.Count(r => r.Action == "alert.raise" && DateOnly.FromDateTime(r.At.UtcDateTime) == d)))
            .ToList();
    }
}
