using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Chokepoint.Server.IntegrationTests;

/// <summary>The output and exit code of one <c>chokepoint</c> command.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Gets the last non-empty line of standard output (where <c>keys create</c> prints the key).</summary>
    public string LastLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
}

/// <summary>
/// Runs the real <c>chokepoint serve</c> as a separate OS process over one data directory and database, so a test can
/// SIGKILL it and start it again on the same data.
/// </summary>
/// <remarks>The built command line sits beside the tests (a project reference). Not thread-safe.</remarks>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    // Servers still running when the test host exits (a test cancelled mid-way) are killed rather than left behind.
    private static readonly HashSet<Process> Running = KillOnExit();

    private readonly string _home;
    private readonly string _database;
    private readonly string _lists;
    private readonly Queue<string> _output = new();
    private Process? _process;

    /// <summary>Creates the runner; nothing starts until <see cref="StartAsync"/>.</summary>
    /// <param name="home">The data directory (<c>CHOKEPOINT_HOME</c>).</param>
    /// <param name="database">The <c>--db</c> setting: a SQLite file or a PostgreSQL connection string.</param>
    /// <param name="lists">The <c>--lists</c> directory.</param>
    public ServerProcess(string home, string database, string lists)
    {
        _home = home;
        _database = database;
        _lists = lists;
    }

    /// <summary>Gets the address the running server listens on.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Gets how often the server was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Gets the command-line assembly: beside the tests, else the build output of the command-line project.</summary>
    public static string CliAssembly
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "chokepoint.dll");
            if (File.Exists(beside))
            {
                return beside;
            }

            foreach (var config in new[] { "release", "debug" })
            {
                var built = TestPaths.InRepo("artifacts", "bin", "Chokepoint.Cli", config, "chokepoint.dll");
                if (File.Exists(built))
                {
                    return built;
                }
            }

            throw new FileNotFoundException("The chokepoint command line is not built: build tests/Chokepoint.Server.IntegrationTests (it references src/Chokepoint.Cli).", beside);
        }
    }

    /// <summary>Writes a small OFAC SDN list (legacy CSV) into a new lists directory and returns the directory.</summary>
    /// <param name="parent">The folder to create <c>lists</c> in.</param>
    public static string WriteFixtureLists(string parent)
    {
        var dir = Path.Combine(parent, "lists");
        var version = Path.Combine(dir, "us_ofac_sdn", "2026-01-15");
        Directory.CreateDirectory(version);
        File.WriteAllText(Path.Combine(version, "sdn.csv"), string.Join(
            "\r\n",
            "39637,\"SHAHED AVIATION INDUSTRIES RESEARCH CENTER\",-0- ,\"NPWMD] [IRGC] [IFSR\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'SAIRC'.\"",
            "45708,\"JOINT STOCK COMPANY SPECIAL ECONOMIC ZONE OF INDUSTRIAL PRODUCTION ALABUGA\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ",
            "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"",
            "") + "\r\n");
        return dir;
    }

    /// <summary>Runs a <c>chokepoint</c> command against the same data directory and waits for it to exit.</summary>
    public async Task<CliRun> RunCliAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var process = new Process { StartInfo = StartInfo(args) };
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>Creates an API key of a role with <c>chokepoint keys create</c> and returns it.</summary>
    public async Task<string> CreateKeyAsync(string role, string name, CancellationToken cancellationToken)
    {
        var run = await RunCliAsync(cancellationToken, "keys", "create", "--role", role, "--name", name, "--db", _database);
        Assert.True(run.ExitCode == 0, $"keys create exited {run.ExitCode}: {run.Error}");
        return run.LastLine;
    }

    /// <summary>Runs <c>chokepoint audit verify</c> on the database.</summary>
    public Task<CliRun> VerifyAuditAsync(CancellationToken cancellationToken) =>
        RunCliAsync(cancellationToken, "audit", "verify", "--db", _database);

    /// <summary>Starts the server on a free loopback port and waits until it has loaded its lists.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Assert.Null(_process);
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var process = new Process { StartInfo = StartInfo(["serve", "--lists", _lists, "--db", _database, "--urls", BaseAddress.ToString().TrimEnd('/')]) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (Running)
        {
            Running.Add(process);
        }

        _process = process;
        Starts++;

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"chokepoint serve exited with {process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var ready = await http.GetAsync("ready", cancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting on a loaded machine.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"chokepoint serve was not ready within {StartTimeout}:\n{Output}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Sends SIGKILL (no shutdown hooks run) and waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        _process = null;

        // Process.Kill sends SIGKILL on Linux: nothing in the server gets to flush or finish.
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync(CancellationToken.None);
        lock (Running)
        {
            Running.Remove(process);
        }

        process.Dispose();
    }

    /// <summary>Returns a client of the running server that sends the key.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Gets the server's latest console lines, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await KillAsync();
        }
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["CHOKEPOINT_HOME"] = _home;
        info.Environment["Chokepoint__CreateAdminOnFirstStart"] = "false";
        info.Environment["NO_COLOR"] = "1";
        return info;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }
    }

    private static HashSet<Process> KillOnExit()
    {
        var running = new HashSet<Process>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (running)
            {
                foreach (var p in running)
                {
                    try
                    {
                        p.Kill();
                    }
                    catch (InvalidOperationException)
                    {
                        // Already gone.
                    }
                }
            }
        };
        return running;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
