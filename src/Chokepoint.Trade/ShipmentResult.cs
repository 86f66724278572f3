namespace Chokepoint.Trade;

/// <summary>What a shipment screening decides.</summary>
public enum ShipmentDecision
{
    /// <summary>Nothing found that needs a person's attention.</summary>
    Clear,

    /// <summary>A compliance officer reviews the findings before the shipment proceeds.</summary>
    Review,

    /// <summary>The shipment must not proceed as documented.</summary>
    Block,
}

/// <summary>What a finding is about.</summary>
public enum FindingKind
{
    /// <summary>A party matched a listed entity, or resembles one.</summary>
    Party,

    /// <summary>An item's HS code or description is on the CHPL or the Iran UAV item list.</summary>
    Item,

    /// <summary>An item's part number matches a component documented in a recovered drone.</summary>
    Component,

    /// <summary>An address or route place is a place of concern.</summary>
    Place,

    /// <summary>A country is embargoed or a named transshipment point.</summary>
    Country,

    /// <summary>A red-flag rule fired.</summary>
    RedFlag,
}

/// <summary>How serious a finding is; the <see cref="ShipmentPolicy"/> turns severities into a decision.</summary>
public enum FindingSeverity
{
    /// <summary>Context only.</summary>
    Info,

    /// <summary>Worth noting; does not stop a shipment by default.</summary>
    Low,

    /// <summary>Needs review by default.</summary>
    Medium,

    /// <summary>Needs review by default, with priority.</summary>
    High,

    /// <summary>Blocks by default (a listed party, CHPL items to an embargoed destination).</summary>
    Critical,
}

/// <summary>One reason behind a decision, with its evidence and the official document it rests on.</summary>
/// <param name="Kind">What the finding is about.</param>
/// <param name="Rule">The check or red-flag rule that produced it, e.g. <c>party-listed</c> or <c>forwarder-as-end-user</c>.</param>
/// <param name="Severity">How serious it is (after policy overrides).</param>
/// <param name="Summary">One readable sentence.</param>
/// <param name="Evidence">The facts: list entry, HS tier, component record, place, rule inputs.</param>
/// <param name="Source">The official document or list it rests on.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Finding(FindingKind Kind, string Rule, FindingSeverity Severity, string Summary, IReadOnlyDictionary<string, object> Evidence, string Source);

/// <summary>The decision for one shipment document and the findings behind it.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Decision">Clear, review or block.</param>
/// <param name="Findings">The findings, most severe first.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ShipmentResult(string Id, ShipmentDecision Decision, IReadOnlyList<Finding> Findings);
