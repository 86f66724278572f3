using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Chokepoint.Core;
using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade;

/// <content>The party, item, component, place and country checks.</content>
public sealed partial class ShipmentScreener
{
    private const string ChplSource = "BIS Common High Priority List (US/EU/UK/Japan), version of 2024-02-23; FinCEN/BIS FIN-2023-Alert004 (2023-05-19)";

    private void AddPartyFindings(ShipmentContext ctx, List<Finding> findings)
    {
        foreach (var s in ctx.Parties)
        {
            var role = ShipmentContext.RoleName(s.Party.Role);
            if (s.Result.Error is { } error)
            {
                findings.Add(Make(FindingKind.Party, "party-not-screened", FindingSeverity.Medium,
                    $"The {role} '{s.Party.Name}' could not be screened: {error}.",
                    new FindingEvidence(4) { ["field"] = ShipmentContext.PartyField(s.Index), ["role"] = role, ["party"] = s.Party.Name, ["error"] = error },
                    "Chokepoint party screening"));
                continue;
            }

            foreach (var m in s.Result.Matches)
            {
                if (m.Score < s.Threshold)
                {
                    continue;
                }

                findings.Add(Make(FindingKind.Party, "party-listed", FindingSeverity.Critical,
                    $"The {role} '{s.Party.Name}' matches the listed party '{m.Name}' ({m.EntityId}, score {m.Score.ToString("0.00", CultureInfo.InvariantCulture)}).",
                    PartyEvidence(s, m), ListSource(m.EntityId.Source)));
            }
        }
    }

    // Room for the near-match rule's two more facts and the indicator ids.
    internal static FindingEvidence PartyEvidence(PartyScreen s, ScreeningMatch m) => new(12)
    {
        ["field"] = ShipmentContext.PartyField(s.Index),
        ["role"] = ShipmentContext.RoleName(s.Party.Role),
        ["party"] = s.Party.Name,
        ["entityId"] = m.EntityId.ToString(),
        ["listedName"] = m.Name,
        ["score"] = Math.Round(m.Score, 3),
        ["threshold"] = s.Threshold,
        ["list"] = m.EntityId.Source,
        ["explanation"] = Explain(m.Explanation),
    };

    private static string Explain(MatchExplanation e)
    {
        var sb = new StringBuilder();
        foreach (var a in e.Alignments)
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(a.Query).Append('~').Append(a.Listed).Append(" (").Append(a.Kind.ToString().ToLowerInvariant()).Append(')');
        }

        foreach (var ev in e.Evidence)
        {
            sb.Append("; ").Append(ev.Kind).Append(' ').Append(ev.Outcome);
        }

        if (e.Note is not null)
        {
            sb.Append("; ").Append(e.Note);
        }

