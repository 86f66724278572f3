namespace Chokepoint.Trade.Tests;

/// <summary>Proves every row of every reference file is loaded and reachable by some check.</summary>
public class ReachabilityTests
{
    private static readonly ShipmentScreener Screener = TradeFixtures.WithFake();

    private static ShipmentDocument Doc(string consigneeCountry = "DE", string? address = null, ShipmentItem? item = null) => new()
    {
        Id = "T",
        Date = new DateOnly(2024, 1, 1),
        Parties =
        [
            new ShipmentParty { Role = PartyRole.Seller, Name = "Testverkauf GmbH", Country = "DE" },
            new ShipmentParty { Role = PartyRole.Consignee, Name = "Empfänger", Country = consigneeCountry, Address = address },
        ],
        Items = [item ?? new ShipmentItem { Description = "Office chairs", HsCode = HsCode.Parse("9401.30") }],
        DeclaredEndUse = "Furnishing of our own offices in Munich",
    };

    private static IEnumerable<Finding> Findings(ShipmentDocument doc, string rule) => Screener.Check(doc).Findings.Where(f => f.Rule == rule);

    private static bool Cites(Finding f, ReferenceRowLocation row) =>
        (f.Evidence.TryGetValue("row", out var one) && Equals(one, row.ToString()))
        || (f.Evidence.TryGetValue("rows", out var many) && ((string[])many).Contains(row.ToString()));

    [Fact]
    public void Check_EveryChplRow_IsFoundByItsCode()
    {
        foreach (var row in TradeFixtures.Reference.Chpl)
        {
            var doc = Doc(item: new ShipmentItem { HsCode = HsCode.Parse(row.Hs6.ToDottedString() + ".00") });
            Assert.Contains(Findings(doc, "item-chpl"), f => Cites(f, row.Location));
        }
    }

    [Fact]
    public void Check_EveryIranUavRow_IsFoundByCodeOrDescription()
    {
        var keywords = Screener.ItemCatalog.KeywordItems.ToList();
        foreach (var row in TradeFixtures.Reference.IranUavItems)
        {
            ShipmentDocument doc;
            string rule;
            if (row.HsCode is { } hs)
            {
                doc = Doc(item: new ShipmentItem { HsCode = hs });
                rule = "item-iran-uav";
            }
            else
            {
                var keyword = keywords.Single(k => ReferenceEquals(k.Item, row)).Keyword;
                doc = Doc(item: new ShipmentItem { Description = "Lot of 20 " + keyword + "s, new" });
                rule = "item-iran-uav-description";
            }

            Assert.Contains(Findings(doc, rule), f => Cites(f, row.Location));
        }
    }

    [Fact]
    public void Check_EveryTransshipmentRow_IsCitedForItsCountry()
    {
        foreach (var row in TradeFixtures.Reference.TransshipmentCountries)
        {
            Assert.Contains(Findings(Doc(row.Iso2), "country-transshipment"), f => Cites(f, row.Location));
        }
    }

    [Fact]
    public void Check_EveryPlaceName_InAnyScript_IsFoundInAnAddress()
    {
        foreach (var place in TradeFixtures.Reference.Places)
        {
            foreach (var name in place.AltNames.Prepend(place.Name))
            {
                var doc = Doc(address: "Delivery to " + name + ", gate 3");
                Assert.True(Findings(doc, "place-of-concern").Any(f => Cites(f, place.Location)), $"{place.Name}: '{name}' was not found");
            }
        }
    }

    [Fact]
    public void Check_EveryComponentRow_IsFoundByItsPublishedPartNumber()
    {
        foreach (var row in TradeFixtures.Reference.Components)
        {
            var doc = Doc(item: new ShipmentItem { PartNumber = row.PartNumber, Manufacturer = row.Manufacturer });
            Assert.True(Findings(doc, "component-match").Any(f => Cites(f, row.Location)), $"{row.Location}: {row.PartNumber}");
        }
    }

    [Fact]
    public void Check_EveryGeccRow_DecidesTheNonGeccRule()
    {
        var chip = new ShipmentItem { HsCode = HsCode.Parse("8542.31") };
        foreach (var row in TradeFixtures.Reference.GeccCountries)
        {
            Assert.Empty(Findings(Doc(row.Iso2, item: chip), "chpl-non-gecc-counterparty"));
        }

        Assert.Single(Findings(Doc("KZ", item: chip), "chpl-non-gecc-counterparty"));
    }

    [Fact]
    public void RuleSet_EveryRedFlag_IsImplementedOrExplained()
    {
        var rules = RedFlagRuleSet.Default;

        Assert.Empty(rules.Validate(TradeFixtures.Reference));
        var implemented = rules.Rules.SelectMany(r => r.Implements).ToHashSet();
        var explained = rules.NotImplementable.Select(n => n.Id).ToHashSet();
        Assert.Empty(implemented.Intersect(explained));
        Assert.All(TradeFixtures.Reference.RedFlags, f => Assert.True(implemented.Contains(f.Id) || explained.Contains(f.Id), f.Id));
        Assert.All(rules.NotImplementable, n => Assert.False(string.IsNullOrWhiteSpace(n.Reason)));
    }
}
