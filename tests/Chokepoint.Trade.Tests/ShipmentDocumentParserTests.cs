namespace Chokepoint.Trade.Tests;

public class ShipmentDocumentParserTests
{
    private const string Minimal = """{"id":"A1","parties":[{"role":"buyer","name":"Acme"}],"items":[{"hsCode":"8542.31"}]}""";

    [Fact]
    public void Parse_MinimalDocument_Succeeds()
    {
        var result = ShipmentDocumentParser.Parse(Minimal, "a.json");

        Assert.True(result.Succeeded);
        Assert.Equal("A1", result.Document!.Id);
        Assert.Equal(PartyRole.Buyer, result.Document.Parties[0].Role);
        Assert.Equal("854231", result.Document.Items[0].HsCode!.Value.Digits);
    }

    [Fact]
    public void Parse_BadHsCodeInThirdItem_NamesFieldPath()
    {
        var json = """{"id":"A1","parties":[{"role":"buyer","name":"Acme"}],"items":[{"hsCode":"8542"},{"hsCode":"8532.24"},{"hsCode":"85x2"}]}""";

        var result = ShipmentDocumentParser.Parse(json, "orders.json");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("items[2].hsCode", error.Path);
        Assert.Equal("orders.json: field 'items[2].hsCode': '85x2' is not an HS code (2, 4 or 6 to 12 digits, e.g. 8542.31 or 854231)", error.ToString());
        Assert.Equal("A1", result.Id);
    }

    [Fact]
    public void Parse_SeveralBadFields_ReportsEach()
    {
        var json = """
            {"id":"A1","date":"2024-13-01",
             "parties":[{"role":"shipper-ish","name":"Acme","country":"Germany"}],
             "items":[{"quantity":-5,"hsCode":"8542"}],
             "payment":{"originatorCountry":"XYZ"}}
            """;

        var result = ShipmentDocumentParser.Parse(json);

        Assert.Equal(
            ["date", "parties[0].role", "parties[0].country", "items[0].quantity", "payment.originatorCountry"],
            result.Errors.Select(e => e.Path).ToArray());
    }

    [Fact]
    public void Parse_MissingRequiredParts_ReportsIdPartiesItems()
    {
        var result = ShipmentDocumentParser.Parse("""{"parties":[],"items":[]}""");

        Assert.Equal(["id", "parties", "items"], result.Errors.Select(e => e.Path).ToArray());
    }

    [Fact]
    public void Parse_UnknownFields_AreKeptAndIgnored()
    {
        var json = """{"id":"A1","channel":"edi","parties":[{"role":"buyer","name":"Acme","vatNo":"X"}],"items":[{"hsCode":"8542","colour":"red"}]}""";

        var result = ShipmentDocumentParser.Parse(json);

        Assert.True(result.Succeeded);
        Assert.Equal("edi", result.Document!.UnknownFields["channel"].GetString());
    }

    [Fact]
    public void Parse_NotJson_FailsWithLine()
    {
        var result = ShipmentDocumentParser.Parse("{\n\"id\": \"A1\",\n oops }", "x.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void ParseMany_JsonLinesWithOneBadLine_ReportsThatLine()
    {
        var text = Minimal + "\n\n" + """{"id":"A2","parties":[{"role":"buyer","name":"Acme"}],"items":[{"hsCode":"bad"}]}""" + "\n" + Minimal.Replace("A1", "A3", StringComparison.Ordinal) + "\n";

        var results = ShipmentDocumentParser.ParseMany(text, "batch.jsonl");

        Assert.Equal(3, results.Count);
        Assert.True(results[0].Succeeded);
        Assert.Equal(3, Assert.Single(results[1].Errors).Line);
        Assert.Equal("A3", results[2].Document!.Id);
    }

    [Fact]
    public void ParseMany_PrettyPrintedSingleDocument_IsOneDocument()
    {
        var results = ShipmentDocumentParser.ParseMany(File.ReadAllText(TestPaths.InRepo("samples", "shipments", "01-alabuga-via-kazakhstan.json")));

        Assert.Equal("SO-2024-0193", Assert.Single(results).Document!.Id);
    }

    [Fact]
    public void Parse_IdentifiersAsObjects_KeepTypeAndValue()
    {
        var json = """{"id":"A1","parties":[{"role":"buyer","name":"Acme","identifiers":["x@y.z",{"type":"inn","value":"7700000000"}]}],"items":[{"hsCode":"8542"}]}""";

        var party = ShipmentDocumentParser.Parse(json).Document!.Parties[0];

        Assert.Equal(["x@y.z", "inn: 7700000000"], party.Identifiers);
    }
}
