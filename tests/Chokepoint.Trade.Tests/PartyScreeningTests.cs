namespace Chokepoint.Trade.Tests;

/// <summary>How a document's parties reach the matching engine.</summary>
public class PartyScreeningTests
{
    private const string Doc = """
        {"id": "ID-1", "date": "2024-05-10",
         "parties": [
           {"role": "seller", "name": "Rheintal Bauelemente Vertrieb GmbH", "country": "DE"},
           {"role": "consignee", "name": "Kama Industrial Park Services", "country": "RU", "type": "organization",
            "identifiers": [{"type": "taxNumber", "value": "1646 019 914"}]}],
         "items": [{"description": "Office chairs", "hsCode": "9401.30", "quantity": 4}]}
        """;

    [Fact]
    public void Check_ListedTaxNumberUnderAnotherName_FindsTheListedParty()
    {
        var result = new ShipmentScreener(TradeFixtures.Reference, TradeFixtures.Engine).Check(TradeFixtures.Doc(Doc));

        var listed = Assert.Single(result.Findings, f => f.Rule == "party-listed");
        Assert.Equal("us_ofac_sdn:45708", listed.Evidence["entityId"]);
        Assert.Equal(ShipmentDecision.Block, result.Decision);
    }

    [Fact]
    public void Check_SameCompanyInSeveralRoles_IsScreenedOnce()
    {
        var fake = new FakePartyScreener();
        var doc = TradeFixtures.Sample("03-clean-capacitors-de-fr.json");

        TradeFixtures.WithFake(fake).Check(doc);

        // Buyer, consignee and end user are one company with one country: two distinct parties in four roles.
        Assert.Equal(4, doc.Parties.Count);
        Assert.Equal(2, fake.Queries.Count);
    }

    [Theory]
    // Nothing reads a match below the strict roles' threshold and the near-match floor (0.7 less 0.1 by default), so
    // the screener is not asked for one; a screener that cannot tell its threshold beforehand is asked down to 0.4.
    [InlineData(0.70, null, 0.60)]
    [InlineData(0.70, 0.50, 0.40)]
    [InlineData(null, null, 0.40)]
    public void Check_LowestScoreAskedOfTheScreener_IsTheLowestAnyCheckReads(double? screenerDefault, double? policyThreshold, double expected)
    {
        var fake = new FakePartyScreener { DefaultThreshold = screenerDefault };
        var policy = ShipmentPolicy.Default with { PartyThreshold = policyThreshold };

        TradeFixtures.WithFake(fake, policy).Check(TradeFixtures.Doc(Doc));

        Assert.All(fake.Options, o => Assert.Equal(expected, o!.MinScore, 6));
    }

    [Theory]
    [InlineData("taxNumber", Core.IdentifierType.TaxNumber)]
    [InlineData("7", Core.IdentifierType.Other)]
    [InlineData("licence", Core.IdentifierType.Other)]
    public void Parse_IdentifierType_IsReadByNameOnly(string type, Core.IdentifierType expected)
    {
        var doc = TradeFixtures.Doc(Doc.Replace("\"taxNumber\"", $"\"{type}\"", StringComparison.Ordinal));

        Assert.Equal(expected, Assert.Single(doc.Parties[1].PartyIdentifiers).Type);
    }
}
