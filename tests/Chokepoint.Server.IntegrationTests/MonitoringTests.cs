using System.Net.Http.Json;
using System.Text.Json;
using Chokepoint.Cases;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Server.Monitoring;
using Chokepoint.Server.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chokepoint.Server.IntegrationTests;

public sealed class MonitoringTests : IAsyncDisposable
{
    private readonly ServerFactory _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RescreenDelta_NewAndChangedEntries_OpensCasesOnlyForPartiesTheyHit()
    {
        await RegisterAsync(_server, [
            Row("S-NEW", "Kazan Drone Components LLC", EntitySchema.Organization, "RU"),
            Row("S-CHANGED", "Kupol Unmanned Systems Works", EntitySchema.Organization, "RU"),
            Row("S-OLD", "Alabuga Special Economic Zone", EntitySchema.Organization, "RU"),
            Row("S-CLEAN", "Bakery Volga", EntitySchema.Organization, "RU"),
        ]);
        var state = _server.Services.GetRequiredService<ScreeningState>();
        var previous = state.Current!;
        var added = TestEntries.Entry("9", "KAZAN DRONE COMPONENTS LLC", EntitySchema.Organization, "RU");
        var changed = TestEntries.Kupol with { Aliases = [new Alias("KUPOL UNMANNED SYSTEMS WORKS", AliasKind.Aka)] };
        _server.Lists.Snapshots = [InMemoryListSource.Snapshot(new DateOnly(2026, 3, 1), [TestEntries.Alabuga, TestEntries.Shahed, changed, added])];

        var swapped = await _server.Services.GetRequiredService<ListRefresher>().RefreshAsync("test", Ct);
        var delta = MonitoringService.Delta(previous, state.Current!);
        var cases = await CasePartiesAsync(_server);

        Assert.True(swapped);
        Assert.Equal(["us_ofac_sdn:3", "us_ofac_sdn:9"], delta.Select(e => e.Id.ToString()).Order(StringComparer.Ordinal));
        // The unchanged Alabuga entry raises nothing: its party was screened against it before.
        Assert.Equal(["id:S-CHANGED", "id:S-NEW"], cases);
    }

    [Fact]
    public async Task RescreenAll_ParallelAndSequential_SameAlertsAsScreeningEachParty()
    {
        var rows = new List<RegisterRow>();
        for (var i = 0; i < 1500; i++)
        {
            var name = (i % 250) switch
            {
                7 => "Alabuga Special Economic Zone",
                19 => "Shahed Aviation Industries Research Centre",
                31 => "Izhevsk Electromechanical Plant Kupol",
                _ => $"Harbor {i} Components Trading",
            };
            rows.Add(Row($"R-{i:D4}", name, EntitySchema.Organization, i % 2 == 0 ? "RU" : null));
        }

        await using var other = new ServerFactory();
        await RegisterAsync(_server, rows);
        await RegisterAsync(other, rows);
        var screener = _server.Services.GetRequiredService<ScreeningState>().Current!.Screener;
        var expected = rows.Where(r => screener.Screen(MonitoredParty.QueryFor(r.ExternalId, r.Name, r.Schema, r.Country, r.BirthDate)).Alert)
            .Select(r => "id:" + r.ExternalId).Order(StringComparer.Ordinal).ToList();

        var sequential = await _server.Services.GetRequiredService<MonitoringService>().RescreenAllAsync("test", new RescreenOptions { Screeners = 1 }, Ct);
        var parallel = await other.Services.GetRequiredService<MonitoringService>().RescreenAllAsync("test", new RescreenOptions { Screeners = 4 }, Ct);

        Assert.Equal(18, expected.Count);
        Assert.Equal(new RescreenReport(1500, 0, 18), sequential);
        Assert.Equal(sequential, parallel);
        Assert.Equal(expected, await CasePartiesAsync(_server));
        Assert.Equal(expected, await CasePartiesAsync(other));
    }

    [Fact]
    public async Task RescreenAll_PartyWithOpenCase_JoinsItInsteadOfOpeningAnother()
    {
        await RegisterAsync(_server, [Row("J-1", "Alabuga Special Economic Zone", EntitySchema.Organization, "RU")]);
        var monitoring = _server.Services.GetRequiredService<MonitoringService>();

        await monitoring.RescreenAllAsync("test", Ct);
        var second = await monitoring.RescreenAllAsync("test", Ct);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChokepointDbContext>();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Alerts).ToListAsync(Ct);

