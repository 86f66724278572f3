using BenchmarkDotNet.Attributes;
using Chokepoint.Benchmarks.Matching;
using Chokepoint.Lists;
using Chokepoint.Lists.Store;

namespace Chokepoint.Benchmarks.Lists;

/// <summary>
/// Importing every staged list: reading the official files (the baseline), storing the snapshots, and loading the
/// stored snapshots back, which is what every later command does instead of re-reading the official files.
/// </summary>
[MemoryDiagnoser]
public class ListImportBenchmarks
{
    private string _lists = null!;
    private DirectoryInfo _home = null!;
    private SnapshotStore _store = null!;
    private ListsLoadResult _loaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lists = Path.Combine(MatchingData.Shared, "lists");
        _home = Directory.CreateTempSubdirectory("chokepoint-bench-");
        _store = new SnapshotStore(_home.FullName);
        _loaded = ListsDirectory.Load(_lists);
        _store.Import(_loaded);
    }

    [GlobalCleanup]
    public void Cleanup() => _home.Delete(recursive: true);

    /// <summary>Reads the newest version of every source from ../shared/lists, sources in parallel.</summary>
    [Benchmark(Baseline = true)]
    public int ReadOfficialFiles() => ListsDirectory.Load(_lists).Snapshots.Sum(s => s.Entries.Count);

    /// <summary>Writes every snapshot (Brotli JSON, temp file then rename) and the manifest.</summary>
    [Benchmark]
    public int StoreSnapshots() => _store.Import(_loaded).Swapped.Count;

    /// <summary>Loads every snapshot in force from the store, in parallel.</summary>
    [Benchmark]
    public int LoadStoredSnapshots() => _store.LoadCurrent().Snapshots.Sum(s => s.Entries.Count);
}
