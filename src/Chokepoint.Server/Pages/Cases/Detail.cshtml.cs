using System.Text.Json;
using Chokepoint.Cases;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Hosting;
using Chokepoint.Server.Screening;
using Chokepoint.Server.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chokepoint.Server.Pages.Cases;

/// <summary>One alert of a case as the page shows it.</summary>
/// <param name="Alert">The stored alert.</param>
/// <param name="QueryName">The name screened.</param>
/// <param name="Query">The query as stored, when it could be read.</param>
/// <param name="Matches">The matches with their explanations.</param>
/// <param name="Shipment">The shipment check's findings when a shipment raised the alert, else null.</param>
public sealed record AlertView(Alert Alert, string QueryName, PartyQuery? Query, IReadOnlyList<MatchView> Matches, ShipmentFindingsView? Shipment);

/// <summary>The findings of a shipment check as the case page shows them.</summary>
/// <param name="DocumentId">The document id.</param>
/// <param name="Decision">review or block.</param>
/// <param name="Findings">The findings, most severe first.</param>
public sealed record ShipmentFindingsView(string DocumentId, string Decision, IReadOnlyList<FindingView> Findings)
{
    /// <summary>Reads the stored result line (<c>{"id","decision","findings":[...]}</c>), or null when it cannot be read.</summary>
    public static ShipmentFindingsView? From(string? findingsJson)
    {
        if (findingsJson is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(findingsJson);
            var root = doc.RootElement;
            var findings = new List<FindingView>();
            if (root.TryGetProperty("findings", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var f in list.EnumerateArray())
                {
                    var evidence = new List<KeyValuePair<string, string>>();
                    if (f.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var p in ev.EnumerateObject())
                        {
                            evidence.Add(new(p.Name, Text(p.Value)));
                        }
                    }

                    findings.Add(new FindingView(Text(f, "kind"), Text(f, "severity"), Text(f, "rule"), Text(f, "summary"), evidence, Text(f, "source")));
                }
            }

            return new ShipmentFindingsView(Text(root, "id"), Text(root, "decision"), findings);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? Text(v) : "";

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", e.EnumerateArray().Select(Text)),
        JsonValueKind.Null => "",
        _ => e.GetRawText(),
    };
}

/// <summary>One shipment finding as the case page shows it.</summary>
/// <param name="Kind">party, item, component, place, country or red_flag.</param>
/// <param name="Severity">info, low, medium, high or critical.</param>
/// <param name="Rule">The check or red-flag rule.</param>
/// <param name="Summary">One readable sentence.</param>
/// <param name="Evidence">The facts, as text.</param>
/// <param name="Source">The official document or list it rests on.</param>
public sealed record FindingView(string Kind, string Severity, string Rule, string Summary, IReadOnlyList<KeyValuePair<string, string>> Evidence, string Source);

