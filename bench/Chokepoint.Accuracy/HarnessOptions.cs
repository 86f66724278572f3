using System.Globalization;

namespace Chokepoint.Accuracy;

/// <summary>The command line of the accuracy harness.</summary>
internal sealed record HarnessOptions
{
    public const string Usage = """
        usage: Chokepoint.Accuracy --lists DIR --queries FILE --truth FILE [--matchers chokepoint,lucene,fuzzysharp,jarowinkler,overlap]
                                   [--out DIR] [--sample N] [--restyle STYLE] [--index-loss] [--prefilter-check N]
               Chokepoint.Accuracy --pairs FILE [--out DIR]
               Chokepoint.Accuracy --latency --lists DIR --queries FILE [--count N] [--batch N] [--threads N]

          --lists DIR           lists laid out as <source>/<YYYY-MM-DD>/<files>
          --queries FILE        queries, one JSON object a line (the input format of `chokepoint screen`)
          --truth FILE          per query id: class and expected entity ids (see ../shared/eval/README.md)
          --matchers LIST       which matchers to run (default: all)
          --out DIR             where to write <matcher>.jsonl, <matcher>-equal-far.jsonl and summary.md (default: accuracy-out)
          --sample N            screen only N queries spread evenly over the set (quick runs)
          --restyle STYLE       keep the queries written in Cyrillic, respelt the german, french, polish, icao, iso9,
                                gost or scholarly way
                                (romanisation styles an evaluation set may not show)
          --index-loss          also run Chokepoint with an exhaustive scan and report what the candidate index loses
          --prefilter-check N   also score N queries with an exhaustive FuzzySharp scan and report what its prefilter loses
          --pairs FILE          evaluate name-pair decisions: lines {"id","a":{party},"b":{party},"match":true|false}
          --latency             single-query latency (p50/p99), batch throughput and index memory
          --count N             latency: number of timed queries (default 4000, a quarter of them with typos)
          --batch N             latency: queries in the throughput batch (default 1000000)
          --threads N           latency: threads for the throughput batch (default 2)
        """;

    public static readonly string[] AllMatchers = ["chokepoint", "lucene", "fuzzysharp", "jarowinkler", "overlap"];

    public string? Lists { get; init; }

    public string? Queries { get; init; }

    public string? Truth { get; init; }

    public IReadOnlyList<string> Matchers { get; init; } = AllMatchers;

    public string Out { get; init; } = "accuracy-out";

    public int Sample { get; init; }

    public string? Restyle { get; init; }

    public bool IndexLoss { get; init; }

    public int PrefilterCheck { get; init; }

    public string? Pairs { get; init; }

    public bool Latency { get; init; }

    public int Count { get; init; } = 4000;

    public int Batch { get; init; } = 1_000_000;

    public int Threads { get; init; } = 2;

    /// <summary>Parses the arguments; returns null and an error message when they are not usable.</summary>
    public static HarnessOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var o = new HarnessOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"option {args[i]} needs a value");
                }

                return args[++i];
            }

            int Number()
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new ArgumentException($"option {name}: '{text}' is not a positive whole number");
            }

            try
            {
                o = args[i] switch
                {
                    "--lists" => o with { Lists = Value() },
                    "--queries" => o with { Queries = Value() },
                    "--truth" => o with { Truth = Value() },
                    "--matchers" => o with { Matchers = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    "--out" => o with { Out = Value() },
                    "--sample" => o with { Sample = Number() },
                    "--restyle" => o with { Restyle = Value() },
                    "--index-loss" => o with { IndexLoss = true },
                    "--prefilter-check" => o with { PrefilterCheck = Number() },
                    "--pairs" => o with { Pairs = Value() },
                    "--latency" => o with { Latency = true },
                    "--count" => o with { Count = Number() },
                    "--batch" => o with { Batch = Number() },
                    "--threads" => o with { Threads = Number() },
                    _ => throw new ArgumentException($"unknown option '{args[i]}'"),
                };
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
                return null;
            }
        }

        error = o.Validate();
        return error is null ? o : null;
    }

    private string? Validate()
    {
        if (Restyle is not null && !CyrillicStyles.Names.Contains(Restyle))
        {
            return $"option --restyle: unknown style '{Restyle}' (known: {string.Join(", ", CyrillicStyles.Names)})";
        }

        foreach (var m in Matchers)
        {
            if (!AllMatchers.Contains(m))
            {
                return $"option --matchers: unknown matcher '{m}' (known: {string.Join(", ", AllMatchers)})";
            }
        }

        if (Pairs is not null)
        {
            return File.Exists(Pairs) ? null : $"option --pairs: file '{Pairs}' not found";
        }

        if (Lists is null || !Directory.Exists(Lists))
        {
            return $"option --lists: directory '{Lists}' not found";
        }

        if (Queries is null || !File.Exists(Queries))
        {
            return $"option --queries: file '{Queries}' not found";
        }

        if (!Latency && (Truth is null || !File.Exists(Truth)))
        {
            return $"option --truth: file '{Truth}' not found";
        }

        return null;
    }
}
