using Chokepoint.Cases;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chokepoint.Server.Web;

/// <summary>How urgent a case is, from the best score among its matches.</summary>
public enum CaseSeverity
{
    /// <summary>Best score below 0.75.</summary>
    Low,

    /// <summary>Best score from 0.75.</summary>
    Medium,

    /// <summary>Best score from 0.85.</summary>
    High,

    /// <summary>Best score from 0.95.</summary>
    Critical,
}

/// <summary>One row of the case queue.</summary>
/// <param name="Id">The case id.</param>
/// <param name="PartyName">The party's name.</param>
/// <param name="Status">The review status.</param>
/// <param name="Severity">The severity.</param>
/// <param name="TopScore">The best match score across the case's alerts.</param>
/// <param name="TopEntity">The entity with the best score, or null.</param>
/// <param name="Sources">The list sources of every match.</param>
/// <param name="OpenedAt">When the case was opened.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="AgeDays">Whole days since it was opened.</param>
/// <param name="Assignee">The analyst who last decided it, or null while nobody has.</param>
/// <param name="Alerts">How many alerts it holds.</param>
public sealed record CaseRow(
    Guid Id,
    string PartyName,
    CaseStatus Status,
    CaseSeverity Severity,
    double TopScore,
    string? TopEntity,
    IReadOnlyList<string> Sources,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    int AgeDays,
    string? Assignee,
    int Alerts);

/// <summary>Filters and sort order of the case queue, as the query string carries them.</summary>
public sealed record CaseFilter
{
    /// <summary>Gets the status, or null for every open status.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the lowest severity shown, or null for all.</summary>
    public CaseSeverity? Severity { get; init; }

    /// <summary>Gets the list source, or null for all.</summary>
    public string? List { get; init; }

    /// <summary>Gets the least age in days, or null.</summary>
    public int? MinAgeDays { get; init; }

    /// <summary>Gets the assignee (the analyst who last decided), <c>none</c> for unassigned, or null for all.</summary>
    public string? Assignee { get; init; }

    /// <summary>Gets the sort: <c>severity</c> (default), <c>age</c>, <c>updated</c>, <c>party</c>, <c>score</c>.</summary>
    public string? Sort { get; init; }
}

/// <summary>Reads cases for the queue and the dashboard, with the figures the pages show.</summary>
/// <remarks>One instance per request, with its context.</remarks>
/// <param name="db">The context.</param>
/// <param name="time">The clock.</param>
public sealed class CaseQueue(ChokepointDbContext db, TimeProvider time)
{
    /// <summary>The most cases the queue reads at once, newest first.</summary>
    public const int Limit = 2000;

    /// <summary>Returns the severity for a best score.</summary>
    public static CaseSeverity SeverityOf(double topScore) => topScore switch
    {
        >= 0.95 => CaseSeverity.Critical,
        >= 0.85 => CaseSeverity.High,
        >= 0.75 => CaseSeverity.Medium,
        _ => CaseSeverity.Low,
    };

    /// <summary>Returns the status in words.</summary>
    public static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.Open => "open",
        CaseStatus.AwaitingApproval => "awaiting approval",
        CaseStatus.AwaitingInformation => "awaiting information",
        CaseStatus.Closed => "closed",
        _ => status.ToString(),
    };

    /// <summary>Reads the newest cases as rows.</summary>
    public async Task<IReadOnlyList<CaseRow>> RowsAsync(CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking()
            .Include(c => c.Alerts).ThenInclude(a => a.Matches)
            .Include(c => c.Decisions)
            .AsSplitQuery()
            .OrderByDescending(c => c.UpdatedAt)
            .Take(Limit)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return cases.Select(c => ToRow(c, now)).ToList();
    }

    /// <summary>Applies the filter and the sort.</summary>
    public static IReadOnlyList<CaseRow> Apply(IEnumerable<CaseRow> rows, CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(filter);
        var q = rows;
        if (string.IsNullOrEmpty(filter.Status) || filter.Status == "active")
        {
            q = q.Where(r => r.Status != CaseStatus.Closed);
        }
        else if (filter.Status != "all" && Enum.TryParse<CaseStatus>(filter.Status, ignoreCase: true, out var status))
        {
            q = q.Where(r => r.Status == status);
        }

        if (filter.Severity is { } severity)
        {
            q = q.Where(r => r.Severity >= severity);
        }

        if (!string.IsNullOrEmpty(filter.List))
        {
            q = q.Where(r => r.Sources.Contains(filter.List, StringComparer.Ordinal));
        }

        if (filter.MinAgeDays is { } age)
        {
            q = q.Where(r => r.AgeDays >= age);
        }

        if (filter.Assignee == "none")
        {
            q = q.Where(r => r.Assignee is null);
        }
        else if (!string.IsNullOrEmpty(filter.Assignee))
        {
            q = q.Where(r => string.Equals(r.Assignee, filter.Assignee, StringComparison.OrdinalIgnoreCase));
        }

        return (filter.Sort switch
        {
            "age" => q.OrderBy(r => r.OpenedAt),
            "updated" => q.OrderByDescending(r => r.UpdatedAt),
            "party" => q.OrderBy(r => r.PartyName, StringComparer.CurrentCultureIgnoreCase),
            "score" => q.OrderByDescending(r => r.TopScore),
            _ => q.OrderByDescending(r => r.Severity).ThenBy(r => r.OpenedAt),
        }).ThenBy(r => r.Id).ToList();
    }

    private static CaseRow ToRow(Case c, DateTimeOffset now)
    {
        var top = 0.0;
        string? topEntity = null;
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var alert in c.Alerts)
        {
            foreach (var m in alert.Matches)
            {
                if (m.Score > top)
                {
                    top = m.Score;
                    topEntity = m.EntityId;
                }

                if (EntityId.TryParse(m.EntityId, out var id))
                {
                    sources.Add(id.Source);
                }
            }
        }

        var assignee = c.Decisions.OrderBy(d => d.DecidedAt).LastOrDefault()?.DecidedBy;
        var age = (int)Math.Floor((now - c.OpenedAt).TotalDays);
        return new CaseRow(c.Id, c.PartyName, c.Status, SeverityOf(top), top, topEntity, [.. sources], c.OpenedAt, c.UpdatedAt, Math.Max(0, age), assignee, c.Alerts.Count);
    }
}
