namespace Chokepoint.Cases;

/// <summary>A shipment check that needs review or blocks, as a case holds it.</summary>
/// <param name="DocumentId">The shipment document's id; checks of the same document share an open case.</param>
/// <param name="CaseName">What the case is called (the document id and its consignee or end user).</param>
/// <param name="Decision">The check's decision: <c>review</c> or <c>block</c>.</param>
/// <param name="DocumentJson">The document as checked, as JSON (the alert's query).</param>
/// <param name="Matches">Every party match behind a finding, with its explanation and the listed entry's fingerprint.</param>
/// <param name="FindingsJson">The result line: id, decision and findings (kind, severity, rule, summary, evidence, source).</param>
/// <param name="FindingCount">How many findings the check made.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ShipmentAlert(string DocumentId, string CaseName, string Decision, string DocumentJson, IReadOnlyList<AlertMatch> Matches, string FindingsJson, int FindingCount)
{
    /// <summary>The <see cref="Alert.Origin"/> of alerts raised by shipment checks.</summary>
    public const string Origin = "shipment";
}
