using System.Data.Common;
using Chokepoint.Cases;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>Alerts recorded in groups (one transaction per group) on SQLite and PostgreSQL.</summary>
public sealed class AlertGroupTests : IDisposable
{
    private readonly TestDatabases _databases = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static AlertRequest Screening(string partyId, Guid? alertId = null) =>
        AlertRequest.ForScreening(
            new PartyQuery { Id = partyId, Name = "Alabuga SEZ " + partyId },
            new ScreeningResult(partyId, true, 0.8, [new ScreeningMatch(new EntityId("us_ofac_sdn", "1"), 0.95, "ALABUGA", EntitySchema.Organization, new MatchExplanation(0.95, [], [], [], []))]),
            _ => "h",
            "api",
            "erp",
            alertId: alertId);

    private static AlertRequest Shipment(string documentId) =>
        AlertRequest.ForShipment(new ShipmentAlert(documentId, "Shipment " + documentId, "block", "{}", [new AlertMatch("us_ofac_sdn:1", "ALABUGA", 0.95, "h", "{}")], "{}", 1), "erp");

    private static DbContextOptions<ChokepointDbContext> Options(string setting, IInterceptor? interceptor = null)
    {
        var builder = new DbContextOptionsBuilder<ChokepointDbContext>();
        ServerDatabase.Configure(builder, ServerDatabase.Resolve(setting));
        if (interceptor is not null)
        {
            builder.AddInterceptors(interceptor);
        }

        return builder.Options;
    }

    private async Task<string> DatabaseAsync(string provider)
    {
        var setting = await _databases.CreateAsync(provider, Ct);
        await (await ServerDatabase.OpenAsync(setting, Ct)).DisposeAsync();
        return setting;
    }

