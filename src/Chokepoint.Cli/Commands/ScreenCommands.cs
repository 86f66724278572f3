using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Chokepoint.Cli.Terminal;
using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Lists.Store;
using Chokepoint.Text;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint screen</c> and <c>chokepoint compare</c> batch commands.</summary>
/// <remarks>
/// Both read JSON Lines (or CSV for <c>screen</c>) and write one JSON line per input line, in input order. A bad line
/// gives <c>{"id", "error": "line N: ..."}</c> and the batch goes on. Progress and throughput go to stderr only.
/// Exit codes: 0 success, 1 the lists or the input could not be read.
/// </remarks>
public static class ScreenCommands
{
    /// <summary>Creates the <c>screen</c> command.</summary>
    public static Command CreateScreen()
    {
        var listsOption = CliOptions.ListsDirectory(required: false, "Screen against this lists directory instead of the last imported snapshot.");
        var inOption = new Option<FileInfo>("--in") { Description = "Queries: JSON Lines or CSV (id,name,type,country,birthDate).", Required = true, HelpName = "FILE" };
        var outOption = new Option<FileInfo>("--out") { Description = "Results, one JSON line per query in input order.", Required = true, HelpName = "FILE" };
        var topOption = new Option<int>("--top") { Description = "Matches to report per query.", DefaultValueFactory = _ => 5, HelpName = "N" };
        var thresholdOption = new Option<double?>("--threshold") { Description = $"Alert threshold in [0, 1] (default {MatcherOptions.RecommendedThreshold.ToString(CultureInfo.InvariantCulture)}).", HelpName = "T" };
        var command = new Command("screen", "Screen a batch of parties against the sanctions and export-control lists.")
        {
            listsOption, inOption, outOption, topOption, thresholdOption,
        };
        command.SetAction((parseResult, ct) => Task.FromResult(RunScreen(
            CliOutput.For(parseResult),
            parseResult.GetValue(listsOption),
            parseResult.GetValue(inOption)!,
            parseResult.GetValue(outOption)!,
            parseResult.GetValue(topOption),
            parseResult.GetValue(thresholdOption),
            ct)));
        return command;
    }

    /// <summary>Creates the <c>compare</c> command.</summary>
    public static Command CreateCompare()
    {
        var inOption = new Option<FileInfo>("--in") { Description = "Pairs: JSON Lines {\"id\", \"a\": {query}, \"b\": {query}}.", Required = true, HelpName = "FILE" };
        var outOption = new Option<FileInfo>("--out") { Description = "Results, one JSON line per pair in input order.", Required = true, HelpName = "FILE" };
        var command = new Command("compare", "Score record pairs: is party a the same as party b?") { inOption, outOption };
        command.SetAction((parseResult, ct) => Task.FromResult(RunCompare(
            CliOutput.For(parseResult), parseResult.GetValue(inOption)!, parseResult.GetValue(outOption)!, ct)));
        return command;
    }

    private static int RunScreen(CliOutput output, DirectoryInfo? lists, FileInfo input, FileInfo outFile, int top, double? threshold, CancellationToken ct)
    {
        if (!input.Exists)
        {
            output.WriteError($"{input.FullName}: the input file does not exist.");
            return 1;
        }

        if (threshold is < 0 or > 1 || top < 1)
        {
            output.WriteError("--threshold must lie in [0, 1] and --top must be at least 1.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var entries = LoadEntries(output, lists, ct);
        if (entries is null)
        {
            return 1;
        }

        var engine = ScreeningEngine.Build(entries);
        output.WriteNote($"screen: {engine.EntityCount} entities, {engine.NameCount} names indexed in {clock.Elapsed.TotalSeconds:F1} s");
        var options = new ScreeningOptions { Top = top, Threshold = threshold };
        var header = BatchQueryParser.IsCsv(input) ? BatchQueryParser.CsvHeader(BatchLineReader.FirstLine(input.FullName)) : null;
        return BatchPipeline.Run(output, input, header is null ? 0 : 1, outFile, "screened", (line, number, json) =>
        {
            var parsed = header is null ? BatchQueryParser.ParseJson(line, number) : BatchQueryParser.ParseCsv(line, number, header);
            if (parsed.Error is not null)
            {
                BatchJson.WriteError(json, parsed.Id, parsed.Error);
                return;
            }

            var result = engine.Screen(parsed.Query!, options);
            if (result.Error is not null)
            {
                BatchJson.WriteError(json, parsed.Id, $"line {number}: {result.Error}");
            }
            else
            {
                BatchJson.WriteScreening(json, parsed.Id, result);
            }
        }, ct);
    }

    private static int RunCompare(CliOutput output, FileInfo input, FileInfo outFile, CancellationToken ct)
    {
        if (!input.Exists)
        {
            output.WriteError($"{input.FullName}: the input file does not exist.");
            return 1;
        }

        return BatchPipeline.Run(output, input, 0, outFile, "compared", (line, number, json) =>
        {
            var (a, b, id, error) = BatchQueryParser.ParsePair(line, number);
            if (error is not null || a.Error is not null || b.Error is not null)
            {
                BatchJson.WriteError(json, id, error ?? a.Error ?? b.Error!);
                return;
            }

            var r = NameComparer.Compare(a.Query!, b.Query!);
            if (r.Score == 0 && r.Explanation.Note is { } note)
            {
                // An empty or over-long name: report it as this line's error rather than as a non-match.
                BatchJson.WriteError(json, id, $"line {number}: {note}");
                return;
            }

            BatchJson.WriteComparison(json, id, r.Score, r.Match, r.Explanation);
        }, ct);
    }

    private static List<ListEntry>? LoadEntries(CliOutput output, DirectoryInfo? lists, CancellationToken ct)
    {
        var entries = new List<ListEntry>();
        if (lists is not null)
        {
            var loaded = ListsDirectory.Load(lists.FullName, cancellationToken: ct);
            output.WriteDiagnostics(loaded.Diagnostics);
            foreach (var s in loaded.Snapshots)
            {
                entries.AddRange(s.Entries);
            }
        }
        else
        {
            var stored = new SnapshotStore(CliOptions.Home).LoadCurrent(ct);
            output.WriteDiagnostics(stored.Errors);
            foreach (var s in stored.Snapshots)
            {
                entries.AddRange(s.Entries);
            }
        }

        if (entries.Count == 0)
        {
            output.WriteError(lists is null
                ? "No lists are imported; run 'chokepoint lists import --lists DIR' or pass --lists DIR."
                : $"{lists.FullName}: no list could be read.");
            return null;
        }

        return entries;
    }
}
