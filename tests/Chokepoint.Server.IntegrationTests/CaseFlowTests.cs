using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chokepoint.Persistence;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>Alert → case → decision → four-eyes approval → suppression, and optimistic concurrency.</summary>
public sealed class CaseFlowTests(CaseFlowTests.Fixture fixture) : IClassFixture<CaseFlowTests.Fixture>
{
    public sealed class Fixture : IAsyncDisposable
    {
        public ServerFactory Server { get; } = new();

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<(Guid CaseId, JsonElement Line)> ScreenAsync(HttpClient client, string id, string name)
    {
        var line = await JsonAsync(await client.PostAsJsonAsync("/v1/screen/party", new { id, name, country = "RU" }, Ct));
        return (line.TryGetProperty("caseId", out var c) ? c.GetGuid() : Guid.Empty, line);
    }

    [Fact]
    public async Task ScreenParty_Alerting_OpensCaseWithMatchesAndExplanations()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var analyst = await fixture.Server.UserClientAsync(Roles.Analyst);

        var (caseId, line) = await ScreenAsync(client, "CUST-1", "Alabuga Special Economic Zone");
        var (again, _) = await ScreenAsync(client, "CUST-1", "Alabuga Special Economic Zone");

        Assert.True(line.GetProperty("alert").GetBoolean());
        Assert.Equal("us_ofac_sdn:1", line.GetProperty("matches")[0].GetProperty("entityId").GetString());
        Assert.NotEqual(Guid.Empty, caseId);
        Assert.Equal(caseId, again);
        var c = await JsonAsync(await analyst.GetAsync($"/v1/cases/{caseId}", Ct));
        Assert.Equal(2, c.GetProperty("alerts").GetArrayLength());
        Assert.True(c.GetProperty("alerts")[0].GetProperty("matches")[0].GetProperty("explanation").TryGetProperty("nameScore", out _));
    }

    [Fact]
    public async Task Approve_FalsePositiveFourEyes_SuppressesLaterScreenings()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var sue = await fixture.Server.UserClientAsync(Roles.Supervisor, "sue-" + Guid.NewGuid().ToString("N")[..4]);
        var tom = await fixture.Server.UserClientAsync(Roles.Supervisor);
        var (caseId, _) = await ScreenAsync(client, "CUST-2", "Alabuga Special Economic Zone");
        var c = await JsonAsync(await sue.GetAsync($"/v1/cases/{caseId}", Ct));
        var version = c.GetProperty("version").GetInt32();

        var decision = await JsonAsync(await sue.PostAsJsonAsync($"/v1/cases/{caseId}/decisions", new { outcome = "falsePositive", reason = "Customer is a bakery in Kazan", version }, Ct));
        var decisionId = decision.GetProperty("id").GetGuid();
        using var own = await sue.PostAsJsonAsync($"/v1/cases/{caseId}/decisions/{decisionId}/approve", new { }, Ct);
        var approved = await JsonAsync(await tom.PostAsJsonAsync($"/v1/cases/{caseId}/decisions/{decisionId}/approve", new { }, Ct));
        var (newCase, line) = await ScreenAsync(client, "CUST-2", "Alabuga Special Economic Zone");

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("four eyes", await own.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("closed", approved.GetProperty("caseStatus").GetString());
        Assert.False(line.GetProperty("alert").GetBoolean());
        Assert.Equal(Guid.Empty, newCase);
        Assert.StartsWith("previously cleared by sue-", line.GetProperty("matches")[0].GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_StaleVersion_Conflict()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var ana = await fixture.Server.UserClientAsync(Roles.Analyst);
        var (caseId, _) = await ScreenAsync(client, "CUST-3", "Shahed Aviation Industries Research Center");
        var version = (await JsonAsync(await ana.GetAsync($"/v1/cases/{caseId}", Ct))).GetProperty("version").GetInt32();
        await ScreenAsync(client, "CUST-3", "Shahed Aviation Industries Research Center");

        using var response = await ana.PostAsJsonAsync($"/v1/cases/{caseId}/decisions", new { outcome = "trueMatch", reason = "Same entity", version }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("\"field\":\"version\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_NoReason_ProblemNamesReason()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var ana = await fixture.Server.UserClientAsync(Roles.Analyst);
        var (caseId, _) = await ScreenAsync(client, "CUST-4", "Izhevsk Electromechanical Plant Kupol");

        using var response = await ana.PostAsJsonAsync($"/v1/cases/{caseId}/decisions", new { outcome = "trueMatch" }, Ct);
        var problem = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"reason\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenParty_MissingName_ProblemNamesField()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);

        using var missing = await client.PostAsJsonAsync("/v1/screen/party", new { country = "RU" }, Ct);
        using var badDate = await client.PostAsJsonAsync("/v1/screen/party", new { name = "x", birthDate = "1970-13" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"name\"", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("\"birthDate\"", await badDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_OpenSanctionsShape_ReturnsResultsPerQuery()
    {
        var client = await fixture.Server.KeyClientAsync(Roles.Screening);
        var body = new { queries = new { q1 = new { schema = "Company", properties = new { name = new[] { "Shahed Aviation Industries Research Center" } } } } };

        var json = await JsonAsync(await client.PostAsJsonAsync("/match/default", body, Ct));
        var top = json.GetProperty("responses").GetProperty("q1").GetProperty("results")[0];

        Assert.Equal("us_ofac_sdn:2", top.GetProperty("id").GetString());
        Assert.Equal("SHAHED AVIATION INDUSTRIES RESEARCH CENTER", top.GetProperty("caption").GetString());
        Assert.Equal("Organization", top.GetProperty("schema").GetString());
        Assert.True(top.GetProperty("match").GetBoolean());
        Assert.True(top.GetProperty("features").TryGetProperty("name_score", out _));
    }
}
