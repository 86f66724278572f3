using System.Collections.Frozen;
using System.Reflection;

namespace Chokepoint.Lists;

/// <summary>Finds the <see cref="IListReader"/> for a source folder.</summary>
/// <remarks>
/// <see cref="Default"/> discovers every concrete reader with a public parameterless constructor in this assembly, once.
/// A registry is immutable after construction and thread-safe.
/// </remarks>
public sealed class ListReaderRegistry
{
    private static readonly Lazy<ListReaderRegistry> DiscoveredRegistry = new(() => new ListReaderRegistry(Discover(typeof(IListReader).Assembly)));

    private readonly FrozenDictionary<string, IListReader[]> _bySource;

    /// <summary>Creates a registry over the given readers.</summary>
    /// <param name="readers">The readers; where two claim one source, the first one that can read a folder wins.</param>
    public ListReaderRegistry(IEnumerable<IListReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var map = new Dictionary<string, List<IListReader>>(StringComparer.Ordinal);
        var all = new List<IListReader>();
        foreach (var reader in readers)
        {
            all.Add(reader);
            foreach (var source in reader.Sources)
            {
                if (!map.TryGetValue(source, out var list))
                {
                    map[source] = list = [];
                }

                list.Add(reader);
            }
        }

        Readers = all;
        _bySource = map.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets the registry of every reader in the Chokepoint.Lists assembly (discovered once, then cached).</summary>
    public static ListReaderRegistry Default => DiscoveredRegistry.Value;

    /// <summary>Gets the readers, in discovery order.</summary>
    public IReadOnlyList<IListReader> Readers { get; }

    /// <summary>Gets every source name some reader understands, sorted ordinally.</summary>
    public IReadOnlyList<string> Sources => [.. _bySource.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets whether some reader claims the source name.</summary>
    public bool IsKnownSource(string source) => _bySource.ContainsKey(source);

    /// <summary>Returns the reader for a source folder name, or null when no reader claims it or none can read the folder.</summary>
    /// <param name="source">The source folder name (e.g. <c>us_ofac_sdn</c>).</param>
    /// <param name="folder">The dated folder; when null, the first reader claiming the source is returned.</param>
    public IListReader? Find(string source, DirectoryInfo? folder = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!_bySource.TryGetValue(source, out var readers))
        {
            return null;
        }

        if (folder is null)
        {
            return readers[0];
        }

        foreach (var reader in readers)
        {
            if (reader.CanRead(source, folder))
            {
                return reader;
            }
        }

        return null;
    }

    /// <summary>Instantiates every public, concrete <see cref="IListReader"/> with a public parameterless constructor in an assembly.</summary>
    public static IReadOnlyList<IListReader> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var readers = new List<IListReader>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters && typeof(IListReader).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                readers.Add((IListReader)Activator.CreateInstance(type)!);
            }
        }

        return readers;
    }
}