/// <summary>A case: alerts with explanations, decision and reason, supervisor approval (four eyes), comments, and the audit history.</summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class DetailModel(CaseWorkflow cases, ChokepointDbContext db, AuditLog audit, ScreeningState state, SuppressionCache suppressions, IOptions<ChokepointServerOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public DecisionOutcome? Outcome { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? ValidForDays { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public Guid DecisionId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public Case? Case { get; private set; }

    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];

    public IReadOnlyList<AuditRecord> History { get; private set; } = [];

    public int DefaultClearanceDays => options.Value.DefaultClearanceDays;

    /// <summary>Gets why the signed-in person cannot decide now, or null when they can.</summary>
    public string? WhyNoDecision => Case switch
    {
        null => "The case does not exist.",
        _ when !WebSetup.CanDecide(User) => $"Only analysts and supervisors decide cases; you are signed in as {WebSetup.Describe(User)}.",
        { Status: CaseStatus.Closed } => "The case is closed.",
        { PendingDecision: not null } => "A decision already waits for a supervisor.",
        _ => null,
    };

    /// <summary>Gets why the signed-in person cannot approve the pending decision, or null when they can.</summary>
    public string? WhyNoApproval => Case?.PendingDecision switch
    {
        null => "No decision waits for approval.",
        _ when !WebSetup.CanApprove(User) => $"Only a supervisor can approve a decision; you are signed in as {WebSetup.Describe(User)}.",
        { } d when string.Equals(d.DecidedBy, User.Identity?.Name, StringComparison.OrdinalIgnoreCase) => "You made this decision, so another supervisor must approve it (four eyes).",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        if (Outcome is not { } outcome)
        {
            return await FailAsync("Choose an outcome: true match, false positive or needs information.", cancellationToken);
        }

        if (ValidForDays is <= 0)
        {
            return await FailAsync("The validity must be a positive number of days.", cancellationToken);
        }

        var result = await cases.DecideAsync(Id, Version, outcome, Reason, TimeSpan.FromDays(ValidForDays ?? DefaultClearanceDays), Actor, cancellationToken);
        return result.Error is { } e ? await FailAsync(e.Message, cancellationToken) : Done("Your decision was recorded; it now waits for a supervisor.");
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        if (!WebSetup.CanApprove(User))
        {
            return Forbid();
        }

        var result = await cases.ApproveAsync(Id, DecisionId, Version, Actor, cancellationToken);
        if (result.Error is { } e)
        {
            return await FailAsync(e.Message, cancellationToken);
        }

        suppressions.Add(result.Value!.Suppressions);
        return Done("The decision was approved.");
    }

    public async Task<IActionResult> OnPostSendBackAsync(CancellationToken cancellationToken)
    {
        if (!WebSetup.CanApprove(User))
        {
            return Forbid();
        }

        var result = await cases.SendBackAsync(Id, DecisionId, Version, Note, Actor, cancellationToken);
        return result.Error is { } e ? await FailAsync(e.Message, cancellationToken) : Done("The decision was sent back to the analyst.");
    }

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Comment))
        {
            return await FailAsync("The comment is empty.", cancellationToken);
        }

        if (!await db.Cases.AnyAsync(c => c.Id == Id, cancellationToken))
        {
            return NotFound();
        }

        // Comments live in the audit log: they are part of the case's history and cannot be edited afterwards.
        await audit.AppendAsync(db, new AuditEntry(Actor, "case.comment", Id.ToString(), CaseJson.Serialize(new { text = Comment.Trim() })), cancellationToken);
        return Done("Your comment was added.");
    }

    /// <summary>Returns a readable line for an audit record of this case.</summary>
    public static string Describe(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Action switch
        {
            "case.open" => "opened the case",
            "alert.raise" => $"raised an alert ({Detail(record, "origin")})",
            "case.decide" => $"decided {Detail(record, "outcome")}: {Detail(record, "reason")}",
            "case.approve" => $"approved the decision ({Detail(record, "outcome")})",
            "case.send-back" => $"sent the decision back: {Detail(record, "note")}",
            "case.comment" => $"commented: {Detail(record, "text")}",
            _ => record.Action,
        };
    }

    /// <summary>Returns one property of an audit record's details as text, or empty.</summary>
    public static string Detail(AuditRecord record, string name)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            using var doc = JsonDocument.Parse(record.Details);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) ? v.ToString() : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private string Actor => User.Identity?.Name ?? "web";

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage(new { Id });
    }

    private async Task<IActionResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Case = await cases.GetAsync(Id, cancellationToken);
        if (Case is null)
        {
            return false;
        }

        Version = Case.Version;
        var entries = state.Current?.Entries;
        Alerts = Case.Alerts.OrderByDescending(a => a.RaisedAt).Select(a => ToView(a, entries)).ToList();
        var subject = Id.ToString();
        History = await db.AuditRecords.AsNoTracking().Where(r => r.Subject == subject).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        return true;
    }

    private static AlertView ToView(Alert alert, IReadOnlyDictionary<EntityId, ListEntry>? entries)
    {
        PartyQuery? query = null;
        try
        {
            query = JsonSerializer.Deserialize<PartyQuery>(alert.QueryJson, CaseJson.Options);
        }
        catch (JsonException)
        {
            // An unreadable stored query still shows its matches; the name falls back to the case's.
        }

        var name = query?.Name ?? "";
        var matches = new List<ScreeningMatch>();
        foreach (var m in alert.Matches.OrderByDescending(m => m.Score))
        {
            if (!EntityId.TryParse(m.EntityId, out var id))
            {
                continue;
            }

            var explanation = JsonSerializer.Deserialize<MatchExplanation>(m.ExplanationJson, CaseJson.Options)
                ?? new MatchExplanation(m.Score, [], [], [], []);
            var entry = entries?.GetValueOrDefault(id);
            matches.Add(new ScreeningMatch(id, m.Score, m.Name, entry?.Schema ?? EntitySchema.Unknown, explanation));
        }

        var result = new ScreeningResult(query?.Id, true, 0, matches);
        return new AlertView(alert, name, query, MatchView.From(name, result, id => entries?.GetValueOrDefault(id)), ShipmentFindingsView.From(alert.FindingsJson));
    }
}
