using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Server.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace Chokepoint.Server.IntegrationTests;

public sealed class BatchAndMonitoringTests : IAsyncDisposable
{
    private readonly ServerFactory _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Batch_Submitted_CompletesWithJsonLinesAndCsv()
    {
        var client = await _server.KeyClientAsync(Roles.Screening);
        var body = new { queries = new object[] { new { id = "B1", name = "Alabuga Special Economic Zone" }, new { id = "B2", name = "Nobody In Particular" }, new { id = "B3", name = "=cmd|' /C calc'!A0" } } };

        using var submit = await client.PostAsJsonAsync("/v1/screen/batch", body, Ct);
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        var location = submit.Headers.Location!.ToString();
        JsonElement status = default;
        for (var i = 0; i < 100; i++)
        {
            status = await client.GetFromJsonAsync<JsonElement>(location, Ct);
            if (status.GetProperty("status").GetString() is "completed" or "failed")
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        var jsonl = await client.GetStringAsync(location + "/results?format=jsonl", Ct);
        var csv = await client.GetStringAsync(location + "/results?format=csv", Ct);
        var other = await _server.KeyClientAsync(Roles.Screening);
        using var foreign = await other.GetAsync(location, Ct);

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(3, status.GetProperty("done").GetInt32());
        Assert.Equal(1, status.GetProperty("alerts").GetInt32());
        Assert.Equal(3, jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"id\":\"B1\"", jsonl, StringComparison.Ordinal);
        Assert.StartsWith(ScreenLine.CsvHeader, csv, StringComparison.Ordinal);
        Assert.Contains("B3,'=cmd|' /C calc'!A0,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task ListUpdate_NewEntry_RescreensRegisterAgainstDeltaAndOpensCase()
    {
        var analyst = await _server.UserClientAsync(Roles.Analyst);
        const string csv = "id,name,schema,country\nS-1,Kazan Drone Components LLC,organization,RU\nS-2,Bakery Volga,organization,RU\n";
        using var import = await analyst.PostAsync("/v1/monitoring/parties/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var added = TestEntries.Entry("9", "KAZAN DRONE COMPONENTS LLC", EntitySchema.Organization, "RU");
        _server.Lists.Snapshots = [InMemoryListSource.Snapshot(new DateOnly(2026, 3, 1), [.. TestEntries.All, added])];

        var swapped = await _server.Services.GetRequiredService<ListRefresher>().RefreshAsync("test", Ct);
        var cases = await analyst.GetFromJsonAsync<JsonElement>("/v1/cases", Ct);

        Assert.True(swapped);
        var names = cases.EnumerateArray().Select(c => c.GetProperty("partyKey").GetString()).ToList();
        Assert.Equal(["id:S-1"], names);
    }

    [Fact]
    public async Task ImportRegister_BadRow_NothingStoredAndLineNamed()
    {
        var analyst = await _server.UserClientAsync(Roles.Analyst);

        using var import = await analyst.PostAsync("/v1/monitoring/parties/import", new StringContent("id,name\nX-1,Good\nX-2,\n", System.Text.Encoding.UTF8, "text/csv"), Ct);
        var list = await analyst.GetFromJsonAsync<JsonElement>("/v1/monitoring/parties", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("register.csv:3: error: field 'name': The name is empty.", await import.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }
}
