using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Chokepoint.Persistence;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>
/// SIGKILL the real server (a child process) during a batch and during decisions, start it again on the same data, and
/// check that nothing acknowledged is lost, the batch resumes, and the audit chain verifies. SQLite always; PostgreSQL
/// when CHOKEPOINT_TEST_POSTGRES is set.
/// </summary>
[Trait("Category", "Crash")]
public sealed class CrashRecoveryTests : IDisposable
{
    private const string ListedName = "Shahed Aviation Industries Research Center";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(10);
    private readonly TestDatabases _databases = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private async Task<ServerProcess> ServerAsync(string provider)
    {
        var database = await _databases.CreateAsync(provider, Ct);
        var home = Directory.CreateDirectory(Path.Combine(_databases.Directory.FullName, "home-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        return new ServerProcess(home, database, ServerProcess.WriteFixtureLists(home));
    }

    private static async Task<JsonElement> WaitForJobAsync(HttpClient client, string jobId, Func<JsonElement, bool> until)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await ApiJson.ReadAsync(await client.GetAsync($"/v1/screen/batch/{jobId}", Ct));
            if (until(job) || job.GetProperty("status").GetString() is "completed" or "failed")
            {
                return job;
            }

            Assert.True(clock.Elapsed < JobTimeout, $"The batch job did not get there within {JobTimeout}: {job}");
            await Task.Delay(20, Ct);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Batch_KilledWhileRunning_ResumesWithOneResultPerQueryInOrder(string provider)
    {
        const int total = 6000;
        await using var server = await ServerAsync(provider);
        var key = await server.CreateKeyAsync(Roles.Screening, "erp", Ct);
        var analystKey = await server.CreateKeyAsync(Roles.Analyst, "ana", Ct);
        await server.StartAsync(Ct);
        using var client = server.Client(key);
        var queries = Enumerable.Range(0, total)
            .Select(i => new { id = $"Q-{i:D5}", name = i % 50 == 0 ? ListedName : $"Greenfield Bakery {i}", country = "DE" })
            .ToArray();

        var submitted = await ApiJson.ReadAsync(await client.PostAsJsonAsync("/v1/screen/batch", new { queries }, Ct));
        var jobId = submitted.GetProperty("id").GetString()!;
        var before = await WaitForJobAsync(client, jobId, j => j.GetProperty("done").GetInt32() > 0);
        await server.KillAsync();
        await server.StartAsync(Ct);
        using var again = server.Client(key);
        var after = await WaitForJobAsync(again, jobId, _ => false);
        var lines = (await again.GetStringAsync($"/v1/screen/batch/{jobId}/results?format=jsonl", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var analyst = server.Client(analystKey);
        var alerts = await ApiJson.ReadAsync(await analyst.GetAsync("/v1/alerts?take=1000", Ct));
        await server.KillAsync();
        var verify = await server.VerifyAuditAsync(Ct);

        // The kill came while the job was running, after at least one chunk was stored and before the last.
        Assert.Equal("running", before.GetProperty("status").GetString());
        Assert.InRange(before.GetProperty("done").GetInt32(), 1, total - 1);
        Assert.Equal("completed", after.GetProperty("status").GetString());
        Assert.Equal(1, after.GetProperty("resumed").GetInt32());
        Assert.Equal(total, after.GetProperty("done").GetInt32());
        Assert.Equal(total / 50, after.GetProperty("alerts").GetInt32());
        Assert.Equal(queries.Select(q => q.id), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));

        // The chunk in hand at the kill is screened again, but each alerting query raised exactly one alert.
        Assert.Equal(total / 50, alerts.GetArrayLength());
        Assert.Equal(total / 50, alerts.EnumerateArray().Select(a => a.GetProperty("query").GetProperty("id").GetString()).Distinct().Count());
        Assert.True(verify.ExitCode == 0, $"audit verify exited {verify.ExitCode}: {verify.Output}{verify.Error}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Decisions_KilledWhileInFlight_AcknowledgedDecisionsSurviveWithAudit(string provider)
    {
        const int cases = 30;
        await using var server = await ServerAsync(provider);
        var screeningKey = await server.CreateKeyAsync(Roles.Screening, "erp", Ct);
        var analystKey = await server.CreateKeyAsync(Roles.Analyst, "ana", Ct);
        var supervisorKey = await server.CreateKeyAsync(Roles.Supervisor, "sue", Ct);
        await server.StartAsync(Ct);
        using var screening = server.Client(screeningKey);
        using var analyst = server.Client(analystKey);
        using var supervisor = server.Client(supervisorKey);
        var caseIds = new List<Guid>(cases);
        for (var i = 0; i < cases; i++)
        {
            var line = await ApiJson.ReadAsync(await screening.PostAsJsonAsync("/v1/screen/party", new { id = $"CUST-{i}", name = ListedName, country = "IR" }, Ct));
            caseIds.Add(line.GetProperty("caseId").GetGuid());
        }

        // Every case gets a decision and then an approval, all at once; the server dies once a third are acknowledged.
        var decided = new ConcurrentDictionary<Guid, Guid>();
        var approved = new ConcurrentDictionary<Guid, bool>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task DecideAndApproveAsync(Guid caseId)
        {
            try
            {
                using var decision = await analyst.PostAsJsonAsync($"/v1/cases/{caseId}/decisions", new { outcome = "falsePositive", reason = "Different entity: a bakery" }, Ct);
                if (!decision.IsSuccessStatusCode)
                {
                    return;
                }

                var decisionId = (await ApiJson.ReadAsync(decision)).GetProperty("id").GetGuid();
                decided[caseId] = decisionId;
                if (decided.Count >= cases / 3)
                {
                    enough.TrySetResult();
                }

                using var approval = await supervisor.PostAsJsonAsync($"/v1/cases/{caseId}/decisions/{decisionId}/approve", new { }, Ct);
                if (approval.IsSuccessStatusCode)
                {
                    approved[caseId] = true;
                }
            }
            catch (HttpRequestException)
            {
                // In flight when the server died: not acknowledged, so nothing is promised.
            }
        }

        var calls = caseIds.Select(DecideAndApproveAsync).ToList();
        await enough.Task.WaitAsync(JobTimeout, Ct);
        await server.KillAsync();
        await Task.WhenAll(calls);
        await server.StartAsync(Ct);
        using var analystAgain = server.Client(analystKey);
        using var supervisorAgain = server.Client(supervisorKey);
        var stored = new Dictionary<Guid, JsonElement>();
        foreach (var caseId in caseIds)
        {
            stored[caseId] = await ApiJson.ReadAsync(await analystAgain.GetAsync($"/v1/cases/{caseId}", Ct));
        }

        var audit = (await supervisorAgain.GetStringAsync("/v1/audit/export?format=jsonl", Ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
        await server.KillAsync();
        var verify = await server.VerifyAuditAsync(Ct);

        Assert.InRange(decided.Count, cases / 3, cases);
        foreach (var (caseId, decisionId) in decided)
        {
            var decision = Assert.Single(stored[caseId].GetProperty("decisions").EnumerateArray(), d => d.GetProperty("id").GetGuid() == decisionId);
            Assert.Contains(audit, r => r.GetProperty("action").GetString() == "case.decide" && r.GetProperty("details").GetString()!.Contains(decisionId.ToString(), StringComparison.Ordinal));
            if (approved.ContainsKey(caseId))
            {
                Assert.Equal("approved", decision.GetProperty("status").GetString(), ignoreCase: true);
                Assert.Equal("closed", stored[caseId].GetProperty("status").GetString(), ignoreCase: true);
                Assert.Contains(audit, r => r.GetProperty("action").GetString() == "case.approve" && r.GetProperty("details").GetString()!.Contains(decisionId.ToString(), StringComparison.Ordinal));
            }
        }

        // Whatever was stored without an acknowledgement still has its audit record (one transaction).
        foreach (var (caseId, c) in stored)
        {
            foreach (var d in c.GetProperty("decisions").EnumerateArray())
            {
                var id = d.GetProperty("id").GetGuid().ToString();
                Assert.Contains(audit, r => r.GetProperty("action").GetString() == "case.decide" && r.GetProperty("subject").GetString() == caseId.ToString() && r.GetProperty("details").GetString()!.Contains(id, StringComparison.Ordinal));
            }
        }

        Assert.True(verify.ExitCode == 0, $"audit verify exited {verify.ExitCode}: {verify.Output}{verify.Error}");
    }

    public void Dispose() => _databases.Dispose();
}
