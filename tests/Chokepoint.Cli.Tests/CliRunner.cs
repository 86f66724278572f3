using System.CommandLine;
using Chokepoint.Cli.Commands;
using Chokepoint.Core;

namespace Chokepoint.Cli.Tests;

/// <summary>What one in-process run of the command line printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>
/// Runs <c>chokepoint</c> commands in-process with <c>CHOKEPOINT_HOME</c> set to a given directory, capturing stdout and
/// stderr. The variable is process-wide, so every test class that uses this runner joins <see cref="CliCollection"/>.
/// </summary>
public static class CliRunner
{
    public static async Task<CliRun> RunAsync(string home, ListsCommandServices? services, params string[] args)
    {
        var root = new RootCommand("chokepoint");
        root.Subcommands.Add(ListsCommands.Create(services));
        root.Subcommands.Add(ScreenCommands.CreateScreen());
        root.Subcommands.Add(ScreenCommands.CreateCompare());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var previous = Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable);
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, home);
        try
        {
            var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, previous);
        }
    }
}

/// <summary>Tests that set <c>CHOKEPOINT_HOME</c> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "CHOKEPOINT_HOME";
}
