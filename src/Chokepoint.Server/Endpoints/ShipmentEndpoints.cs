using System.Security.Claims;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;
using Chokepoint.Trade;

namespace Chokepoint.Server.Endpoints;

/// <summary>The answer to a shipment check: the decision and findings, and the case a review or block opened or joined.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Decision">Clear, review or block.</param>
/// <param name="Findings">The findings, most severe first.</param>
/// <param name="CaseId">The case the check opened or joined, or null when it is clear.</param>
public sealed record ShipmentCheckLine(string Id, ShipmentDecision Decision, IReadOnlyList<Finding> Findings, Guid? CaseId);

/// <summary>Shipment checks: one shipment document in, the decision and findings out (what <c>check --json</c> gives).</summary>
public static class ShipmentEndpoints
{
    /// <summary>Maps <c>POST /v1/check/shipment</c>.</summary>
    public static IEndpointRouteBuilder MapShipmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/check/shipment", CheckAsync).WithName("CheckShipment").WithTags("Screening")
            .WithSummary("Checks one shipment document: parties, items, places, route and red flags; a review or block opens or joins the shipment's case.")
            .Accepts<object>("application/json").RequireAuthorization(Policies.Screen);
        return app;
    }

    /// <summary>Parses the document, checks it, and opens or joins a case when it needs review or blocks; a clear check is audited.</summary>
    public static async Task<IResult> CheckAsync(HttpRequest request, ClaimsPrincipal user, ScreeningState state, TradeReference reference, ShipmentCheckService shipments, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var parsed = ShipmentDocumentParser.Parse(json, "request");
        if (parsed.Document is not { } doc)
        {
            var first = parsed.Errors.Count > 0 ? parsed.Errors[0] : null;
            return Api.Field(first?.Path is { Length: > 0 } p ? p : "body", first?.Message ?? "The shipment document is not valid.");
        }

        if (state.Current is not { } snapshot)
        {
            return Api.NoLists(state);
        }

        if (reference.Data is not { } data)
        {
            return Api.Problem(StatusCodes.Status503ServiceUnavailable, "Trade reference tables are not loaded.", reference.Status);
        }

        var outcome = await shipments.CheckAsync(snapshot, data, doc, Api.Actor(user));
        return TypedResults.Ok(new ShipmentCheckLine(outcome.Result.Id, outcome.Result.Decision, outcome.Result.Findings, outcome.CaseId));
    }
}
