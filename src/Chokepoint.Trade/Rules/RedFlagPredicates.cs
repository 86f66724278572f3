using System.Collections.Frozen;
using System.Globalization;

namespace Chokepoint.Trade;

/// <summary>The named predicates red-flag rules refer to. Each returns one evidence dictionary per hit.</summary>
/// <remarks>Stateless and thread-safe. To add a predicate, add a method and one line to <see cref="All"/>.</remarks>
internal static class RedFlagPredicates
{
    private static readonly FrozenDictionary<string, Func<RedFlagRule, ShipmentContext, List<Dictionary<string, object>>>> All =
        new Dictionary<string, Func<RedFlagRule, ShipmentContext, List<Dictionary<string, object>>>>(StringComparer.Ordinal)
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

    public static List<Dictionary<string, object>> Evaluate(RedFlagRule rule, ShipmentContext ctx) => All[rule.Predicate](rule, ctx);

    private static Dictionary<string, object> PartyHit(ShipmentContext ctx, ShipmentParty p) => new()
    {
        ["field"] = $"parties[{IndexOf(ctx, p)}]",
        ["role"] = ShipmentContext.RoleName(p.Role),
        ["party"] = p.Name,
    };

    private static int IndexOf(ShipmentContext ctx, ShipmentParty p)
    {
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            if (ReferenceEquals(ctx.Document.Parties[i], p))
            {
                return i;
            }
        }

