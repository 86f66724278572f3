using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Chokepoint.Cli.Terminal;

namespace Chokepoint.Cli.Commands;

/// <summary>Writes the one JSON result for an input line (without the line break).</summary>
/// <param name="line">The line's UTF-8 bytes, without the line break.</param>
/// <param name="number">The line's number in the file, from 1.</param>
/// <param name="json">Where the result goes; it is flushed by the caller.</param>
internal delegate void BatchLineHandler(ReadOnlySpan<byte> line, int number, Utf8JsonWriter json);

/// <summary>Runs a handler over every line of a batch file on all cores and writes the results in input order.</summary>
/// <remarks>
/// Input is read a chunk of lines at a time. Each worker writes its results as UTF-8 into its own buffer and the line
/// records where its result lies, so results are never strings and the writer only copies bytes. Two sets of buffers:
/// one chunk is written to the file while the next is screened, so the cores never wait on I/O.
/// </remarks>
internal static class BatchPipeline
{
    private const int Chunk = 4096;

    /// <summary>Where a line's result lies: which worker's buffer, and the byte range in it.</summary>
    private readonly record struct ResultSlot(int Worker, int Start, int Length);

    /// <summary>Handles every line from <paramref name="first"/> (0-based) on and returns the exit code.</summary>
    public static int Run(CliOutput output, FileInfo input, int first, FileInfo outFile, string verb, BatchLineHandler handle, CancellationToken ct)
    {
        var total = BatchLineReader.CountLines(input.FullName) - first;
        var clock = Stopwatch.StartNew();
        var done = CliProgress.Count(output, verb, total, report => Run(input, first, outFile, verb, total, handle, report, ct));
        output.WriteNote($"{verb} {done} in {clock.Elapsed.TotalSeconds:F1} s; wrote {outFile.FullName}");
        return 0;
    }

    // Handles the lines, reporting after each chunk; returns how many were handled.
    private static int Run(FileInfo input, int first, FileInfo outFile, string verb, int total, BatchLineHandler handle, Action<long, string> report, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var workers = Environment.ProcessorCount;
        var buffers = new ArrayBufferWriter<byte>[2][];
        var slots = new ResultSlot[2][];
        for (var p = 0; p < 2; p++)
        {
            buffers[p] = new ArrayBufferWriter<byte>[workers];
            slots[p] = new ResultSlot[Chunk];
            for (var w = 0; w < workers; w++)
            {
                buffers[p][w] = new ArrayBufferWriter<byte>(1 << 16);
            }
        }

        var writers = new Utf8JsonWriter[workers];
        for (var w = 0; w < workers; w++)
        {
            writers[w] = new Utf8JsonWriter(buffers[0][w], BatchJson.WriterOptions);
        }

        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = workers };
        var lines = new Range[Chunk];
        using var reader = new BatchLineReader(input.FullName);
        using var file = new FileStream(outFile.FullName, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        var skip = first;
        var number = 0;
        var done = 0;
        var writing = Task.CompletedTask;
        for (var chunk = 0; ; chunk++)
        {
            var count = reader.Read(lines);
            if (count == 0)
            {
                break;
            }

            // Lines before the first handled one (a CSV header) are numbered but not handled.
            var offset = Math.Min(skip, count);
            skip -= offset;
            var firstNumber = number + offset + 1;
            number += count;
            count -= offset;
            if (count == 0)
            {
                continue;
            }

            var parity = chunk % 2;
            var results = slots[parity];
            var outputs = buffers[parity];
            foreach (var b in outputs)
            {
                b.ResetWrittenCount();
            }

            var next = -1;
            Parallel.For(0, workers, parallel, w =>
            {
                var json = writers[w];
                var buffer = outputs[w];
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var start = buffer.WrittenCount;
                    json.Reset(buffer);
                    handle(reader.Buffer[lines[offset + i]], firstNumber + i, json);
                    json.Flush();
                    buffer.GetSpan(1)[0] = (byte)'\n';
                    buffer.Advance(1);
                    results[i] = new ResultSlot(w, start, buffer.WrittenCount - start);
                }
            });
            writing.GetAwaiter().GetResult();
            done += count;
            var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
            report(done, $"{verb} {done}/{total} ({rate:F0}/s)");
            writing = Task.Run(() => WriteResults(file, outputs, results, count), ct);
        }

        writing.GetAwaiter().GetResult();
        file.Flush();
        return done;
    }

    // Copies results in input order, joining runs that lie back to back in one worker's buffer.
    private static void WriteResults(FileStream file, ArrayBufferWriter<byte>[] outputs, ResultSlot[] results, int count)
    {
        var i = 0;
        while (i < count)
        {
            var (worker, start, length) = results[i++];
            while (i < count && results[i].Worker == worker && results[i].Start == start + length)
            {
                length += results[i++].Length;
            }

            file.Write(outputs[worker].WrittenSpan.Slice(start, length));
        }
    }
}
