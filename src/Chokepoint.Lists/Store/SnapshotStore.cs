using System.IO.Compression;
using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.Lists.Store;

/// <summary>
/// Keeps imported list snapshots under <c>&lt;home&gt;/lists/&lt;source&gt;/&lt;date&gt;.snapshot</c> and the manifest
/// <c>&lt;home&gt;/lists/current.json</c> that names the version in force per source.
/// </summary>
/// <remarks>
/// <para>A snapshot file is Brotli-compressed JSON (System.Text.Json, source-generated over the Core model): compact,
/// readable with standard tools, and quicker to load than re-reading the official files (docs/benchmarks.md).</para>
/// <para>Every write goes to a temporary file in the same folder, is flushed, then renamed over the target, so a crash never
/// leaves a half-written snapshot or manifest. Every imported version is kept, so versions can be compared later.</para>
/// <para>An import swaps in each source that read cleanly and leaves each failed source exactly as it was (its previous
/// version stays in force); the failure is recorded in that source's last update result only.</para>
/// <para>Manifest changes are serialised by a lock file, so concurrent processes do not lose each other's changes.
/// Thread-safe.</para>
/// </remarks>
public sealed class SnapshotStore
{
    /// <summary>The stored snapshot layout version written by this code.</summary>
    public const int SnapshotFormat = 1;

    /// <summary>The manifest file name under the lists folder.</summary>
    public const string ManifestFileName = "current.json";

    /// <summary>The snapshot file extension.</summary>
    public const string SnapshotExtension = ".snapshot";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;

    /// <summary>Creates a store under a data directory.</summary>
    /// <param name="home">The data directory (<c>$CHOKEPOINT_HOME</c>).</param>
    /// <param name="timeProvider">The clock for update records; the system clock when null.</param>
    public SnapshotStore(string home, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(home);
        Home = Path.GetFullPath(home);
        ListsRoot = Path.Combine(Home, "lists");
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Opens the store under <see cref="DataDirectory.Resolve"/>.</summary>
    public static SnapshotStore Open(TimeProvider? timeProvider = null) => new(DataDirectory.Resolve(), timeProvider);

    /// <summary>Gets the data directory.</summary>
    public string Home { get; }

    /// <summary>Gets the folder holding the snapshots and the manifest.</summary>
    public string ListsRoot { get; }

    /// <summary>Gets the manifest path.</summary>
    public string ManifestPath => Path.Combine(ListsRoot, ManifestFileName);

    /// <summary>Returns the path of a stored version.</summary>
    public string SnapshotPath(string source, DateOnly date) =>
        Path.Combine(ListsRoot, source, ListsDirectory.FormatDate(date) + SnapshotExtension);

    /// <summary>Reads the manifest; an absent manifest is empty.</summary>
    /// <exception cref="InvalidDataException">The manifest is corrupt; the message names the file.</exception>
    public ListsManifest ReadManifest()
    {
        var path = ManifestPath;
        if (!File.Exists(path))
        {
            return ListsManifest.Empty;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, SnapshotStoreJsonContext.Default.ListsManifest)
                ?? throw new InvalidDataException($"{path}: the manifest is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: the manifest is corrupt: {ex.Message}", ex);
        }
    }

    /// <summary>Returns the stored versions of a source, oldest first.</summary>
    public IReadOnlyList<DateOnly> Versions(string source)
    {
        var dir = new DirectoryInfo(Path.Combine(ListsRoot, source));
        if (!dir.Exists)
        {
            return [];
        }

        var dates = new List<DateOnly>();
        foreach (var f in dir.EnumerateFiles("*" + SnapshotExtension))
        {
            if (ListsDirectory.TryParseDate(Path.GetFileNameWithoutExtension(f.Name), out var d))
            {
                dates.Add(d);
            }
        }

        dates.Sort();
        return dates;
    }

    /// <summary>Writes a snapshot file atomically; it does not change which version is in force.</summary>
    /// <returns>The path written.</returns>
    public string Save(ListSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = SnapshotPath(snapshot.Source, snapshot.PublicationDate);
        WriteAtomically(path, stream =>
        {
            // Fastest Brotli: about as fast as GZip's fastest level and a third smaller.
            using var brotli = new BrotliStream(stream, CompressionLevel.Fastest, leaveOpen: true);
            JsonSerializer.Serialize(brotli, new StoredSnapshot(SnapshotFormat, snapshot), SnapshotStoreJsonContext.Default.StoredSnapshot);
        });
        return path;
    }

    /// <summary>Loads one stored version.</summary>
    /// <exception cref="FileNotFoundException">That version was never stored.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt; the message names the file.</exception>
    public ListSnapshot Load(string source, DateOnly date)
    {
        var path = SnapshotPath(source, date);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no stored version {ListsDirectory.FormatDate(date)} of '{source}'.", path);
        }