        return sb.Length == 0 ? $"name score {e.NameScore.ToString("0.00", CultureInfo.InvariantCulture)}" : sb.ToString();
    }

    internal static string ListSource(string source) => source switch
    {
        "us_ofac_sdn" => "US Treasury OFAC Specially Designated Nationals (SDN) list (us_ofac_sdn)",
        "us_ofac_cons" => "US Treasury OFAC Consolidated non-SDN list (us_ofac_cons)",
        "us_bis_dpl" => "US Commerce BIS Denied Persons List (us_bis_dpl)",
        "us_trade_csl" => "US Consolidated Screening List (us_trade_csl)",
        "un_sc_consolidated" => "UN Security Council Consolidated List (un_sc_consolidated)",
        "uk_ofsi_conlist" => "UK OFSI Consolidated List (uk_ofsi_conlist)",
        _ => source,
    };

    private void AddItemFindings(ShipmentContext ctx, List<Finding> findings)
    {
        foreach (var f in ctx.Items)
        {
            if (f.Chpl is { } chpl)
            {
                findings.Add(Make(FindingKind.Item, "item-chpl", FindingSeverity.Low,
                    $"Item {f.Index + 1}: HS {f.Declared} is on the Common High Priority List, tier {chpl.Tier} ({chpl.Description}).",
                    new FindingEvidence(6) { ["field"] = f.HsField, ["declared"] = f.Declared, ["hs6"] = chpl.Hs6.Digits, ["tier"] = chpl.Tier, ["description"] = chpl.Description, ["row"] = _labels.Row(chpl.Location) },
                    ChplSource));
            }
            else if (f.ChplCovered.Length > 0)
            {
                findings.Add(Make(FindingKind.Item, "item-chpl-heading", FindingSeverity.Info,
                    $"Item {f.Index + 1}: heading {f.Declared} includes CHPL subheadings ({string.Join(", ", f.ChplCovered.Select(c => $"{_labels.Dotted(c.Hs6)} tier {c.Tier}"))}).",
                    new FindingEvidence(6) { ["field"] = f.HsField, ["declared"] = f.Declared, ["hs6"] = f.ChplCovered.Select(c => c.Hs6.Digits).ToArray(), ["tiers"] = f.ChplCovered.Select(c => c.Tier).Distinct().ToArray(), ["rows"] = f.ChplCovered.Select(c => _labels.Row(c.Location)).ToArray() },
                    ChplSource));
            }

            foreach (var u in f.Uav)
            {
                findings.Add(Make(FindingKind.Item, f.UavCovered ? "item-iran-uav-heading" : "item-iran-uav", f.UavCovered ? FindingSeverity.Info : FindingSeverity.Low,
                    $"Item {f.Index + 1}: HS {f.Declared} {(f.UavCovered ? "includes" : "is")} an item type of concern for Iran's UAV programme ({u.Description}).",
                    new FindingEvidence(5) { ["field"] = f.HsField, ["declared"] = f.Declared, ["listed"] = u.HsCode is { } listed ? _labels.Dotted(listed) : string.Empty, ["itemType"] = u.Description, ["row"] = _labels.Row(u.Location) },
                    u.SourceDocument));
            }

            foreach (var (u, keyword) in f.UavKeywords)
            {
                findings.Add(Make(FindingKind.Item, "item-iran-uav-description", FindingSeverity.Low,
                    $"Item {f.Index + 1}: the description names '{keyword}', an item type of concern for Iran's UAV programme ({u.Description}).",
                    new FindingEvidence(4) { ["field"] = FieldNames.ItemDescription[f.Index], ["keyword"] = keyword, ["itemType"] = u.Description, ["row"] = _labels.Row(u.Location) },
                    u.SourceDocument));
            }

            if (f.Component is { } m)
            {
                findings.Add(ComponentFinding(f, m));
            }
        }
    }

    private Finding ComponentFinding(ItemFacts f, ComponentMatch m)
    {
        var severity = (m.Kind, m.ManufacturerAgrees) switch
        {
            (ComponentMatchKind.Family, true) => FindingSeverity.Medium,
            (ComponentMatchKind.Family, _) => FindingSeverity.Low,
            (_, false) => FindingSeverity.Medium,
            _ => FindingSeverity.High,
        };
        var first = m.Components[0];
        var group = _components.Group(m.Components);
        var (how, match) = m.Kind switch
        {
            ComponentMatchKind.Exact => ("matches", "exact"),
            ComponentMatchKind.Suffix => ("is an ordering variant of", "suffix"),
            _ => ("is in the same part family as", "family"),
        };
        var evidence = new FindingEvidence(12)
        {
            ["field"] = FieldNames.ItemPartNumber[f.Index],
            ["partNumber"] = f.Item.PartNumber ?? string.Empty,
            ["listedPartNumber"] = first.PartNumber,
            ["match"] = match,
            ["manufacturer"] = first.Manufacturer,
            ["manufacturerAgrees"] = m.ManufacturerAgrees switch { true => "true", false => "false", null => "not given" },
            ["function"] = first.Function,
            ["weapons"] = group.Weapons,
            ["specimens"] = group.Specimens,
            ["hs6Guess"] = first.Hs6Guess?.Digits ?? string.Empty,
            ["urls"] = group.Urls,
            ["rows"] = group.Rows,
        };

        // One string for the summary, whichever way the maker is told.
        var summary = new DefaultInterpolatedStringHandler(96, 8, CultureInfo.InvariantCulture);
        summary.AppendLiteral("Item ");
        summary.AppendFormatted(f.Index + 1);
        summary.AppendLiteral(": part ");
        summary.AppendFormatted(f.Item.PartNumber);
        summary.AppendLiteral(" ");
        summary.AppendLiteral(how);
        summary.AppendLiteral(" ");
        summary.AppendLiteral(first.PartNumber);
        summary.AppendLiteral(m.ManufacturerAgrees switch { true => ", same manufacturer (", false => "; the listed manufacturer is ", null => " (" });
        summary.AppendLiteral(first.Manufacturer);
        if (m.ManufacturerAgrees == false)
        {
            summary.AppendLiteral(", not ");
            summary.AppendFormatted(f.Item.Manufacturer);
        }
        else
        {
            summary.AppendLiteral(")");
        }

        summary.AppendLiteral(", documented in recovered ");
        summary.AppendLiteral(group.WeaponsText);
        summary.AppendLiteral(" drones (");
        summary.AppendLiteral(first.Function);
        summary.AppendLiteral(").");
        return Make(FindingKind.Component, "component-match", severity, summary.ToStringAndClear(), evidence, group.Source);
    }

    private void AddPlaceFindings(ShipmentContext ctx, List<Finding> findings)
    {
        var doc = ctx.Document;
        for (var i = 0; i < doc.Parties.Count; i++)
        {
            var p = doc.Parties[i];
            foreach (var m in ctx.PartyPlaces[i])
            {
                var severity = m.Place.IsUnverified || (p.Country is not null && p.Country != m.Place.Country) ? FindingSeverity.Low
                    : m.Place.Kind == "port" ? FindingSeverity.Medium
                    : FindingSeverity.High;
                findings.Add(PlaceFinding(m, severity, FieldNames.PartyAddress[i], p.Address!, $"The {ShipmentContext.RoleName(p.Role)}'s address"));
            }
        }

        for (var i = 0; i < doc.Route.Count; i++)
        {
            var r = doc.Route[i];
            foreach (var m in ctx.RoutePlaces[i])
            {
                var severity = m.Place.IsUnverified || (r.Country is not null && r.Country != m.Place.Country) ? FindingSeverity.Low : FindingSeverity.High;
                findings.Add(PlaceFinding(m, severity, FieldNames.RoutePlace[i], r.Place!, $"Route point {i + 1}"));
            }
        }
    }

    private Finding PlaceFinding(PlaceMatch m, FindingSeverity severity, string field, string text, string where) =>
        Make(FindingKind.Place, "place-of-concern", severity,
            $"{where} names {m.Place.Name} ('{m.MatchedName}'{(m.Fuzzy ? ", close spelling" : string.Empty)}), a {m.Place.Kind} of concern in {m.Place.Country}{(m.Place.IsUnverified ? " (no source ties it to UAV transfers)" : string.Empty)}.",
            new FindingEvidence(11)
            {
                ["field"] = field,
                ["text"] = text,
                ["place"] = m.Place.Name,
                ["matchedName"] = m.MatchedName,
                ["fuzzy"] = FindingEvidence.Box(m.Fuzzy),
                ["kind"] = m.Place.Kind,
                ["country"] = m.Place.Country,
                ["lat"] = m.Place.Latitude,
                ["lon"] = m.Place.Longitude,
                ["unverified"] = FindingEvidence.Box(m.Place.IsUnverified),
                ["row"] = _labels.Row(m.Place.Location),
            },
            m.Place.SourceDocument);

    private void AddCountryFindings(ShipmentContext ctx, List<Finding> findings)
    {
        var doc = ctx.Document;
        var embargoed = new CountryFields<EmbargoedDestination>();
        var transshipment = new CountryFields<string>();
        for (var i = 0; i < doc.Parties.Count; i++)
        {
            var p = doc.Parties[i];
            var destinational = p.Role is PartyRole.EndUser or PartyRole.Consignee or PartyRole.IntermediateConsignee or PartyRole.Buyer or PartyRole.NotifyParty;
            if (EmbargoedDestinations.Country(p.Country) is { } country)
            {
                embargoed.Add(country.Code, country, FieldNames.PartyCountry[i], destinational);
            }

            if (EmbargoedDestinations.RegionIn(ctx.AddressTokens[i]) is { } region)
            {
                embargoed.Add(region.Code, region, FieldNames.PartyAddress[i], destinational);
            }

            if (p.Role is PartyRole.EndUser or PartyRole.Consignee or PartyRole.IntermediateConsignee && ctx.Reference.IsTransshipment(p.Country))
            {
                transshipment.Add(p.Country!, p.Country!, FieldNames.PartyCountry[i], false);
            }
        }

        for (var i = 0; i < doc.Route.Count; i++)
        {
            var r = doc.Route[i];
            if (EmbargoedDestinations.Country(r.Country) is { } country)
            {
                embargoed.Add(country.Code, country, FieldNames.RouteCountry[i], true);
            }

            if (EmbargoedDestinations.RegionIn(ctx.RouteTokens[i]) is { } region)
            {
                embargoed.Add(region.Code, region, FieldNames.RoutePlace[i], true);
            }

            if (ctx.Reference.IsTransshipment(r.Country))
            {
                transshipment.Add(r.Country!, r.Country!, FieldNames.RouteCountry[i], false);
            }
        }

        if (EmbargoedDestinations.Country(doc.Payment?.OriginatorCountry) is { } payer)
        {
            embargoed.Add(payer.Code, payer, "payment.originatorCountry", false);
        }

        if (embargoed.Count > 0)
        {
            AddEmbargoFindings(ctx, embargoed, findings);
        }

        for (var k = 0; k < transshipment.Count; k++)
        {
            var (code, _, fields, _) = transshipment[k];
            var facts = _labels.Transshipment[code];
            findings.Add(Make(FindingKind.Country, "country-transshipment", FindingSeverity.Low,
                $"{facts.Name} is named by the authorities as a transshipment or diversion point ({string.Join(", ", fields)}).",
                new FindingEvidence(6)
                {
                    ["country"] = code,
                    ["name"] = facts.Name,
                    ["fields"] = fields.ToArray(),
                    ["bases"] = facts.Bases,
                    ["gecc"] = FindingEvidence.Box(facts.Gecc),
                    ["rows"] = facts.Rows,
                },
                facts.Source));
        }
    }

    private void AddEmbargoFindings(ShipmentContext ctx, CountryFields<EmbargoedDestination> embargoed, List<Finding> findings)
    {
        var controlled = false;
        foreach (var i in ctx.Items)
        {
            controlled |= i.IsOfConcern;
        }

        for (var k = 0; k < embargoed.Count; k++)
        {
            var (code, d, fields, destinational) = embargoed[k];

            // A comprehensive embargo bars the destination whatever the goods; a sectoral one bars goods of concern.
            var barred = destinational && (controlled || d.Comprehensive);
            var severity = barred ? FindingSeverity.Critical : FindingSeverity.High;
            var where = string.Join(", ", fields);
            var summary = !barred ? $"{d.Name}, an embargoed destination, appears in the transaction ({where})."
                : controlled ? $"Goods of concern go to {d.Name}, an embargoed destination ({where})."
                : $"The shipment goes to {d.Name}, under a comprehensive embargo: nearly every export needs a licence ({where}).";
            findings.Add(Make(FindingKind.Country, "country-embargoed", severity, summary,
                new FindingEvidence(7) { ["country"] = code, ["name"] = d.Name, ["fields"] = fields.ToArray(), ["destination"] = FindingEvidence.Box(destinational), ["goodsOfConcern"] = FindingEvidence.Box(controlled), ["comprehensive"] = FindingEvidence.Box(d.Comprehensive), ["basis"] = d.Basis },
                d.Basis));
        }
    }

    private void AddRedFlagFindings(ShipmentContext ctx, List<Finding> findings)
    {
        for (var r = 0; r < _rules.Rules.Count; r++)
        {
            var rule = _rules.Rules[r];
            var hits = RedFlagPredicates.Evaluate(rule, ctx);
            if (hits is null)
            {
                continue;
            }

            var (implements, source) = _ruleSources[r];
            foreach (var hit in hits)
            {
                hit["implements"] = implements;
                findings.Add(Make(FindingKind.RedFlag, rule.Id, rule.Severity, rule.Render(hit), hit, source));
            }
        }
    }

    /// <summary>The fields that name each country, in the order the countries were first met (what the findings list).</summary>
    /// <remarks>A document names a handful of countries, so a list scan serves; nothing is allocated until one is met.</remarks>
    private sealed class CountryFields<T>
    {
        private List<(string Code, T Value, List<string> Fields, bool Destinational)>? _countries;

        public int Count => _countries?.Count ?? 0;

        public (string Code, T Value, List<string> Fields, bool Destinational) this[int index] => _countries![index];

        public void Add(string code, T value, string field, bool destinational)
        {
            _countries ??= [];
            for (var i = 0; i < _countries.Count; i++)
            {
                if (string.Equals(_countries[i].Code, code, StringComparison.Ordinal))
                {
                    var c = _countries[i];
                    c.Fields.Add(field);
                    _countries[i] = c with { Destinational = c.Destinational || destinational };
                    return;
                }
            }

            _countries.Add((code, value, [field], destinational));
        }
    }
}
