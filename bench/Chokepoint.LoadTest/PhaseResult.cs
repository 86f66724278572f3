using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Chokepoint.LoadTest;

/// <summary>Latency percentiles in milliseconds.</summary>
internal readonly record struct Percentiles(double P50, double P90, double P99, double P999, double Max)
{
    /// <summary>Computes the percentiles of Stopwatch tick counts (sorts the array).</summary>
    public static Percentiles FromTicks(long[] ticks)
    {
        if (ticks.Length == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(ticks);
        double At(double q) => ticks[Math.Min(ticks.Length - 1, (int)Math.Ceiling(q * ticks.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new Percentiles(At(0.50), At(0.90), At(0.99), At(0.999), ticks[^1] * 1000.0 / Stopwatch.Frequency);
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture, $"{P50:0.00} | {P90:0.00} | {P99:0.00} | {P999:0.00} | {Max:0.0}");
}

/// <summary>What one phase of load measured.</summary>
internal sealed record PhaseResult(
    string Name,
    double TargetRate,
    double Seconds,
    int Sent,
    int Succeeded,
    int Failed,
    IReadOnlyDictionary<int, int> StatusCodes,
    int Alerts,
    int Reconnects,
    TimeSpan Elapsed,
    Percentiles Latency,
    Percentiles Service,
    TimeSpan? ServerCpu,
    TimeSpan GeneratorCpu,
    double LoadBefore,
    double LoadAfter)
{
    /// <summary>Gets the successful responses per second over the phase.</summary>
    public double Achieved => Succeeded / Elapsed.TotalSeconds;

    /// <summary>Gets the server's CPU time per successful request in microseconds, or NaN.</summary>
    public double ServerCpuMicros => ServerCpu is { } cpu && Succeeded > 0 ? cpu.TotalMicroseconds / Succeeded : double.NaN;

    /// <summary>Gets the generator's CPU time per request in microseconds.</summary>
    public double GeneratorCpuMicros => Sent > 0 ? GeneratorCpu.TotalMicroseconds / Sent : double.NaN;

    /// <summary>Summarises the raw per-request arrays; a status of 0 is a request that got no response.</summary>
    public static PhaseResult From(
        string name, double rate, double seconds, long[] latency, long[] service, short[] status, int alerts, int reconnects,
        TimeSpan elapsed, TimeSpan? serverCpu, TimeSpan generatorCpu, double loadBefore, double loadAfter)
    {
        var codes = new SortedDictionary<int, int>();
        var answered = new List<long>(latency.Length);
        var answeredService = new List<long>(latency.Length);
        var ok = 0;
        for (var i = 0; i < status.Length; i++)
        {
            codes[status[i]] = codes.GetValueOrDefault(status[i]) + 1;
            if (status[i] != 0)
            {
                answered.Add(latency[i]);
                answeredService.Add(service[i]);
            }

            ok += status[i] is >= 200 and < 300 ? 1 : 0;
        }

        return new PhaseResult(
            name, rate, seconds, status.Length, ok, status.Length - ok, codes, alerts, reconnects, elapsed,
            Percentiles.FromTicks([.. answered]), Percentiles.FromTicks([.. answeredService]), serverCpu, generatorCpu, loadBefore, loadAfter);
    }

    public string Codes() => string.Join(", ", StatusCodes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{(c.Key == 0 ? "no response" : c.Key.ToString(CultureInfo.InvariantCulture))}: {c.Value:N0}")));
}

/// <summary>Writes the report: one table of phases, ratios to the baseline, and the engine alone.</summary>
internal static class LoadReport
{
    public static string Write(LoadOptions options, int connections, PhaseResult baseline, PhaseResult screening, EngineTiming? engine, string serverNote)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"Target {options.Rate:N0} requests/s, open loop over {connections} keep-alive connections; latency from each request's due time (coordinated omission corrected), service time from its send.");
        s.AppendLine(serverNote);
        s.AppendLine();
        s.AppendLine("| phase | seconds | sent | achieved/s | errors | latency p50 / p90 / p99 / p99.9 / max (ms) | service p50 / p99 (ms) | server CPU per request | generator CPU per request | load avg before → after |");
        s.AppendLine("|---|---:|---:|---:|---:|---|---|---:|---:|---|");
        foreach (var p in new[] { baseline, screening })
        {
            s.AppendLine(c, $"| {p.Name} | {p.Seconds:0} | {p.Sent:N0} | {p.Achieved:N0} | {p.Failed:N0} | {p.Latency.P50:0.00} / {p.Latency.P90:0.00} / {p.Latency.P99:0.00} / {p.Latency.P999:0.00} / {p.Latency.Max:0.0} | {p.Service.P50:0.00} / {p.Service.P99:0.00} | {p.ServerCpuMicros:N0} µs | {p.GeneratorCpuMicros:N0} µs | {p.LoadBefore:0.0} → {p.LoadAfter:0.0} |");
        }

        s.AppendLine();
        s.AppendLine(c, $"Status codes: {baseline.Name}: {baseline.Codes()}; {screening.Name}: {screening.Codes()}. Reconnects: {baseline.Reconnects} and {screening.Reconnects}.");
        s.AppendLine(c, $"Screening responses that alerted: {screening.Alerts:N0} of {screening.Succeeded:N0} ({100.0 * screening.Alerts / Math.Max(1, screening.Succeeded):0.0}%).");
        s.AppendLine();
        s.AppendLine(c, $"Ratios, screening over the /health baseline: latency p50 {screening.Latency.P50 / baseline.Latency.P50:0.0}x, p99 {screening.Latency.P99 / baseline.Latency.P99:0.0}x; server CPU per request {screening.ServerCpuMicros / baseline.ServerCpuMicros:0.0}x.");
        if (engine is { } e)
        {
            s.AppendLine();
            s.AppendLine(c, $"The engine alone, in this process after the server stopped, one thread, the same {e.Queries:N0} parties: p50 {e.Latency.P50:0.000} ms, p90 {e.Latency.P90:0.000} ms, p99 {e.Latency.P99:0.000} ms, max {e.Latency.Max:0.0} ms; CPU {e.CpuMicros:N0} µs per query (engine build {e.BuildSeconds:0.0} s).");
            if (!double.IsNaN(screening.ServerCpuMicros))
            {
                s.AppendLine(c, $"Server CPU per screening request {screening.ServerCpuMicros:N0} µs = engine {e.CpuMicros:N0} µs ({e.CpuMicros / screening.ServerCpuMicros:P0}) + HTTP, auth, JSON, audit and the rest {screening.ServerCpuMicros - e.CpuMicros:N0} µs (the bare /health request costs {baseline.ServerCpuMicros:N0} µs).");
            }
        }

        return s.ToString();
    }
}
