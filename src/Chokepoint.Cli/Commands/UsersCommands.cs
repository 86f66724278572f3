using System.CommandLine;
using Chokepoint.Persistence;
using Chokepoint.Server.Hosting;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint users</c> commands: add people who sign in to the service.</summary>
public static class UsersCommands
{
    /// <summary>Creates the <c>users</c> command.</summary>
    public static Command Create()
    {
        var users = new Command("users", "Manage the people who sign in to the service.");
        var name = new Argument<string>("NAME") { Description = "The sign-in name." };
        var role = new Option<string>("--role") { Description = "analyst, supervisor or admin (screening is for API keys).", Required = true };
        role.AcceptOnlyFromAmong(Roles.Analyst, Roles.Supervisor, Roles.Admin, Roles.Screening);
        var db = ServeCommand.DatabaseOption();
        var add = new Command("add", "Add a user with a generated password, printed once.") { name, role, db };
        add.SetAction(async (parse, ct) =>
        {
            await using var context = await ServerDatabase.OpenAsync(parse.GetValue(db), ct);
            using var audit = new AuditLog(TimeProvider.System);
            var access = new AccessStore(context, audit, TimeProvider.System);
            var password = AccessStore.GeneratePassword();
            var (user, error) = await access.AddUserAsync(parse.GetValue(name)!, parse.GetValue(role)!, password, ServeCommand.Actor, ct);
            if (user is null)
            {
                await Console.Error.WriteLineAsync($"chokepoint users add: {error}");
                return 1;
            }

            Console.WriteLine($"Added {user.Name} (role {user.Role}). The password is shown only now:");
            Console.WriteLine(password);
            return 0;
        });
        users.Subcommands.Add(add);
        return users;
    }
}
