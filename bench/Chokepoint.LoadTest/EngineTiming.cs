using System.Diagnostics;
using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Text;

namespace Chokepoint.LoadTest;

/// <summary>The matching engine alone on one thread, over the same lists and parties the server got.</summary>
internal sealed record EngineTiming(int Queries, Percentiles Latency, double CpuMicros, double BuildSeconds)
{
    /// <summary>Builds the engine as the server does and times each party on this thread.</summary>
    public static EngineTiming Measure(string listsDirectory, IReadOnlyList<PartyQuery> parties, int count)
    {
        var build = Stopwatch.StartNew();
        var load = ListsDirectory.Load(listsDirectory);
        var engine = ScreeningEngine.Build(load.Snapshots.SelectMany(s => s.Entries));
        build.Stop();

        // Warm up the tiers and caches the way the server's warm-up phase does.
        for (var i = 0; i < Math.Min(2000, parties.Count); i++)
        {
            engine.Screen(parties[i]);
        }

        var ticks = new long[count];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            engine.Screen(parties[i % parties.Count]);
            ticks[i] = Stopwatch.GetTimestamp() - started;
        }

        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new EngineTiming(count, Percentiles.FromTicks(ticks), used.TotalMicroseconds / count, build.Elapsed.TotalSeconds);
    }
}
