using System.Text.Json;

namespace Chokepoint.Trade;

/// <summary>What a party does in a shipment.</summary>
public enum PartyRole
{
    /// <summary>The exporter or seller.</summary>
    Seller,

    /// <summary>The purchaser.</summary>
    Buyer,

    /// <summary>The ultimate consignee ("consign to" party).</summary>
    Consignee,

    /// <summary>The end user of the goods.</summary>
    EndUser,

    /// <summary>An intermediate consignee (a party that receives the goods on the way).</summary>
    IntermediateConsignee,

    /// <summary>The freight forwarder.</summary>
    FreightForwarder,

    /// <summary>The notify party on the bill of lading.</summary>
    NotifyParty,

    /// <summary>The party that pays.</summary>
    Payer,

    /// <summary>A bank in the transaction (issuing, advising or paying bank).</summary>
    Bank,
}

/// <summary>One order or shipment to screen: its parties, items, route, declared end use and payment.</summary>
/// <remarks>
/// Only <see cref="Id"/>, one party and one item are required; everything else may be absent. Fields the parser does
/// not know are kept in <see cref="UnknownFields"/> and play no part in screening. Immutable and thread-safe.
/// </remarks>
public sealed record ShipmentDocument
{
    /// <summary>Gets the caller's id for the document (order or shipment number).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the document date, if given.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Gets the parties, in document order.</summary>
    public required IReadOnlyList<ShipmentParty> Parties { get; init; }

    /// <summary>Gets the items, in document order.</summary>
    public required IReadOnlyList<ShipmentItem> Items { get; init; }

    /// <summary>Gets the route points, from origin to destination.</summary>
    public IReadOnlyList<RoutePoint> Route { get; init; } = [];

    /// <summary>Gets the declared end use as free text, if given.</summary>
    public string? DeclaredEndUse { get; init; }

    /// <summary>Gets the payment details, if given.</summary>
    public PaymentInfo? Payment { get; init; }

    /// <summary>Gets the Incoterms rule (EXW, FCA, DAP…), if given.</summary>
    public string? Incoterms { get; init; }

    /// <summary>Gets top-level fields the parser does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, JsonElement> UnknownFields { get; init; } = new Dictionary<string, JsonElement>();
}

/// <summary>A party named in a shipment document.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ShipmentParty
{
    /// <summary>Gets the party's role.</summary>
    public required PartyRole Role { get; init; }

    /// <summary>Gets the name, in any script.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the country (ISO 3166-1 alpha-2, upper case), if given.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the address as free text in any script, if given.</summary>
    public string? Address { get; init; }

    /// <summary>Gets whether the party is a person or an organisation, if stated.</summary>
    public Core.EntitySchema Type { get; init; }

    /// <summary>Gets identifiers (registration numbers, tax numbers, e-mail addresses) as written.</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    /// <summary>Gets the same identifiers as the matching engine reads them (an exact match on a listed one is decisive).</summary>
    public IReadOnlyList<Core.Identifier> PartyIdentifiers { get; init; } = [];

    /// <summary>Gets the date of incorporation, if given.</summary>
    public DateOnly? Incorporated { get; init; }
}

/// <summary>One line item of a shipment.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ShipmentItem
{
    /// <summary>Gets the goods description, if given.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the declared HS code (any notation, parsed to digits), if given.</summary>
    public HsCode? HsCode { get; init; }

    /// <summary>Gets the manufacturer part number as written, if given.</summary>
    public string? PartNumber { get; init; }

    /// <summary>Gets the manufacturer as written, if given.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>Gets the quantity, if given.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>Gets the unit price, if given.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary>Gets the currency (ISO 4217), if given.</summary>
    public string? Currency { get; init; }

    /// <summary>Gets the export control classification number (e.g. EAR99, 3A991), if given.</summary>
    public string? Eccn { get; init; }
}

/// <summary>A place the goods pass through.</summary>
/// <param name="Place">The port or city, in any script.</param>
/// <param name="Country">The country (ISO 3166-1 alpha-2, upper case), if given.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RoutePoint(string? Place, string? Country);

/// <summary>How the goods are paid for.</summary>
/// <param name="OriginatorCountry">The country the payment comes from (ISO alpha-2), if given.</param>
/// <param name="Method">The payment method as written (wire, letter of credit, cash…), if given.</param>
/// <param name="OriginatorName">The name of the paying party as it appears on the payment, if given.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PaymentInfo(string? OriginatorCountry, string? Method, string? OriginatorName = null);
