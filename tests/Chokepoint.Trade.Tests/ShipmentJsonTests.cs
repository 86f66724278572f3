using System.Text.Json;

namespace Chokepoint.Trade.Tests;

public class ShipmentJsonTests
{
    [Fact]
    public void Serialize_Result_HasTheDocumentedShape()
    {
        var result = TradeFixtures.WithFake().Check(TradeFixtures.Sample("08-misdeclared-mcus-uzbekistan.json"));

        using var json = JsonDocument.Parse(ShipmentJson.Serialize(result));

        var root = json.RootElement;
        Assert.Equal("CI-UZ-2024-031", root.GetProperty("id").GetString());
        Assert.Equal("review", root.GetProperty("decision").GetString());
        var finding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "description-hs-mismatch");
        Assert.Equal("red_flag", finding.GetProperty("kind").GetString());
        Assert.Equal("medium", finding.GetProperty("severity").GetString());
        Assert.Equal("9503.00.00", finding.GetProperty("evidence").GetProperty("declared").GetString());
        Assert.Equal("fincen23-chpl-hs-on-trade-docs", finding.GetProperty("evidence").GetProperty("implements")[0].GetString());
        Assert.StartsWith("FIN-2023-Alert004", finding.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeErrors_BadDocument_ListsErrorsWithId()
    {
        var parse = ShipmentDocumentParser.Parse("""{"id":"B","parties":[{"role":"buyer","name":"A"}],"items":[{"hsCode":"12x"}]}""", "b.json");

        using var json = JsonDocument.Parse(ShipmentJson.SerializeErrors(parse));

        Assert.Equal("B", json.RootElement.GetProperty("id").GetString());
        Assert.Contains("items[0].hsCode", json.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }
}