        StoredSnapshot? stored;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var brotli = new BrotliStream(file, CompressionMode.Decompress);
            stored = JsonSerializer.Deserialize(brotli, SnapshotStoreJsonContext.Default.StoredSnapshot);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: the stored snapshot is corrupt ({ex.Message}); import the list again.", ex);
        }

        if (stored?.Snapshot is null)
        {
            throw new InvalidDataException($"{path}: the stored snapshot is empty; import the list again.");
        }

        if (stored.Format != SnapshotFormat)
        {
            throw new InvalidDataException($"{path}: stored snapshot format {stored.Format} is not supported (expected {SnapshotFormat}); import the list again.");
        }

        return stored.Snapshot;
    }

    /// <summary>Loads every snapshot in force, in parallel.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="InvalidDataException">The manifest is corrupt.</exception>
    public StoredListsResult LoadCurrent(CancellationToken cancellationToken = default)
    {
        var current = new List<(string Source, DateOnly Date)>();
        foreach (var (source, entry) in ReadManifest().Sources)
        {
            if (entry.Current is { } date)
            {
                current.Add((source, date));
            }
        }

        current.Sort(static (a, b) => string.CompareOrdinal(a.Source, b.Source));
        var snapshots = new ListSnapshot?[current.Count];
        var errors = new ListDiagnostic?[current.Count];
        Parallel.For(0, current.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (source, date) = current[i];
            try
            {
                snapshots[i] = Load(source, date);
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
            {
                errors[i] = new ListDiagnostic(DiagnosticSeverity.Error, SnapshotPath(source, date), 0, null, ex.Message);
            }
        });

        return new StoredListsResult([.. snapshots.OfType<ListSnapshot>()], [.. errors.OfType<ListDiagnostic>()]);
    }

    /// <summary>Stores every source that was read cleanly, swaps it in, and records each failed source without replacing it.</summary>
    /// <param name="loaded">What was read from a lists directory.</param>
    /// <param name="cancellationToken">Cancels before the manifest is changed.</param>
    public StoreImportResult Import(ListsLoadResult loaded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var swapped = new List<ListSnapshot>();
        var failed = new List<string>();
        var now = _time.GetUtcNow();
        var records = new List<(string Source, ListSnapshot? Snapshot, ListUpdateRecord Record)>();
        foreach (var source in loaded.Sources)
        {
            var files = source.Snapshot?.Files.Select(f => new FetchedFile(f.Name, f.Sha256, f.Length)).ToArray() ?? [];
            if (source.Snapshot is { } snapshot)
            {
                Save(snapshot);
                swapped.Add(snapshot);
                records.Add((source.Source, snapshot, new ListUpdateRecord(now, "import", true,
                    $"Imported {ListsDirectory.FormatDate(snapshot.PublicationDate)} from {source.Folder}.", files)));
            }
            else
            {
                failed.Add(source.Source);
                var errors = source.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                var first = source.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
                records.Add((source.Source, null, new ListUpdateRecord(now, "import", false,
                    $"Import of {ListsDirectory.FormatDate(source.Date)} failed with {errors} error(s); the previous version stays in force. First: {first}", files)));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        UpdateManifest(manifest =>
        {
            foreach (var (source, snapshot, record) in records)
            {
                manifest = manifest.With(source, Record(manifest, source, snapshot, record, fetched: null));
            }

            return manifest;
        });
        return new StoreImportResult(swapped, failed);
    }

    /// <summary>Records the result of an update of one source; when a snapshot is given it is stored and swapped in.</summary>
    /// <param name="source">The source.</param>
    /// <param name="snapshot">The validated snapshot to put in force, or null to leave the version in force untouched.</param>
    /// <param name="record">The update result.</param>
    /// <param name="fetched">The HTTP validators to remember with the new version (only used with a snapshot).</param>
    public void RecordUpdate(string source, ListSnapshot? snapshot, ListUpdateRecord record, IReadOnlyList<FetchedFile>? fetched = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(record);
        if (snapshot is not null)
        {
            Save(snapshot);
        }

        UpdateManifest(manifest => manifest.With(source, Record(manifest, source, snapshot, record, fetched)));
    }

    /// <summary>Gets the current time from the store's clock.</summary>
    internal DateTimeOffset Now => _time.GetUtcNow();

    private static SourceManifestEntry Record(ListsManifest manifest, string source, ListSnapshot? snapshot, ListUpdateRecord record, IReadOnlyList<FetchedFile>? fetched)
    {
        var entry = manifest.Sources.GetValueOrDefault(source) ?? new SourceManifestEntry();
        if (snapshot is null)
        {
            return entry with { LastUpdate = record };
        }

        return entry with
        {
            Current = snapshot.PublicationDate,
            Entities = snapshot.Entries.Count,
            Names = snapshot.NameCount,
            Files = snapshot.Files,
            Fetched = fetched ?? [],
            LastUpdate = record,
        };
    }

    private void UpdateManifest(Func<ListsManifest, ListsManifest> change)
    {
        Directory.CreateDirectory(ListsRoot);
        using var gate = AcquireLock();
        var manifest = change(ReadManifest());
        WriteAtomically(ManifestPath, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            JsonSerializer.Serialize(writer, manifest, SnapshotStoreJsonContext.Default.ListsManifest);
        });
    }

    private FileStream AcquireLock()
    {
        var path = Path.Combine(ListsRoot, ".manifest.lock");
        var deadline = _time.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (_time.GetElapsedTime(deadline) < LockTimeout)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
