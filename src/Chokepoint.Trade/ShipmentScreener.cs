using Chokepoint.Core;
using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade;

/// <summary>
/// Screens a shipment document: every party through the matching engine, items against the CHPL, the Iran UAV list and
/// battlefield components, addresses and route against places of concern and embargoed or transshipment countries,
/// and the red-flag rules; then decides clear, review or block by the policy.
/// </summary>
/// <remarks>
/// Indexes are built once in the constructor; <see cref="Check"/> only reads them and is safe to call from many threads
/// at once. The screener never loads lists itself: it takes an <see cref="IPartyScreener"/>.
/// </remarks>
public sealed partial class ShipmentScreener
{
    // The lowest score asked of the party screener; near matches below the policy's floor are dropped afterwards.
    private const double MinScreeningScore = 0.4;

    private static readonly PartyRole[] StrictRoles = [PartyRole.EndUser, PartyRole.Consignee, PartyRole.IntermediateConsignee];

    private readonly ReferenceData _reference;
    private readonly IPartyScreener _parties;
    private readonly ShipmentPolicy _policy;
    private readonly RedFlagRuleSet _rules;
    private readonly TimeProvider _time;
    private readonly ItemCatalog _items;
    private readonly ComponentIndex _components;
    private readonly PlaceIndex _places;

    /// <summary>Builds the indexes over the reference data.</summary>
    /// <param name="reference">The loaded reference tables.</param>
    /// <param name="parties">The party screener (the name matching engine over the loaded lists).</param>
    /// <param name="policy">The decision policy; null uses <see cref="ShipmentPolicy.Default"/>.</param>
    /// <param name="rules">The red-flag rules; null uses <see cref="RedFlagRuleSet.Default"/>.</param>
    /// <param name="time">The clock used when a document has no date; null uses the system clock.</param>
    /// <exception cref="ArgumentException">The rules do not fit the reference data (an unknown indicator id, or one neither implemented nor listed as not implementable).</exception>
    public ShipmentScreener(ReferenceData reference, IPartyScreener parties, ShipmentPolicy? policy = null, RedFlagRuleSet? rules = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(parties);
        _reference = reference;
        _parties = parties;
        _policy = policy ?? ShipmentPolicy.Default;
        _rules = rules ?? RedFlagRuleSet.Default;
        _time = time ?? TimeProvider.System;
        var problems = _rules.Validate(reference);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The red-flag rules do not fit the reference data: " + string.Join("; ", problems), nameof(rules));
        }

