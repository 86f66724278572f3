using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Chokepoint.Core;
using Chokepoint.Text;

namespace Chokepoint.Accuracy;

/// <summary>
/// Measures Chokepoint's speed on real lists: index memory per listed name, single-query latency (p50/p99) over a mix
/// of queries with and without typos, and batch throughput on several threads.
/// </summary>
internal static class LatencyRun
{
    private const int WarmUp = 500;
    private const int TypoSeed = 20261123;

    public static void Run(HarnessOptions options)
    {
        var entries = Corpus.Load(options.Lists!);
        var names = entries.Sum(e => 1 + e.Aliases.Count);
        var queries = ReadQueries(options.Queries!);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var engine = ScreeningEngine.Build(entries);
        var built = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perName = (double)(after - before) / names;

        var mix = Mix(queries, options.Count);
        for (var i = 0; i < WarmUp; i++)
        {
            engine.Screen(mix[i % mix.Count]);
        }

        var ticks = new long[mix.Count];
        for (var i = 0; i < mix.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            engine.Screen(mix[i]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(ticks);
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        double Percentile(double p) => Ms(ticks[Math.Min(ticks.Length - 1, (int)Math.Ceiling(p * ticks.Length) - 1)]);

        var batch = options.Batch;
        watch.Restart();
        Parallel.ForEach(Partitioner.Create(0, batch, 1000), new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                engine.Screen(queries[i % queries.Count]);
            }
        });
        var batchTime = watch.Elapsed;

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"#### Chokepoint speed on {Path.GetFullPath(options.Lists!)}\n\n");
        report.Append(CultureInfo.InvariantCulture, $"- index: {entries.Count} entries, {names} names ({engine.NameCount} distinct per entity); built in {built.TotalSeconds:0.00} s; {after - before} bytes managed heap = {perName:0} bytes per listed name ({(double)(after - before) / engine.NameCount:0} per distinct name)\n");
        report.Append(CultureInfo.InvariantCulture, $"- single query, 1 thread, {mix.Count} queries ({mix.Count - mix.Count * 3 / 4} with typos): p50 {Percentile(0.50):0.000} ms, p90 {Percentile(0.90):0.000} ms, p99 {Percentile(0.99):0.000} ms, max {Ms(ticks[^1]):0.000} ms, mean {Ms(ticks.Sum()) / ticks.Length:0.000} ms\n");
        report.Append(CultureInfo.InvariantCulture, $"- batch: {batch} queries on {options.Threads} threads in {batchTime.TotalSeconds:0.0} s = {batch / batchTime.TotalSeconds:0} queries/s\n");
        Console.WriteLine();
        Console.WriteLine(report);
        Directory.CreateDirectory(options.Out);
        File.WriteAllText(Path.Combine(options.Out, "latency.md"), report.ToString());
    }

    private static List<PartyQuery> ReadQueries(string path)
    {
        var queries = JsonLines.Read(path).Select(l => EvalSet.ReadParty(l.Root, path, l.Line)).ToList();
        return queries.Count > 0 ? queries : throw new InvalidDataException($"{path}: no queries.");
    }

    /// <summary>Three quarters of the queries as given (spread over the file), one quarter with one or two typos.</summary>
    private static List<PartyQuery> Mix(List<PartyQuery> queries, int count)
    {
        var random = new Random(TypoSeed);
        var plain = count * 3 / 4;
        var mix = new List<PartyQuery>(count);
        for (var i = 0; i < plain; i++)
        {
            mix.Add(queries[(int)((long)i * queries.Count / plain)]);
        }

        while (mix.Count < count)
        {
            var q = queries[random.Next(queries.Count)];
            mix.Add(q with { Name = Typo(Typo(q.Name, random), random) });
        }

        return mix;
    }

    /// <summary>Deletes, doubles, swaps or replaces one letter.</summary>
    private static string Typo(string name, Random random)
    {
        if (name.Length < 4)
        {
            return name;
        }

        var chars = new StringBuilder(name);
        var at = random.Next(1, name.Length - 1);
        switch (random.Next(4))
        {
            case 0:
                chars.Remove(at, 1);
                break;
            case 1:
                chars.Insert(at, name[at]);
                break;
            case 2:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                break;
            default:
                chars[at] = (char)('a' + random.Next(26));
                break;
        }

        return chars.ToString();
    }
}
