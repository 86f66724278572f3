using Chokepoint.Trade.Matching;

namespace Chokepoint.Trade.Tests;

public class PlaceMatchingTests
{
    private static readonly PlaceIndex Index = new(TradeFixtures.Reference.Places);

    [Theory]
    [InlineData("423600, Республика Татарстан, г. Елабуга", "Alabuga Special Economic Zone (Yelabuga)")]
    [InlineData("Yelabuga, Tatarstan", "Alabuga Special Economic Zone (Yelabuga)")]
    [InlineData("SEZ Alabuga, building 4", "Alabuga Special Economic Zone (Yelabuga)")]
    [InlineData("Alabugа", "Alabuga Special Economic Zone (Yelabuga)")]
    [InlineData("Махачкала, ул. Портовая 1", "Port of Makhachkala")]
    [InlineData("Makhachkalla sea port", "Port of Makhachkala")]
    [InlineData("بندر امیرآباد", "Port of Amirabad")]
    [InlineData("Bandar-e Amirabad, Mazandaran", "Port of Amirabad")]
    [InlineData("Бендер-Энзели", "Port of Bandar Anzali")]
    [InlineData("Shahin Shahr industrial zone", "HESA (Iran Aircraft Manufacturing Industrial Co.)")]
    public void Find_PlaceInAnyScriptOrSpelling_IsFound(string text, string expected) =>
        Assert.Contains(Index.Find(text), m => m.Place.Name == expected);

    [Theory]
    [InlineData("Astana, Kazakhstan")]
    [InlineData("Mannheim, Germany")]
    [InlineData("Kazan, Tatarstan")]
    [InlineData("")]
    public void Find_OrdinaryAddress_FindsNothing(string text) => Assert.Empty(Index.Find(text));

    [Fact]
    public void Find_CloseSpellingOfLongName_IsMarkedFuzzy()
    {
        var match = Assert.Single(Index.Find("Makhachkalla"));

        Assert.True(match.Fuzzy);
    }

    [Theory]
    [InlineData("Makhachkala", "Makhachkalla", true)]
    [InlineData("Alabuga", "Alabgua", true)]
    [InlineData("Astara", "Astana", true)]
    [InlineData("Astrakhan", "Astrakan", true)]
    [InlineData("Kashan", "Kazan", false)]
    public void WithinOneEdit_Pairs_AreJudged(string a, string b, bool expected) => Assert.Equal(expected, PlaceIndex.WithinOneEdit(a, b));

    [Theory]
    [InlineData("ul. Bolshaya Morskaya 34, Sevastopol", "UA-43")]
    [InlineData("г. Донецк, ДНР", "UA-14-DNR")]
    [InlineData("Lugansk", "UA-09-LNR")]
    [InlineData("Simferopol, Krym", "UA-43")]
    public void RegionIn_OccupiedRegionNames_AreEmbargoed(string text, string code) =>
        Assert.Equal(code, EmbargoedDestinations.RegionIn(text)?.Code);

    [Fact]
    public void RegionIn_Kyiv_IsNotEmbargoed() => Assert.Null(EmbargoedDestinations.RegionIn("Khreshchatyk 22, Kyiv"));

    [Theory]
    [InlineData("IR", "block")]
    [InlineData("KP", "block")]
    [InlineData("CU", "block")]
    [InlineData("RU", "review")]
    [InlineData("BY", "review")]
    [InlineData("SY", "review")]
    public void Check_OrdinaryGoodsToEmbargoedCountry_BlocksOnlyUnderComprehensiveEmbargo(string country, string decision)
    {
        var json = File.ReadAllText(TestPaths.InRepo("samples", "shipments", "17-office-chairs-to-tehran.json")).Replace("\"IR\"", $"\"{country}\"", StringComparison.Ordinal);

        var result = TradeFixtures.WithFake().Check(TradeFixtures.Doc(json));

        Assert.Equal(decision, result.Decision.ToString().ToLowerInvariant());
        var embargo = Assert.Single(result.Findings, f => f.Rule == "country-embargoed");
        Assert.Equal(decision == "block", embargo.Evidence["comprehensive"]);
    }

    [Fact]
    public void Check_OrdinaryGoodsToCrimea_Blocks()
    {
        var json = File.ReadAllText(TestPaths.InRepo("samples", "shipments", "17-office-chairs-to-tehran.json"))
            .Replace("\"IR\"", "\"UA\"", StringComparison.Ordinal).Replace("Tehran, Iran", "Sevastopol", StringComparison.Ordinal);

        var result = TradeFixtures.WithFake().Check(TradeFixtures.Doc(json));

        Assert.Equal(ShipmentDecision.Block, result.Decision);
        Assert.Equal("UA-43", Assert.Single(result.Findings, f => f.Rule == "country-embargoed").Evidence["country"]);
    }
}
