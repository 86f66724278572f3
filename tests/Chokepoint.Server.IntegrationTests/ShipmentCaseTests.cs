using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chokepoint.Persistence;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>A shipment check that needs review or blocks opens (or joins) the shipment's case, worked in the four-eyes flow.</summary>
public sealed class ShipmentCaseTests(ShipmentCaseTests.Fixture fixture) : IClassFixture<ShipmentCaseTests.Fixture>
{
    public sealed class Fixture : IAsyncDisposable
    {
        public ServerFactory Server { get; } = new ServerFactory().With("Chokepoint:ReferenceDirectory", TestPaths.Reference);

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Shipment(string id, string endUser, string endUserCountry) => new
    {
        id,
        date = "2026-02-20",
        parties = new object[]
        {
            new { role = "seller", name = "Rheintal Bauelemente Vertrieb GmbH", country = "DE", type = "organization" },
            new { role = "end_user", name = endUser, country = endUserCountry, type = "organization", address = "Zone Industrielle du Cormier, 49300 Cholet" },
        },
        items = new object[] { new { description = "Multilayer ceramic chip capacitor 100nF", hsCode = "8532.24.00", quantity = 1000, unitPrice = 0.01, currency = "EUR" } },
        declaredEndUse = "Engine control units for passenger cars assembled at the Cholet plant",
    };

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task CheckShipment_ListedEndUser_OpensCaseWithMatchesAndFindings()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var analyst = await fixture.Server.KeyClientAsync(Roles.Analyst);
        var id = NewId("SO");

        var line = await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/check/shipment", Shipment(id, "Alabuga Special Economic Zone", "RU"), Ct));
        var caseId = line.GetProperty("caseId").GetGuid();
        var c = await ApiJson.ReadAsync(await analyst.GetAsync($"/v1/cases/{caseId}", Ct));
        var alert = Assert.Single(c.GetProperty("alerts").EnumerateArray());
        var findings = alert.GetProperty("findings");
        var party = findings.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("kind").GetString() == "party");
        var match = Assert.Single(alert.GetProperty("matches").EnumerateArray());

        Assert.Equal("block", line.GetProperty("decision").GetString(), ignoreCase: true);
        Assert.Equal("shipment:" + id, c.GetProperty("partyKey").GetString());
        Assert.Equal($"Shipment {id} to Alabuga Special Economic Zone", c.GetProperty("partyName").GetString());
        Assert.Equal("shipment", alert.GetProperty("origin").GetString());
        Assert.Equal(id, alert.GetProperty("query").GetProperty("id").GetString());
        Assert.Equal(id, findings.GetProperty("id").GetString());
        Assert.Equal("block", findings.GetProperty("decision").GetString());
        Assert.Equal("critical", party.GetProperty("severity").GetString());
        Assert.Equal("party-listed", party.GetProperty("rule").GetString());
        Assert.Equal("us_ofac_sdn:1", party.GetProperty("evidence").GetProperty("entityId").GetString());
        Assert.False(string.IsNullOrEmpty(party.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrEmpty(party.GetProperty("source").GetString()));
        Assert.Equal("us_ofac_sdn:1", match.GetProperty("entityId").GetString());
        Assert.Equal(64, match.GetProperty("entryHash").GetString()!.Length);
        Assert.True(match.GetProperty("explanation").GetProperty("alignments").GetArrayLength() > 0);
    }

    [Fact]
    public async Task CheckShipment_SameDocumentTwice_JoinsOpenCase()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var analyst = await fixture.Server.KeyClientAsync(Roles.Analyst);
        var id = NewId("SO");

        var first = await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/check/shipment", Shipment(id, "Alabuga Special Economic Zone", "RU"), Ct));
        var second = await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/check/shipment", Shipment(id, "Alabuga Special Economic Zone", "RU"), Ct));
        var other = await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/check/shipment", Shipment(NewId("SO"), "Alabuga Special Economic Zone", "RU"), Ct));
        var c = await ApiJson.ReadAsync(await analyst.GetAsync($"/v1/cases/{first.GetProperty("caseId").GetGuid()}", Ct));

        Assert.Equal(first.GetProperty("caseId").GetGuid(), second.GetProperty("caseId").GetGuid());
        Assert.NotEqual(first.GetProperty("caseId").GetGuid(), other.GetProperty("caseId").GetGuid());
        Assert.Equal(2, c.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task CheckShipment_Clear_OpensNoCase()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);

        var line = await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/check/shipment", Shipment(NewId("ORD"), "Automobiles de la Loire SA", "FR"), Ct));

        Assert.Equal("clear", line.GetProperty("decision").GetString(), ignoreCase: true);
        Assert.True(!line.TryGetProperty("caseId", out var caseId) || caseId.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task ShipmentCase_DecideAndApprove_ClosesAndNextCheckOpensNewCase()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var analyst = await fixture.Server.KeyClientAsync(Roles.Analyst, "ana-" + Guid.NewGuid().ToString("N")[..4]);
        var supervisor = await fixture.Server.KeyClientAsync(Roles.Supervisor);
        var id = NewId("SO");
        var caseId = (await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/check/shipment", Shipment(id, "Alabuga Special Economic Zone", "RU"), Ct))).GetProperty("caseId").GetGuid();

        var decision = await ApiJson.ReadAsync(await analyst.PostAsJsonAsync($"/v1/cases/{caseId}/decisions", new { outcome = "trueMatch", reason = "The end user is the listed Alabuga zone" }, Ct));
        using var own = await analyst.PostAsJsonAsync($"/v1/cases/{caseId}/decisions/{decision.GetProperty("id").GetGuid()}/approve", new { }, Ct);
        var approved = await ApiJson.ReadAsync(await supervisor.PostAsJsonAsync($"/v1/cases/{caseId}/decisions/{decision.GetProperty("id").GetGuid()}/approve", new { }, Ct));
        var again = await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/check/shipment", Shipment(id, "Alabuga Special Economic Zone", "RU"), Ct));

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("closed", approved.GetProperty("caseStatus").GetString());
        Assert.NotEqual(caseId, again.GetProperty("caseId").GetGuid());
    }

    [Fact]
    public async Task CasePage_ShipmentCase_ShowsFindingsEscaped()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var analyst = await fixture.Server.UserClientAsync(Roles.Analyst);
        var id = NewId("SO-<b>x</b>");
        var caseId = (await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/check/shipment", Shipment(id, "Alabuga Special Economic Zone", "RU"), Ct))).GetProperty("caseId").GetGuid();

        var html = await analyst.GetStringAsync($"/cases/{caseId}", Ct);

        Assert.Contains("class=\"responsive shipment-findings\"", html, StringComparison.Ordinal);
        Assert.Contains("party-listed", html, StringComparison.Ordinal);
        Assert.Contains("us_ofac_sdn:1", html, StringComparison.Ordinal);
        Assert.Contains("SO-&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
    }
}
