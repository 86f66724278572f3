using Chokepoint.Core;

namespace Chokepoint.Lists.Store;

/// <summary>The store's manifest (<c>lists/current.json</c>): the version in force per source and its last update result.</summary>
/// <remarks>Immutable and thread-safe; the store replaces the whole manifest atomically on each change.</remarks>
public sealed record ListsManifest
{
    /// <summary>Gets an empty manifest (nothing imported yet).</summary>
    public static ListsManifest Empty { get; } = new();

    /// <summary>Gets the entry per source, keyed by source folder name.</summary>
    public IReadOnlyDictionary<string, SourceManifestEntry> Sources { get; init; } = new Dictionary<string, SourceManifestEntry>(StringComparer.Ordinal);

    /// <summary>Returns a copy with one source's entry replaced.</summary>
    public ListsManifest With(string source, SourceManifestEntry entry)
    {
        var copy = new Dictionary<string, SourceManifestEntry>(Sources, StringComparer.Ordinal) { [source] = entry };
        return this with { Sources = copy };
    }
}

/// <summary>What the manifest says about one source.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SourceManifestEntry
{
    /// <summary>Gets the publication date of the version in force, or null when no version was ever imported.</summary>
    public DateOnly? Current { get; init; }

    /// <summary>Gets the number of entities in the version in force.</summary>
    public int Entities { get; init; }

    /// <summary>Gets the number of names (primary names and aliases) in the version in force.</summary>
    public int Names { get; init; }

    /// <summary>Gets the files the version in force was read from, with their SHA-256.</summary>
    public IReadOnlyList<SourceFile> Files { get; init; } = [];

    /// <summary>Gets the HTTP validators of the files behind the version in force, for conditional requests.</summary>
    public IReadOnlyList<FetchedFile> Fetched { get; init; } = [];

    /// <summary>Gets the result of the last import or update of this source, or null.</summary>
    public ListUpdateRecord? LastUpdate { get; init; }
}

/// <summary>The result of one import or update of one source.</summary>
/// <param name="Time">When it finished.</param>
/// <param name="Kind"><c>import</c> (from a lists directory) or <c>update</c> (downloaded).</param>
/// <param name="Succeeded">Whether a version is in force afterwards that passed validation (a 304 counts as success).</param>
/// <param name="Message">What happened, in plain words.</param>
/// <param name="Files">What was read or fetched, with the SHA-256 of each file.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ListUpdateRecord(DateTimeOffset Time, string Kind, bool Succeeded, string Message, IReadOnlyList<FetchedFile> Files);

/// <summary>One file read or fetched for a source.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes, or empty when nothing was received (304).</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Url">Where it was fetched from, or null for a local import.</param>
/// <param name="ETag">The server's ETag, for If-None-Match next time.</param>
/// <param name="LastModified">The server's Last-Modified header as sent, for If-Modified-Since next time.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FetchedFile(string Name, string Sha256, long Length, string? Url = null, string? ETag = null, string? LastModified = null);
