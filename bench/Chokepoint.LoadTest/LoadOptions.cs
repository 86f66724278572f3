using System.Globalization;

namespace Chokepoint.LoadTest;

/// <summary>Command-line settings of the load benchmark.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        Chokepoint.LoadTest: open-loop load on POST /v1/screen/party against GET /health at the same rate.

          --rate N              requests per second, constant arrival rate (default 5000)
          --duration S          seconds measured per phase (default 120)
          --baseline-duration S seconds of the GET /health baseline (default: the same as --duration)
          --warmup S            seconds of unmeasured screening load before measuring (default 15)
          --connections N       keep-alive connections (default 64)
          --lists DIR           lists the server loads (default ../shared/lists)
          --queries FILE        query names (default ../shared/eval/dev/queries.jsonl)
          --truth FILE          their classes (default ../shared/eval/dev/truth.jsonl)
          --listed-share F      share of queries that are listed parties (default 0.02; the rest are innocent names)
          --repeat-ids          send the dev set's ids, so a party that alerts again joins its open case
                                (default: every request is a new party id, so each alert opens a case)
          --server-dll FILE     the command line to start (default artifacts/bin/Chokepoint.Cli/release/chokepoint.dll)
          --server-gc MODE      the started server's garbage collector: server or workstation (DOTNET_gcServer=1 or 0;
                                default: whatever the environment and the command line's runtimeconfig say)
          --url URL --key KEY   drive a server that is already running instead of starting one
          --pid N               with --url: the server's process id, to read its CPU time
          --engine-queries N    then time N queries on the engine alone in this process (default 20000; 0 skips)
          --out FILE            also write the report as Markdown (default: none)
        """;

    public double Rate { get; init; } = 5000;

    public double Duration { get; init; } = 120;

    public double? BaselineDuration { get; init; }

    public double Warmup { get; init; } = 15;

    public int Connections { get; init; } = 64;

    public string Lists { get; init; } = "../shared/lists";

    public string Queries { get; init; } = "../shared/eval/dev/queries.jsonl";

    public string Truth { get; init; } = "../shared/eval/dev/truth.jsonl";

    public double ListedShare { get; init; } = 0.02;

    public bool RepeatIds { get; init; }

    public string ServerDll { get; init; } = "artifacts/bin/Chokepoint.Cli/release/chokepoint.dll";

    public bool? ServerGc { get; init; }

    public Uri? Url { get; init; }

    public string? Key { get; init; }

    public int? Pid { get; init; }

    public int EngineQueries { get; init; } = 20_000;

    public string? Out { get; init; }

    /// <summary>Parses the arguments, or returns the error to print.</summary>
    public static (LoadOptions? Options, string? Error) Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return (null, Usage);
            }

            if (name == "--repeat-ids")
            {
                o = o with { RepeatIds = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                return (null, $"{name} needs a value.\n\n{Usage}");
            }

            var value = args[++i];
            try
            {
                o = name switch
                {
                    "--rate" => o with { Rate = Positive(name, value) },
                    "--duration" => o with { Duration = Positive(name, value) },
                    "--baseline-duration" => o with { BaselineDuration = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--warmup" => o with { Warmup = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--connections" => o with { Connections = (int)Positive(name, value) },
                    "--lists" => o with { Lists = value },
                    "--queries" => o with { Queries = value },
                    "--truth" => o with { Truth = value },
                    "--listed-share" => o with { ListedShare = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--server-dll" => o with { ServerDll = value },
                    "--server-gc" => o with { ServerGc = value switch { "server" => true, "workstation" => false, _ => throw new FormatException("use server or workstation") } },
                    "--url" => o with { Url = new Uri(value) },
                    "--key" => o with { Key = value },
                    "--pid" => o with { Pid = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--engine-queries" => o with { EngineQueries = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--out" => o with { Out = value },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or UriFormatException)
            {
                return (null, $"{name} {value}: {ex.Message}\n\n{Usage}");
            }
        }

        if (o.Url is not null && o.Key is null)
        {
            return (null, "--url needs --key (a key with the screening role).");
        }

        return o.ListedShare is < 0 or > 1 ? (null, "--listed-share must be between 0 and 1.") : (o, null);
    }

    private static double Positive(string name, string value)
    {
        var v = double.Parse(value, CultureInfo.InvariantCulture);
        return v > 0 ? v : throw new FormatException($"{name} must be more than 0");
    }
}
