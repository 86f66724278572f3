using System.Security.Claims;
using Chokepoint.Cases;
using Chokepoint.Server.Auth;
using Chokepoint.Server.Screening;
using Chokepoint.Trade;

namespace Chokepoint.Server.Endpoints;

/// <summary>Shipment checks: one shipment document in, the decision and findings out (what <c>check --json</c> gives).</summary>
public static class ShipmentEndpoints
{
    /// <summary>Maps <c>POST /v1/check/shipment</c>.</summary>
    public static IEndpointRouteBuilder MapShipmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/check/shipment", CheckAsync).WithName("CheckShipment").WithTags("Screening")
            .WithSummary("Checks one shipment document: parties, items, places, route and red flags.")
            .Accepts<object>("application/json").RequireAuthorization(Policies.Screen);
        return app;
    }

    /// <summary>Parses the document, checks it, and audits the decision.</summary>
    public static async Task<IResult> CheckAsync(HttpRequest request, ClaimsPrincipal user, ScreeningState state, TradeReference reference, ScreeningAuditQueue audit, CancellationToken cancellationToken)
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

        var result = reference.ScreenerFor(snapshot, data).Check(doc);
        audit.Enqueue(new AuditEntry(Api.Actor(user), "shipment.check", result.Id, CaseJson.Serialize(new { decision = result.Decision, findings = result.Findings.Count })));
        return TypedResults.Ok(result);
    }
}
