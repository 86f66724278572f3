using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chokepoint.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chokepoint.Server.IntegrationTests;

public sealed class AuditTests : IAsyncDisposable
{
    private readonly ServerFactory _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Verify_EditedRow_NamesTheRecord()
    {
        var client = await _server.KeyClientAsync(Roles.Screening);
        var admin = await _server.UserClientAsync(Roles.Admin);
        (await client.PostAsJsonAsync("/v1/screen/party", new { id = "A-1", name = "Alabuga Special Economic Zone" }, Ct)).EnsureSuccessStatusCode();
        var before = await admin.GetFromJsonAsync<JsonElement>("/v1/audit/verify", Ct);
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChokepointDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_records SET \"Actor\" = 'mallory' WHERE \"Sequence\" = 2", Ct);
        }

        var after = await admin.GetFromJsonAsync<JsonElement>("/v1/audit/verify", Ct);

        Assert.True(before.GetProperty("isIntact").GetBoolean(), before.ToString());
        Assert.False(after.GetProperty("isIntact").GetBoolean());
        Assert.Equal(2, after.GetProperty("firstBadSequence").GetInt64());
        Assert.Equal("Record 2 was edited: its content does not match its hash.", after.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Export_Csv_NeutralisesFormulaCells()
    {
        var admin = await _server.UserClientAsync(Roles.Admin);
        (await admin.PostAsJsonAsync("/v1/admin/keys", new { role = "screening", name = "=HYPERLINK(\"http://x\")" }, Ct)).EnsureSuccessStatusCode();

        var csv = await admin.GetStringAsync("/v1/audit/export?format=csv", Ct);

        Assert.StartsWith("sequence,at,actor,action,subject,details,previous_hash,hash", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
    }
}

public sealed class LimitsTests : IAsyncDisposable
{
    private readonly ServerFactory _server = new ServerFactory()
        .With("Chokepoint:RateLimitPermits", "5")
        .With("Chokepoint:MaxBodyBytes", "2000")
        .With("Chokepoint:MaxBatchSize", "2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ScreenParty_OverRateLimit_TooManyRequestsForThatKeyOnly()
    {
        var client = await _server.KeyClientAsync(Roles.Screening);
        var other = await _server.KeyClientAsync(Roles.Screening);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var r = await client.PostAsJsonAsync("/v1/screen/party", new { name = "Nobody " + i }, Ct);
            statuses.Add(r.StatusCode);
        }

        using var fresh = await other.PostAsJsonAsync("/v1/screen/party", new { name = "Nobody" }, Ct);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ScreenParty_BodyOverLimit_PayloadTooLarge()
    {
        var client = await _server.KeyClientAsync(Roles.Screening);

        using var response = await client.PostAsJsonAsync("/v1/screen/party", new { name = new string('a', 3000) }, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SubmitBatch_OverBatchSize_PayloadTooLargeNamingQueries()
    {
        var client = await _server.KeyClientAsync(Roles.Screening);

        using var response = await client.PostAsJsonAsync("/v1/screen/batch", new { queries = new[] { new { name = "a" }, new { name = "b" }, new { name = "c" } } }, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("\"field\":\"queries\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
