namespace Chokepoint.Trade.Tests;

/// <summary>Each sample shipment's decision and findings, with a fake screener and with the real engine over the staged lists.</summary>
public class SampleTests
{
    public static TheoryData<string, string, string, string> Samples => new()
    {
        { "01-alabuga-via-kazakhstan.json", "SO-2024-0193", "block", "party-listed country-embargoed component-match place-of-concern chpl-via-transshipment uav-items-to-iran-or-intermediary end-user-at-place-of-concern post-invasion-company chpl-non-gecc-counterparty young-company end-use-vague item-chpl item-iran-uav country-transshipment" },
        { "02-caspian-amirabad-makhachkala.json", "BL-IRL-2023-0417", "block", "party-listed country-embargoed place-of-concern uav-items-to-iran-or-intermediary caspian-route end-use-military item-iran-uav-description item-chpl end-user-missing similar-to-listed" },
        { "03-clean-capacitors-de-fr.json", "ORD-DE-2024-88121", "clear", "item-chpl item-iran-uav item-iran-uav-description" },
        { "04-lookalike-part-numbers-turkey.json", "PO-77310", "review", "component-match chpl-via-transshipment uav-items-to-iran-or-intermediary chpl-non-gecc-counterparty line-of-business-mismatch personal-email item-chpl item-iran-uav country-transshipment vague-delivery-address" },
        { "05-forwarder-end-user-armenia.json", "INV-2023-1108", "review", "component-match forwarder-as-end-user chpl-via-transshipment uav-items-to-iran-or-intermediary payer-in-transshipment-country chpl-non-gecc-counterparty third-party-payer residential-address item-chpl item-iran-uav country-transshipment vague-delivery-address" },
        { "06-listed-hong-kong-intermediary.json", "SHP-HK-24-5521", "block", "party-listed component-match chpl-via-transshipment uav-items-to-iran-or-intermediary consignee-not-consumer chpl-non-gecc-counterparty bank-in-other-jurisdiction item-chpl item-iran-uav country-transshipment" },
        { "07-farm-buyer-fpgas-cash.json", "Q-2024-0311", "review", "component-match chpl-via-transshipment uav-items-to-iran-or-intermediary chpl-non-gecc-counterparty line-of-business-mismatch cash-for-expensive-item item-chpl item-iran-uav country-transshipment" },
        { "08-misdeclared-mcus-uzbekistan.json", "CI-UZ-2024-031", "review", "component-match chpl-via-transshipment end-use-reexport description-hs-mismatch item-chpl country-transshipment bulk-ear99-electronics" },
        { "09-russian-state-special-purpose.json", "RFQ-2024-1902", "review", "country-embargoed special-purpose-projects fsb-licence soe-name-markers" },
        { "10-crimea-consignee.json", "EXP-2024-0672", "block", "country-embargoed chpl-via-transshipment uav-items-to-iran-or-intermediary chpl-non-gecc-counterparty item-chpl item-iran-uav country-transshipment" },
        { "11-iran-navigation-items.json", "TX-IR-2022-118", "block", "country-embargoed place-of-concern uav-items-to-iran-or-intermediary end-user-at-place-of-concern third-party-payer line-of-business-mismatch cash-for-expensive-item item-chpl item-iran-uav-description end-user-missing item-chpl-heading item-iran-uav-heading" },
        { "12-young-polish-buyer-route-lithuania.json", "ZAM-2025-044", "review", "route-ends-elsewhere young-company item-chpl end-user-missing" },
        { "13-clean-bearings-jp-us.json", "SO-JP-2024-7781", "clear", "item-chpl" },
        { "14-seller-resembles-listed.json", "PO-PL-2024-3307", "review", "chpl-via-transshipment similar-to-listed item-chpl country-transshipment" },
        { "15-buyer-resembles-denied-person.json", "SO-US-2024-5120", "review", "component-match similar-to-listed similar-to-denied item-chpl item-iran-uav" },
        { "16-batch.jsonl", "NL-BE-2024-0901", "clear", "" },
        { "17-office-chairs-to-tehran.json", "OF-IT-2025-0212", "block", "country-embargoed" },
        { "16-batch.jsonl", "SG-2024-1207", "block", "party-listed component-match chpl-via-transshipment uav-items-to-iran-or-intermediary chpl-non-gecc-counterparty item-chpl item-iran-uav country-transshipment" },
    };

    // The fake knows the listed parties the samples name, with the scores the real engine gives them.
    private static readonly Lazy<ShipmentScreener> Fake = new(() => TradeFixtures.WithFake(new FakePartyScreener()
        .Add("Joint Stock Company Special Economic Zone of Industrial Production Alabuga", "us_ofac_sdn:45708", 1.0)
        .Add("Shahed Aviation Industries Research Center", "us_ofac_sdn:39637", 1.0)
        .Add("Jinmingsheng Technology HK Co Limited", "us_ofac_sdn:48729", 1.0)
        .Add("Vohom Global Trading Company", "us_ofac_sdn:42328", 0.63, "VOHOM TECHNOLOGY HK CO., LIMITED")
        .Add("Juzhoi Global Trading LLC", "us_bis_dpl:32cb38c938c6", 0.64, "JUZHOI ELECTRONIC LLC")
        .Add("Dali RF Tech Limited", "us_ofac_sdn:45357", 0.99, "DALI RF TECHNOLOGY CO., LIMITED")
        .Add("Caspian Sea Line Shipping Agency", "us_ofac_sdn:15141", 0.68, "CASPIAN MARITIME LIMITED")));

