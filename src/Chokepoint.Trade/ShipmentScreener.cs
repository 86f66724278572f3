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
    // The lowest score asked of the party screener when its default threshold is not known beforehand; near matches
    // below the policy's floor are dropped afterwards.
    private const double MinScreeningScore = 0.4;

    private static readonly PartyRole[] StrictRoles = [PartyRole.EndUser, PartyRole.Consignee, PartyRole.IntermediateConsignee];

    private readonly ReferenceData _reference;
    private readonly IPartyScreener _parties;
    private readonly double _minScore;
    private readonly ShipmentPolicy _policy;
    private readonly RedFlagRuleSet _rules;
    private readonly TimeProvider _time;
    private readonly ItemCatalog _items;
    private readonly ComponentIndex _components;
    private readonly PlaceIndex _places;
    private readonly EvidenceLabels _labels;
    private readonly TokenCache _tokens = new();

    // Per rule (aligned with _rules.Rules): the indicator ids and the source line of its findings.
    private readonly (string[] Implements, string Source)[] _ruleSources;

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
        _labels = new EvidenceLabels(reference);
        _ruleSources = [.. _rules.Rules.Select(rule => (rule.Implements.ToArray(), RuleSource(rule, reference)))];

        // No check reads a match below both the strict roles' threshold and the near-match floor: the screener need
        // not find and explain those.
        _minScore = (_policy.PartyThreshold ?? parties.DefaultThreshold) is { } standard
            ? Math.Max(0, standard - Math.Max(_policy.StrictThresholdMargin, _policy.NearMatchMargin))
            : MinScreeningScore;
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
        var findings = new List<Finding>(64);
        AddPartyFindings(ctx, findings);
        AddItemFindings(ctx, findings);
        AddPlaceFindings(ctx, findings);
        AddCountryFindings(ctx, findings);
        AddRedFlagFindings(ctx, findings);
        var ordered = MostSevereFirst(findings);
        return new ShipmentResult(doc.Id, _policy.Decide(ordered), ordered);
    }

    // Most severe first, document order kept within a severity: a stable insertion sort in place (a few dozen findings,
    // mostly in order already, and no second list).
    private static List<Finding> MostSevereFirst(List<Finding> findings)
    {
        for (var i = 1; i < findings.Count; i++)
        {
            var f = findings[i];
            var j = i - 1;
            for (; j >= 0 && findings[j].Severity < f.Severity; j--)
            {
                findings[j + 1] = findings[j];
            }

            findings[j + 1] = f;
        }

        return findings;
    }

    private ShipmentContext BuildContext(ShipmentDocument doc)
    {
        var text = _tokens;
        var parties = new PartyScreen[doc.Parties.Count];
        var names = new string[parties.Length][];
        var addresses = new string[parties.Length][];
        var partyPlaces = new PlaceMatch[parties.Length][];

        // The same company often fills several roles (buyer, consignee, end user): it is screened once.
        var keys = new string[parties.Length];
        for (var i = 0; i < parties.Length; i++)
        {
            var p = doc.Parties[i];
            var strict = Array.IndexOf(StrictRoles, p.Role) >= 0;
            keys[i] = p.Identifiers.Count switch
            {
                0 => string.Empty,
                1 => p.Identifiers[0],
                _ => string.Join('\n', p.Identifiers),
            };

            // One call returns every candidate down to a floor; the role's threshold is applied here, relative to the
            // engine's calibrated default unless the policy fixes one.
            var result = ScreenedBefore(doc, parties, keys, i)?.Result;
            if (result is null)
            {
                var query = new PartyQuery
                {
                    Id = $"{doc.Id}/parties[{i}]",
                    Name = p.Name,
                    Country = p.Country,
                    Schema = p.Type,
                    Identifiers = p.PartyIdentifiers,
                };
                result = _parties.Screen(query, new ScreeningOptions { Top = 3, Threshold = _policy.PartyThreshold, MinScore = _minScore });
            }

            var standard = _policy.PartyThreshold ?? result.Threshold;
            parties[i] = new PartyScreen(i, p, result, strict ? standard - _policy.StrictThresholdMargin : standard, standard - _policy.NearMatchMargin);
            names[i] = text.Of(p.Name);
            addresses[i] = text.Of(p.Address);
            partyPlaces[i] = _places.Find(addresses[i]);
        }

        var items = new ItemFacts[doc.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ItemFactsOf(i, doc.Items[i], text);
        }

        var routeTokens = new string[doc.Route.Count][];
        var routePlaces = new PlaceMatch[doc.Route.Count][];
        for (var i = 0; i < routePlaces.Length; i++)
        {
            routeTokens[i] = text.Of(doc.Route[i].Place);
            routePlaces[i] = _places.Find(routeTokens[i]);
        }

        return new ShipmentContext
        {
            Document = doc,
            Reference = _reference,
            Policy = _policy,
            Labels = _labels,
            Today = doc.Date ?? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime),
            Parties = parties,
            Items = items,
            NameTokens = names,
            AddressTokens = addresses,
            PartyPlaces = partyPlaces,
            RouteTokens = routeTokens,
            RoutePlaces = routePlaces,
            DestinationCountries = DestinationCountries(doc),
            Text = text,
        };
    }

    // The earlier party with the same name, country, type and identifiers, whose screening is reused.
    private static PartyScreen? ScreenedBefore(ShipmentDocument doc, PartyScreen[] screened, string[] keys, int index)
    {
        var p = doc.Parties[index];
        for (var j = 0; j < index; j++)
        {
            var q = doc.Parties[j];
            if (string.Equals(q.Name, p.Name, StringComparison.Ordinal) && string.Equals(q.Country, p.Country, StringComparison.Ordinal)
                && q.Type == p.Type && string.Equals(keys[j], keys[index], StringComparison.Ordinal))
            {
                return screened[j];
            }
        }

        return null;
    }

    private ItemFacts ItemFactsOf(int index, ShipmentItem item, TokenCache text)
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
            ImpliedHeadings = _items.ImpliedHeadings(tokens),
            EffectiveChpl = effective,
            EffectiveChplCode = effective is null ? null : _labels.Dotted(effective.Hs6),
        };
    }

    private static string[] DestinationCountries(ShipmentDocument doc)
    {
        var set = new List<string>(4);
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

    private static string RuleSource(RedFlagRule rule, ReferenceData reference)
    {
        var source = string.Join("; ", rule.Implements.Select(id => reference.RedFlagsById[id].SourceDocument).Distinct(StringComparer.Ordinal));
        return source.Length == 0 ? "Chokepoint rule" : source;
    }

    private Finding Make(FindingKind kind, string rule, FindingSeverity severity, string summary, FindingEvidence evidence, string source) =>
        new(kind, rule, _policy.Apply(kind, rule, severity), summary, evidence, source);
}
