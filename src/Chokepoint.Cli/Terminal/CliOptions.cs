using System.CommandLine;
using System.CommandLine.Parsing;
using Chokepoint.Core;

namespace Chokepoint.Cli.Terminal;

/// <summary>Options shared by several commands, and where Chokepoint keeps its data.</summary>
public static class CliOptions
{
    /// <summary>Creates the <c>--lists DIR</c> option: a lists directory laid out as <c>&lt;source&gt;/&lt;YYYY-MM-DD&gt;/&lt;files&gt;</c>.</summary>
    public static Option<DirectoryInfo> ListsDirectory(bool required, string? description = null) => new("--lists")
    {
        Description = description ?? "Lists directory laid out as <source>/<YYYY-MM-DD>/<files>.",
        Required = required,
        HelpName = "DIR",
    };

    /// <summary>Creates a <c>--json</c> flag: print clean JSON on stdout.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON on stdout instead of a table." };

    /// <summary>Creates an option holding a date written <c>YYYY-MM-DD</c>, with a clear error for anything else.</summary>
    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        HelpName = "YYYY-MM-DD",
        CustomParser = ParseDate,
    };

    /// <summary>Gets the data directory (<c>$CHOKEPOINT_HOME</c>, by default <c>~/.chokepoint</c>), resolved at each call.</summary>
    public static string Home => DataDirectory.Resolve();

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (Chokepoint.Lists.ListsDirectory.TryParseDate(text, out var date))
        {
            return date;
        }

        result.AddError($"'{text}' is not a date; write it as YYYY-MM-DD.");
        return null;
    }
}
