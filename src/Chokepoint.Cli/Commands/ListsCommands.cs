using System.CommandLine;
using System.Globalization;
using Chokepoint.Cli.Terminal;
using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Lists.Diff;
using Chokepoint.Lists.Download;
using Chokepoint.Lists.Store;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint lists</c> commands: import, update, status and diff.</summary>
/// <remarks>Every command keeps its data under <c>$CHOKEPOINT_HOME</c>. Exit codes: 0 success, 1 a source or file failed.</remarks>
public static class ListsCommands
{
    /// <summary>Creates the <c>lists</c> command with its subcommands.</summary>
    public static Command Create(ListsCommandServices? services = null)
    {
        services ??= new ListsCommandServices();
        var lists = new Command("lists", "Import, update, inspect and compare the official sanctions and export-control lists.");
        lists.Subcommands.Add(CreateImport(services));
        lists.Subcommands.Add(CreateUpdate(services));
        lists.Subcommands.Add(CreateStatus());
        lists.Subcommands.Add(CreateDiff(services));
        return lists;
    }

    private static Command CreateImport(ListsCommandServices services)
    {
        var dirOption = CliOptions.ListsDirectory(required: true);
        var asOfOption = CliOptions.Date("--as-of", "Use, per source, the newest dated folder on or before this date.");
        var command = new Command("import", "Read a lists directory, store every source that reads cleanly and put it in force.") { dirOption, asOfOption };
        command.SetAction(async (parseResult, ct) =>
        {
            var output = CliOutput.For(parseResult);
            var dir = parseResult.GetValue(dirOption)!;
            var asOf = parseResult.GetValue(asOfOption);
            var store = new SnapshotStore(CliOptions.Home, services.Time);
            var total = dir.Exists ? dir.GetDirectories().Length : 0;
            var loaded = await CliProgress.RunAsync(output, "Importing lists", total, step => Task.FromResult(ListsDirectory.Load(
                dir.FullName,
                asOf,
                new SyncProgress<ListLoadProgress>(p =>
                {
                    if (p.Stage != ListLoadStage.Started)
                    {
                        step.Report($"{p.Source} {ListsDirectory.FormatDate(p.Date)} {(p.Stage == ListLoadStage.Succeeded ? "read" : "FAILED")}");
                    }
                }),
                services.Readers,
                ct)));
            output.WriteDiagnostics(loaded.Diagnostics);
            var previous = store.ReadManifest();
            var imported = store.Import(loaded, ct);
            output.WriteTable(
                ["Source", "Date", "Entities", "Names", "Result"],
                loaded.Sources.Select(s => ImportRow(s, previous)),
                $"Imported into {store.ListsRoot}");
            if (loaded.Sources.Count == 0)
            {
                output.WriteError($"No list was read from {dir.FullName}.");
                return 1;
            }

            return loaded.HasErrors || !imported.Succeeded ? 1 : 0;
        });
        return command;
    }

    private static IReadOnlyList<string> ImportRow(SourceLoadResult s, ListsManifest previous)
    {
        if (s.Snapshot is { } snap)
        {
            return [s.Source, ListsDirectory.FormatDate(snap.PublicationDate), Count(snap.Entries.Count), Count(snap.NameCount), "in force"];
        }

        var kept = previous.Sources.GetValueOrDefault(s.Source)?.Current is { } d ? $"previous {ListsDirectory.FormatDate(d)} stays in force" : "nothing in force";
        return [s.Source, ListsDirectory.FormatDate(s.Date), "-", "-", $"FAILED: {kept}"];
    }

    private static Command CreateUpdate(ListsCommandServices services)
    {
        var sourceOption = new Option<string?>("--source") { Description = "Update only this source (default: every source with an official download).", HelpName = "SOURCE" };
        var command = new Command("update", "Download the official lists, validate them and put each valid one in force.") { sourceOption };
        command.SetAction(async (parseResult, ct) =>
        {
            var output = CliOutput.For(parseResult);
            var store = new SnapshotStore(CliOptions.Home, services.Time);
            using var handler = services.CreateHttpHandler();
            using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            var downloader = new ListDownloader(http, store, services.Readers, services.Time, services.DownloadOptions, services.Sources);
            var source = parseResult.GetValue(sourceOption);
            if (source is not null && !downloader.Sources.Any(s => s.Source == source))
            {
                output.WriteError($"'{source}' has no official download. Known: {string.Join(", ", downloader.Sources.Select(s => s.Source))}.");
                return 1;
            }

            var names = source is null ? downloader.Sources.Select(s => s.Source).ToArray() : [source];
            var outcomes = await CliProgress.RunAsync(output, "Updating lists", names.Length, step => downloader.UpdateAllAsync(
                names,
                new SyncProgress<ListUpdateOutcome>(o => step.Report($"{o.Source} {o.Status}")),
                ct));
            output.WriteDiagnostics(outcomes.SelectMany(o => o.Diagnostics));
            output.WriteTable(
                ["Source", "Result", "In force", "Message"],
                outcomes.Select(o => (IReadOnlyList<string>)[o.Source, o.Status.ToString(), FormatDate(o.Current), o.Message]));
            return outcomes.Any(o => o.Status == ListUpdateStatus.Failed) ? 1 : 0;
        });
        return command;
    }

