using System.Globalization;
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
                    new Dictionary<string, object> { ["field"] = $"parties[{s.Index}]", ["role"] = role, ["party"] = s.Party.Name, ["error"] = error },
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

    internal static Dictionary<string, object> PartyEvidence(PartyScreen s, ScreeningMatch m) => new()
    {
        ["field"] = $"parties[{s.Index}]",
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
            var field = $"items[{f.Index}]";
            var declared = f.Item.HsCode?.ToDottedString() ?? string.Empty;
            if (f.Chpl is { } chpl)
            {
                findings.Add(Make(FindingKind.Item, "item-chpl", FindingSeverity.Low,
                    $"Item {f.Index + 1}: HS {declared} is on the Common High Priority List, tier {chpl.Tier} ({chpl.Description}).",
                    new Dictionary<string, object> { ["field"] = field + ".hsCode", ["declared"] = declared, ["hs6"] = chpl.Hs6.Digits, ["tier"] = chpl.Tier, ["description"] = chpl.Description, ["row"] = chpl.Location.ToString() },
                    ChplSource));
            }
            else if (f.ChplCovered.Length > 0)
            {
                findings.Add(Make(FindingKind.Item, "item-chpl-heading", FindingSeverity.Info,
                    $"Item {f.Index + 1}: heading {declared} includes CHPL subheadings ({string.Join(", ", f.ChplCovered.Select(c => $"{c.Hs6.ToDottedString()} tier {c.Tier}"))}).",
                    new Dictionary<string, object> { ["field"] = field + ".hsCode", ["declared"] = declared, ["hs6"] = f.ChplCovered.Select(c => c.Hs6.Digits).ToArray(), ["tiers"] = f.ChplCovered.Select(c => c.Tier).Distinct().ToArray(), ["rows"] = f.ChplCovered.Select(c => c.Location.ToString()).ToArray() },
                    ChplSource));
            }

            foreach (var u in f.Uav)
            {
                findings.Add(Make(FindingKind.Item, f.UavCovered ? "item-iran-uav-heading" : "item-iran-uav", f.UavCovered ? FindingSeverity.Info : FindingSeverity.Low,
                    $"Item {f.Index + 1}: HS {declared} {(f.UavCovered ? "includes" : "is")} an item type of concern for Iran's UAV programme ({u.Description}).",
                    new Dictionary<string, object> { ["field"] = field + ".hsCode", ["declared"] = declared, ["listed"] = u.HsCode?.ToDottedString() ?? string.Empty, ["itemType"] = u.Description, ["row"] = u.Location.ToString() },
                    u.SourceDocument));
            }

            foreach (var (u, keyword) in f.UavKeywords)
            {
                findings.Add(Make(FindingKind.Item, "item-iran-uav-description", FindingSeverity.Low,
                    $"Item {f.Index + 1}: the description names '{keyword}', an item type of concern for Iran's UAV programme ({u.Description}).",
                    new Dictionary<string, object> { ["field"] = field + ".description", ["keyword"] = keyword, ["itemType"] = u.Description, ["row"] = u.Location.ToString() },
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
        var weapons = m.Components.Select(c => c.Weapon).Distinct(StringComparer.Ordinal).ToArray();
        var how = m.Kind switch
        {
            ComponentMatchKind.Exact => "matches",
            ComponentMatchKind.Suffix => "is an ordering variant of",
            _ => "is in the same part family as",
        };
        var maker = m.ManufacturerAgrees switch
        {
            true => $", same manufacturer ({first.Manufacturer})",
            false => $"; the listed manufacturer is {first.Manufacturer}, not {f.Item.Manufacturer}",
            null => $" ({first.Manufacturer})",
        };
        var evidence = new Dictionary<string, object>
        {
            ["field"] = $"items[{f.Index}].partNumber",
            ["partNumber"] = f.Item.PartNumber ?? string.Empty,
            ["listedPartNumber"] = first.PartNumber,
            ["match"] = m.Kind.ToString().ToLowerInvariant(),
            ["manufacturer"] = first.Manufacturer,
            ["manufacturerAgrees"] = m.ManufacturerAgrees?.ToString().ToLowerInvariant() ?? "not given",
            ["function"] = first.Function,
            ["weapons"] = weapons,
            ["specimens"] = m.Components.Select(c => c.Specimen).Distinct(StringComparer.Ordinal).ToArray(),
            ["hs6Guess"] = first.Hs6Guess?.Digits ?? string.Empty,
            ["urls"] = m.Components.SelectMany(c => c.SourceUrls).Distinct(StringComparer.Ordinal).ToArray(),
            ["rows"] = m.Components.Select(c => c.Location.ToString()).ToArray(),
        };
        var url = first.SourceUrls.Count > 0 ? " " + first.SourceUrls[0] : string.Empty;
        return Make(FindingKind.Component, "component-match", severity,
            $"Item {f.Index + 1}: part {f.Item.PartNumber} {how} {first.PartNumber}{maker}, documented in recovered {string.Join(", ", weapons)} drones ({first.Function}).",
            evidence, first.SourceDocument + url);
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
                findings.Add(PlaceFinding(m, severity, $"parties[{i}].address", p.Address!, $"The {ShipmentContext.RoleName(p.Role)}'s address"));
            }
        }

        for (var i = 0; i < doc.Route.Count; i++)
        {
            var r = doc.Route[i];
            foreach (var m in ctx.RoutePlaces[i])
            {
                var severity = m.Place.IsUnverified || (r.Country is not null && r.Country != m.Place.Country) ? FindingSeverity.Low : FindingSeverity.High;
                findings.Add(PlaceFinding(m, severity, $"route[{i}].place", r.Place!, $"Route point {i + 1}"));
            }
        }
    }

    private Finding PlaceFinding(PlaceMatch m, FindingSeverity severity, string field, string text, string where) =>
        Make(FindingKind.Place, "place-of-concern", severity,
            $"{where} names {m.Place.Name} ('{m.MatchedName}'{(m.Fuzzy ? ", close spelling" : string.Empty)}), a {m.Place.Kind} of concern in {m.Place.Country}{(m.Place.IsUnverified ? " (no source ties it to UAV transfers)" : string.Empty)}.",
            new Dictionary<string, object>
            {
                ["field"] = field,
                ["text"] = text,
                ["place"] = m.Place.Name,
                ["matchedName"] = m.MatchedName,
                ["fuzzy"] = m.Fuzzy,
                ["kind"] = m.Place.Kind,
                ["country"] = m.Place.Country,
                ["lat"] = m.Place.Latitude,
                ["lon"] = m.Place.Longitude,
                ["unverified"] = m.Place.IsUnverified,
                ["row"] = m.Place.Location.ToString(),
            },
            m.Place.SourceDocument);

    private void AddCountryFindings(ShipmentContext ctx, List<Finding> findings)
    {
        var doc = ctx.Document;
        var controlled = ctx.Items.Any(i => i.IsOfConcern);
        var embargoed = new Dictionary<string, (EmbargoedDestination Destination, List<string> Fields, bool Destinational)>(StringComparer.Ordinal);
        var transshipment = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        void Embargo(EmbargoedDestination? d, string field, bool destinational)
        {
            if (d is null)
            {
                return;
            }

            if (!embargoed.TryGetValue(d.Code, out var e))
            {
                embargoed[d.Code] = e = (d, [], false);
            }

            e.Fields.Add(field);
            embargoed[d.Code] = (e.Destination, e.Fields, e.Destinational || destinational);
        }

        void Transship(string? iso2, string field)
        {
            if (iso2 is null || !ctx.Reference.IsTransshipment(iso2))
            {
                return;
            }

            if (!transshipment.TryGetValue(iso2, out var list))
            {
                transshipment[iso2] = list = [];
            }

            list.Add(field);
        }

        for (var i = 0; i < doc.Parties.Count; i++)
        {
            var p = doc.Parties[i];
            var destinational = p.Role is PartyRole.EndUser or PartyRole.Consignee or PartyRole.IntermediateConsignee or PartyRole.Buyer or PartyRole.NotifyParty;
            Embargo(EmbargoedDestinations.Country(p.Country), $"parties[{i}].country", destinational);
            Embargo(EmbargoedDestinations.RegionIn(ctx.Tokens(p.Address)), $"parties[{i}].address", destinational);
            if (p.Role is PartyRole.EndUser or PartyRole.Consignee or PartyRole.IntermediateConsignee)
            {
                Transship(p.Country, $"parties[{i}].country");
            }
        }

        for (var i = 0; i < doc.Route.Count; i++)
        {
            Embargo(EmbargoedDestinations.Country(doc.Route[i].Country), $"route[{i}].country", true);
            Embargo(EmbargoedDestinations.RegionIn(ctx.Tokens(doc.Route[i].Place)), $"route[{i}].place", true);
            Transship(doc.Route[i].Country, $"route[{i}].country");
        }

        if (doc.Payment?.OriginatorCountry is { } payer)
        {
            Embargo(EmbargoedDestinations.Country(payer), "payment.originatorCountry", false);
        }

        foreach (var (code, (d, fields, destinational)) in embargoed)
        {
            // A comprehensive embargo bars the destination whatever the goods; a sectoral one bars goods of concern.
            var barred = destinational && (controlled || d.Comprehensive);
            var severity = barred ? FindingSeverity.Critical : FindingSeverity.High;
            var where = string.Join(", ", fields);
            var summary = !barred ? $"{d.Name}, an embargoed destination, appears in the transaction ({where})."
                : controlled ? $"Goods of concern go to {d.Name}, an embargoed destination ({where})."
                : $"The shipment goes to {d.Name}, under a comprehensive embargo: nearly every export needs a licence ({where}).";
            findings.Add(Make(FindingKind.Country, "country-embargoed", severity, summary,
                new Dictionary<string, object> { ["country"] = code, ["name"] = d.Name, ["fields"] = fields.ToArray(), ["destination"] = destinational, ["goodsOfConcern"] = controlled, ["comprehensive"] = d.Comprehensive, ["basis"] = d.Basis },
                d.Basis));
        }

        foreach (var (code, fields) in transshipment)
        {
            var rows = ctx.Reference.TransshipmentByCountry[code];
            findings.Add(Make(FindingKind.Country, "country-transshipment", FindingSeverity.Low,
                $"{rows[0].Country} is named by the authorities as a transshipment or diversion point ({string.Join(", ", fields)}).",
                new Dictionary<string, object>
                {
                    ["country"] = code,
                    ["name"] = rows[0].Country,
                    ["fields"] = fields.ToArray(),
                    ["bases"] = rows.Select(r => r.Basis).Distinct(StringComparer.Ordinal).ToArray(),
                    ["gecc"] = ctx.Reference.IsGecc(code),
                    ["rows"] = rows.Select(r => r.Location.ToString()).ToArray(),
                },
                string.Join("; ", rows.Select(r => r.SourceDocument).Distinct(StringComparer.Ordinal))));
        }
    }

    private void AddRedFlagFindings(ShipmentContext ctx, List<Finding> findings)
    {
        foreach (var rule in _rules.Rules)
        {
            foreach (var hit in RedFlagPredicates.Evaluate(rule, ctx))
            {
                hit["implements"] = rule.Implements.ToArray();
                var source = string.Join("; ", rule.Implements.Select(id => ctx.Reference.RedFlagsById[id].SourceDocument).Distinct(StringComparer.Ordinal));
                findings.Add(Make(FindingKind.RedFlag, rule.Id, rule.Severity, rule.Render(hit), hit, source.Length == 0 ? "Chokepoint rule" : source));
            }
        }
    }
}
