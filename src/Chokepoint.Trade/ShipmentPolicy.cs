using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chokepoint.Trade;

/// <summary>How finding severities become a decision, and the party-matching thresholds.</summary>
/// <remarks>
/// Defaults: a <see cref="FindingSeverity.Critical"/> finding blocks; <see cref="FindingSeverity.Medium"/> or
/// <see cref="FindingSeverity.High"/> needs review; anything lower clears. Overrides change the severity of one rule
/// or of a whole finding kind. Load a policy from JSON with <see cref="Parse"/>. Immutable and thread-safe.
/// </remarks>
public sealed record ShipmentPolicy
{
    /// <summary>Gets the default policy.</summary>
    public static ShipmentPolicy Default { get; } = new();

    /// <summary>Gets the severity at or above which the shipment is blocked.</summary>
    /// <value><see cref="FindingSeverity.Critical"/>.</value>
    public FindingSeverity BlockAt { get; init; } = FindingSeverity.Critical;

    /// <summary>Gets the severity at or above which the shipment needs review.</summary>
    /// <value><see cref="FindingSeverity.Medium"/>.</value>
    public FindingSeverity ReviewAt { get; init; } = FindingSeverity.Medium;

    /// <summary>Gets how many <see cref="FindingSeverity.High"/> findings together block the shipment; 0 turns this off.</summary>
    /// <value>0 (off).</value>
    public int BlockAtHighCount { get; init; }

    /// <summary>Gets the party-match score that alerts for sellers, buyers, forwarders, banks and other roles; null uses the matching engine's default.</summary>
    /// <value>null (the engine's calibrated default).</value>
    public double? PartyThreshold { get; init; }

    /// <summary>Gets how far below the standard threshold end users, consignees and intermediate consignees alert (a stricter, lower threshold).</summary>
    /// <value>0.05.</value>
    public double StrictThresholdMargin { get; init; } = 0.05;

    /// <summary>Gets how far below the standard threshold a score still counts as "resembles a listed party".</summary>
    /// <value>0.1.</value>
    public double NearMatchMargin { get; init; } = 0.1;

    /// <summary>Gets severity overrides by rule id (e.g. <c>young-company</c>) or kind (e.g. <c>component</c>, <c>red_flag</c>); rule ids win.</summary>
    public IReadOnlyDictionary<string, FindingSeverity> SeverityOverrides { get; init; } = new Dictionary<string, FindingSeverity>();

    /// <summary>Returns the severity after overrides.</summary>
    public FindingSeverity Apply(FindingKind kind, string rule, FindingSeverity severity) =>
        SeverityOverrides.TryGetValue(rule, out var byRule) ? byRule
        : SeverityOverrides.TryGetValue(KindName(kind), out var byKind) ? byKind
        : severity;

    /// <summary>Decides from the (overridden) severities of the findings.</summary>
    public ShipmentDecision Decide(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var decision = ShipmentDecision.Clear;
        var high = 0;
        foreach (var f in findings)
        {
            if (f.Severity >= BlockAt)
            {
                return ShipmentDecision.Block;
            }

            high += f.Severity == FindingSeverity.High ? 1 : 0;
            if (f.Severity >= ReviewAt)
            {
                decision = ShipmentDecision.Review;
            }
        }

        return BlockAtHighCount > 0 && high >= BlockAtHighCount ? ShipmentDecision.Block : decision;
    }

    /// <summary>Reads a policy from JSON; absent properties keep their defaults.</summary>
    /// <returns>The policy, or null with the error message when the JSON is invalid.</returns>
    /// <example><c>{"blockAt":"high","partyThreshold":0.8,"severityOverrides":{"young-company":"low"}}</c></example>
    public static (ShipmentPolicy? Policy, string? Error) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var p = JsonSerializer.Deserialize<ShipmentPolicy>(json, JsonOptions);
            if (p is null)
            {
                return (null, "the policy file is empty");
            }

            if (p.StrictThresholdMargin is < 0 or > 1 || p.NearMatchMargin is < 0 or > 1 || p.PartyThreshold is < 0 or > 1)
            {
                return (null, "thresholds and margins must lie between 0 and 1");
            }

            return p.ReviewAt > p.BlockAt ? (null, "reviewAt must not be above blockAt") : (p, null);
        }
        catch (JsonException ex)
        {
            return (null, $"line {(ex.LineNumber ?? 0) + 1}: field '{ex.Path}': {ex.Message}");
        }
    }

    /// <summary>Gets the JSON name of a finding kind (<c>party</c>, <c>item</c>, <c>component</c>, <c>place</c>, <c>country</c>, <c>red_flag</c>).</summary>
    public static string KindName(FindingKind kind) => kind switch
    {
        FindingKind.Party => "party",
        FindingKind.Item => "item",
        FindingKind.Component => "component",
        FindingKind.Place => "place",
        FindingKind.Country => "country",
        _ => "red_flag",
    };

    /// <summary>Gets JSON options that read and write policies and results as documented (camelCase, lower-case enums).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = false,
    };
}
