using Chokepoint.Core;

namespace Chokepoint.Lists;

/// <summary>Reads one source's published files from one dated folder into <see cref="ListEntry"/> records.</summary>
/// <remarks>
/// One implementation per source format. A reader never throws for bad input: it returns a <see cref="ListReadResult"/>
/// whose diagnostics name the file, line or element, and field. Implementations are stateless and thread-safe.
/// </remarks>
public interface IListReader
{
    /// <summary>Gets the source folder names this reader understands (e.g. <c>us_ofac_sdn</c>).</summary>
    IReadOnlyList<string> Sources { get; }

    /// <summary>Gets whether the folder holds files this reader can read.</summary>
    bool CanRead(string source, DirectoryInfo folder);

    /// <summary>Reads every entry in the folder.</summary>
    /// <param name="source">The source folder name, used as the entity id prefix.</param>
    /// <param name="folder">The dated folder (<c>&lt;lists&gt;/&lt;source&gt;/&lt;YYYY-MM-DD&gt;</c>).</param>
    /// <param name="publicationDate">The folder's date, used where the files carry no date of their own.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default);
}

/// <summary>What a reader produced: the snapshot when it succeeded, and every diagnostic either way.</summary>
/// <remarks>Exactly one of these holds: <see cref="Snapshot"/> is set and no diagnostic is an error, or it is null and at least one is.</remarks>
public sealed record ListReadResult
{
    private ListReadResult(ListSnapshot? snapshot, IReadOnlyList<ListDiagnostic> diagnostics)
    {
        Snapshot = snapshot;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the snapshot, or null when reading failed.</summary>
    public ListSnapshot? Snapshot { get; }

    /// <summary>Gets warnings and errors, in the order found.</summary>
    public IReadOnlyList<ListDiagnostic> Diagnostics { get; }

    /// <summary>Gets whether reading succeeded.</summary>
    public bool Succeeded => Snapshot is not null;

    /// <summary>Creates a successful result; warnings are copied onto the snapshot.</summary>
    public static ListReadResult Success(ListSnapshot snapshot, IReadOnlyList<ListDiagnostic> warnings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ListReadResult(snapshot with { Warnings = warnings }, warnings);
    }

    /// <summary>Creates a failed result.</summary>
    /// <exception cref="ArgumentException">No diagnostic is an error.</exception>
    public static ListReadResult Failure(IReadOnlyList<ListDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var hasError = false;
        foreach (var d in diagnostics)
        {
            hasError |= d.Severity == DiagnosticSeverity.Error;
        }

        return hasError ? new ListReadResult(null, diagnostics) : throw new ArgumentException("A failure needs at least one error.", nameof(diagnostics));
    }
}