    private static Command CreateStatus()
    {
        var jsonOption = CliOptions.Json();
        var command = new Command("status", "Show, per source, the version in force and the last update result.") { jsonOption };
        command.SetAction(parseResult =>
        {
            var output = CliOutput.For(parseResult);
            var store = new SnapshotStore(CliOptions.Home);
            ListsManifest manifest;
            try
            {
                manifest = store.ReadManifest();
            }
            catch (InvalidDataException ex)
            {
                output.WriteError(ex.Message);
                return 1;
            }

            var rows = manifest.Sources.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ListStatusJson(p.Key, p.Value.Current, p.Value.Entities, p.Value.Names, p.Value.LastUpdate))
                .ToArray();
            if (parseResult.GetValue(jsonOption))
            {
                output.WriteJson(rows, ListsJsonContext.Default.ListStatusJsonArray);
                return 0;
            }

            if (rows.Length == 0)
            {
                output.WriteLine($"No lists in {store.ListsRoot}. Import some with: chokepoint lists import --lists DIR");
                return 0;
            }

            output.WriteTable(
                ["Source", "Published", "Entities", "Names", "Last update", "Result", "Message"],
                rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Source,
                    FormatDate(r.Date),
                    Count(r.Entities),
                    Count(r.Names),
                    r.LastUpdate?.Time.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-",
                    r.LastUpdate is null ? "-" : $"{r.LastUpdate.Kind} {(r.LastUpdate.Succeeded ? "ok" : "FAILED")}",
                    r.LastUpdate?.Message ?? string.Empty,
                ]),
                $"Lists in {store.ListsRoot}");
            return 0;
        });
        return command;
    }

    private static Command CreateDiff(ListsCommandServices services)
    {
        var sourceArgument = new Argument<string>("SOURCE") { Description = "The source to compare, e.g. us_ofac_sdn." };
        var fromOption = CliOptions.Date("--from", "The older version.", required: true);
        var toOption = CliOptions.Date("--to", "The newer version.", required: true);
        var dirOption = CliOptions.ListsDirectory(required: false, "Compare dated folders of this lists directory instead of stored versions.");
        var jsonOption = CliOptions.Json();
        var command = new Command("diff", "Show entities added, removed and changed between two versions of a source.")
        {
            sourceArgument, fromOption, toOption, dirOption, jsonOption,
        };
        command.SetAction((parseResult, ct) =>
        {
            var output = CliOutput.For(parseResult);
            var source = parseResult.GetValue(sourceArgument)!;
            var dir = parseResult.GetValue(dirOption);
            var from = LoadVersion(output, services, source, parseResult.GetValue(fromOption)!.Value, dir, ct);
            var to = from is null ? null : LoadVersion(output, services, source, parseResult.GetValue(toOption)!.Value, dir, ct);
            if (from is null || to is null)
            {
                return Task.FromResult(1);
            }

            var diff = ListDiff.Compare(from, to);
            if (parseResult.GetValue(jsonOption))
            {
                output.WriteJson(ToJson(diff), ListsJsonContext.Default.ListDiffJson);
            }
            else
            {
                WriteDiff(output, diff);
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static ListSnapshot? LoadVersion(CliOutput output, ListsCommandServices services, string source, DateOnly date, DirectoryInfo? dir, CancellationToken ct)
    {
        if (dir is not null)
        {
            var read = ListsDirectory.LoadVersion(dir.FullName, source, date, services.Readers, ct);
            if (read.Snapshot is null)
            {
                output.WriteDiagnostics(read.Diagnostics);
                var versions = ListsDirectory.ListVersions(dir.FullName, source);
                output.WriteError($"Cannot read {source} {ListsDirectory.FormatDate(date)} from {dir.FullName}. Versions there: {FormatDates(versions)}.");
            }

            return read.Snapshot;
        }

        var store = new SnapshotStore(CliOptions.Home);
        try
        {
            return store.Load(source, date);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            output.WriteError($"{ex.Message} Stored versions of {source}: {FormatDates(store.Versions(source))}.");
            return null;
        }
    }

    private static ListDiffJson ToJson(ListDiffResult diff)
    {
        static DiffEntityJson Entity(ListEntry e) => new(e.Id, e.Name, e.Schema);
        return new ListDiffJson(diff.Source, diff.From, diff.To, diff.Unchanged, [.. diff.Added.Select(Entity)], [.. diff.Removed.Select(Entity)], diff.Changed);
    }

    private static void WriteDiff(CliOutput output, ListDiffResult diff)
    {
        output.WriteLine($"{diff.Source} {ListsDirectory.FormatDate(diff.From)} -> {ListsDirectory.FormatDate(diff.To)}: "
            + $"{diff.Added.Count} added, {diff.Removed.Count} removed, {diff.Changed.Count} changed, {diff.Unchanged} unchanged");
        foreach (var e in diff.Added)
        {
            output.WriteLine($"+ {e.Id}\t{e.Name}\t{e.Schema}");
        }

        foreach (var e in diff.Removed)
        {
            output.WriteLine($"- {e.Id}\t{e.Name}\t{e.Schema}");
        }

        foreach (var c in diff.Changed)
        {
            output.WriteLine($"~ {c.Id}\t{c.Name}");
            foreach (var f in c.Fields)
            {
                output.WriteLine($"    {f.Field}: - [{string.Join("; ", f.Before)}] + [{string.Join("; ", f.After)}]");
            }
        }
    }

    private static string FormatDate(DateOnly? date) => date is { } d ? ListsDirectory.FormatDate(d) : "-";

    private static string FormatDates(IReadOnlyList<DateOnly> dates) =>
        dates.Count == 0 ? "none" : string.Join(", ", dates.Select(ListsDirectory.FormatDate));

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
