using System.CommandLine;
using Chokepoint.Persistence;
using Chokepoint.Server.Hosting;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint keys</c> commands: API keys for client systems.</summary>
public static class KeysCommands
{
    /// <summary>Creates the <c>keys</c> command.</summary>
    public static Command Create()
    {
        var keys = new Command("keys", "Manage API keys for client systems (order system, ERP, bank).");
        var role = new Option<string>("--role") { Description = "The key's role; client systems use screening.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var name = new Option<string?>("--name") { Description = "A readable name for the client system (shown in the audit log)." };
        var db = ServeCommand.DatabaseOption();
        var create = new Command("create", "Create a key; it is printed alone on the last line and stored only as a hash.") { role, name, db };
        create.SetAction(async (parse, ct) =>
        {
            await using var context = await ServerDatabase.OpenAsync(parse.GetValue(db), ct);
            using var audit = new AuditLog(TimeProvider.System);
            var access = new AccessStore(context, audit, TimeProvider.System);
            var created = await access.CreateKeyAsync(parse.GetValue(role)!, parse.GetValue(name) ?? "", ServeCommand.Actor, ct);
            Console.WriteLine($"Created key {created.Key.Name} (role {created.Key.Role}). Send it as 'Authorization: Bearer <key>'; it is shown only now:");
            Console.WriteLine(created.Secret);
            return 0;
        });
        keys.Subcommands.Add(create);
        return keys;
    }
}
