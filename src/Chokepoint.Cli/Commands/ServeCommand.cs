using System.CommandLine;
using Chokepoint.Server.Hosting;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint serve</c> command: the screening service (REST API, cases, audit, monitoring).</summary>
public static class ServeCommand
{
    /// <summary>The address served when <c>--urls</c> is not given.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var lists = new Option<DirectoryInfo?>("--lists") { Description = "Serve the lists in this directory (<source>/<YYYY-MM-DD>/files) instead of the imported snapshots." };
        var db = DatabaseOption();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => DefaultUrls };
        var reference = new Option<DirectoryInfo?>("--reference") { Description = "Trade reference tables for shipment checks (default: 'reference' beside the lists directory)." };
        var command = new Command("serve", "Run the screening service: REST API, cases with four-eyes review, audit log and monitoring.") { lists, db, urls, reference };
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string> { "--urls", parse.GetValue(urls) ?? DefaultUrls };
            if (parse.GetValue(lists) is { } l)
            {
                if (!l.Exists)
                {
                    await Console.Error.WriteLineAsync($"chokepoint serve: the lists directory {l.FullName} does not exist.");
                    return 2;
                }

                args.AddRange(["--lists", l.FullName]);
            }

            if (parse.GetValue(db) is { } connection)
            {
                args.AddRange(["--db", connection]);
            }

            if (parse.GetValue(reference) is { } r)
            {
                args.AddRange(["--reference", r.FullName]);
            }

            var app = ServerHost.Build([.. args]);
            await app.PrepareChokepointAsync(ct);
            await app.RunAsync();
            return 0;
        });
        return command;
    }

    /// <summary>The <c>--db</c> option shared by the service commands.</summary>
    internal static Option<string?> DatabaseOption() => new("--db")
    {
        Description = "A PostgreSQL connection string (Host=...;Database=...;Username=...) or a SQLite file; default chokepoint.db in the data directory.",
    };

    /// <summary>The actor recorded in the audit log for command-line changes.</summary>
    internal static string Actor => "cli:" + Environment.UserName;
}
