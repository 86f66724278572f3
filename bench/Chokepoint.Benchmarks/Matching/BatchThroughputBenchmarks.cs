using BenchmarkDotNet.Attributes;
using Chokepoint.Core;
using Chokepoint.Text;

namespace Chokepoint.Benchmarks.Matching;

/// <summary>Throughput of 2,000 dev queries screened on two threads against every list in ../shared/lists.</summary>
/// <remarks>The time per operation is the time per query; queries per second is its inverse.</remarks>
[MemoryDiagnoser]
public class BatchThroughputBenchmarks
{
    private const int Batch = 2000;

    private ScreeningEngine _engine = null!;
    private PartyQuery[] _queries = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = ScreeningEngine.Build(MatchingData.Lists);
        var dev = MatchingData.DevQueries();
        // Every k-th dev query, so the batch has the same mix of classes as the whole set.
        _queries = [.. Enumerable.Range(0, Batch).Select(i => dev[(int)((long)i * dev.Count / Batch)])];
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void TwoThreads() =>
        Parallel.For(0, _queries.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => _engine.Screen(_queries[i]));

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public void OneThread()
    {
        foreach (var q in _queries)
        {
            _engine.Screen(q);
        }
    }
}