        return -1;
    }

    

    private static string Normalized(ShipmentContext ctx, string name) => string.Join(' ', ctx.Tokens(name));

    private static List<Dictionary<string, object>> RoleIsForwarder(RedFlagRule rule, ShipmentContext ctx)
    {
        var hits = new List<Dictionary<string, object>>();
        var forwarders = ctx.PartiesIn([PartyRole.FreightForwarder]).Select(f => Normalized(ctx, f.Name)).ToHashSet(StringComparer.Ordinal);
        var keywords = rule.Phrases("keywords");
        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            string? reason = null;
            if (forwarders.Contains(Normalized(ctx, p.Name)))
            {
                reason = "the same party is the freight forwarder";
            }
            else if (keywords.Find(ctx.Tokens(p.Name)) is var k and >= 0)
            {
                reason = $"its name says '{keywords.Texts[k]}'";
            }

            if (reason is not null)
            {
                var hit = PartyHit(ctx, p);
                hit["reason"] = reason;
                hit["country"] = p.Country ?? string.Empty;
                hit["transshipmentCountry"] = ctx.Reference.IsTransshipment(p.Country);
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> RoleNameKeywords(RedFlagRule rule, ShipmentContext ctx)
    {
        var hits = new List<Dictionary<string, object>>();
        var keywords = rule.Phrases("keywords");
        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            if (keywords.Find(ctx.Tokens(p.Name)) is var k and >= 0)
            {
                var hit = PartyHit(ctx, p);
                hit["keyword"] = keywords.Texts[k];
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> ChplToNonGecc(RedFlagRule rule, ShipmentContext ctx)
    {
        var codes = ctx.ChplCodes(rule.Strings("tiers"));
        var outside = ctx.Document.Parties
            .Where(p => p.Role is PartyRole.Buyer or PartyRole.Consignee or PartyRole.EndUser or PartyRole.IntermediateConsignee)
            .Select(p => p.Country).OfType<string>().Where(c => !ctx.Reference.IsGecc(c)).Distinct(StringComparer.Ordinal).ToArray();
        return codes.Count == 0 || outside.Length == 0 ? [] : [new() { ["codes"] = codes.ToArray(), ["countries"] = outside }];
    }

    private static List<Dictionary<string, object>> ChplViaTransshipment(RedFlagRule rule, ShipmentContext ctx)
    {
        var codes = ctx.ChplCodes(rule.Strings("tiers"));
        if (codes.Count == 0)
        {
            return [];
        }

        var countries = ctx.Document.Parties
            .Where(p => p.Role is PartyRole.Consignee or PartyRole.IntermediateConsignee or PartyRole.EndUser)
            .Select(p => p.Country)
            .Concat(ctx.Document.Route.Select(r => r.Country))
            .OfType<string>().Where(ctx.Reference.IsTransshipment).Distinct(StringComparer.Ordinal).ToArray();
        return countries.Length == 0 ? [] : [new() { ["codes"] = codes.ToArray(), ["countries"] = countries }];
    }

    private static List<Dictionary<string, object>> UavToIranOrIntermediary(RedFlagRule rule, ShipmentContext ctx)
    {
        var items = ctx.Items
            .SelectMany(i => i.Uav.Where(_ => !i.UavCovered).Concat(i.UavKeywords.Select(k => k.Item)))
            .Select(u => u.Description).Distinct(StringComparer.Ordinal).ToArray();
        if (items.Length == 0)
        {
            return [];
        }

        string? destination = null;
        var iran = ctx.DestinationCountries.Contains("IR") || ctx.Document.Route.Any(r => r.Country == "IR");
        if (iran)
        {
            destination = "Iran";
        }
        else
        {
            var intermediary = ctx.Document.Parties.FirstOrDefault(p =>
                p.Role is PartyRole.Consignee or PartyRole.IntermediateConsignee or PartyRole.EndUser
                && p.Country is { } c && (ctx.Reference.IsTransshipment(c) || !ctx.Reference.IsGecc(c)));
            if (intermediary is not null)
            {
                destination = $"an intermediary in a third country ({ShipmentContext.RoleName(intermediary.Role)} '{intermediary.Name}', {intermediary.Country})";
            }
        }

        return destination is null ? [] : [new() { ["items"] = items, ["destination"] = destination }];
    }

    private static List<Dictionary<string, object>> PayerNotParty(RedFlagRule rule, ShipmentContext ctx)
    {
        var named = ctx.Document.Parties.Where(p => p.Role is PartyRole.Buyer or PartyRole.Consignee or PartyRole.EndUser).ToList();
        var names = named.Select(p => Normalized(ctx, p.Name)).ToHashSet(StringComparer.Ordinal);
        var countries = named.Select(p => p.Country).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var hits = new List<Dictionary<string, object>>();
        foreach (var payer in ctx.PartiesIn([PartyRole.Payer]))
        {
            if (!names.Contains(Normalized(ctx, payer.Name)))
            {
                var hit = PartyHit(ctx, payer);
                hit["payer"] = $"'{payer.Name}'" + (payer.Country is null ? string.Empty : $" ({payer.Country})");
                hits.Add(hit);
            }
        }

        if (hits.Count == 0 && ctx.Document.Payment is { } pay)
        {
            var foreignName = pay.OriginatorName is { } n && !names.Contains(Normalized(ctx, n));
            var foreignCountry = pay.OriginatorCountry is { } c && countries.Count > 0 && !countries.Contains(c);
            if (foreignName || foreignCountry)
            {
                hits.Add(new()
                {
                    ["field"] = "payment",
                    ["payer"] = (pay.OriginatorName is null ? "a payer" : $"'{pay.OriginatorName}'") + (pay.OriginatorCountry is null ? string.Empty : $" in {pay.OriginatorCountry}"),
                    ["country"] = pay.OriginatorCountry ?? string.Empty,
                });
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> PayerThirdCountry(RedFlagRule rule, ShipmentContext ctx)
    {
        if (ctx.Document.Payment?.OriginatorCountry is not { } c)
        {
            return [];
        }

        var partyCountries = ctx.Document.Parties.Where(p => p.Role is not (PartyRole.Payer or PartyRole.Bank)).Select(p => p.Country).OfType<string>();
        if (partyCountries.Contains(c) || (rule.Number("transshipmentOnly", 1) > 0 && !ctx.Reference.IsTransshipment(c)))
        {
            return [];
        }

        return [new() { ["field"] = "payment.originatorCountry", ["country"] = c, ["transshipment"] = ctx.Reference.IsTransshipment(c) }];
    }

    private static List<Dictionary<string, object>> RouteThroughPlaces(RedFlagRule rule, ShipmentContext ctx)
    {
        var kinds = rule.Strings("kinds");
        var hits = new List<Dictionary<string, object>>();
        for (var i = 0; i < ctx.RoutePlaces.Length; i++)
        {
            foreach (var m in ctx.RoutePlaces[i])
            {
                if (Array.IndexOf(kinds, m.Place.Kind) >= 0 && !m.Place.IsUnverified)
                {
                    hits.Add(new() { ["field"] = $"route[{i}].place", ["place"] = m.Place.Name, ["country"] = m.Place.Country });
                }
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> RouteEndsOutsideDestination(RedFlagRule rule, ShipmentContext ctx)
    {
        if (ctx.Document.Route.Count == 0 || ctx.Document.Route[^1].Country is not { } last)
        {
            return [];
        }

        var target = ctx.PartiesIn([PartyRole.EndUser]).FirstOrDefault(p => p.Country is not null)
            ?? ctx.PartiesIn([PartyRole.Consignee]).FirstOrDefault(p => p.Country is not null);
        if (target is null || target.Country == last)
        {
            return [];
        }

        // Goods legitimately end at the consignee even when the end user sits elsewhere.
        if (ctx.PartiesIn([PartyRole.Consignee, PartyRole.IntermediateConsignee]).Any(p => p.Country == last) && target.Role != PartyRole.Consignee
            && ctx.PartiesIn([PartyRole.Consignee]).Any(p => p.Country == target.Country))
        {
            return [];
        }

        var hit = PartyHit(ctx, target);
        hit["field"] = $"route[{ctx.Document.Route.Count - 1}].country";
        hit["routeCountry"] = last;
        hit["partyCountry"] = target.Country!;
        return [hit];
    }

    private static List<Dictionary<string, object>> PartyAtPlace(RedFlagRule rule, ShipmentContext ctx)
    {
        var kinds = rule.Strings("kinds");
        var hits = new List<Dictionary<string, object>>();
        for (var i = 0; i < ctx.Document.Parties.Count; i++)
        {
            var p = ctx.Document.Parties[i];
            if (Array.IndexOf(rule.Roles, p.Role) < 0)
            {
                continue;
            }

            foreach (var m in ctx.PartyPlaces[i])
            {
                if (Array.IndexOf(kinds, m.Place.Kind) >= 0)
                {
                    var hit = PartyHit(ctx, p);
                    hit["place"] = m.Place.Name;
                    hit["kind"] = m.Place.Kind;
                    hits.Add(hit);
                }
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> IncorporatedAfter(RedFlagRule rule, ShipmentContext ctx)
    {
        var cutoff = DateOnly.ParseExact(rule.Strings("date").FirstOrDefault() ?? "2022-02-24", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (ctx.ChplCodes(rule.Strings("tiers")).Count == 0)
        {
            return [];
        }

        var hits = new List<Dictionary<string, object>>();
        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            if (p.Incorporated is { } d && d > cutoff && p.Country is { } c && !ctx.Reference.IsGecc(c))
            {
                var hit = PartyHit(ctx, p);
                hit["incorporated"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                hit["country"] = c;
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> IncorporatedWithin(RedFlagRule rule, ShipmentContext ctx)
    {
        var days = (int)rule.Number("days", 365);
        var hits = new List<Dictionary<string, object>>();
        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            if (p.Incorporated is { } d && ctx.Today.DayNumber - d.DayNumber is var age && age >= 0 && age < days)
            {
                var hit = PartyHit(ctx, p);
                hit["incorporated"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                hit["days"] = age;
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> EndUseVague(RedFlagRule rule, ShipmentContext ctx)
    {
        var text = ctx.Document.DeclaredEndUse;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [new() { ["field"] = "declaredEndUse", ["reason"] = "missing: the customer gave no end use" }];
        }

        var tokens = ctx.Tokens(text);
        if (rule.Phrases("vagueTerms").FindWhole(tokens) >= 0)
        {
            return [new() { ["field"] = "declaredEndUse", ["reason"] = $"vague ('{text}')", ["endUse"] = text }];
        }

        return tokens.Length < rule.Number("minWords", 3)
            ? [new() { ["field"] = "declaredEndUse", ["reason"] = $"too short to say how the goods are used ('{text}')", ["endUse"] = text }]
            : [];
    }

    private static List<Dictionary<string, object>> RoleMissing(RedFlagRule rule, ShipmentContext ctx) =>
        rule.Roles.Any(ctx.HasRole) ? [] : [new() { ["field"] = "parties", ["missing"] = rule.Roles.Select(ShipmentContext.RoleName).ToArray() }];

    private static List<Dictionary<string, object>> EndUseMentions(RedFlagRule rule, ShipmentContext ctx)
    {
        var text = ctx.Document.DeclaredEndUse;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var terms = rule.Phrases("terms");
        var k = terms.Find(ctx.Tokens(text));
        return k < 0 ? [] : [new() { ["field"] = "declaredEndUse", ["term"] = terms.Texts[k], ["endUse"] = text }];
    }

    private static List<Dictionary<string, object>> TextMentions(RedFlagRule rule, ShipmentContext ctx)
    {
        var terms = rule.Phrases("terms");
        var hits = new List<Dictionary<string, object>>();
        if (ctx.Document.DeclaredEndUse is { } endUse && terms.Find(ctx.Tokens(endUse)) is var k and >= 0)
        {
            hits.Add(new() { ["field"] = "declaredEndUse", ["where"] = "The declared end use", ["term"] = terms.Texts[k] });
        }

        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            if (terms.Find(ctx.Tokens(p.Name)) is var j and >= 0)
            {
                var hit = PartyHit(ctx, p);
                hit["where"] = $"The {ShipmentContext.RoleName(p.Role)}'s name '{p.Name}'";
                hit["term"] = terms.Texts[j];
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> IdentifierMentions(RedFlagRule rule, ShipmentContext ctx)
    {
        var terms = rule.Phrases("terms");
        var hits = new List<Dictionary<string, object>>();
        foreach (var p in ctx.Document.Parties)
        {
            foreach (var id in p.Identifiers)
            {
                if (terms.Find(ctx.Tokens(id)) >= 0)
                {
                    var hit = PartyHit(ctx, p);
                    hit["identifier"] = id;
                    hits.Add(hit);
                    break;
                }
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> ElectronicsForUnrelatedBusiness(RedFlagRule rule, ShipmentContext ctx)
    {
        var codes = ctx.ChplCodes(rule.Strings("tiers"));
        if (codes.Count == 0)
        {
            return [];
        }

        var terms = rule.Phrases("terms");
        if (ctx.Document.DeclaredEndUse is { } endUse && terms.Find(ctx.Tokens(endUse)) is var k and >= 0)
        {
            return [new() { ["field"] = "declaredEndUse", ["codes"] = codes.ToArray(), ["term"] = terms.Texts[k], ["where"] = "the declared end use" }];
        }

        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            if (terms.Find(ctx.Tokens(p.Name)) is var j and >= 0)
            {
                var hit = PartyHit(ctx, p);
                hit["codes"] = codes.ToArray();
                hit["term"] = terms.Texts[j];
                hit["where"] = $"the {ShipmentContext.RoleName(p.Role)}'s name";
                return [hit];
            }
        }

        return [];
    }

    private static List<Dictionary<string, object>> DescriptionContradictsHs(RedFlagRule rule, ShipmentContext ctx)
    {
        var hits = new List<Dictionary<string, object>>();
        foreach (var f in ctx.Items)
        {
            if (f.Item.HsCode is not { } hs || f.DescriptionTokens.Length == 0 || hs.Length < 4)
            {
                continue;
            }

            var implied = f.ImpliedHeadings;
            if (implied.Count == 0 || implied.Any(h => hs.Digits.StartsWith(h.Heading, StringComparison.Ordinal)))
            {
                continue;
            }

            hits.Add(new()
            {
                ["field"] = $"items[{f.Index}]",
                ["item"] = f.Index + 1,
                ["description"] = f.Item.Description!,
                ["implied"] = string.Join(" or ", implied.Select(h => $"{h.Heading} ('{h.Keyword}')")),
                ["declared"] = hs.ToDottedString(),
            });
        }

        return hits;
    }

    private static List<Dictionary<string, object>> PartyNameTokens(RedFlagRule rule, ShipmentContext ctx)
    {
        var tokens = rule.Strings("tokens");
        var hits = new List<Dictionary<string, object>>();
        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            var name = ctx.Tokens(p.Name);
            var found = tokens.FirstOrDefault(t => Array.IndexOf(name, t) >= 0);
            if (found is not null)
            {
                var hit = PartyHit(ctx, p);
                hit["token"] = found.ToUpperInvariant();
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> PersonalEmail(RedFlagRule rule, ShipmentContext ctx)
    {
        var domains = rule.Strings("domains");
        var hits = new List<Dictionary<string, object>>();
        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            foreach (var id in p.Identifiers)
            {
                var at = id.LastIndexOf('@');
                if (at > 0 && Array.IndexOf(domains, id[(at + 1)..].Trim().ToLowerInvariant()) >= 0)
                {
                    var start = id.LastIndexOf(' ', at) + 1;
                    var hit = PartyHit(ctx, p);
                    hit["email"] = id[start..].Trim();
                    hits.Add(hit);
                    break;
                }
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> CashPaymentOver(RedFlagRule rule, ShipmentContext ctx)
    {
        if (ctx.Document.Payment?.Method is not { } method)
        {
            return [];
        }

        var methods = rule.Phrases("methods");
        var value = ctx.TotalValue();
        var currency = ctx.Document.Items.Select(i => i.Currency).OfType<string>().FirstOrDefault() ?? string.Empty;
        return methods.Find(ctx.Tokens(method)) >= 0 && value >= (decimal)rule.Number("minValue", 10000)
            ? [new() { ["field"] = "payment.method", ["method"] = method, ["value"] = $"{RedFlagRule.Format(value)} {currency}".Trim() }]
            : [];
    }

    private static List<Dictionary<string, object>> BulkEar99Electronics(RedFlagRule rule, ShipmentContext ctx)
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
        return large ? [new() { ["field"] = "items", ["quantity"] = quantity, ["value"] = value }] : [];
    }

    private static List<Dictionary<string, object>> ResidentialAddress(RedFlagRule rule, ShipmentContext ctx)
    {
        var markers = rule.Phrases("markers");
        var hits = new List<Dictionary<string, object>>();
        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            if (p.Type == Core.EntitySchema.Person || p.Address is null)
            {
                continue;
            }

            if (markers.Find(ctx.Tokens(p.Address)) is var k and >= 0)
            {
                var hit = PartyHit(ctx, p);
                hit["marker"] = markers.Texts[k];
                hit["address"] = p.Address;
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> ConsigneeAddressVague(RedFlagRule rule, ShipmentContext ctx)
    {
        var markers = rule.Phrases("markers");
        var hits = new List<Dictionary<string, object>>();
        foreach (var p in ctx.PartiesIn(rule.Roles))
        {
            string? reason = null;
            if (string.IsNullOrWhiteSpace(p.Address))
            {
                reason = "missing";
            }
            else if (markers.Find(ctx.Tokens(p.Address)) is var k and >= 0)
            {
                reason = $"a post-office box or placeholder ('{markers.Texts[k]}')";
            }

            if (reason is not null)
            {
                var hit = PartyHit(ctx, p);
                hit["reason"] = reason;
                hits.Add(hit);
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> PartyNearMatch(RedFlagRule rule, ShipmentContext ctx)
    {
        var sources = rule.Strings("sources");
        var hits = new List<Dictionary<string, object>>();
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
                hits.Add(hit);
                break;
            }
        }

        return hits;
    }

    private static List<Dictionary<string, object>> BankCountryDiffers(RedFlagRule rule, ShipmentContext ctx)
    {
        var payer = ctx.PartiesIn([PartyRole.Payer]).FirstOrDefault(p => p.Country is not null)
            ?? ctx.PartiesIn([PartyRole.Buyer]).FirstOrDefault(p => p.Country is not null);
        var payerCountry = payer?.Country ?? ctx.Document.Payment?.OriginatorCountry;
        if (payerCountry is null)
        {
            return [];
        }

        var hits = new List<Dictionary<string, object>>();
        foreach (var bank in ctx.PartiesIn([PartyRole.Bank]))
        {
            if (bank.Country is { } bc && bc != payerCountry && !ctx.Reference.IsGecc(payerCountry))
            {
                var hit = PartyHit(ctx, bank);
                hit["bank"] = bank.Name;
                hit["bankCountry"] = bc;
                hit["payerCountry"] = payerCountry;
                hits.Add(hit);
            }
        }

        return hits;
    }
}
