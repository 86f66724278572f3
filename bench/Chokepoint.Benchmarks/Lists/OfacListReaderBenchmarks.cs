using BenchmarkDotNet.Attributes;
using Chokepoint.Benchmarks.Matching;
using Chokepoint.Lists.Ofac;

namespace Chokepoint.Benchmarks.Lists;

/// <summary>
/// Reads whole staged OFAC lists: the legacy SDN CSV set (remarks parsed) and the Consolidated enhanced XML zip.
/// </summary>
[MemoryDiagnoser]
public class OfacListReaderBenchmarks
{
    private readonly OfacCsvListReader _csv = new();
    private readonly OfacEnhancedXmlListReader _xml = new();
    private DirectoryInfo _sdn2021 = null!;
    private DirectoryInfo _sdn2024 = null!;
    private DirectoryInfo _consXml = null!;

    [GlobalSetup]
    public void Setup()
    {
        var lists = Path.Combine(MatchingData.Shared, "lists");
        _sdn2021 = new DirectoryInfo(Path.Combine(lists, OfacSources.Sdn, "2021-07-07"));
        _sdn2024 = new DirectoryInfo(Path.Combine(lists, OfacSources.Sdn, "2024-05-03"));
        _consXml = new DirectoryInfo(Path.Combine(lists, OfacSources.Consolidated, "2025-01-10"));
    }

    /// <summary>The 2021-07-07 four-file SDN set: 8,976 entries.</summary>
    [Benchmark(Baseline = true)]
    public int SdnCsv20210707() => _csv.Read(OfacSources.Sdn, _sdn2021, new DateOnly(2021, 7, 7)).Snapshot!.Entries.Count;

    /// <summary>The 2024-05-03 sdn.csv alone: 14,965 entries.</summary>
    [Benchmark]
    public int SdnCsv20240503() => _csv.Read(OfacSources.Sdn, _sdn2024, new DateOnly(2024, 5, 3)).Snapshot!.Entries.Count;

    /// <summary>CONS_ENHANCED.ZIP of 2025-01-10: 443 entities, 3.4 MB of XML.</summary>
    [Benchmark]
    public int ConsEnhancedXml20250110() => _xml.Read(OfacSources.Consolidated, _consXml, new DateOnly(2025, 1, 10)).Snapshot!.Entries.Count;
}
