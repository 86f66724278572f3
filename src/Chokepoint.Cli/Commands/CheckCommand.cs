using System.CommandLine;
using Chokepoint.Cli.Terminal;
using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Lists.Store;
using Chokepoint.Text;
using Chokepoint.Trade;
using Spectre.Console;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint check</c> command: screen shipment documents and decide clear, review or block.</summary>
/// <remarks>
/// Reads one JSON document or JSON Lines. Prints a report per document, or with <c>--json</c> one JSON line per document.
/// Exit codes: 0 every document screened; 1 the lists, reference data, policy or a document could not be read.
/// </remarks>
public static class CheckCommand
{
    /// <summary>Creates the <c>check</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A shipment document (JSON) or many (JSON Lines)." };
        var lists = CliOptions.ListsDirectory(required: false, "Screen parties against this lists directory instead of the last imported snapshot.");
        var reference = new Option<DirectoryInfo?>("--reference")
        {
            Description = $"Reference tables directory (default: ${ReferenceDirectory.EnvironmentVariable}, else ../shared/reference beside the repository).",
            HelpName = "DIR",
        };
        var policy = new Option<FileInfo?>("--policy") { Description = "A JSON decision policy (see docs/shipments.md).", HelpName = "FILE" };
        var json = CliOptions.Json();
        var command = new Command("check", "Screen shipments: parties, items, places, routes and red flags in one decision.")
        {
            file, lists, reference, policy, json,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            CliOutput.For(parse), parse.GetValue(file)!, parse.GetValue(lists), parse.GetValue(reference), parse.GetValue(policy), parse.GetValue(json), ct)));
        return command;
    }

    private static int Run(CliOutput output, FileInfo file, DirectoryInfo? lists, DirectoryInfo? referenceDir, FileInfo? policyFile, bool json, CancellationToken ct)
    {
        if (!file.Exists)
        {
            output.WriteError($"{file.FullName}: the file does not exist.");
            return 1;
        }

        var policy = ShipmentPolicy.Default;
        if (policyFile is not null)
        {
            var (parsed, error) = policyFile.Exists ? ShipmentPolicy.Parse(File.ReadAllText(policyFile.FullName)) : (null, "the file does not exist");
            if (parsed is null)
            {
                output.WriteError($"{policyFile.FullName}: {error}");
                return 1;
            }

            policy = parsed;
        }

        var dir = ReferenceDirectory.Resolve(referenceDir?.FullName);
        if (dir is null)
        {
            output.WriteError($"No reference directory: pass --reference DIR or set ${ReferenceDirectory.EnvironmentVariable}.");
            return 1;
        }

        var reference = ReferenceData.Load(dir);
        output.WriteDiagnostics(reference.Diagnostics);
        if (reference.Data is null)
        {
            output.WriteError($"{dir}: the reference tables could not be read.");
            return 1;
        }

        var entries = LoadEntries(output, lists, ct);
        if (entries is null)
        {
            return 1;
        }

        var screener = new ShipmentScreener(reference.Data, ScreeningEngine.Build(entries), policy);
        var exit = 0;
        foreach (var parsed in ShipmentDocumentParser.ParseMany(File.ReadAllText(file.FullName), file.Name))
        {
            ct.ThrowIfCancellationRequested();
            if (parsed.Document is null)
            {
                exit = 1;
                if (json)
                {
                    output.WriteLine(ShipmentJson.SerializeErrors(parsed));
                }

                foreach (var e in parsed.Errors)
                {
                    output.WriteError(e.ToString());
                }

                continue;
            }

            var result = screener.Check(parsed.Document);
            if (json)
            {
                output.WriteLine(ShipmentJson.Serialize(result));
            }
            else
            {
                WriteReport(output, result);
            }
        }

        return exit;
    }

    private static void WriteReport(CliOutput output, ShipmentResult result)
    {
        var decision = result.Decision.ToString().ToUpperInvariant();
        if (output.IsInteractive)
        {
            var colour = result.Decision switch { ShipmentDecision.Block => "red", ShipmentDecision.Review => "yellow", _ => "green" };
            output.OutConsole.MarkupLine($"[bold]{Markup.Escape(result.Id)}[/]  [bold {colour}]{decision}[/]  ({result.Findings.Count} findings)");
        }
        else
        {
            output.WriteLine($"{result.Id}\t{decision}\t{result.Findings.Count} findings");
        }

        if (result.Findings.Count > 0)
        {
            // WriteTable escapes every cell: summaries carry names and addresses from the document.
            output.WriteTable(
                ["severity", "kind", "rule", "finding", "source"],
                result.Findings.Select(f => (IReadOnlyList<string>)[f.Severity.ToString().ToLowerInvariant(), ShipmentPolicy.KindName(f.Kind), f.Rule, f.Summary, Shorten(f.Source, 60)]));
        }

        output.WriteLine();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static List<ListEntry>? LoadEntries(CliOutput output, DirectoryInfo? lists, CancellationToken ct)
    {
        IEnumerable<ListSnapshot> snapshots;
        if (lists is not null)
        {
            var loaded = ListsDirectory.Load(lists.FullName, cancellationToken: ct);
            output.WriteDiagnostics(loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            snapshots = loaded.Snapshots;
        }
        else
        {
            var stored = new SnapshotStore(CliOptions.Home).LoadCurrent(ct);
            output.WriteDiagnostics(stored.Errors);
            snapshots = stored.Snapshots;
        }

        var entries = snapshots.SelectMany(s => s.Entries).ToList();
        if (entries.Count > 0)
        {
            return entries;
        }

        output.WriteError(lists is null
            ? "No lists are imported; run 'chokepoint lists import --lists DIR' or pass --lists DIR."
            : $"{lists.FullName}: no list could be read.");
        return null;
    }
}
