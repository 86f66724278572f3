using System.Security.Claims;
using System.Text.Json;
using Chokepoint.Cases;
using Chokepoint.Persistence;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Hosting;
using Chokepoint.Server.Screening;
using Microsoft.Extensions.Options;

namespace Chokepoint.Server.Endpoints;

/// <summary>An analyst's decision.</summary>
/// <param name="Outcome">trueMatch, falsePositive or needsInformation.</param>
/// <param name="Reason">Why (required).</param>
/// <param name="Version">The case version the analyst read (optimistic concurrency).</param>
/// <param name="ValidForDays">How long an approved false positive suppresses alerts; null uses the default.</param>
public sealed record DecisionRequest(string? Outcome, string? Reason, int? Version, int? ValidForDays);

/// <summary>A supervisor's review.</summary>
/// <param name="Version">The case version the supervisor read.</param>
/// <param name="Note">Why it is sent back (required for send-back).</param>
public sealed record ReviewRequest(int? Version, string? Note);

/// <summary>Alerts, cases, decisions and four-eyes approval.</summary>
public static class CaseEndpoints
{
    /// <summary>Maps the case endpoints.</summary>
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Cases");
        group.MapGet("/alerts", ListAlertsAsync).WithName("ListAlerts").RequireAuthorization(Policies.ReadCases);
        group.MapGet("/cases", ListCasesAsync).WithName("ListCases").RequireAuthorization(Policies.ReadCases);
        group.MapGet("/cases/{id:guid}", GetCaseAsync).WithName("GetCase").RequireAuthorization(Policies.ReadCases);
        group.MapPost("/cases/{id:guid}/decisions", DecideAsync).WithName("DecideCase").WithSummary("Records a decision; it then waits for a supervisor.").RequireAuthorization(Policies.Decide);
        group.MapPost("/cases/{id:guid}/decisions/{decisionId:guid}/approve", ApproveAsync).WithName("ApproveDecision").WithSummary("Approves a decision; the decider cannot approve (four eyes).").RequireAuthorization(Policies.Approve);
        group.MapPost("/cases/{id:guid}/decisions/{decisionId:guid}/send-back", SendBackAsync).WithName("SendBackDecision").RequireAuthorization(Policies.Approve);
        return app;
    }

    /// <summary>Lists alerts, newest first.</summary>
    public static async Task<IResult> ListAlertsAsync(CaseWorkflow cases, CancellationToken cancellationToken, int skip = 0, int take = 100)
    {
        if (Api.Paging(skip, take) is { } bad)
        {
            return bad;
        }

        var alerts = await cases.ListAlertsAsync(skip, take, cancellationToken);
        return TypedResults.Ok(alerts.Select(AlertView));
    }

    /// <summary>Lists cases, most recently changed first.</summary>
    public static async Task<IResult> ListCasesAsync(CaseWorkflow cases, CancellationToken cancellationToken, string? status = null, int skip = 0, int take = 100)
    {
        if (Api.Paging(skip, take) is { } bad)
        {
            return bad;
        }

        CaseStatus? filter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                return Api.Field("status", "status must be open, awaitingApproval, awaitingInformation or closed.");
            }

            filter = s;
        }

        var list = await cases.ListAsync(filter, skip, take, cancellationToken);
        return TypedResults.Ok(list.Select(c => new { id = c.Id, partyKey = c.PartyKey, partyName = c.PartyName, status = c.Status, version = c.Version, openedAt = c.OpenedAt, updatedAt = c.UpdatedAt }));
    }

    /// <summary>Answers a case with its alerts, matches, explanations and decisions.</summary>
    public static async Task<IResult> GetCaseAsync(Guid id, CaseWorkflow cases, CancellationToken cancellationToken) =>
        await cases.GetAsync(id, cancellationToken) is { } c ? TypedResults.Ok(CaseView(c)) : Api.From(new CaseError(CaseErrorCode.NotFound, "id", $"There is no case {id}."));

    /// <summary>Records an analyst's decision.</summary>
    public static async Task<IResult> DecideAsync(Guid id, DecisionRequest request, ClaimsPrincipal user, CaseWorkflow cases, IOptions<ChokepointServerOptions> options, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<DecisionOutcome>(request.Outcome, ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome) || int.TryParse(request.Outcome, out _))
        {
            return Api.Field("outcome", "The outcome must be trueMatch, falsePositive or needsInformation.");
        }

        if (request.ValidForDays is <= 0)
        {
            return Api.Field("validForDays", "validForDays must be positive.");
        }

        var days = request.ValidForDays ?? options.Value.DefaultClearanceDays;
        var result = await cases.DecideAsync(id, request.Version, outcome, request.Reason, TimeSpan.FromDays(days), Api.Actor(user), cancellationToken);
        return result.Error is { } e ? Api.From(e) : TypedResults.Ok(DecisionView(result.Value!));
    }

    /// <summary>Approves a decision; an approved false positive starts suppressing.</summary>
    public static async Task<IResult> ApproveAsync(Guid id, Guid decisionId, ReviewRequest? request, ClaimsPrincipal user, CaseWorkflow cases, SuppressionCache suppressions, CancellationToken cancellationToken)
    {
        var result = await cases.ApproveAsync(id, decisionId, request?.Version, Api.Actor(user), cancellationToken);
        if (result.Error is { } e)
        {
            return Api.From(e);
        }

        suppressions.Add(result.Value!.Suppressions);
        return TypedResults.Ok(new { decision = DecisionView(result.Value.Decision), caseStatus = result.Value.Case.Status, version = result.Value.Case.Version, suppressed = result.Value.Suppressions.Select(s => s.EntityId) });
    }

    /// <summary>Sends a decision back to the analyst.</summary>
    public static async Task<IResult> SendBackAsync(Guid id, Guid decisionId, ReviewRequest? request, ClaimsPrincipal user, CaseWorkflow cases, CancellationToken cancellationToken)
    {
        var result = await cases.SendBackAsync(id, decisionId, request?.Version, request?.Note, Api.Actor(user), cancellationToken);
        return result.Error is { } e ? Api.From(e) : TypedResults.Ok(DecisionView(result.Value!));
    }

    private static object CaseView(Case c) => new
    {
        id = c.Id,
        partyKey = c.PartyKey,
        partyName = c.PartyName,
        status = c.Status,
        version = c.Version,
        openedAt = c.OpenedAt,
        updatedAt = c.UpdatedAt,
        alerts = c.Alerts.OrderBy(a => a.RaisedAt).Select(AlertView),
        decisions = c.Decisions.OrderBy(d => d.DecidedAt).Select(DecisionView),
    };

    private static object AlertView(Alert a) => new
    {
        id = a.Id,
        caseId = a.CaseId,
        origin = a.Origin,
        raisedBy = a.RaisedBy,
        raisedAt = a.RaisedAt,
        query = Json(a.QueryJson),
        findings = a.FindingsJson is null ? (JsonElement?)null : Json(a.FindingsJson),
        matches = a.Matches.OrderByDescending(m => m.Score).Select(m => new { entityId = m.EntityId, name = m.Name, score = m.Score, entryHash = m.EntryHash, explanation = Json(m.ExplanationJson) }),
    };

    private static object DecisionView(Decision d) => new
    {
        id = d.Id,
        outcome = d.Outcome,
        reason = d.Reason,
        decidedBy = d.DecidedBy,
        decidedAt = d.DecidedAt,
        expiresAt = d.ExpiresAt,
        status = d.Status,
        reviewedBy = d.ReviewedBy,
        reviewedAt = d.ReviewedAt,
        reviewNote = d.ReviewNote,
    };

    private static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
