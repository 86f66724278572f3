using System.Net;
using System.Net.Http.Json;
using Chokepoint.Persistence;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>Each role can do exactly what it should and nothing more.</summary>
public sealed class RoleMatrixTests(RoleMatrixTests.Fixture fixture) : IClassFixture<RoleMatrixTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ServerFactory Server { get; } = new();

        public Dictionary<string, HttpClient> Clients { get; } = [];

        public async ValueTask InitializeAsync()
        {
            Clients["anonymous"] = Server.CreateClient();
            Clients[Roles.Screening] = await Server.KeyClientAsync(Roles.Screening);
            Clients[Roles.Analyst] = await Server.UserClientAsync(Roles.Analyst);
            Clients[Roles.Supervisor] = await Server.UserClientAsync(Roles.Supervisor);
            Clients[Roles.Admin] = await Server.UserClientAsync(Roles.Admin);
        }

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }

    private static readonly string Missing = Guid.NewGuid().ToString();

    // endpoint, anonymous, screening, analyst, supervisor, admin
    public static TheoryData<string, string, int, int, int, int, int> Matrix => new()
    {
        { "GET", "/health", 200, 200, 200, 200, 200 },
        { "POST", "/v1/screen/party", 401, 200, 200, 200, 403 },
        { "POST", "/match/default", 401, 200, 200, 200, 403 },
        { "GET", "/v1/lists", 401, 200, 200, 200, 403 },
        { "GET", "/v1/entities/us_ofac_sdn:1", 401, 200, 200, 200, 403 },
        { "GET", "/v1/alerts", 401, 403, 200, 200, 403 },
        { "GET", "/v1/cases", 401, 403, 200, 200, 403 },
        { "POST", $"/v1/cases/{Missing}/decisions", 401, 403, 404, 404, 403 },
        { "POST", $"/v1/cases/{Missing}/decisions/{Missing}/approve", 401, 403, 403, 404, 403 },
        { "GET", "/v1/monitoring/parties", 401, 403, 200, 200, 403 },
        { "GET", "/v1/audit/verify", 401, 403, 403, 200, 200 },
        { "GET", "/v1/audit/export?format=csv", 401, 403, 403, 200, 200 },
        { "POST", "/v1/admin/keys", 401, 403, 403, 403, 200 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_EachRole_GetsExpectedStatus(string method, string path, int anonymous, int screening, int analyst, int supervisor, int admin)
    {
        var expected = new Dictionary<string, int>
        {
            ["anonymous"] = anonymous,
            [Roles.Screening] = screening,
            [Roles.Analyst] = analyst,
            [Roles.Supervisor] = supervisor,
            [Roles.Admin] = admin,
        };

        var actual = new Dictionary<string, int>();
        foreach (var (role, client) in fixture.Clients)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Body(path) : null };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            actual[role] = (int)response.StatusCode;
        }

        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Request_UnknownKey_Unauthorized()
    {
        using var client = fixture.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "cpk_not-a-real-key");

        using var response = await client.PostAsJsonAsync("/v1/screen/party", new { name = "x" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_UnauthorizedProblem()
    {
        using var client = fixture.Server.CreateClient();

        using var response = await client.PostAsJsonAsync("/auth/sign-in", new { name = "nobody", password = "wrong password" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static JsonContent Body(string path) =>
        path.StartsWith("/match", StringComparison.Ordinal) ? JsonContent.Create(new { queries = new { q1 = new { schema = "Company", properties = new { name = new[] { "Nobody In Particular" } } } } })
        : path.EndsWith("/decisions", StringComparison.Ordinal) ? JsonContent.Create(new { outcome = "trueMatch", reason = "test" })
        : path.EndsWith("/approve", StringComparison.Ordinal) ? JsonContent.Create(new { })
        : path.EndsWith("/keys", StringComparison.Ordinal) ? JsonContent.Create(new { role = "screening" })
        : JsonContent.Create(new { name = "Nobody In Particular" });
}