        _items = new ItemCatalog(reference, EmbeddedRules.Read("item-keywords.json"));
        _components = new ComponentIndex(reference.Components, ManufacturerAliases.Default);
        _places = new PlaceIndex(reference.Places);
    }

    /// <summary>Gets the policy in force.</summary>
    public ShipmentPolicy Policy => _policy;

    /// <summary>Gets the red-flag rules in force.</summary>
    public RedFlagRuleSet Rules => _rules;

    internal ItemCatalog ItemCatalog => _items;

    /// <summary>Screens one document.</summary>
    /// <returns>The decision and its findings, most severe first.</returns>
    public ShipmentResult Check(ShipmentDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var ctx = BuildContext(doc);
        var findings = new List<Finding>();
        AddPartyFindings(ctx, findings);
        AddItemFindings(ctx, findings);
        AddPlaceFindings(ctx, findings);
        AddCountryFindings(ctx, findings);
        AddRedFlagFindings(ctx, findings);

        // Most severe first; the sort is stable so document order holds within a severity.
        var ordered = findings.OrderByDescending(f => f.Severity).ToList();
        return new ShipmentResult(doc.Id, _policy.Decide(ordered), ordered);
    }

    private ShipmentContext BuildContext(ShipmentDocument doc)
    {
        var text = new TokenMemo();
        var parties = new PartyScreen[doc.Parties.Count];

        // The same company often fills several roles (buyer, consignee, end user): it is screened once.
        var screened = new Dictionary<(string Name, string? Country, EntitySchema Type, string Identifiers), ScreeningResult>();
        var partyPlaces = new List<PlaceMatch>[doc.Parties.Count];
        for (var i = 0; i < parties.Length; i++)
        {
            var p = doc.Parties[i];
            var strict = Array.IndexOf(StrictRoles, p.Role) >= 0;
            var query = new PartyQuery
            {
                Id = $"{doc.Id}/parties[{i}]",
                Name = p.Name,
                Country = p.Country,
                Schema = p.Type,
                Identifiers = p.PartyIdentifiers,
            };

            // One call returns every candidate down to a floor; the role's threshold is applied here, relative to the
            // engine's calibrated default unless the policy fixes one.
            var key = (p.Name, p.Country, p.Type, string.Join('\n', p.Identifiers));
            if (!screened.TryGetValue(key, out var result))
            {
                screened[key] = result = _parties.Screen(query, new ScreeningOptions { Top = 3, Threshold = _policy.PartyThreshold, MinScore = MinScreeningScore });
            }

            var standard = _policy.PartyThreshold ?? result.Threshold;
            parties[i] = new PartyScreen(i, p, result, strict ? standard - _policy.StrictThresholdMargin : standard, standard - _policy.NearMatchMargin);
            partyPlaces[i] = _places.Find(text.Of(p.Address));
        }

        var items = new ItemFacts[doc.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ItemFactsOf(i, doc.Items[i], text);
        }

        var routePlaces = new List<PlaceMatch>[doc.Route.Count];
        for (var i = 0; i < routePlaces.Length; i++)
        {
            routePlaces[i] = _places.Find(text.Of(doc.Route[i].Place));
        }

        return new ShipmentContext
        {
            Document = doc,
            Reference = _reference,
            Policy = _policy,
            Today = doc.Date ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime),
            Parties = parties,
            Items = items,
            PartyPlaces = partyPlaces,
            RoutePlaces = routePlaces,
            DestinationCountries = DestinationCountries(doc),
            Text = text,
        };
    }

    private ItemFacts ItemFactsOf(int index, ShipmentItem item, TokenMemo text)
    {
        var tokens = text.Of(item.Description);
        ChplEntry? chpl = null;
        ChplEntry[] covered = [];
        IranUavItem[] uav = [];
        var uavCovered = false;
        if (item.HsCode is { } hs)
        {
            chpl = _items.Chpl(hs);
            covered = _items.ChplCovered(hs);
            uav = _items.Uav(hs, out uavCovered);
        }

        var component = item.PartNumber is null ? null : _components.Find(item.PartNumber, text.Of(item.Manufacturer));

        // A family match without the maker's agreement is too loose to report.
        if (component is { Kind: ComponentMatchKind.Family, ManufacturerAgrees: false })
        {
            component = null;
        }

        var effective = chpl;
        if (effective is null && component is { } m && item.HsCode is null)
        {
            foreach (var c in m.Components)
            {
                if (c.Hs6Guess is { } guess && _items.Chpl(guess) is { } fromGuess)
                {
                    effective = fromGuess;
                    break;
                }
            }
        }

        return new ItemFacts
        {
            Index = index,
            Item = item,
            Chpl = chpl,
            ChplCovered = covered,
            Uav = uav,
            UavCovered = uavCovered,
            UavKeywords = _items.UavByDescription(tokens),
            Component = component,
            DescriptionTokens = tokens,
            ImpliedHeadings = tokens.Length == 0 ? [] : _items.ImpliedHeadings(tokens),
            EffectiveChpl = effective,
        };
    }

    private static string[] DestinationCountries(ShipmentDocument doc)
    {
        var set = new List<string>();
        foreach (var p in doc.Parties)
        {
            if (p.Role is PartyRole.EndUser or PartyRole.Consignee or PartyRole.IntermediateConsignee && p.Country is { } c && !set.Contains(c))
            {
                set.Add(c);
            }
        }

        if (doc.Route.Count > 0 && doc.Route[^1].Country is { } last && !set.Contains(last))
        {
            set.Add(last);
        }

        if (set.Count == 0)
        {
            foreach (var p in doc.Parties)
            {
                if (p.Role == PartyRole.Buyer && p.Country is { } c && !set.Contains(c))
                {
                    set.Add(c);
                }
            }
        }

        return [.. set];
    }

    private Finding Make(FindingKind kind, string rule, FindingSeverity severity, string summary, Dictionary<string, object> evidence, string source) =>
        new(kind, rule, _policy.Apply(kind, rule, severity), summary, evidence, source);
}
