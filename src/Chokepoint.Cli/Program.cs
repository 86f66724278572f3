using System.CommandLine;

var root = new RootCommand("Chokepoint: screen parties, items and shipments against sanctions and export-control lists.");
// Each command group lives in Commands/<Group>Commands.cs and is added here.
root.Subcommands.Add(Chokepoint.Cli.Commands.ListsCommands.Create());
root.Subcommands.Add(Chokepoint.Cli.Commands.ScreenCommands.CreateScreen());
root.Subcommands.Add(Chokepoint.Cli.Commands.ScreenCommands.CreateCompare());
root.Subcommands.Add(Chokepoint.Cli.Commands.ServeCommand.Create());
root.Subcommands.Add(Chokepoint.Cli.Commands.UsersCommands.Create());
root.Subcommands.Add(Chokepoint.Cli.Commands.KeysCommands.Create());
root.Subcommands.Add(Chokepoint.Cli.Commands.AuditCommands.Create());
root.Subcommands.Add(Chokepoint.Cli.Commands.CheckCommand.Create());
root.Subcommands.Add(Chokepoint.Cli.Commands.MonitorCommands.Create());
return await root.Parse(args).InvokeAsync();
