namespace Chokepoint.Core;

/// <summary>One version of one source list: every entry it holds, with the date it was published.</summary>
/// <remarks>Immutable once built and thread-safe.</remarks>
public sealed record ListSnapshot
{
    /// <summary>Gets the source (the list folder name, e.g. <c>us_ofac_sdn</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the publication date (the dated folder it was read from, or the date the file itself gives).</summary>
    public required DateOnly PublicationDate { get; init; }

    /// <summary>Gets the files the snapshot was read from, with the SHA-256 of each.</summary>
    public IReadOnlyList<SourceFile> Files { get; init; } = [];

    /// <summary>Gets the entries, in the order of the source file.</summary>
    public required IReadOnlyList<ListEntry> Entries { get; init; }

    /// <summary>Gets warnings the importer raised (missing companion files, repeated keys), with their location.</summary>
    public IReadOnlyList<ListDiagnostic> Warnings { get; init; } = [];

    /// <summary>Gets the number of names (primary names and aliases) across all entries.</summary>
    public int NameCount
    {
        get
        {
            var n = 0;
            foreach (var e in Entries)
            {
                n += 1 + e.Aliases.Count;
            }

            return n;
        }
    }
}

/// <summary>A file a snapshot was read from.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file as read.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record SourceFile(string Name, string Sha256, long Length);

/// <summary>How bad a list diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The import goes on; the user is told.</summary>
    Warning,

    /// <summary>The import fails; nothing already stored is replaced.</summary>
    Error,
}

/// <summary>A problem found while reading a list, located precisely enough for a person to find it.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="File">The file name (relative to the lists directory where possible).</param>
/// <param name="Line">The 1-based line (text formats) or row (spreadsheets), 0 when not applicable.</param>
/// <param name="Field">The column, element or property at fault, or null.</param>
/// <param name="Message">What is wrong, in plain words.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ListDiagnostic(DiagnosticSeverity Severity, string File, int Line, string? Field, string Message)
{
    /// <summary>Returns <c>file:line: field: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var sev = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return Field is null ? $"{where}: {sev}: {Message}" : $"{where}: {sev}: field '{Field}': {Message}";
    }
}
