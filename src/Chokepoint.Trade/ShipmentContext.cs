using Chokepoint.Core;
using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade;

/// <summary>What the item checks learned about one line item.</summary>
internal sealed class ItemFacts
{
    private string? _declared;

    public required int Index { get; init; }

    public required ShipmentItem Item { get; init; }

    public ChplEntry? Chpl { get; init; }

    public ChplEntry[] ChplCovered { get; init; } = [];

    public IranUavItem[] Uav { get; init; } = [];

    public bool UavCovered { get; init; }

    public (IranUavItem Item, string Keyword)[] UavKeywords { get; init; } = [];

    public ComponentMatch? Component { get; init; }

    public string[] DescriptionTokens { get; init; } = [];

    /// <summary>Gets the CHPL headings the description implies, with the keyword that implied each.</summary>
    public (string Heading, string Keyword)[] ImpliedHeadings { get; init; } = [];

    /// <summary>Gets the CHPL entry from the declared code, else from the matched component's HS guess.</summary>
    public ChplEntry? EffectiveChpl { get; init; }

    /// <summary>Gets the dotted form of <see cref="EffectiveChpl"/>'s code.</summary>
    public string? EffectiveChplCode { get; init; }

    /// <summary>Gets the declared HS code in dotted form, or an empty string (worked out on first use).</summary>
    public string Declared => _declared ??= Item.HsCode?.ToDottedString() ?? string.Empty;

    /// <summary>Gets the evidence field of the declared code, <c>items[i].hsCode</c>.</summary>
    public string HsField => FieldNames.ItemHsCode[Index];

    /// <summary>Gets whether anything ties the item to the drone programmes (CHPL, UAV list, component).</summary>
    public bool IsOfConcern => EffectiveChpl is not null || ChplCovered.Length > 0 || Uav.Length > 0 || UavKeywords.Length > 0 || Component is not null;
}

/// <summary>Party screening outcome for one party of the document.</summary>
internal sealed record PartyScreen(int Index, ShipmentParty Party, ScreeningResult Result, double Threshold, double NearMatchFloor);

/// <summary>Everything one check learned about a document, shared by the finding builders and the red-flag predicates.</summary>
/// <remarks>Built per call and not shared between threads.</remarks>
internal sealed class ShipmentContext
{
    public required ShipmentDocument Document { get; init; }

    public required ReferenceData Reference { get; init; }

    public required ShipmentPolicy Policy { get; init; }

    public required EvidenceLabels Labels { get; init; }

    public required DateOnly Today { get; init; }

    public required PartyScreen[] Parties { get; init; }

    public required ItemFacts[] Items { get; init; }

    /// <summary>Gets the normalised tokens of each party's name (aligned with the parties).</summary>
    public required string[][] NameTokens { get; init; }

    /// <summary>Gets the normalised tokens of each party's address (aligned with the parties).</summary>
    public required string[][] AddressTokens { get; init; }

    /// <summary>Gets the places found per party address (aligned with the parties).</summary>
    public required PlaceMatch[][] PartyPlaces { get; init; }

    /// <summary>Gets the normalised tokens of each route place (aligned with the route).</summary>
    public required string[][] RouteTokens { get; init; }

    /// <summary>Gets the places found per route point (aligned with the route).</summary>
    public required PlaceMatch[][] RoutePlaces { get; init; }

    /// <summary>Gets the countries the goods go to: end user, consignee, intermediate consignee and the last route point; the buyer when none is given.</summary>
    public required string[] DestinationCountries { get; init; }

    /// <summary>Gets the normalised tokens of texts, kept across checks.</summary>
    public required TokenCache Text { get; init; }

    /// <summary>Returns the normalised tokens of a text.</summary>
    public string[] Tokens(string? text) => Text.Of(text);

    /// <summary>Returns <c>parties[i]</c>.</summary>
    public static string PartyField(int index) => FieldNames.Party[index];

    public static bool IsIn(PartyRole[] roles, PartyRole role) => Array.IndexOf(roles, role) >= 0;

    public bool HasRole(PartyRole role)
    {
        foreach (var p in Document.Parties)
        {
            if (p.Role == role)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the index of the first party in the role that names a country, or -1.</summary>
    public int FirstWithCountry(PartyRole role)
    {
        for (var i = 0; i < Document.Parties.Count; i++)
        {
            if (Document.Parties[i].Role == role && Document.Parties[i].Country is not null)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets whether any item's CHPL code (declared, or guessed from a matched component) is in the tiers (any tier when none given).</summary>
    public bool HasChplCodes(string[] tiers)
    {
        foreach (var i in Items)
        {
            if (InTiers(i, tiers))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the distinct CHPL codes of items in the given tiers (declared, or guessed from a matched component).</summary>
    public string[] ChplCodes(string[] tiers)
    {
        var codes = new List<string>(Items.Length);
        foreach (var i in Items)
        {
            if (InTiers(i, tiers) && !codes.Contains(i.EffectiveChplCode!))
            {
                codes.Add(i.EffectiveChplCode!);
            }
        }

        return [.. codes];
    }

    public static string RoleName(PartyRole role) => role switch
    {
        PartyRole.EndUser => "end user",
        PartyRole.IntermediateConsignee => "intermediate consignee",
        PartyRole.FreightForwarder => "freight forwarder",
        PartyRole.NotifyParty => "notify party",
        PartyRole.Seller => "seller",
        PartyRole.Buyer => "buyer",
        PartyRole.Consignee => "consignee",
        PartyRole.Payer => "payer",
        PartyRole.Bank => "bank",
        _ => role.ToString().ToLowerInvariant(),
    };

    /// <summary>Gets the value of the goods (sum of quantity times unit price over priced items).</summary>
    public decimal TotalValue()
    {
        decimal total = 0;
        foreach (var i in Document.Items)
        {
            if (i.Quantity is { } q && i.UnitPrice is { } p)
            {
                total += q * p;
            }
        }

        return total;
    }

    private static bool InTiers(ItemFacts item, string[] tiers) =>
        item.EffectiveChpl is { } c && (tiers.Length == 0 || Array.IndexOf(tiers, c.Tier) >= 0);
}
