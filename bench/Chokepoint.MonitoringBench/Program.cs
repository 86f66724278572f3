using System.Diagnostics;
using System.Globalization;
using Chokepoint.Core;
using Chokepoint.MonitoringBench;
using Chokepoint.Persistence;
using Chokepoint.Server.Hosting;
using Chokepoint.Server.Monitoring;
using Chokepoint.Server.Screening;
using Microsoft.Extensions.DependencyInjection;

// Monitoring re-screen, end to end: a synthetic register in a real database, a list update of changed entries,
// RescreenDeltaAsync from the register read to the cases written; the full engine on a sample as the baseline.
// Usage: dotnet run -c Release --project bench/Chokepoint.MonitoringBench -- [--parties N] [--delta N] [--sample N]
//        [--db FILE|CONNECTION] [--sequential]; CHOKEPOINT_TEST_POSTGRES (a connection string) runs on PostgreSQL.
var parties = Arg("--parties", 1_000_000);
var deltaSize = Arg("--delta", 100);
var sampleSize = Arg("--sample", 20_000);
var sequential = args.Contains("--sequential");
var root = RepoRoot();
var listsDir = Path.GetFullPath(Path.Combine(root, "..", "shared", "lists"));
var work = Directory.CreateTempSubdirectory("chokepoint-monitoring-bench-");
var db = ArgText("--db") ?? Environment.GetEnvironmentVariable("CHOKEPOINT_TEST_POSTGRES") ?? Path.Combine(work.FullName, "register.db");
var ct = CancellationToken.None;

try
{
    var app = ServerHost.Build(["--lists", listsDir, "--db", db, "--Chokepoint:CreateAdminOnFirstStart=false", "--Chokepoint:RefreshMinutes=0", "--Logging:LogLevel:Default=Error"]);
    var clock = Stopwatch.StartNew();
    await app.PrepareChokepointAsync(ct);
    var state = app.Services.GetRequiredService<ScreeningState>();
    var next = state.Current ?? throw new InvalidOperationException(state.Status);
    Console.WriteLine($"load average at start: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
    Console.WriteLine($"lists: {next.Lists.Count} sources, {next.Entries.Count} entities, engine built in {clock.Elapsed.TotalSeconds:F1} s; database: {(db.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? "PostgreSQL" : "SQLite")}");

    // The update: deltaSize entries (people and organisations spread over the lists) are new in `next`.
    var candidates = next.Entries.Values.Where(e => e.Schema is EntitySchema.Person or EntitySchema.Organization && e.Name.Length is > 8 and < 60)
        .OrderBy(e => e.Id).ToList();
    var step = Math.Max(1, candidates.Count / deltaSize);
    var changed = Enumerable.Range(0, deltaSize).Select(i => candidates[i * step]).ToList();
    var changedIds = changed.Select(e => e.Id).ToHashSet();
    var before = next.Lists.Select(l => l with { Entries = l.Entries.Where(e => !changedIds.Contains(e.Id)).ToList() }).ToList();
    var previous = new ScreeningSnapshot(before, next.Screener, next.LoadedAt, next.Origin);
    var stride = candidates.Count / 200;
    var unchanged = Enumerable.Range(0, 200).Select(i => candidates[(i * stride) + (stride / 2)]).Where(e => !changedIds.Contains(e.Id)).ToList();

    var rows = SyntheticRegister.Generate(parties, changed, unchanged, seed: 20260301);
    var plantedDelta = rows.Count(r => r.ExternalId.EndsWith("-D", StringComparison.Ordinal));
    var plantedOther = rows.Count(r => r.ExternalId.EndsWith("-L", StringComparison.Ordinal));
    clock.Restart();
    var cpu = Cpu();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var register = scope.ServiceProvider.GetRequiredService<RegisterStore>();
        await register.UpsertAsync(rows, "bench", "bench", ct);
    }

    var import = clock.Elapsed;
    Console.WriteLine($"import: {rows.Count:N0} parties in {import.TotalSeconds:F1} s ({rows.Count / import.TotalSeconds:N0}/s), {Cpu() - cpu:F1} CPU s");
    rows = null;
    GC.Collect();

    var monitoring = app.Services.GetRequiredService<MonitoringService>();
    var options = new RescreenOptions { Screeners = sequential ? 1 : Environment.ProcessorCount };

    // The register read alone, to tell database time from screening time.
    clock.Restart();
    cpu = Cpu();
    var read = 0;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        await foreach (var q in scope.ServiceProvider.GetRequiredService<RegisterStore>().StreamQueriesAsync(ct))
        {
            read++;
        }
    }

    Console.WriteLine($"register read alone: {read:N0} parties in {clock.Elapsed.TotalSeconds:F1} s, {Cpu() - cpu:F1} CPU s");
    clock.Restart();
    cpu = Cpu();
    var report = await monitoring.RescreenDeltaAsync(previous, next, "bench", options, ct);
    var elapsed = clock.Elapsed;
    Console.WriteLine($"delta re-screen ({options.Screeners} screeners): {report.Parties:N0} parties against {report.DeltaEntries} entries in {elapsed.TotalSeconds:F1} s " +
        $"({report.Parties / elapsed.TotalSeconds:N0} parties/s), {Cpu() - cpu:F1} CPU s, {report.Alerts} alerts, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");

    List<string> keys;
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var context = scope.ServiceProvider.GetRequiredService<ChokepointDbContext>();
        keys = [.. context.Cases.Select(c => c.PartyKey)];
    }

    // Planted parties carry -D (a changed entry's name) or -L (an unchanged entry's name) in their id.
    Console.WriteLine($"cases open after the delta re-screen: {keys.Count} ({keys.Count(k => k.EndsWith("-D", StringComparison.Ordinal))} of {plantedDelta} planted near changed entries, " +
        $"{keys.Count(k => k.EndsWith("-L", StringComparison.Ordinal))} of {plantedOther} planted near unchanged entries, {keys.Count(k => !k.EndsWith("-D", StringComparison.Ordinal) && !k.EndsWith("-L", StringComparison.Ordinal))} other parties)");

    // Baseline: what screening every party against every entry would cost, from a sample on all cores.
    var sample = new List<PartyQuery>(sampleSize);
    await using (var scope = app.Services.CreateAsyncScope())
    {
        await foreach (var q in scope.ServiceProvider.GetRequiredService<RegisterStore>().StreamQueriesAsync(ct))
        {
            sample.Add(q);
            if (sample.Count == sampleSize)
            {
                break;
            }
        }
    }

    var sampleAlerts = 0;
    clock.Restart();
    cpu = Cpu();
    Parallel.For(0, sample.Count, i =>
    {
        if (next.Screener.Screen(sample[i]).Alert)
        {
            Interlocked.Increment(ref sampleAlerts);
        }
    });
    var full = clock.Elapsed;
    var perSecond = sample.Count / full.TotalSeconds;
    Console.WriteLine($"full engine on a sample: {sample.Count:N0} parties in {full.TotalSeconds:F1} s ({perSecond:N0} parties/s, {Cpu() - cpu:F1} CPU s, {sampleAlerts} alerts); " +
        $"{report.Parties:N0} parties would take {report.Parties / perSecond:F0} s, {report.Parties / perSecond / elapsed.TotalSeconds:F0}x the delta re-screen");
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

// CPU seconds used by this process: on a shared, loaded machine wall time overstates the cost; CPU time does not.
static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

int Arg(string name, int fallback) => ArgText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string RepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Chokepoint.slnx")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Chokepoint.slnx not found above " + AppContext.BaseDirectory);
}
