using System.Diagnostics;
using System.Net;
using System.Threading.Channels;

namespace Chokepoint.LoadTest;

/// <summary>
/// Sends requests at a constant arrival rate over a fixed set of keep-alive connections (open loop).
/// </summary>
/// <remarks>
/// Request <c>i</c> is due at <c>start + i / rate</c> whether or not earlier ones have been answered. A pacer thread
/// releases due requests into a queue that the connections take from; when every connection is busy, requests wait
/// in the queue and that wait counts in their latency. Latency is measured from the due time, not from the send, so a
/// slow server cannot hide its stalls by slowing the generator down (coordinated omission). The pacer wakes about
/// once a millisecond, so a request can leave up to about a millisecond late; that also counts against the server.
/// </remarks>
internal sealed class OpenLoopDriver(EndPoint endpoint, int connections)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);
    private static long _partyNumber;

    /// <summary>Runs one phase and returns what every request got.</summary>
    /// <param name="name">The phase's name in the report.</param>
    /// <param name="requests">Prepared requests, sent in order and cycled; id digits are stamped with a run-wide number.</param>
    /// <param name="rate">Requests per second.</param>
    /// <param name="seconds">How long to send.</param>
    /// <param name="serverCpu">Reads the server's CPU time so far, or null when it is not known.</param>
    public async Task<PhaseResult> RunAsync(string name, RequestSet requests, double rate, double seconds, Func<TimeSpan?> serverCpu)
    {
        var total = (int)Math.Round(rate * seconds);
        var latency = new long[total];
        var service = new long[total];
        var status = new short[total];
        var alerts = 0;
        var queue = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleWriter = true });
        var links = new HttpConnection[connections];
        for (var c = 0; c < connections; c++)
        {
            links[c] = new HttpConnection(endpoint, RequestTimeout);
        }

        var ticksPerRequest = Stopwatch.Frequency / rate;
        var cpuBefore = serverCpu();
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var loadBefore = LoadAverage.Read();
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20;
        using var stop = new CancellationTokenSource();

        async Task WorkAsync(HttpConnection link)
        {
            var reader = queue.Reader;
            byte[]? scratch = null;
            while (await reader.WaitToReadAsync(stop.Token))
            {
                while (reader.TryRead(out var i))
                {
                    var due = start + (long)(i * ticksPerRequest);
                    var sent = Stopwatch.GetTimestamp();
                    var (code, alert) = await link.ExchangeAsync(Stamp(requests, i % requests.Requests.Length, ref scratch), stop.Token);
                    var done = Stopwatch.GetTimestamp();
                    latency[i] = done - due;
                    service[i] = done - sent;
                    status[i] = (short)code;
                    if (alert)
                    {
                        Interlocked.Increment(ref alerts);
                    }
                }
            }
        }

        var pacer = new Thread(() =>
        {
            var next = 0;
            while (next < total)
            {
                var now = Stopwatch.GetTimestamp();
                while (next < total && start + (long)(next * ticksPerRequest) <= now)
                {
                    queue.Writer.TryWrite(next++);
                }

                if (next < total)
                {
                    Thread.Sleep(1);
                }
            }

            queue.Writer.Complete();
        })
        { IsBackground = true, Name = "pacer", Priority = ThreadPriority.AboveNormal };

        var workers = new Task[connections];
        for (var c = 0; c < connections; c++)
        {
            var link = links[c];
            workers[c] = Task.Run(() => WorkAsync(link));
        }

        pacer.Start();
        pacer.Join();
        var sendEnd = Stopwatch.GetTimestamp();
        stop.CancelAfter(DrainLimit);
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException)
        {
            // Requests still queued or in flight when the drain limit passed count as failed (status 0).
        }

        var end = Stopwatch.GetTimestamp();
        var cpuAfter = serverCpu();
        var reconnects = 0;
        foreach (var link in links)
        {
            reconnects += Math.Max(0, link.Opened - 1);
            link.Dispose();
        }

        return PhaseResult.From(
            name,
            rate,
            seconds,
            latency,
            service,
            status,
            alerts,
            reconnects,
            Stopwatch.GetElapsedTime(start, Math.Max(sendEnd, end)),
            cpuBefore is { } b && cpuAfter is { } a ? a - b : null,
            Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore,
            loadBefore,
            LoadAverage.Read());
    }

    // Copies the request into the connection's own buffer and writes a number no other request of the run has.
    private static ReadOnlyMemory<byte> Stamp(RequestSet set, int index, ref byte[]? scratch)
    {
        var request = set.Requests[index];
        var at = set.StampOffsets[index];
        if (at < 0)
        {
            return request;
        }

        if (scratch is null || scratch.Length < request.Length)
        {
            scratch = new byte[Math.Max(1024, request.Length * 2)];
        }

        request.CopyTo(scratch, 0);
        var number = Interlocked.Increment(ref _partyNumber);
        for (var d = 9; d >= 0; d--)
        {
            scratch[at + d] = (byte)('0' + (number % 10));
            number /= 10;
        }

        return scratch.AsMemory(0, request.Length);
    }
}

/// <summary>Reads the machine's load average.</summary>
internal static class LoadAverage
{
    /// <summary>Returns the 1-minute load average, or NaN where /proc is not there.</summary>
    public static double Read()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
