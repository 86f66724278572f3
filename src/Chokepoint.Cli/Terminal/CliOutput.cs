using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chokepoint.Core;
using Spectre.Console;

namespace Chokepoint.Cli.Terminal;

/// <summary>Where a command writes: stdout for results, stderr for progress, diagnostics and errors.</summary>
/// <remarks>
/// When stdout is a terminal, tables are drawn with Spectre.Console; when it is redirected (or a test captures it),
/// output is plain: tables become tab-separated lines with a header, and no colour or markup is written.
/// </remarks>
public sealed class CliOutput
{
    private CliOutput(TextWriter output, TextWriter error, bool outInteractive, bool errorInteractive)
    {
        Out = output;
        Error = error;
        IsInteractive = outInteractive;
        IsErrorInteractive = errorInteractive;
        OutConsole = CreateConsole(output, outInteractive);
        ErrorConsole = CreateConsole(error, errorInteractive);
    }

    /// <summary>Gets the result writer (stdout).</summary>
    public TextWriter Out { get; }

    /// <summary>Gets the writer for progress, diagnostics and errors (stderr).</summary>
    public TextWriter Error { get; }

    /// <summary>Gets whether stdout is a terminal (not redirected).</summary>
    public bool IsInteractive { get; }

    /// <summary>Gets whether stderr is a terminal (not redirected), so a progress bar can be drawn there.</summary>
    public bool IsErrorInteractive { get; }

    /// <summary>Gets a Spectre console over stdout.</summary>
    public IAnsiConsole OutConsole { get; }

    /// <summary>Gets a Spectre console over stderr.</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Creates the output for a command invocation, honouring writers a caller (or test) configured.</summary>
    public static CliOutput For(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var config = parseResult.InvocationConfiguration;
        var output = config.Output;
        var error = config.Error;
        var outInteractive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var errorInteractive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        return new CliOutput(output, error, outInteractive, errorInteractive);
    }

    /// <summary>Writes a table: drawn on a terminal, tab-separated when redirected.</summary>
    public void WriteTable(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (IsInteractive)
        {
            var table = new Table { Border = TableBorder.Rounded };
            if (title is not null)
            {
                table.Title = new TableTitle(Markup.Escape(title));
            }

            foreach (var c in columns)
            {
                table.AddColumn(new TableColumn(Markup.Escape(c)));
            }

            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(cell => Markup.Escape(cell))]);
            }

            OutConsole.Write(table);
            return;
        }

        if (title is not null)
        {
            Out.WriteLine($"# {title}");
        }

        Out.WriteLine(string.Join('\t', columns));
        foreach (var row in rows)
        {
            Out.WriteLine(string.Join('\t', row.Select(cell => cell.ReplaceLineEndings(" ").Replace('\t', ' '))));
        }
    }

    /// <summary>Writes a line of result text to stdout.</summary>
    public void WriteLine(string text = "") => Out.WriteLine(text);

    /// <summary>Writes a value as JSON to stdout (and nothing else, so the output can be piped).</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        Out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }

    /// <summary>Writes an error message to stderr.</summary>
    public void WriteError(string message)
    {
        if (IsErrorInteractive)
        {
            ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        }
        else
        {
            Error.WriteLine($"error: {message}");
        }
    }

    /// <summary>Writes a note to stderr.</summary>
    public void WriteNote(string message) => Error.WriteLine(message);

    /// <summary>
    /// Writes diagnostics to stderr as <c>file:line: severity: field 'x': message</c>, every error and at most
    /// <paramref name="warningsPerFile"/> warnings per file, followed by a count of the warnings left out.
    /// </summary>
    public void WriteDiagnostics(IEnumerable<ListDiagnostic> diagnostics, int warningsPerFile = 10)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        var hidden = 0;
        foreach (var d in diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Warning)
            {
                var n = shown.GetValueOrDefault(d.File);
                if (n >= warningsPerFile)
                {
                    hidden++;
                    continue;
                }

                shown[d.File] = n + 1;
            }

            if (IsErrorInteractive)
            {
                var colour = d.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
                ErrorConsole.MarkupLine($"[{colour}]{Markup.Escape(d.ToString())}[/]");
            }
            else
            {
                Error.WriteLine(d.ToString());
            }
        }

        if (hidden > 0)
        {
            Error.WriteLine($"({hidden} more warning(s) not shown)");
        }
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
}
