using System.Globalization;
using Chokepoint.Cases;
using Chokepoint.Core;
using Chokepoint.Trade;

namespace Chokepoint.Server.Screening;

/// <summary>The outcome of checking one shipment in the service.</summary>
/// <param name="Result">The decision and its findings.</param>
/// <param name="CaseId">The case a review or block opened or joined, or null when the shipment is clear.</param>
public sealed record ShipmentCheckOutcome(ShipmentResult Result, Guid? CaseId);

/// <summary>Checks a shipment document, opens or joins the shipment's case when it needs review or blocks, and audits a clear check.</summary>
/// <remarks>Thread-safe; one instance per process. The API and the web page both check through it, so either way a finding lands in a case.</remarks>
public sealed class ShipmentCheckService(TradeReference reference, ScreeningAuditQueue audit, AlertRecorder alerts)
{
    // Enough candidates per party to hold every listed entity a finding names (the screener keeps at most three).
    private static readonly ScreeningOptions RescreenOptions = new() { Top = 10, MinScore = 0 };

    /// <summary>Checks one document against the lists in force and the trade reference tables.</summary>
    /// <param name="snapshot">The lists in force (taken once by the caller).</param>
    /// <param name="data">The loaded trade reference tables.</param>
    /// <param name="doc">The parsed document.</param>
    /// <param name="actor">Who asked (user or key name).</param>
    public async Task<ShipmentCheckOutcome> CheckAsync(ScreeningSnapshot snapshot, ReferenceData data, ShipmentDocument doc, string actor)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(doc);
        var result = reference.ScreenerFor(snapshot, data).Check(doc);
        if (result.Decision == ShipmentDecision.Clear)
        {
            audit.Enqueue(new AuditEntry(actor, "shipment.check", result.Id, CaseJson.Serialize(new { decision = result.Decision, findings = result.Findings.Count })));
            return new ShipmentCheckOutcome(result, null);
        }

        // The case and its audit record are written together; a check that was answered is on record, so the write is
        // not cancelled with the request.
        var alert = new ShipmentAlert(
            doc.Id,
            CaseName(doc),
            result.Decision.ToString().ToLowerInvariant(),
            CaseJson.Serialize(doc),
            PartyMatches(snapshot, doc, result),
            ShipmentJson.Serialize(result),
            result.Findings.Count);
        var recorded = await alerts.RecordAsync(AlertRequest.ForShipment(alert, actor), CancellationToken.None);
        return new ShipmentCheckOutcome(result, recorded.CaseId);
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
