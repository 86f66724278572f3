using Chokepoint.Core;

namespace Chokepoint.Lists;

/// <summary>The outcome of reading one source's dated folder.</summary>
/// <param name="Source">The source folder name.</param>
/// <param name="Date">The dated folder's date.</param>
/// <param name="Folder">The full path of the dated folder.</param>
/// <param name="Snapshot">The snapshot, or null when reading failed.</param>
/// <param name="Diagnostics">The reader's warnings and errors, in the order found.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SourceLoadResult(string Source, DateOnly Date, string Folder, ListSnapshot? Snapshot, IReadOnlyList<ListDiagnostic> Diagnostics)
{
    /// <summary>Gets whether the source was read without errors.</summary>
    public bool Succeeded => Snapshot is not null;
}

/// <summary>What <see cref="ListsDirectory.Load"/> found: one result per source read, and every diagnostic.</summary>
/// <remarks>
/// <see cref="Diagnostics"/> holds the directory-level warnings (unknown source folders, non-date folders) followed by
/// each source's diagnostics, sources in ordinal order. Immutable and thread-safe.
/// </remarks>
public sealed record ListsLoadResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="sources">One result per source read, in ordinal source order.</param>
    /// <param name="directoryDiagnostics">Warnings and errors about the directory layout itself.</param>
    public ListsLoadResult(IReadOnlyList<SourceLoadResult> sources, IReadOnlyList<ListDiagnostic> directoryDiagnostics)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(directoryDiagnostics);
        Sources = sources;
        var snapshots = new List<ListSnapshot>(sources.Count);
        var diagnostics = new List<ListDiagnostic>(directoryDiagnostics);
        foreach (var s in sources)
        {
            if (s.Snapshot is not null)
            {
                snapshots.Add(s.Snapshot);
            }

            diagnostics.AddRange(s.Diagnostics);
        }

        Snapshots = snapshots;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets one result per source read, in ordinal source order.</summary>
    public IReadOnlyList<SourceLoadResult> Sources { get; }

    /// <summary>Gets the snapshots of the sources that were read without errors.</summary>
    public IReadOnlyList<ListSnapshot> Snapshots { get; }

    /// <summary>Gets every warning and error.</summary>
    public IReadOnlyList<ListDiagnostic> Diagnostics { get; }

    /// <summary>Gets whether any source failed or the directory itself could not be read.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
