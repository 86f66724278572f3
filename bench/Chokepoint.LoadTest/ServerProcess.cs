using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Chokepoint.LoadTest;

/// <summary>
/// The real service as a child process: <c>chokepoint serve</c> over a fresh <c>CHOKEPOINT_HOME</c> with a
/// <c>screening</c> key made by <c>chokepoint keys create</c>.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly string _home;
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(string dll, string home, Process process, StreamWriter log, IPEndPoint endpoint, string key)
    {
        _dll = dll;
        _home = home;
        _process = process;
        _log = log;
        Endpoint = endpoint;
        Key = key;
    }

    /// <summary>Gets where the server listens.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Gets the screening key.</summary>
    public string Key { get; }

    /// <summary>Gets the server's log file.</summary>
    public string LogPath => Path.Combine(_home, "server.log");

    /// <summary>Creates the home and key, starts the server and waits until it answers <c>/ready</c>.</summary>
    /// <param name="dll">The command line's assembly.</param>
    /// <param name="lists">The lists directory.</param>
    /// <param name="serverGc">Server (true) or workstation (false) garbage collection for the server, or null to inherit.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ServerProcess> StartAsync(string dll, string lists, bool? serverGc, CancellationToken cancellationToken)
    {
        var home = Directory.CreateTempSubdirectory("chokepoint-load-").FullName;
        var keyRun = await RunToEndAsync(dll, home, ["keys", "create", "--role", "screening", "--name", "loadtest"], cancellationToken);
        var key = keyRun.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (keyRun.ExitCode != 0 || string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"chokepoint keys create failed ({keyRun.ExitCode}): {keyRun.Output}");
        }

        var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort());
        var info = Start(dll, home, ["serve", "--lists", Path.GetFullPath(lists), "--urls", $"http://{endpoint}"]);
        if (serverGc is { } gc)
        {
            // The server's process only: the generator keeps its own collector (see the project file).
            info.Environment["DOTNET_gcServer"] = gc ? "1" : "0";
        }

        var log = new StreamWriter(Path.Combine(home, "server.log")) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(dll, home, process, log, endpoint, key);
        await server.WaitReadyAsync(cancellationToken);
        return server;
    }

    /// <summary>Returns the server's CPU time so far.</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? null : _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Returns the server's peak resident memory in MiB, read from /proc.</summary>
    public double PeakMemoryMiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>Stops the server the way an operator does (SIGTERM, so queued audit records are written), then verifies the audit chain.</summary>
    public async Task<string> StopAndVerifyAuditAsync(CancellationToken cancellationToken)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(cancellationToken);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(limit.Token);
        var verify = await RunToEndAsync(_dll, _home, ["audit", "verify"], cancellationToken);
        return $"audit verify (exit {verify.ExitCode}): {verify.Output.Trim()}";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://{Endpoint}") };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}; see {LogPath}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"The server did not become ready in 5 minutes; see {LogPath}.");
    }

    private static ProcessStartInfo Start(string dll, string home, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["CHOKEPOINT_HOME"] = home;
        return info;
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string dll, string home, string[] args, CancellationToken cancellationToken)
    {
        using var process = Process.Start(Start(dll, home, args))!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
