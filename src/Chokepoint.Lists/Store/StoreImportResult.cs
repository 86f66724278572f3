using Chokepoint.Core;

namespace Chokepoint.Lists.Store;

/// <summary>What an import into the store did, per source.</summary>
/// <param name="Swapped">The snapshots now in force (stored and named in the manifest).</param>
/// <param name="Failed">The sources that failed; their previous version, if any, stays in force untouched.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StoreImportResult(IReadOnlyList<ListSnapshot> Swapped, IReadOnlyList<string> Failed)
{
    /// <summary>Gets whether every source was swapped in.</summary>
    public bool Succeeded => Failed.Count == 0;
}

/// <summary>The snapshots in force, loaded from the store, and any stored file that could not be read.</summary>
/// <param name="Snapshots">The snapshots, in ordinal source order.</param>
/// <param name="Errors">One error per stored snapshot that is missing or corrupt, naming the file.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record StoredListsResult(IReadOnlyList<ListSnapshot> Snapshots, IReadOnlyList<ListDiagnostic> Errors);
