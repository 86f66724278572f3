using System.CommandLine;
using System.Text;
using Chokepoint.Persistence;
using Chokepoint.Server.Endpoints;
using Chokepoint.Server.Hosting;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint audit</c> commands: verify the hash chain, export the log.</summary>
public static class AuditCommands
{
    /// <summary>Creates the <c>audit</c> command.</summary>
    public static Command Create()
    {
        var audit = new Command("audit", "Verify and export the tamper-evident audit log.");
        var db = ServeCommand.DatabaseOption();
        var verify = new Command("verify", "Check every record's hash and link; name the first record edited, removed or reordered. Exit 1 if any.") { db };
        verify.SetAction(async (parse, ct) =>
        {
            await using var context = await ServerDatabase.OpenAsync(parse.GetValue(db), ct);
            var result = await AuditLog.VerifyAsync(context, ct);
            (result.IsIntact ? Console.Out : Console.Error).WriteLine(result.Message);
            return result.IsIntact ? 0 : 1;
        });
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var exportDb = ServeCommand.DatabaseOption();
        var export = new Command("export", "Export the audit log; CSV cells that a spreadsheet would run as formulas are neutralised.") { format, output, exportDb };
        export.SetAction(async (parse, ct) =>
        {
            await using var context = await ServerDatabase.OpenAsync(parse.GetValue(exportDb), ct);
            var file = parse.GetValue(output);
            var writer = file is null ? Console.Out : new StreamWriter(file.FullName, append: false, new UTF8Encoding(false));
            try
            {
                await AuditEndpoints.WriteAsync(context, writer, parse.GetValue(format)!, ct);
            }
            finally
            {
                await writer.FlushAsync(ct);
                if (file is not null)
                {
                    await writer.DisposeAsync();
                }
            }

            return 0;
        });
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(export);
        return audit;
    }
}
