using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Chokepoint.LoadTest;

// Relative paths (../shared/..., artifacts/...) are read from the repository root, wherever this runs from.
var (options, error) = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return error == LoadOptions.Usage ? 0 : 2;
}

var root = RepositoryRoot();
Directory.SetCurrentDirectory(root);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var baselineSeconds = options.BaselineDuration ?? options.Duration;
var mix = QueryMix.Load(options.Queries, options.Truth, options.ListedShare, 20_000, !options.RepeatIds);
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"query mix: {mix.Parties.Count:N0} parties drawn from {options.Queries}, {mix.Listed:N0} of them listed ({options.ListedShare:P0} asked)"));

ServerProcess? server = null;
Process? running = null;
try
{
    IPEndPoint endpoint;
    string key;
    string serverNote;
    if (options.Url is { } url)
    {
        endpoint = new IPEndPoint(IPAddress.Parse(url.Host), url.Port);
        key = options.Key!;
        serverNote = $"Server: already running at {url}.";
        running = options.Pid is { } pid ? Process.GetProcessById(pid) : null;
    }
    else
    {
        if (!File.Exists(options.ServerDll))
        {
            Console.Error.WriteLine($"{options.ServerDll} is missing: build it first with `dotnet build src/Chokepoint.Cli -c Release`.");
            return 2;
        }

        Console.Error.WriteLine($"starting chokepoint serve --lists {options.Lists} ...");
        server = await ServerProcess.StartAsync(options.ServerDll, options.Lists, options.ServerGc, cancel.Token);
        endpoint = server.Endpoint;
        key = server.Key;
        serverNote = $"Server: `chokepoint serve --lists {options.Lists}` on http://{endpoint}, SQLite in a fresh CHOKEPOINT_HOME, started by the benchmark{(options.ServerGc is { } gc ? (gc ? ", server GC" : ", workstation GC") : "")}.";
        Console.Error.WriteLine($"ready on {endpoint}; server log {server.LogPath}");
    }

    var host = endpoint.ToString();
    var screen = QueryMix.Requests(mix.Bodies, host, key);
    var health = RequestSet.Fixed(Encoding.ASCII.GetBytes($"GET /health HTTP/1.1\r\nHost: {host}\r\n\r\n"));
    var driver = new OpenLoopDriver(endpoint, options.Connections);
    Func<TimeSpan?> cpu = () => server?.CpuTime() ?? RunningCpu(running);

    if (options.Warmup > 0)
    {
        Console.Error.WriteLine($"warm-up: {options.Warmup} s of screening");
        var warm = await driver.RunAsync("warm-up", screen, options.Rate, options.Warmup, cpu);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warm.Achieved:N0}/s, p99 {warm.Latency.P99:0.00} ms, errors {warm.Failed}"));
    }

    Console.Error.WriteLine($"baseline: GET /health for {baselineSeconds} s");
    var baseline = await driver.RunAsync("GET /health (baseline)", health, options.Rate, baselineSeconds, cpu);
    Console.Error.WriteLine($"screening: POST /v1/screen/party for {options.Duration} s");
    var screening = await driver.RunAsync("POST /v1/screen/party", screen, options.Rate, options.Duration, cpu);

    if (server is not null)
    {
        serverNote += string.Create(CultureInfo.InvariantCulture, $" Peak server memory (VmHWM) {server.PeakMemoryMiB():N0} MiB.");
        serverNote += " " + await server.StopAndVerifyAuditAsync(cancel.Token);
    }

    EngineTiming? engine = null;
    if (options.EngineQueries > 0)
    {
        Console.Error.WriteLine($"engine alone: {options.EngineQueries:N0} queries on one thread");
        engine = EngineTiming.Measure(options.Lists, mix.Parties, options.EngineQueries);
    }

    var report = LoadReport.Write(options, options.Connections, baseline, screening, engine, serverNote);
    Console.WriteLine(report);
    if (options.Out is { } outPath)
    {
        await File.WriteAllTextAsync(outPath, report, cancel.Token);
    }

    return screening.Failed == 0 && baseline.Failed == 0 ? 0 : 1;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }
}

static TimeSpan? RunningCpu(Process? process)
{
    process?.Refresh();
    return process?.TotalProcessorTime;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Chokepoint.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
