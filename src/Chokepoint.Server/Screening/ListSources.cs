using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Lists.Store;

namespace Chokepoint.Server.Screening;

/// <summary>What a list source produced: the snapshots, and the problems worth telling an operator about.</summary>
/// <param name="Snapshots">The lists read (may be empty).</param>
/// <param name="Problems">Errors and warnings, each naming its file.</param>
/// <param name="Origin">Where the lists came from.</param>
public sealed record ListLoad(IReadOnlyList<ListSnapshot> Snapshots, IReadOnlyList<string> Problems, string Origin);

/// <summary>Supplies the lists the service screens against.</summary>
public interface IListSource
{
    /// <summary>Loads the lists in force.</summary>
    ListLoad Load(CancellationToken cancellationToken);

    /// <summary>Loads one version of one source, or null when it is not there.</summary>
    ListSnapshot? LoadVersion(string source, DateOnly date);
}

/// <summary>Reads the newest version of every source in a lists directory.</summary>
/// <param name="directory">The lists directory.</param>
public sealed class DirectoryListSource(string directory) : IListSource
{
    /// <inheritdoc />
    public ListLoad Load(CancellationToken cancellationToken)
    {
        var result = ListsDirectory.Load(directory, cancellationToken: cancellationToken);
        return new ListLoad(result.Snapshots, result.Diagnostics.Select(d => d.ToString()).ToList(), $"lists directory {directory}");
    }

    /// <inheritdoc />
    public ListSnapshot? LoadVersion(string source, DateOnly date) => ListsDirectory.LoadVersion(directory, source, date).Snapshot;
}

/// <summary>Reads the snapshots last imported with <c>chokepoint lists import</c> or <c>lists update</c>.</summary>
/// <param name="store">The snapshot store.</param>
public sealed class StoredListSource(SnapshotStore store) : IListSource
{
    /// <inheritdoc />
    public ListLoad Load(CancellationToken cancellationToken)
    {
        var result = store.LoadCurrent(cancellationToken);
        var problems = result.Errors.Select(d => d.ToString()).ToList();
        if (result.Snapshots.Count == 0)
        {
            problems.Add($"No lists have been imported into {store.ListsRoot}. Import them with `chokepoint lists import --lists DIR` or `chokepoint lists update`, or start the server with --lists DIR.");
        }

        return new ListLoad(result.Snapshots, problems, $"imported snapshots in {store.ListsRoot}");
    }

    /// <inheritdoc />
    public ListSnapshot? LoadVersion(string source, DateOnly date)
    {
        try
        {
            return store.Versions(source).Contains(date) ? store.Load(source, date) : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return null;
        }
    }
}