        Assert.Equal(1, second.Alerts);
        var single = Assert.Single(cases);
        Assert.Equal(2, single.Alerts.Count);
        Assert.All(single.Alerts, a => Assert.Equal("monitoring", a.Origin));
    }

    [Fact]
    public async Task RescreenAll_ApprovedFalsePositive_RaisesNoNewAlert()
    {
        await RegisterAsync(_server, [Row("F-1", "Alabuga Special Economic Zone", EntitySchema.Organization, "RU")]);
        var monitoring = _server.Services.GetRequiredService<MonitoringService>();
        var sue = await _server.UserClientAsync(Roles.Supervisor);
        var tom = await _server.UserClientAsync(Roles.Supervisor);
        var first = await monitoring.RescreenAllAsync("test", Ct);
        var caseId = (await CaseIdsAsync(_server)).Single();
        var c = await JsonAsync(await sue.GetAsync($"/v1/cases/{caseId}", Ct));
        var decision = await JsonAsync(await sue.PostAsJsonAsync($"/v1/cases/{caseId}/decisions", new { outcome = "falsePositive", reason = "A bakery in Kazan", version = c.GetProperty("version").GetInt32() }, Ct));
        await JsonAsync(await tom.PostAsJsonAsync($"/v1/cases/{caseId}/decisions/{decision.GetProperty("id").GetGuid()}/approve", new { }, Ct));

        var second = await monitoring.RescreenAllAsync("test", Ct);

        Assert.Equal(1, first.Alerts);
        Assert.Equal(new RescreenReport(1, 0, 0), second);
        Assert.Equal([caseId], await CaseIdsAsync(_server));
    }

    [Fact]
    public async Task RescreenAll_ProgressReported_ReachesEveryParty()
    {
        await RegisterAsync(_server, [.. Enumerable.Range(0, 1100).Select(i => Row($"G-{i}", $"Meridian {i} Logistics", EntitySchema.Organization, null))]);
        var seen = 0;
        var gate = new Lock();
        var progress = new InlineProgress(n =>
        {
            lock (gate)
            {
                seen = Math.Max(seen, n);
            }
        });

        var report = await _server.Services.GetRequiredService<MonitoringService>().RescreenAllAsync("test", new RescreenOptions { Screeners = 2, Progress = progress }, Ct);

        Assert.Equal(1100, report.Parties);
        Assert.Equal(1100, seen);
    }

    [Fact]
    public async Task Upsert_SomeIdsRegistered_ReplacesThemAndAddsTheRest()
    {
        await RegisterAsync(_server, [Row("U-1", "First Name", EntitySchema.Person, null), Row("U-2", "Second Name", EntitySchema.Person, null)]);

        await using var scope = _server.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterStore>();
        var (added, replaced) = await register.UpsertAsync([Row("U-2", "Second Name Changed", EntitySchema.Person, "DE"), Row("U-3", "Third Name", EntitySchema.Person, null)], "test", "test", Ct);
        var parties = await register.ListAsync(0, 10, Ct);

        Assert.Equal((1, 1), (added, replaced));
        Assert.Equal(["U-1", "U-2", "U-3"], parties.Select(p => p.ExternalId));
        Assert.Equal("Second Name Changed", parties[1].Name);
        Assert.Equal("DE", parties[1].Country);
    }

    private static RegisterRow Row(string id, string name, EntitySchema schema, string? country) => new(0, id, name, schema, country, null);

    private static async Task RegisterAsync(ServerFactory server, IReadOnlyList<RegisterRow> rows)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RegisterStore>().UpsertAsync(rows, "test", "test", Ct);
    }

    private static async Task<List<string>> CasePartiesAsync(ServerFactory server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChokepointDbContext>();
        var keys = await db.Cases.AsNoTracking().Select(c => c.PartyKey).ToListAsync(Ct);
        return [.. keys.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<Guid>> CaseIdsAsync(ServerFactory server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChokepointDbContext>().Cases.AsNoTracking().Select(c => c.Id).ToListAsync(Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
