using System.Globalization;
using System.Security.Claims;
using Chokepoint.Cases;
using Chokepoint.Core;
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
    // Enough candidates per party to hold every listed entity a finding names (the screener keeps at most three).
    private static readonly ScreeningOptions RescreenOptions = new() { Top = 10, MinScore = 0 };

    /// <summary>Maps <c>POST /v1/check/shipment</c>.</summary>
    public static IEndpointRouteBuilder MapShipmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/check/shipment", CheckAsync).WithName("CheckShipment").WithTags("Screening")
            .WithSummary("Checks one shipment document: parties, items, places, route and red flags; a review or block opens or joins the shipment's case.")
            .Accepts<object>("application/json").RequireAuthorization(Policies.Screen);
        return app;
    }

    /// <summary>Parses the document, checks it, and opens or joins a case when it needs review or blocks; a clear check is audited.</summary>
    public static async Task<IResult> CheckAsync(HttpRequest request, ClaimsPrincipal user, ScreeningState state, TradeReference reference, ScreeningAuditQueue audit, AlertRecorder alerts, CancellationToken cancellationToken)
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
        var actor = Api.Actor(user);
        if (result.Decision == ShipmentDecision.Clear)
        {
            audit.Enqueue(new AuditEntry(actor, "shipment.check", result.Id, CaseJson.Serialize(new { decision = result.Decision, findings = result.Findings.Count })));
            return TypedResults.Ok(new ShipmentCheckLine(result.Id, result.Decision, result.Findings, null));
        }

        // The case and its audit record are written together; a check that was answered is on record.
        var alert = new ShipmentAlert(
            doc.Id,
            CaseName(doc),
            result.Decision.ToString().ToLowerInvariant(),
            CaseJson.Serialize(doc),
            PartyMatches(snapshot, doc, result),
            ShipmentJson.Serialize(result),
            result.Findings.Count);
        var recorded = await alerts.RecordAsync(AlertRequest.ForShipment(alert, actor), CancellationToken.None);
        return TypedResults.Ok(new ShipmentCheckLine(result.Id, result.Decision, result.Findings, recorded.CaseId));
    }

    private static string CaseName(ShipmentDocument doc)
    {
        var to = doc.Parties.FirstOrDefault(p => p.Role == PartyRole.EndUser) ?? doc.Parties.FirstOrDefault(p => p.Role == PartyRole.Consignee);
        return to is null ? $"Shipment {doc.Id}" : $"Shipment {doc.Id} to {to.Name}";
    }

    /// <summary>Returns every listed entity a party finding names, with the engine's full explanation for that party.</summary>
    /// <remarks>
    /// The findings carry the explanation only as text, so each party named in a finding is screened again (the engine is
    /// deterministic, so the scores agree). This runs only for checks that open a case.
    /// </remarks>
    private static List<AlertMatch> PartyMatches(ScreeningSnapshot snapshot, ShipmentDocument doc, ShipmentResult result)
    {
        var wanted = new Dictionary<int, List<Finding>>();
        foreach (var f in result.Findings)
        {
            if (f.Kind == FindingKind.Party && f.Evidence.ContainsKey("entityId") && PartyIndex(f) is { } index && index < doc.Parties.Count)
            {
                (wanted.TryGetValue(index, out var list) ? list : wanted[index] = []).Add(f);
            }
        }

        var matches = new List<AlertMatch>();
        foreach (var (index, findings) in wanted.OrderBy(p => p.Key))
        {
            var party = doc.Parties[index];
            var query = new PartyQuery { Id = $"{doc.Id}/parties[{index}]", Name = party.Name, Country = party.Country, Schema = party.Type };
            var screened = snapshot.Screener.Screen(query, RescreenOptions);
            foreach (var f in findings)
            {
                var entityId = Convert.ToString(f.Evidence["entityId"], CultureInfo.InvariantCulture) ?? "";
                if (matches.Exists(m => m.EntityId == entityId))
                {
                    continue;
                }

                var m = screened.Matches.FirstOrDefault(x => x.EntityId.ToString() == entityId);
                if (m is not null)
                {
                    matches.Add(AlertMatch.From(m, snapshot.Fingerprint(m.EntityId)));
                }
                else if (EntityId.TryParse(entityId, out var id))
                {
                    // Not among the candidates this time: keep what the finding says.
                    var score = Convert.ToDouble(f.Evidence.GetValueOrDefault("score", 0d), CultureInfo.InvariantCulture);
                    var name = Convert.ToString(f.Evidence.GetValueOrDefault("listedName", ""), CultureInfo.InvariantCulture) ?? "";
                    matches.Add(new AlertMatch(entityId, name, score, snapshot.Fingerprint(id), CaseJson.Serialize(new MatchExplanation(score, [], [], [], [], f.Summary))));
                }
            }
        }

        matches.Sort((a, b) => b.Score.CompareTo(a.Score));
        return matches;
    }

    private static int? PartyIndex(Finding finding)
    {
        // Party findings name their party as "parties[i]".
        var field = Convert.ToString(finding.Evidence.GetValueOrDefault("field"), CultureInfo.InvariantCulture);
        if (field is null || !field.StartsWith("parties[", StringComparison.Ordinal) || !field.EndsWith(']'))
        {
            return null;
        }

        return int.TryParse(field.AsSpan(8, field.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }
}
