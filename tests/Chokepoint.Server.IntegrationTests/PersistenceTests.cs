using Chokepoint.Cases;
using Chokepoint.Core;
using Chokepoint.Persistence;
using Chokepoint.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>The same persistence checks on SQLite (always) and PostgreSQL (when CHOKEPOINT_TEST_POSTGRES is set).</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly TestDatabases _databases = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private Task<string> DatabaseAsync(string provider) => _databases.CreateAsync(provider, Ct);

    private static ScreeningResult Alerting() => new(
        "P-1",
        true,
        0.8,
        [new ScreeningMatch(new EntityId("us_ofac_sdn", "1"), 0.95, "ALABUGA", EntitySchema.Organization, new MatchExplanation(0.95, [], [], [], []))]);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Workflow_DecideApprove_PersistsAndAuditVerifies(string provider)
    {
        var setting = await DatabaseAsync(provider);
        using var audit = new AuditLog(_time);
        await using var db = await ServerDatabase.OpenAsync(setting, Ct);
        var workflow = new CaseWorkflow(db, audit, _time);
        var query = new PartyQuery { Id = "P-1", Name = "Alabuga SEZ" };

        var c = await workflow.RecordAlertAsync(query, Alerting(), _ => "hash-1", "api", "erp", Ct);
        var decided = await workflow.DecideAsync(c.CaseId, c.CaseVersion, DecisionOutcome.FalsePositive, "Different entity", TimeSpan.FromDays(30), "ana", Ct);
        var approved = await workflow.ApproveAsync(c.CaseId, decided.Value!.Id, null, "sue", Ct);

        await using var fresh = await ServerDatabase.OpenAsync(setting, Ct);
        var loaded = await new CaseWorkflow(fresh, audit, _time).GetAsync(c.CaseId, Ct);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        Assert.Equal(CaseStatus.Closed, loaded!.Status);
        Assert.Single(loaded.Alerts[0].Matches);
        Assert.Equal(DecisionStatus.Approved, loaded.Decisions[0].Status);
        Assert.Equal(_time.GetUtcNow().AddDays(30), loaded.Decisions[0].ExpiresAt);
        var suppression = Assert.Single(await fresh.Suppressions.ToListAsync(Ct));
        Assert.Equal("hash-1", suppression.EntryHash);
        var verification = await AuditLog.VerifyAsync(fresh, Ct);
        Assert.True(verification.IsIntact, verification.Message);
        Assert.Equal(4, verification.Checked);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Workflow_ConcurrentDecisions_SecondGetsConflict(string provider)
    {
        var setting = await DatabaseAsync(provider);
        using var audit = new AuditLog(_time);
        await using var db1 = await ServerDatabase.OpenAsync(setting, Ct);
        var caseId = (await new CaseWorkflow(db1, audit, _time).RecordAlertAsync(new PartyQuery { Id = "P-2", Name = "X" }, Alerting(), _ => "h", "api", "erp", Ct)).CaseId;
        await using var a = await ServerDatabase.OpenAsync(setting, Ct);
        await using var b = await ServerDatabase.OpenAsync(setting, Ct);
        var first = new CaseWorkflow(a, audit, _time);
        var second = new CaseWorkflow(b, audit, _time);

        // Both load the case before either saves: the second save must not overwrite the first.
        var loadedA = await first.GetAsync(caseId, Ct);
        var loadedB = await second.GetAsync(caseId, Ct);
        var ra = loadedA!.Decide(Guid.NewGuid(), DecisionOutcome.TrueMatch, "a", "ana", _time.GetUtcNow());
        var rb = loadedB!.Decide(Guid.NewGuid(), DecisionOutcome.FalsePositive, "b", "bob", _time.GetUtcNow());
        a.Add(ra.Value!);
        b.Add(rb.Value!);
        await audit.CommitAsync(a, [new AuditEntry("ana", "case.decide", caseId.ToString())], Ct);
        var ex = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => audit.CommitAsync(b, [new AuditEntry("bob", "case.decide", caseId.ToString())], Ct));

        Assert.NotNull(ex);
        await using var check = await ServerDatabase.OpenAsync(setting, Ct);
        Assert.Equal(DecisionOutcome.TrueMatch, Assert.Single(await check.Decisions.ToListAsync(Ct)).Outcome);
        Assert.True((await AuditLog.VerifyAsync(check, Ct)).IsIntact);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RecordAlert_SameAlertIdAgain_ReturnsStoredAlertWithoutAuditRecord(string provider)
    {
        var setting = await DatabaseAsync(provider);
        using var audit = new AuditLog(_time);
        await using var db = await ServerDatabase.OpenAsync(setting, Ct);
        var query = new PartyQuery { Id = "P-3", Name = "Alabuga SEZ" };
        var alertId = Guid.NewGuid();

        var first = await new CaseWorkflow(db, audit, _time).RecordAlertAsync(query, Alerting(), _ => "h", "batch", "erp", Ct, alertId: alertId);
        await using var again = await ServerDatabase.OpenAsync(setting, Ct);
        var second = await new CaseWorkflow(again, audit, _time).RecordAlertAsync(query, Alerting(), _ => "h", "batch", "erp", Ct, alertId: alertId);

        await using var check = await ServerDatabase.OpenAsync(setting, Ct);
        Assert.Equal(alertId, first.Alert.Id);
        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal(alertId, second.Alert.Id);
        Assert.False(second.OpenedCase);
        Assert.Single(await check.Alerts.ToListAsync(Ct));
        Assert.Equal(2, (await AuditLog.VerifyAsync(check, Ct)).Checked);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AppendManyAsync_AfterTrackedAppends_ChainContinuesAndVerifies(string provider)
    {
        var setting = await DatabaseAsync(provider);
        using var audit = new AuditLog(_time);
        await using var db = await ServerDatabase.OpenAsync(setting, Ct);
        await audit.AppendAsync(db, new AuditEntry("admin", "key.create", "erp"), Ct);
        var screenings = Enumerable.Range(0, 1500).Select(i => new AuditEntry("erp", "screen", "P-" + i, $$"""{"alert":false,"n":{{i}}}""")).ToList();

        await audit.AppendManyAsync(db, screenings, Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await audit.AppendAsync(db, new AuditEntry("admin", "key.revoke", "erp"), Ct);

        await using var check = await ServerDatabase.OpenAsync(setting, Ct);
        var verification = await AuditLog.VerifyAsync(check, Ct);
        Assert.True(verification.IsIntact, verification.Message);
        Assert.Equal(1502, verification.Checked);
        var record = await check.AuditRecords.SingleAsync(r => r.Sequence == 501, Ct);
        Assert.Equal("P-499", record.Subject);
        Assert.Equal("""{"alert":false,"n":499}""", record.Details);
        Assert.Equal(_time.GetUtcNow().AddSeconds(-1), record.At);
    }

    public void Dispose() => _databases.Dispose();
}
