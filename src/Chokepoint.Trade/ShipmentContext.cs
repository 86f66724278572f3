using Chokepoint.Core;
using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade;

/// <summary>What the item checks learned about one line item.</summary>
internal sealed class ItemFacts
{
    public required int Index { get; init; }

    public required ShipmentItem Item { get; init; }

    public ChplEntry? Chpl { get; init; }

    public ChplEntry[] ChplCovered { get; init; } = [];

    public IranUavItem[] Uav { get; init; } = [];

    public bool UavCovered { get; init; }

    public List<(IranUavItem Item, string Keyword)> UavKeywords { get; init; } = [];

    public ComponentMatch? Component { get; init; }

    public string[] DescriptionTokens { get; init; } = [];

    /// <summary>Gets the CHPL headings the description implies, with the keyword that implied each.</summary>
    public List<(string Heading, string Keyword)> ImpliedHeadings { get; init; } = [];

    /// <summary>Gets the CHPL entry from the declared code, else from the matched component's HS guess.</summary>
    public ChplEntry? EffectiveChpl { get; init; }

    /// <summary>Gets whether anything ties the item to the drone programmes (CHPL, UAV list, component).</summary>
    public bool IsOfConcern => EffectiveChpl is not null || ChplCovered.Length > 0 || Uav.Length > 0 || UavKeywords.Count > 0 || Component is not null;
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

    public required DateOnly Today { get; init; }

    public required PartyScreen[] Parties { get; init; }

    public required ItemFacts[] Items { get; init; }

    /// <summary>Gets the places found per party address (aligned with the parties).</summary>
    public required List<PlaceMatch>[] PartyPlaces { get; init; }

    /// <summary>Gets the places found per route point (aligned with the route).</summary>
    public required List<PlaceMatch>[] RoutePlaces { get; init; }

    /// <summary>Gets the countries the goods go to: end user, consignee, intermediate consignee and the last route point; the buyer when none is given.</summary>
    public required string[] DestinationCountries { get; init; }

    /// <summary>Gets the tokens of every text this check has read, each normalised once.</summary>
    public required TokenMemo Text { get; init; }

    /// <summary>Returns the normalised tokens of a text, normalising each distinct text once per check.</summary>
    public string[] Tokens(string? text) => Text.Of(text);

    public IEnumerable<ShipmentParty> PartiesIn(PartyRole[] roles) => Document.Parties.Where(p => Array.IndexOf(roles, p.Role) >= 0);

    public bool HasRole(PartyRole role) => Document.Parties.Any(p => p.Role == role);

    /// <summary>Returns the CHPL codes of items in the given tiers (declared, or guessed from a matched component).</summary>
    public List<string> ChplCodes(string[] tiers) =>
        [.. Items.Where(i => i.EffectiveChpl is { } c && (tiers.Length == 0 || Array.IndexOf(tiers, c.Tier) >= 0))
            .Select(i => i.EffectiveChpl!.Hs6.ToDottedString()).Distinct(StringComparer.Ordinal)];

    public static string RoleName(PartyRole role) => role switch
    {
        PartyRole.EndUser => "end user",
        PartyRole.IntermediateConsignee => "intermediate consignee",
        PartyRole.FreightForwarder => "freight forwarder",
        PartyRole.NotifyParty => "notify party",
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
}
