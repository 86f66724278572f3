using System.CommandLine;
using Chokepoint.Cli.Terminal;
using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Lists.Store;
using Chokepoint.Persistence;
using Chokepoint.Server.Hosting;
using Chokepoint.Server.Monitoring;
using Chokepoint.Server.Screening;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint monitor</c> commands: re-screen the monitoring register in the configured database.</summary>
/// <remarks>Exit codes: 0 done, 1 no lists could be loaded.</remarks>
public static class MonitorCommands
{
    /// <summary>Creates the <c>monitor</c> command.</summary>
    public static Command Create()
    {
        var monitor = new Command("monitor", "Ongoing monitoring of the register of customers and suppliers.");
        var full = new Option<bool>("--full") { Description = "Screen every party against every list in force, not only against what the latest list versions changed." };
        var lists = CliOptions.ListsDirectory(required: false, "Use the lists in this directory (<source>/<YYYY-MM-DD>/files) instead of the imported snapshots.");
        var db = ServeCommand.DatabaseOption();
        var rescreen = new Command("rescreen", "Re-screen the register against the entries that are new or changed in the newest version of each list (or all of them with --full); alerts open or join cases.")
        {
            full, lists, db,
        };
        rescreen.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.For(parse);
            var directory = parse.GetValue(lists);
            var args = new List<string> { "--Chokepoint:CreateAdminOnFirstStart=false", "--Chokepoint:RefreshMinutes=0", "--Logging:LogLevel:Default=Warning" };
            if (directory is not null)
            {
                args.AddRange(["--lists", directory.FullName]);
            }

            if (parse.GetValue(db) is { } connection)
            {
                args.AddRange(["--db", connection]);
            }

            await using var app = ServerHost.Build([.. args]);
            await app.PrepareChokepointAsync(ct);
            var state = app.Services.GetRequiredService<ScreeningState>();
            if (state.Current is not { } current)
            {
                output.WriteError($"chokepoint monitor rescreen: no lists are in force. {state.Status}");
                return 1;
            }

            int total;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                total = await scope.ServiceProvider.GetRequiredService<RegisterStore>().CountAsync(ct);
            }

            var monitoring = app.Services.GetRequiredService<MonitoringService>();
            var report = await WithProgressAsync(output, total, progress =>
            {
                var options = new RescreenOptions { Progress = progress };
                return parse.GetValue(full)
                    ? monitoring.RescreenAllAsync(ServeCommand.Actor, options, ct)
                    : monitoring.RescreenDeltaAsync(Previous(current, app.Services.GetRequiredService<IListSource>(), directory), current, ServeCommand.Actor, options, ct);
            });

            // Suppressed alerts are audited through the queue, which no host is running here to drain.
            await app.Services.GetRequiredService<ScreeningAuditQueue>().FlushAsync(ct);
            output.WriteLine(report.DeltaEntries > 0 || parse.GetValue(full)
                ? $"{report.Parties} parties re-screened{(parse.GetValue(full) ? " against every list in force" : $" against {report.DeltaEntries} new or changed entries")}; {report.Alerts} alerts opened or joined cases."
                : "No entry is new or changed in the newest version of any list; nothing to re-screen.");
            return 0;
        });
        monitor.Subcommands.Add(rescreen);
        return monitor;
    }

    // The lists as they were before their newest versions: each source's previous version, or the same one when it has none.
    private static ScreeningSnapshot Previous(ScreeningSnapshot current, IListSource source, DirectoryInfo? directory)
    {
        var store = directory is null ? SnapshotStore.Open() : null;
        var lists = new List<ListSnapshot>(current.Lists.Count);
        foreach (var list in current.Lists)
        {
            var versions = store is null ? ListsDirectory.ListVersions(directory!.FullName, list.Source) : store.Versions(list.Source);
            DateOnly? before = null;
            foreach (var v in versions)
            {
                if (v < list.PublicationDate && (before is null || v > before))
                {
                    before = v;
                }
            }

            lists.Add(before is { } date && source.LoadVersion(list.Source, date) is { } older ? older : list);
        }

        return new ScreeningSnapshot(lists, current.Screener, current.LoadedAt, current.Origin);
    }

    private static async Task<RescreenReport> WithProgressAsync(CliOutput output, int total, Func<IProgress<int>, Task<RescreenReport>> job)
    {
        if (!output.IsErrorInteractive)
        {
            return await job(new SyncProgress<int>(_ => { }));
        }

        return await output.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Re-screening the register", maxValue: Math.Max(total, 1));
                var report = await job(new SyncProgress<int>(screened => task.Value = Math.Max(task.Value, screened)));
                task.Value = task.MaxValue;
                return report;
            });
    }
}
