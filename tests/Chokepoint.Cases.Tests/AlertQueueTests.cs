using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.Cases.Tests;

public sealed class AlertQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AlertRequest Request(string partyId, Guid? alertId = null) =>
        AlertRequest.ForScreening(
            new PartyQuery { Id = partyId, Name = "Acme Trading " + partyId },
            new ScreeningResult(partyId, true, 0.8, [CaseBuilder.Match("us_ofac_sdn:1", 0.93)]),
            _ => "h1",
            "api",
            "erp",
            alertId: alertId);

    // Records each group in memory as one store would: one case per party key, remembered across groups.
    private sealed class MemoryWriter
    {
        private readonly Dictionary<string, Case> _open = new(StringComparer.Ordinal);

        public List<int> GroupSizes { get; } = [];

        public Task<IReadOnlyList<RecordedAlert>> WriteAsync(IReadOnlyList<AlertRequest> group, CancellationToken cancellationToken)
        {
            GroupSizes.Add(group.Count);
            var results = new List<RecordedAlert>(group.Count);
            foreach (var r in group)
            {
                var opened = !_open.TryGetValue(r.PartyKey, out var c);
                if (c is null)
                {
                    c = Case.Open(Guid.NewGuid(), r.PartyKey, r.PartyName, CaseBuilder.Start);
                    _open.Add(r.PartyKey, c);
                }

                var alert = c.AddAlert(r.AlertId, r.Origin, r.QueryJson, r.Matches, r.Actor, CaseBuilder.Start).Value!;
                results.Add(new RecordedAlert(c.Id, c.Version, opened, alert));
            }

            return Task.FromResult<IReadOnlyList<RecordedAlert>>(results);
        }
    }

    [Fact]
    public async Task RecordAsync_ManyConcurrentCallers_EachGetsItsOwnAlertAndGroupsAreShared()
    {
        var writer = new MemoryWriter();
        var queue = new AlertQueue(writer.WriteAsync, capacity: 1000, maxGroup: 64);
        var requests = Enumerable.Range(0, 500).Select(i => Request("P-" + (i % 25))).ToList();

        // Everything is queued before the writer runs, so groups must fill up to the limit.
        var calls = requests.Select(r => queue.RecordAsync(r, Ct)).ToList();
        queue.Complete();
        await queue.RunAsync(Ct);
        var recorded = await Task.WhenAll(calls);

        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(requests[i].AlertId, recorded[i].Alert.Id);
        }

        Assert.Equal(25, recorded.Select(r => r.CaseId).Distinct().Count());
        Assert.Equal(25, recorded.Count(r => r.OpenedCase));
        Assert.Equal(500, writer.GroupSizes.Sum());
        Assert.Equal(8, writer.GroupSizes.Count);
        Assert.All(writer.GroupSizes.Take(7), size => Assert.Equal(64, size));
    }

    [Fact]
    public async Task RecordAsync_WriterRunningWhileCallersArrive_EveryAlertRecordedOnce()
    {
        var writer = new MemoryWriter();
        var queue = new AlertQueue(writer.WriteAsync, capacity: 16, maxGroup: 8);
        var run = Task.Run(() => queue.RunAsync(Ct), Ct);

        var calls = Enumerable.Range(0, 400).Select(i => Task.Run(() => queue.RecordAsync(Request("P-" + (i % 7)), Ct), Ct)).ToList();
        var recorded = await Task.WhenAll(calls);
        queue.Complete();
        await run;

        Assert.Equal(400, recorded.Select(r => r.Alert.Id).Distinct().Count());
        Assert.Equal(7, recorded.Select(r => r.CaseId).Distinct().Count());
        Assert.Equal(400, writer.GroupSizes.Sum());
        Assert.All(writer.GroupSizes, size => Assert.InRange(size, 1, 8));
    }

    [Fact]
    public async Task RecordAsync_GroupFails_EveryCallerInTheGroupGetsTheError()
    {
        var failure = new InvalidOperationException("disk full");
        var queue = new AlertQueue((_, _) => Task.FromException<IReadOnlyList<RecordedAlert>>(failure), capacity: 10, maxGroup: 10);

        var calls = Enumerable.Range(0, 5).Select(i => queue.RecordAsync(Request("P-" + i), Ct)).ToList();
        var written = await queue.WriteGroupAsync(Ct);

        Assert.Equal(5, written);
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
            Assert.Same(failure, ex);
        }
    }

    [Fact]
    public async Task RecordAsync_WriterReturnsTooFewResults_EveryCallerFails()
    {
        var queue = new AlertQueue((_, _) => Task.FromResult<IReadOnlyList<RecordedAlert>>([]), capacity: 10, maxGroup: 10);

        var calls = Enumerable.Range(0, 3).Select(i => queue.RecordAsync(Request("P-" + i), Ct)).ToList();
        await queue.WriteGroupAsync(Ct);

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
            Assert.Contains("0 results for a group of 3", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecordAsync_QueueFull_CallerWaitsForRoomInsteadOfGrowing()
    {
        var writer = new MemoryWriter();
        var queue = new AlertQueue(writer.WriteAsync, capacity: 2, maxGroup: 2);

        var calls = Enumerable.Range(0, 5).Select(i => queue.RecordAsync(Request("P-" + i), Ct)).ToList();

        Assert.Equal(2, queue.Pending);
        Assert.All(calls, c => Assert.False(c.IsCompleted));
        Assert.Equal(2, await queue.WriteGroupAsync(Ct));

        // The callers that waited for room are queued now, two at a time.
        Assert.Equal(2, queue.Pending);
        Assert.Equal(2, await queue.WriteGroupAsync(Ct));
        Assert.Equal(1, await queue.WriteGroupAsync(Ct));
        Assert.Equal(0, await queue.WriteGroupAsync(Ct));
        Assert.Equal(5, (await Task.WhenAll(calls)).Length);
        Assert.Equal([2, 2, 1], writer.GroupSizes);
    }

    [Fact]
    public async Task RecordAsync_AfterComplete_IsRefused()
    {
        var queue = new AlertQueue(new MemoryWriter().WriteAsync);
        queue.Complete();

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => queue.RecordAsync(Request("P-1"), Ct));
    }

    [Fact]
    public async Task RecordAsync_CallerStopsWaiting_AlertIsStillWritten()
    {
        var writer = new MemoryWriter();
        var queue = new AlertQueue(writer.WriteAsync);
        using var stop = new CancellationTokenSource();

        var call = queue.RecordAsync(Request("P-1"), stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, await queue.WriteGroupAsync(Ct));
        Assert.Equal([1], writer.GroupSizes);
    }

    [Fact]
    public void ForScreening_GivenId_IsRepeatableAndAuditDetailsNameIt()
    {
        var id = Guid.NewGuid();
        var request = Request("C-9", id);

        Assert.True(request.IsRepeatable);
        Assert.Equal(id, request.AlertId);
        Assert.Equal("id:C-9", request.PartyKey);
        using var details = JsonDocument.Parse(request.Details);
        Assert.Equal(id, details.RootElement.GetProperty("alertId").GetGuid());
        Assert.Equal("api", details.RootElement.GetProperty("origin").GetString());
        var match = Assert.Single(details.RootElement.GetProperty("matches").EnumerateArray().ToList());
        Assert.Equal("us_ofac_sdn:1", match.GetProperty("entityId").GetString());
        Assert.Equal("h1", Assert.Single(request.Matches).EntryHash);
    }

    [Fact]
    public void ForScreening_NoId_DrawsANewOneEachTime()
    {
        var a = Request("C-9");
        var b = Request("C-9");

        Assert.False(a.IsRepeatable);
        Assert.NotEqual(a.AlertId, b.AlertId);
    }

    [Fact]
    public void ForShipment_KeysTheCaseByDocument()
    {
        var request = AlertRequest.ForShipment(new ShipmentAlert("INV-7", "Shipment INV-7 to Acme", "block", "{}", [], "{\"id\":\"INV-7\"}", 2), "erp");

        Assert.Equal("shipment:INV-7", request.PartyKey);
        Assert.Equal(ShipmentAlert.Origin, request.Origin);
        using var details = JsonDocument.Parse(request.Details);
        Assert.Equal("block", details.RootElement.GetProperty("decision").GetString());
        Assert.Equal(2, details.RootElement.GetProperty("findings").GetInt32());
    }
}