    private static readonly Lazy<ShipmentScreener> Real = new(() => new ShipmentScreener(TradeFixtures.Reference, TradeFixtures.Engine));

    private static ShipmentDocument Load(string file, string id) =>
        ShipmentDocumentParser.ParseMany(File.ReadAllText(TestPaths.InRepo("samples", "shipments", file)), file)
            .Select(r => r.Document ?? throw new InvalidOperationException(string.Join("; ", r.Errors)))
            .Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Check_SampleWithFakeScreener_GivesExpectedDecisionAndRules(string file, string id, string decision, string rules) =>
        AssertResult(Fake.Value.Check(Load(file, id)), decision, rules);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Check_SampleWithRealEngine_GivesExpectedDecisionAndRules(string file, string id, string decision, string rules) =>
        AssertResult(Real.Value.Check(Load(file, id)), decision, rules);

    private static void AssertResult(ShipmentResult result, string decision, string rules)
    {
        Assert.Equal(decision, result.Decision.ToString().ToLowerInvariant());
        var expected = rules.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();
        var actual = result.Findings.Where(f => f.Severity > FindingSeverity.Info || expected.Contains(f.Rule)).Select(f => f.Rule).Distinct().Order().ToArray();
        Assert.Equal(expected, actual);
        Assert.All(result.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
    }

    [Fact]
    public void Samples_TogetherFireEveryRuleAndEveryKind()
    {
        var results = Samples.Select(row => row.Data).Select(d => Fake.Value.Check(Load(d.Item1, d.Item2))).ToList();
        var rules = results.SelectMany(r => r.Findings).Select(f => f.Rule).ToHashSet();
        var kinds = results.SelectMany(r => r.Findings).Select(f => f.Kind).ToHashSet();

        Assert.All(RedFlagRuleSet.Default.Rules, r => Assert.Contains(r.Id, rules));
        Assert.Equal(Enum.GetValues<FindingKind>().ToHashSet(), kinds);
        Assert.True(Samples.Count >= 15);
    }

    [Fact]
    public void Check_MediaStory_CarriesEvidenceAndSources()
    {
        var result = Real.Value.Check(Load("01-alabuga-via-kazakhstan.json", "SO-2024-0193"));

        var party = Assert.Single(result.Findings, f => f.Rule == "party-listed");
        Assert.Equal("us_ofac_sdn:45708", party.Evidence["entityId"]);
        Assert.Equal("end user", party.Evidence["role"]);
        Assert.Contains("OFAC", party.Source, StringComparison.Ordinal);
        var place = result.Findings.First(f => f.Rule == "place-of-concern");
        Assert.Equal("Alabuga Special Economic Zone (Yelabuga)", place.Evidence["place"]);
        Assert.Contains("Kirby", place.Source, StringComparison.Ordinal);
        var part = result.Findings.First(f => f.Rule == "component-match");
        Assert.Equal("suffix", part.Evidence["match"]);
        Assert.Contains("war-sanctions.gur.gov.ua", part.Source, StringComparison.Ordinal);
        Assert.Equal(FindingSeverity.Critical, result.Findings[0].Severity);
    }

    [Fact]
    public void Check_Parties_AreScreenedWithTheirCountryAndType()
    {
        var fake = new FakePartyScreener();
        TradeFixtures.WithFake(fake).Check(Load("01-alabuga-via-kazakhstan.json", "SO-2024-0193"));

        // Four parties; buyer and consignee are one company, screened once.
        Assert.Equal(3, fake.Queries.Count);
        Assert.Equal(("Steppe Components Trading LLP", "KZ", Core.EntitySchema.Organization), (fake.Queries[1].Name, fake.Queries[1].Country, fake.Queries[1].Schema));
    }

    [Fact]
    public void Check_SameNameAsConsignee_AlertsWhereAsSellerItOnlyResembles()
    {
        var fake = new FakePartyScreener().Add("Near Name Ltd", "us_ofac_sdn:1", 0.67);
        var screener = TradeFixtures.WithFake(fake);
        ShipmentDocument Doc(PartyRole role) => new()
        {
            Id = "S",
            Parties = [new ShipmentParty { Role = role, Name = "Near Name Ltd", Country = "GB" }],
            Items = [new ShipmentItem { Description = "Office chairs" }],
        };

        var consignee = screener.Check(Doc(PartyRole.Consignee));
        Assert.Equal(ShipmentDecision.Block, consignee.Decision);
        Assert.Equal(0.65, (double)consignee.Findings.Single(f => f.Rule == "party-listed").Evidence["threshold"], 3);
        Assert.DoesNotContain(screener.Check(Doc(PartyRole.Seller)).Findings, f => f.Rule == "party-listed");
        Assert.Contains(screener.Check(Doc(PartyRole.Seller)).Findings, f => f.Rule == "similar-to-listed");
    }
}
