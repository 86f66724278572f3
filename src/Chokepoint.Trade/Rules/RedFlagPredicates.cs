using System.Collections.Frozen;
using System.Globalization;

namespace Chokepoint.Trade;

/// <summary>The named predicates red-flag rules refer to. Each returns one evidence set per hit, or null when none.</summary>
/// <remarks>
/// Stateless and thread-safe. Every predicate tests its condition first and builds evidence only for a hit, so a rule
/// that does not fire allocates nothing. To add a predicate, add a method and one line to <see cref="All"/>.
/// </remarks>
internal static class RedFlagPredicates
{
    private static readonly FrozenDictionary<string, Func<RedFlagRule, ShipmentContext, List<FindingEvidence>?>> All =
        new Dictionary<string, Func<RedFlagRule, ShipmentContext, List<FindingEvidence>?>>(StringComparer.Ordinal)
        {
            ["role-is-forwarder"] = RoleIsForwarder,
            ["role-name-keywords"] = RoleNameKeywords,
            ["chpl-items-to-non-gecc"] = ChplToNonGecc,
            ["chpl-items-via-transshipment"] = ChplViaTransshipment,
            ["uav-items-to-iran-or-intermediary"] = UavToIranOrIntermediary,
            ["payer-not-party"] = PayerNotParty,
            ["payer-third-country"] = PayerThirdCountry,
            ["route-through-places"] = RouteThroughPlaces,
            ["route-ends-outside-destination"] = RouteEndsOutsideDestination,
            ["party-at-place"] = PartyAtPlace,
            ["incorporated-after"] = IncorporatedAfter,
            ["incorporated-within"] = IncorporatedWithin,
            ["end-use-vague"] = EndUseVague,
            ["role-missing"] = RoleMissing,
            ["end-use-mentions"] = EndUseMentions,
            ["text-mentions"] = TextMentions,
            ["identifier-mentions"] = IdentifierMentions,
            ["electronics-for-unrelated-business"] = ElectronicsForUnrelatedBusiness,
            ["description-contradicts-hs"] = DescriptionContradictsHs,
            ["party-name-tokens"] = PartyNameTokens,
            ["personal-email"] = PersonalEmail,
            ["cash-payment-over"] = CashPaymentOver,
            ["bulk-ear99-electronics"] = BulkEar99Electronics,
            ["residential-address"] = ResidentialAddress,
            ["consignee-address-vague"] = ConsigneeAddressVague,
            ["party-near-match"] = PartyNearMatch,
            ["bank-country-differs"] = BankCountryDiffers,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the predicate names.</summary>
    public static IEnumerable<string> Names => All.Keys;

    public static bool Has(string name) => All.ContainsKey(name);

    public static List<FindingEvidence>? Evaluate(RedFlagRule rule, ShipmentContext ctx) => All[rule.Predicate](rule, ctx);

    // Room for the indicator ids the screener adds to every hit.
    private const int ForIds = 1;

    private static readonly PartyRole[] Forwarder = [PartyRole.FreightForwarder];

    private static readonly DateOnly PostInvasion = new(2022, 2, 24);

    // The evidence of a hit about a party, with room for its own facts.
    private static FindingEvidence PartyHit(ShipmentContext ctx, int index, int facts)
    {
        var p = ctx.Document.Parties[index];
        return new FindingEvidence(3 + facts + ForIds)
        {
            ["field"] = ShipmentContext.PartyField(FirstIndexOf(ctx, index)),
            ["role"] = ShipmentContext.RoleName(p.Role),
            ["party"] = p.Name,
        };
    }

    // The first position of the very party object (a document may list one object twice).
    private static int FirstIndexOf(ShipmentContext ctx, int index)
    {
        var parties = ctx.Document.Parties;
        for (var i = 0; i < index; i++)
        {
            if (ReferenceEquals(parties[i], parties[index]))
            {
                return i;
            }
        }

        return index;
    }

    private static FindingEvidence Hit(int facts) => new(facts + ForIds);

    private static List<FindingEvidence> One(FindingEvidence hit) => [hit];

    private static List<FindingEvidence> Add(List<FindingEvidence>? hits, FindingEvidence hit)
    {
        hits ??= [];
        hits.Add(hit);
        return hits;
    }

    // Whether a party in one of the roles has the same normalised name (tokens hold only letters and digits, so equal
    // token sequences are equal space-joined names).
    private static bool NameAmong(ShipmentContext ctx, string[] name, PartyRole[] roles)
    {
        for (var j = 0; j < ctx.Document.Parties.Count; j++)
        {
            if (ShipmentContext.IsIn(roles, ctx.Document.Parties[j].Role) && ctx.NameTokens[j].AsSpan().SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static List<FindingEvidence>? RoleIsForwarder(RedFlagRule rule, ShipmentContext ctx)
    {
        List<FindingEvidence>? hits = null;
        var keywords = rule.Phrases("keywords");
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (!ShipmentContext.IsIn(rule.Roles, p.Role))
            {
                continue;
            }

            string? reason = null;
            if (NameAmong(ctx, ctx.NameTokens[i], Forwarder))
            {
                reason = "the same party is the freight forwarder";
            }
            else if (keywords.Find(ctx.NameTokens[i]) is var k and >= 0)
            {
                reason = $"its name says '{keywords.Texts[k]}'";
            }

            if (reason is not null)
            {
                var hit = PartyHit(ctx, i, 3);
                hit["reason"] = reason;
                hit["country"] = p.Country ?? string.Empty;
                hit["transshipmentCountry"] = FindingEvidence.Box(ctx.Reference.IsTransshipment(p.Country));
                hits = Add(hits, hit);
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? RoleNameKeywords(RedFlagRule rule, ShipmentContext ctx)
    {
        List<FindingEvidence>? hits = null;
        var keywords = rule.Phrases("keywords");
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            if (ShipmentContext.IsIn(rule.Roles, ctx.Document.Parties[i].Role) && keywords.Find(ctx.NameTokens[i]) is var k and >= 0)
            {
                var hit = PartyHit(ctx, i, 1);
                hit["keyword"] = keywords.Texts[k];
                hits = Add(hits, hit);
            }
        }

        return hits;
    }

    // The distinct countries of parties in the roles (then of route points, when asked) that pass the test, in order.
    private static string[] Countries(ShipmentContext ctx, PartyRole[] roles, bool route, Func<ReferenceData, string, bool> test)
    {
        List<string>? found = null;
        foreach (var p in ctx.Document.Parties)
        {
            if (ShipmentContext.IsIn(roles, p.Role) && p.Country is { } c && test(ctx.Reference, c) && !(found?.Contains(c) ?? false))
            {
                (found ??= []).Add(c);
            }
        }

        if (route)
        {
            foreach (var r in ctx.Document.Route)
            {
                if (r.Country is { } c && test(ctx.Reference, c) && !(found?.Contains(c) ?? false))
                {
                    (found ??= []).Add(c);
                }
            }
        }

        return found is null ? [] : [.. found];
    }

    private static readonly PartyRole[] Counterparties = [PartyRole.Buyer, PartyRole.Consignee, PartyRole.EndUser, PartyRole.IntermediateConsignee];

    private static readonly PartyRole[] Receivers = [PartyRole.Consignee, PartyRole.IntermediateConsignee, PartyRole.EndUser];

    private static readonly Func<ReferenceData, string, bool> OutsideGecc = static (r, c) => !r.IsGecc(c);

    private static readonly Func<ReferenceData, string, bool> Transshipment = static (r, c) => r.IsTransshipment(c);

    private static List<FindingEvidence>? ChplToNonGecc(RedFlagRule rule, ShipmentContext ctx) =>
        ChplGoingTo(rule, ctx, Counterparties, route: false, OutsideGecc);

    private static List<FindingEvidence>? ChplViaTransshipment(RedFlagRule rule, ShipmentContext ctx) =>
        ChplGoingTo(rule, ctx, Receivers, route: true, Transshipment);

    // One hit naming the CHPL codes in the rule's tiers and the countries that pass the test, when there are both.
    private static List<FindingEvidence>? ChplGoingTo(RedFlagRule rule, ShipmentContext ctx, PartyRole[] roles, bool route, Func<ReferenceData, string, bool> test)
    {
        var tiers = rule.Strings("tiers");
        if (!ctx.HasChplCodes(tiers))
        {
            return null;
        }

        var countries = Countries(ctx, roles, route, test);
        return countries.Length == 0 ? null : One(Hit(2).With("codes", ctx.ChplCodes(tiers)).With("countries", countries));
    }

    private static List<FindingEvidence>? UavToIranOrIntermediary(RedFlagRule rule, ShipmentContext ctx)
    {
        var any = false;
        foreach (var i in ctx.Items)
        {
            any |= (!i.UavCovered && i.Uav.Length > 0) || i.UavKeywords.Length > 0;
        }

        if (!any)
        {
            return null;
        }

        string? destination = null;
        if (Array.IndexOf(ctx.DestinationCountries, "IR") >= 0 || RouteThrough(ctx, "IR"))
        {
            destination = "Iran";
        }
        else
        {
            foreach (var p in ctx.Document.Parties)
            {
                if (p.Role is PartyRole.Consignee or PartyRole.IntermediateConsignee or PartyRole.EndUser
                    && p.Country is { } c && (ctx.Reference.IsTransshipment(c) || !ctx.Reference.IsGecc(c)))
                {
                    destination = $"an intermediary in a third country ({ShipmentContext.RoleName(p.Role)} '{p.Name}', {p.Country})";
                    break;
                }
            }
        }

        if (destination is null)
        {
            return null;
        }

        var items = new List<string>();
        foreach (var i in ctx.Items)
        {
            if (!i.UavCovered)
            {
                foreach (var u in i.Uav)
                {
                    AddDistinct(items, u.Description);
                }
            }

            foreach (var (u, _) in i.UavKeywords)
            {
                AddDistinct(items, u.Description);
            }
        }

        return One(Hit(2).With("items", items.ToArray()).With("destination", destination));
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static bool RouteThrough(ShipmentContext ctx, string country)
    {
        foreach (var r in ctx.Document.Route)
        {
            if (r.Country == country)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly PartyRole[] Named = [PartyRole.Buyer, PartyRole.Consignee, PartyRole.EndUser];

    private static List<FindingEvidence>? PayerNotParty(RedFlagRule rule, ShipmentContext ctx)
    {
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var payer = ctx.Document.Parties[i];
            if (payer.Role == PartyRole.Payer && !NameAmong(ctx, ctx.NameTokens[i], Named))
            {
                var hit = PartyHit(ctx, i, 1);
                hit["payer"] = payer.Country is null ? $"'{payer.Name}'" : $"'{payer.Name}' ({payer.Country})";
                hits = Add(hits, hit);
            }
        }

        if (hits is null && ctx.Document.Payment is { } pay)
        {
            var foreignName = pay.OriginatorName is { } n && !NameAmong(ctx, ctx.Tokens(n), Named);
            var foreignCountry = pay.OriginatorCountry is { } c && NamedCountries(ctx, c) is (> 0, false);
            if (foreignName || foreignCountry)
            {
                hits = One(Hit(3)
                    .With("field", "payment")
                    .With("payer", (pay.OriginatorName is null ? "a payer" : $"'{pay.OriginatorName}'") + (pay.OriginatorCountry is null ? string.Empty : $" in {pay.OriginatorCountry}"))
                    .With("country", pay.OriginatorCountry ?? string.Empty));
            }
        }

        return hits;
    }

    // How many buyers, consignees and end users name a country, and whether one names this one.
    private static (int Count, bool Contains) NamedCountries(ShipmentContext ctx, string country)
    {
        var count = 0;
        var contains = false;
        foreach (var p in ctx.Document.Parties)
        {
            if (ShipmentContext.IsIn(Named, p.Role) && p.Country is { } c)
            {
                count++;
                contains |= c == country;
            }
        }

        return (count, contains);
    }

    private static List<FindingEvidence>? PayerThirdCountry(RedFlagRule rule, ShipmentContext ctx)
    {
        if (ctx.Document.Payment?.OriginatorCountry is not { } c)
        {
            return null;
        }

        foreach (var p in ctx.Document.Parties)
        {
            if (p.Role is not (PartyRole.Payer or PartyRole.Bank) && p.Country == c)
            {
                return null;
            }
        }

        if (rule.Number("transshipmentOnly", 1) > 0 && !ctx.Reference.IsTransshipment(c))
        {
            return null;
        }

        return One(Hit(3).With("field", "payment.originatorCountry").With("country", c).With("transshipment", FindingEvidence.Box(ctx.Reference.IsTransshipment(c))));
    }

    private static List<FindingEvidence>? RouteThroughPlaces(RedFlagRule rule, ShipmentContext ctx)
    {
        var kinds = rule.Strings("kinds");
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.RoutePlaces.Length; i++)
        {
            foreach (var m in ctx.RoutePlaces[i])
            {
                if (Array.IndexOf(kinds, m.Place.Kind) >= 0 && !m.Place.IsUnverified)
                {
                    hits = Add(hits, Hit(3).With("field", FieldNames.RoutePlace[i]).With("place", m.Place.Name).With("country", m.Place.Country));
                }
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? RouteEndsOutsideDestination(RedFlagRule rule, ShipmentContext ctx)
    {
        var route = ctx.Document.Route;
        if (route.Count == 0 || route[^1].Country is not { } last)
        {
            return null;
        }

        var t = ctx.FirstWithCountry(PartyRole.EndUser) is var e and >= 0 ? e : ctx.FirstWithCountry(PartyRole.Consignee);
        if (t < 0 || ctx.Document.Parties[t].Country == last)
        {
            return null;
        }

        // Goods legitimately end at the consignee even when the end user sits elsewhere.
        var target = ctx.Document.Parties[t];
        if (target.Role != PartyRole.Consignee && AnyIn(ctx, Consignees, last) && AnyIn(ctx, ConsigneeOnly, target.Country))
        {
            return null;
        }

        var hit = PartyHit(ctx, t, 2);
        hit["field"] = FieldNames.RouteCountry[route.Count - 1];
        hit["routeCountry"] = last;
        hit["partyCountry"] = target.Country!;
        return One(hit);
    }

    private static readonly PartyRole[] Consignees = [PartyRole.Consignee, PartyRole.IntermediateConsignee];

    private static readonly PartyRole[] ConsigneeOnly = [PartyRole.Consignee];

    private static bool AnyIn(ShipmentContext ctx, PartyRole[] roles, string? country)
    {
        foreach (var p in ctx.Document.Parties)
        {
            if (ShipmentContext.IsIn(roles, p.Role) && p.Country == country)
            {
                return true;
            }
        }

        return false;
    }

    private static List<FindingEvidence>? PartyAtPlace(RedFlagRule rule, ShipmentContext ctx)
    {
        var kinds = rule.Strings("kinds");
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            if (!ShipmentContext.IsIn(rule.Roles, ctx.Document.Parties[i].Role))
            {
                continue;
            }

            foreach (var m in ctx.PartyPlaces[i])
            {
                if (Array.IndexOf(kinds, m.Place.Kind) >= 0)
                {
                    var hit = PartyHit(ctx, i, 2);
                    hit["place"] = m.Place.Name;
                    hit["kind"] = m.Place.Kind;
                    hits = Add(hits, hit);
                }
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? IncorporatedAfter(RedFlagRule rule, ShipmentContext ctx)
    {
        var cutoff = rule.Date("date", PostInvasion);
        if (!ctx.HasChplCodes(rule.Strings("tiers")))
        {
            return null;
        }

        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (ShipmentContext.IsIn(rule.Roles, p.Role) && p.Incorporated is { } d && d > cutoff && p.Country is { } c && !ctx.Reference.IsGecc(c))
            {
                var hit = PartyHit(ctx, i, 2);
                hit["incorporated"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                hit["country"] = c;
                hits = Add(hits, hit);
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? IncorporatedWithin(RedFlagRule rule, ShipmentContext ctx)
    {
        var days = (int)rule.Number("days", 365);
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (ShipmentContext.IsIn(rule.Roles, p.Role) && p.Incorporated is { } d && ctx.Today.DayNumber - d.DayNumber is var age && age >= 0 && age < days)
            {
                var hit = PartyHit(ctx, i, 2);
                hit["incorporated"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                hit["days"] = age;
                hits = Add(hits, hit);
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? EndUseVague(RedFlagRule rule, ShipmentContext ctx)
    {
        var text = ctx.Document.DeclaredEndUse;
        if (string.IsNullOrWhiteSpace(text))
        {
            return One(Hit(2).With("field", "declaredEndUse").With("reason", "missing: the customer gave no end use"));
        }

        var tokens = ctx.Tokens(text);
        if (rule.Phrases("vagueTerms").FindWhole(tokens) >= 0)
        {
            return One(Hit(3).With("field", "declaredEndUse").With("reason", $"vague ('{text}')").With("endUse", text));
        }

        return tokens.Length < rule.Number("minWords", 3)
            ? One(Hit(3).With("field", "declaredEndUse").With("reason", $"too short to say how the goods are used ('{text}')").With("endUse", text))
            : null;
    }

    private static List<FindingEvidence>? RoleMissing(RedFlagRule rule, ShipmentContext ctx)
    {
        foreach (var role in rule.Roles)
        {
            if (ctx.HasRole(role))
            {
                return null;
            }
        }

        return One(Hit(2).With("field", "parties").With("missing", rule.Roles.Select(ShipmentContext.RoleName).ToArray()));
    }

    private static List<FindingEvidence>? EndUseMentions(RedFlagRule rule, ShipmentContext ctx)
    {
        var text = ctx.Document.DeclaredEndUse;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = rule.Phrases("terms");
        var k = terms.Find(ctx.Tokens(text));
        return k < 0 ? null : One(Hit(3).With("field", "declaredEndUse").With("term", terms.Texts[k]).With("endUse", text));
    }

    private static List<FindingEvidence>? TextMentions(RedFlagRule rule, ShipmentContext ctx)
    {
        var terms = rule.Phrases("terms");
        List<FindingEvidence>? hits = null;
        if (ctx.Document.DeclaredEndUse is { } endUse && terms.Find(ctx.Tokens(endUse)) is var k and >= 0)
        {
            hits = One(Hit(3).With("field", "declaredEndUse").With("where", "The declared end use").With("term", terms.Texts[k]));
        }

        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (ShipmentContext.IsIn(rule.Roles, p.Role) && terms.Find(ctx.NameTokens[i]) is var j and >= 0)
            {
                var hit = PartyHit(ctx, i, 2);
                hit["where"] = $"The {ShipmentContext.RoleName(p.Role)}'s name '{p.Name}'";
                hit["term"] = terms.Texts[j];
                hits = Add(hits, hit);
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? IdentifierMentions(RedFlagRule rule, ShipmentContext ctx)
    {
        var terms = rule.Phrases("terms");
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            foreach (var id in ctx.Document.Parties[i].Identifiers)
            {
                if (terms.Find(ctx.Tokens(id)) >= 0)
                {
                    var hit = PartyHit(ctx, i, 1);
                    hit["identifier"] = id;
                    hits = Add(hits, hit);
                    break;
                }
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? ElectronicsForUnrelatedBusiness(RedFlagRule rule, ShipmentContext ctx)
    {
        var tiers = rule.Strings("tiers");
        if (!ctx.HasChplCodes(tiers))
        {
            return null;
        }

        var terms = rule.Phrases("terms");
        if (ctx.Document.DeclaredEndUse is { } endUse && terms.Find(ctx.Tokens(endUse)) is var k and >= 0)
        {
            return One(Hit(4).With("field", "declaredEndUse").With("codes", ctx.ChplCodes(tiers)).With("term", terms.Texts[k]).With("where", "the declared end use"));
        }

        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (ShipmentContext.IsIn(rule.Roles, p.Role) && terms.Find(ctx.NameTokens[i]) is var j and >= 0)
            {
                var hit = PartyHit(ctx, i, 3);
                hit["codes"] = ctx.ChplCodes(tiers);
                hit["term"] = terms.Texts[j];
                hit["where"] = $"the {ShipmentContext.RoleName(p.Role)}'s name";
                return One(hit);
            }
        }

        return null;
    }

    private static List<FindingEvidence>? DescriptionContradictsHs(RedFlagRule rule, ShipmentContext ctx)
    {
        List<FindingEvidence>? hits = null;
        foreach (var f in ctx.Items)
        {
            if (f.Item.HsCode is not { } hs || f.DescriptionTokens.Length == 0 || hs.Length < 4)
            {
                continue;
            }

            var implied = f.ImpliedHeadings;
            if (implied.Length == 0 || Declares(hs, implied))
            {
                continue;
            }

            hits = Add(hits, Hit(5)
                .With("field", FieldNames.Item[f.Index])
                .With("item", f.Index + 1)
                .With("description", f.Item.Description!)
                .With("implied", string.Join(" or ", implied.Select(h => $"{h.Heading} ('{h.Keyword}')")))
                .With("declared", f.Declared));
        }

        return hits;
    }

    private static bool Declares(HsCode hs, (string Heading, string Keyword)[] implied)
    {
        foreach (var (heading, _) in implied)
        {
            if (hs.Digits.StartsWith(heading, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<FindingEvidence>? PartyNameTokens(RedFlagRule rule, ShipmentContext ctx)
    {
        var tokens = rule.Strings("tokens");
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            if (!ShipmentContext.IsIn(rule.Roles, ctx.Document.Parties[i].Role))
            {
                continue;
            }

            var name = ctx.NameTokens[i];
            foreach (var t in tokens)
            {
                if (Array.IndexOf(name, t) >= 0)
                {
                    var hit = PartyHit(ctx, i, 1);
                    hit["token"] = t.ToUpperInvariant();
                    hits = Add(hits, hit);
                    break;
                }
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? PersonalEmail(RedFlagRule rule, ShipmentContext ctx)
    {
        var domains = rule.Strings("domains");
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (!ShipmentContext.IsIn(rule.Roles, p.Role))
            {
                continue;
            }

            foreach (var id in p.Identifiers)
            {
                var at = id.LastIndexOf('@');
                if (at > 0 && Array.IndexOf(domains, id[(at + 1)..].Trim().ToLowerInvariant()) >= 0)
                {
                    var start = id.LastIndexOf(' ', at) + 1;
                    var hit = PartyHit(ctx, i, 1);
                    hit["email"] = id[start..].Trim();
                    hits = Add(hits, hit);
                    break;
                }
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? CashPaymentOver(RedFlagRule rule, ShipmentContext ctx)
    {
        if (ctx.Document.Payment?.Method is not { } method || rule.Phrases("methods").Find(ctx.Tokens(method)) < 0)
        {
            return null;
        }

        var value = ctx.TotalValue();
        if (value < (decimal)rule.Number("minValue", 10000))
        {
            return null;
        }

        var currency = string.Empty;
        foreach (var i in ctx.Document.Items)
        {
            if (i.Currency is { } c)
            {
                currency = c;
                break;
            }
        }

        return One(Hit(3).With("field", "payment.method").With("method", method).With("value", $"{RedFlagRule.Format(value)} {currency}".Trim()));
    }

    private static List<FindingEvidence>? BulkEar99Electronics(RedFlagRule rule, ShipmentContext ctx)
    {
        var tiers = rule.Strings("tiers");
        decimal quantity = 0, value = 0;
        foreach (var f in ctx.Items)
        {
            if (string.Equals(f.Item.Eccn, "EAR99", StringComparison.OrdinalIgnoreCase) && f.EffectiveChpl is { } c && Array.IndexOf(tiers, c.Tier) >= 0)
            {
                quantity += f.Item.Quantity ?? 0;
                value += (f.Item.Quantity ?? 0) * (f.Item.UnitPrice ?? 0);
            }
        }

        // Value decides; quantity stands in only when the document gives no prices (cheap passives come by the reel).
        var large = value > 0 ? value >= (decimal)rule.Number("minValue", 100000) : quantity >= (decimal)rule.Number("minQuantity", 10000);
        return large ? One(Hit(3).With("field", "items").With("quantity", quantity).With("value", value)) : null;
    }

    private static List<FindingEvidence>? ResidentialAddress(RedFlagRule rule, ShipmentContext ctx)
    {
        var markers = rule.Phrases("markers");
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (!ShipmentContext.IsIn(rule.Roles, p.Role) || p.Type == Core.EntitySchema.Person || p.Address is null)
            {
                continue;
            }

            if (markers.Find(ctx.AddressTokens[i]) is var k and >= 0)
            {
                var hit = PartyHit(ctx, i, 2);
                hit["marker"] = markers.Texts[k];
                hit["address"] = p.Address;
                hits = Add(hits, hit);
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? ConsigneeAddressVague(RedFlagRule rule, ShipmentContext ctx)
    {
        var markers = rule.Phrases("markers");
        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (!ShipmentContext.IsIn(rule.Roles, p.Role))
            {
                continue;
            }

            string? reason = null;
            if (string.IsNullOrWhiteSpace(p.Address))
            {
                reason = "missing";
            }
            else if (markers.Find(ctx.AddressTokens[i]) is var k and >= 0)
            {
                reason = $"a post-office box or placeholder ('{markers.Texts[k]}')";
            }

            if (reason is not null)
            {
                var hit = PartyHit(ctx, i, 1);
                hit["reason"] = reason;
                hits = Add(hits, hit);
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? PartyNearMatch(RedFlagRule rule, ShipmentContext ctx)
    {
        var sources = rule.Strings("sources");
        List<FindingEvidence>? hits = null;
        foreach (var s in ctx.Parties)
        {
            // A party that already matched a listed entity is reported as listed, not as resembling another.
            if (s.Result.Matches.Count > 0 && s.Result.Matches[0].Score >= s.Threshold)
            {
                continue;
            }

            foreach (var m in s.Result.Matches)
            {
                if (m.Score >= s.Threshold || m.Score < s.NearMatchFloor
                    || (sources.Length > 0 && Array.IndexOf(sources, m.EntityId.Source) < 0))
                {
                    continue;
                }

                var hit = ShipmentScreener.PartyEvidence(s, m);
                hit["listed"] = m.Name;
                hit["entity"] = m.EntityId.ToString();
                hits = Add(hits, hit);
                break;
            }
        }

        return hits;
    }

    private static List<FindingEvidence>? BankCountryDiffers(RedFlagRule rule, ShipmentContext ctx)
    {
        var payer = ctx.FirstWithCountry(PartyRole.Payer) is var p and >= 0 ? p : ctx.FirstWithCountry(PartyRole.Buyer);
        var payerCountry = payer >= 0 ? ctx.Document.Parties[payer].Country : ctx.Document.Payment?.OriginatorCountry;
        if (payerCountry is null || ctx.Reference.IsGecc(payerCountry))
        {
            return null;
        }

        List<FindingEvidence>? hits = null;
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var bank = ctx.Document.Parties[i];
            if (bank.Role == PartyRole.Bank && bank.Country is { } bc && bc != payerCountry)
            {
                var hit = PartyHit(ctx, i, 3);
                hit["bank"] = bank.Name;
                hit["bankCountry"] = bc;
                hit["payerCountry"] = payerCountry;
                hits = Add(hits, hit);
            }
        }

        return hits;
    }
}