    private static async Task<IReadOnlyList<RecordedAlert>> WriteGroupAsync(DbContextOptions<ChokepointDbContext> options, AuditLog audit, TimeProvider time, IReadOnlyList<AlertRequest> group, CancellationToken cancellationToken)
    {
        await using var db = new ChokepointDbContext(options);
        return await new CaseWorkflow(db, audit, time).RecordAlertsAsync(group, cancellationToken);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RecordAlertsAsync_SamePartyTwiceInGroup_JoinsOneCase(string provider)
    {
        var setting = await DatabaseAsync(provider);
        var options = Options(setting);
        using var audit = new AuditLog(_time);
        var earlier = (await WriteGroupAsync(options, audit, _time, [Screening("P-1")], Ct))[0];

        var group = new[] { Screening("P-1"), Screening("P-2"), Screening("P-2"), Shipment("INV-9") };
        var recorded = await WriteGroupAsync(options, audit, _time, group, Ct);

        await using var check = new ChokepointDbContext(options);
        Assert.Equal(earlier.CaseId, recorded[0].CaseId);
        Assert.False(recorded[0].OpenedCase);
        Assert.Equal(recorded[1].CaseId, recorded[2].CaseId);
        Assert.True(recorded[1].OpenedCase);
        Assert.False(recorded[2].OpenedCase);
        Assert.Equal(3, recorded[1].CaseVersion);
        Assert.Equal(3, recorded[2].CaseVersion);
        Assert.Equal(3, recorded.Select(r => r.CaseId).Distinct().Count());
        var cases = await check.Cases.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(3, cases.Count);
        Assert.Equal(["id:P-1", "id:P-2", "shipment:INV-9"], cases.Select(c => c.PartyKey).Order(StringComparer.Ordinal));
        Assert.Equal(3, cases.Single(c => c.PartyKey == "id:P-1").Version);
        Assert.Equal(5, await check.Alerts.CountAsync(Ct));
        Assert.Equal(group.Select(r => r.AlertId).Order(), (await check.Alerts.Where(a => a.Id != earlier.Alert.Id).Select(a => a.Id).ToListAsync(Ct)).Order());
        var verification = await AuditLog.VerifyAsync(check, Ct);
        Assert.True(verification.IsIntact, verification.Message);
        Assert.Equal(8, verification.Checked);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RecordAlertsAsync_RepeatableIdStoredOrRepeatedInGroup_RecordedOnce(string provider)
    {
        var setting = await DatabaseAsync(provider);
        var options = Options(setting);
        using var audit = new AuditLog(_time);
        var storedId = Guid.NewGuid();
        var newId = Guid.NewGuid();
        var stored = (await WriteGroupAsync(options, audit, _time, [Screening("B-1", storedId)], Ct))[0];

        var recorded = await WriteGroupAsync(options, audit, _time, [Screening("B-1", storedId), Screening("B-2", newId), Screening("B-2", newId)], Ct);

        await using var check = new ChokepointDbContext(options);
        Assert.Equal(stored.CaseId, recorded[0].CaseId);
        Assert.Equal(storedId, recorded[0].Alert.Id);
        Assert.Single(recorded[0].Alert.Matches);
        Assert.Equal(recorded[1].CaseId, recorded[2].CaseId);
        Assert.Equal(newId, recorded[2].Alert.Id);
        Assert.Equal(2, await check.Alerts.CountAsync(Ct));
        Assert.Equal(2, await check.Cases.CountAsync(Ct));
        Assert.Equal(4, (await AuditLog.VerifyAsync(check, Ct)).Checked);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AlertQueue_ManyConcurrentAlertsForSameAndDifferentParties_OneOpenCasePerParty(string provider)
    {
        var setting = await DatabaseAsync(provider);
        var options = Options(setting);
        using var audit = new AuditLog(_time);
        var queue = new AlertQueue((group, token) => WriteGroupAsync(options, audit, _time, group, token), capacity: 64, maxGroup: 32);
        var writer = Task.Run(() => queue.RunAsync(Ct), Ct);

        const int parties = 30;
        var calls = Enumerable.Range(0, 300).Select(i => Task.Run(() => queue.RecordAsync(Screening("C-" + (i % parties)), Ct), Ct)).ToList();
        var recorded = await Task.WhenAll(calls);
        queue.Complete();
        await writer;

        await using var check = new ChokepointDbContext(options);
        var open = await check.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Closed).ToListAsync(Ct);
        Assert.Equal(parties, open.Count);
        Assert.Equal(parties, open.Select(c => c.PartyKey).Distinct().Count());
        Assert.Equal(300, recorded.Select(r => r.Alert.Id).Distinct().Count());
        Assert.Equal(300, await check.Alerts.CountAsync(Ct));
        Assert.Equal(parties, recorded.Count(r => r.OpenedCase));
        foreach (var c in open)
        {
            // Every alert of the party is in its one case; the version counts the opening and each alert.
            Assert.Equal(10, await check.Alerts.CountAsync(a => a.CaseId == c.Id, Ct));
            Assert.Equal(11, c.Version);
        }

        var verification = await AuditLog.VerifyAsync(check, Ct);
        Assert.True(verification.IsIntact, verification.Message);
        Assert.Equal(parties + 300, verification.Checked);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AlertQueue_GroupTransactionFails_EveryCallerGetsTheErrorAndNothingIsStored(string provider)
    {
        var setting = await DatabaseAsync(provider);
        using var audit = new AuditLog(_time);
        var seeded = (await WriteGroupAsync(Options(setting), audit, _time, [Screening("F-1")], Ct))[0];
        var failing = Options(setting, new FailingCommit());
        var queue = new AlertQueue((group, token) => WriteGroupAsync(failing, audit, _time, group, token), capacity: 16, maxGroup: 16);

        var calls = new[] { Screening("F-1"), Screening("F-2"), Screening("F-2"), Shipment("INV-F") }.Select(r => queue.RecordAsync(r, Ct)).ToList();
        Assert.Equal(4, await queue.WriteGroupAsync(Ct));

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
            Assert.Equal(FailingCommit.Message, ex.Message);
        }

        await using var check = new ChokepointDbContext(Options(setting));
        var stored = Assert.Single(await check.Cases.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(seeded.CaseId, stored.Id);
        Assert.Equal(seeded.CaseVersion, stored.Version);
        Assert.Equal(seeded.Alert.Id, (await check.Alerts.SingleAsync(Ct)).Id);
        Assert.Single(await check.Set<AlertMatch>().ToListAsync(Ct));
        var verification = await AuditLog.VerifyAsync(check, Ct);
        Assert.True(verification.IsIntact, verification.Message);
        Assert.Equal(2, verification.Checked);
    }

    public void Dispose() => _databases.Dispose();

    // Lets every statement of the transaction run, then fails the commit: the database must roll all of it back.
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        public const string Message = "The commit failed (test).";

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Message);

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            throw new InvalidOperationException(Message);
    }
}
