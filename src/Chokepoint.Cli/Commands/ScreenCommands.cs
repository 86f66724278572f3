using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Chokepoint.Cli.Terminal;
using Chokepoint.Core;
using Chokepoint.Lists;
using Chokepoint.Lists.Store;
using Chokepoint.Text;

namespace Chokepoint.Cli.Commands;

/// <summary>The <c>chokepoint screen</c> and <c>chokepoint compare</c> batch commands.</summary>
/// <remarks>
/// Both read JSON Lines (or CSV for <c>screen</c>) and write one JSON line per input line, in input order. A bad line
/// gives <c>{"id", "error": "line N: ..."}</c> and the batch goes on. Progress and throughput go to stderr only.
/// Exit codes: 0 success, 1 the lists or the input could not be read.
/// </remarks>
public static class ScreenCommands
{
    private const int Chunk = 4096;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates the <c>screen</c> command.</summary>
    public static Command CreateScreen()
    {
        var listsOption = CliOptions.ListsDirectory(required: false, "Screen against this lists directory instead of the last imported snapshot.");
        var inOption = new Option<FileInfo>("--in") { Description = "Queries: JSON Lines or CSV (id,name,type,country,birthDate).", Required = true, HelpName = "FILE" };
        var outOption = new Option<FileInfo>("--out") { Description = "Results, one JSON line per query in input order.", Required = true, HelpName = "FILE" };
        var topOption = new Option<int>("--top") { Description = "Matches to report per query.", DefaultValueFactory = _ => 5, HelpName = "N" };
        var thresholdOption = new Option<double?>("--threshold") { Description = $"Alert threshold in [0, 1] (default {MatcherOptions.RecommendedThreshold.ToString(CultureInfo.InvariantCulture)}).", HelpName = "T" };
        var command = new Command("screen", "Screen a batch of parties against the sanctions and export-control lists.")
        {
            listsOption, inOption, outOption, topOption, thresholdOption,
        };
        command.SetAction((parseResult, ct) => Task.FromResult(RunScreen(
            CliOutput.For(parseResult),
            parseResult.GetValue(listsOption),
            parseResult.GetValue(inOption)!,
            parseResult.GetValue(outOption)!,
            parseResult.GetValue(topOption),
            parseResult.GetValue(thresholdOption),
            ct)));
        return command;
    }

    /// <summary>Creates the <c>compare</c> command.</summary>
    public static Command CreateCompare()
    {
        var inOption = new Option<FileInfo>("--in") { Description = "Pairs: JSON Lines {\"id\", \"a\": {query}, \"b\": {query}}.", Required = true, HelpName = "FILE" };
        var outOption = new Option<FileInfo>("--out") { Description = "Results, one JSON line per pair in input order.", Required = true, HelpName = "FILE" };
        var command = new Command("compare", "Score record pairs: is party a the same as party b?") { inOption, outOption };
        command.SetAction((parseResult, ct) => Task.FromResult(RunCompare(
            CliOutput.For(parseResult), parseResult.GetValue(inOption)!, parseResult.GetValue(outOption)!, ct)));
        return command;
    }

    private static int RunScreen(CliOutput output, DirectoryInfo? lists, FileInfo input, FileInfo outFile, int top, double? threshold, CancellationToken ct)
    {
        if (!input.Exists)
        {
            output.WriteError($"{input.FullName}: the input file does not exist.");
            return 1;
        }

        if (threshold is < 0 or > 1 || top < 1)
        {
            output.WriteError("--threshold must lie in [0, 1] and --top must be at least 1.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var entries = LoadEntries(output, lists, ct);
        if (entries is null)
        {
            return 1;
        }

        var engine = ScreeningEngine.Build(entries);
        output.WriteNote($"screen: {engine.EntityCount} entities, {engine.NameCount} names indexed in {clock.Elapsed.TotalSeconds:F1} s");
        var options = new ScreeningOptions { Top = top, Threshold = threshold };
        var lines = ReadLines(input);
        var csv = IsCsv(input, lines);
        var header = csv && lines.Count > 0 ? CsvHeader(lines[0]) : null;
        var first = csv ? 1 : 0;
        return Process(output, lines, first, outFile, "screened", (line, number) =>
        {
            var parsed = csv ? ParseCsv(line, number, header!) : ParseJsonQuery(line, number);
            if (parsed.Error is not null)
            {
                return ErrorLine(parsed.Id, parsed.Error);
            }

            var result = engine.Screen(parsed.Query!, options);
            return result.Error is not null
                ? ErrorLine(parsed.Id, $"line {number}: {result.Error}")
                : JsonSerializer.Serialize(new ScreenLine(parsed.Id, result.Alert, [.. result.Matches.Select(m => new MatchLine(m.EntityId.ToString(), m.Score, m.Name, m.Explanation))]), Json);
        }, ct);
    }

    private static int RunCompare(CliOutput output, FileInfo input, FileInfo outFile, CancellationToken ct)
    {
        if (!input.Exists)
        {
            output.WriteError($"{input.FullName}: the input file does not exist.");
            return 1;
        }

        var lines = ReadLines(input);
        return Process(output, lines, 0, outFile, "compared", (line, number) =>
        {
            if (line.Error is not null)
            {
                return ErrorLine(null, $"line {number}: {line.Error}");
            }

            JsonObject? obj;
            try
            {
                obj = JsonNode.Parse(line.Text!) as JsonObject;
            }
            catch (JsonException ex)
            {
                return ErrorLine(null, $"line {number}: not valid JSON ({ex.Message})");
            }

            if (obj is null)
            {
                return ErrorLine(null, $"line {number}: expected a JSON object");
            }

            var id = IdOf(obj);
            if (obj["a"] is not JsonObject a || obj["b"] is not JsonObject b)
            {
                return ErrorLine(id, $"line {number}: field 'a' and field 'b' must be objects");
            }

            var qa = QueryFrom(a, number, "a.");
            var qb = QueryFrom(b, number, "b.");
            if (qa.Error is not null || qb.Error is not null)
            {
                return ErrorLine(id, qa.Error ?? qb.Error!);
            }

            var r = NameComparer.Compare(qa.Query!, qb.Query!);
            if (r.Score == 0 && r.Explanation.Note is { } note)
            {
                // An empty or over-long name: report it as this line's error rather than as a non-match.
                return ErrorLine(id, $"line {number}: {note}");
            }

            return JsonSerializer.Serialize(new CompareLine(id, r.Score, r.Match, r.Explanation), Json);
        }, ct);
    }

    private static List<ListEntry>? LoadEntries(CliOutput output, DirectoryInfo? lists, CancellationToken ct)
    {
        var entries = new List<ListEntry>();
        if (lists is not null)
        {
            var loaded = ListsDirectory.Load(lists.FullName, cancellationToken: ct);
            output.WriteDiagnostics(loaded.Diagnostics);
            foreach (var s in loaded.Snapshots)
            {
                entries.AddRange(s.Entries);
            }
        }
        else
        {
            var stored = new SnapshotStore(CliOptions.Home).LoadCurrent(ct);
            output.WriteDiagnostics(stored.Errors);
            foreach (var s in stored.Snapshots)
            {
                entries.AddRange(s.Entries);
            }
        }

        if (entries.Count == 0)
        {
            output.WriteError(lists is null
                ? "No lists are imported; run 'chokepoint lists import --lists DIR' or pass --lists DIR."
                : $"{lists.FullName}: no list could be read.");
            return null;
        }

        return entries;
    }

    // Two result buffers: one chunk is written to the file while the next is screened, so the cores never wait on I/O.
    private static int Process(CliOutput output, List<InputLine> lines, int first, FileInfo outFile, string verb, Func<InputLine, int, string> handle, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var total = lines.Count - first;
        var size = Math.Min(Chunk, Math.Max(total, 1));
        string[][] buffers = [new string[size], new string[size]];
        using var writer = new StreamWriter(outFile.FullName, false, new UTF8Encoding(false), 1 << 16);
        var done = 0;
        var writing = Task.CompletedTask;
        var chunk = 0;
        for (var start = first; start < lines.Count; start += Chunk, chunk++)
        {
            var count = Math.Min(Chunk, lines.Count - start);
            var offset = start;
            var results = buffers[chunk % 2];
            Parallel.For(0, count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                results[i] = handle(lines[offset + i], offset + i + 1));
            writing.GetAwaiter().GetResult();
            done += count;
            var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
            output.WriteNote($"{verb} {done}/{total} ({rate:F0}/s)");
            writing = Task.Run(() => WriteLines(writer, results, count), ct);
        }

        writing.GetAwaiter().GetResult();
        output.WriteNote($"{verb} {done} in {clock.Elapsed.TotalSeconds:F1} s; wrote {outFile.FullName}");
        return 0;
    }

    private static void WriteLines(StreamWriter writer, string[] results, int count)
    {
        for (var i = 0; i < count; i++)
        {
            writer.Write(results[i]);
            writer.Write('\n');
        }
    }

    private static string ErrorLine(string? id, string error) => JsonSerializer.Serialize(new ErrorLineRecord(id, error), Json);

    /// <summary>One line of input: its text, or why it could not be decoded.</summary>
    private readonly record struct InputLine(string? Text, string? Error);

    private static List<InputLine> ReadLines(FileInfo file)
    {
        var bytes = File.ReadAllBytes(file.FullName);
        var lines = new List<InputLine>();
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (var i = start; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n')
            {
                continue;
            }

            var end = i > start && bytes[i - 1] == (byte)'\r' ? i - 1 : i;
            if (i == bytes.Length && end == start)
            {
                break;
            }

            try
            {
                lines.Add(new InputLine(StrictUtf8.GetString(bytes, start, end - start), null));
            }
            catch (DecoderFallbackException)
            {
                lines.Add(new InputLine(null, "not valid UTF-8"));
            }

            start = i + 1;
        }

        return lines;
    }

    private static bool IsCsv(FileInfo file, List<InputLine> lines)
    {
        if (file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (file.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var firstText = lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.Text)).Text;
        return firstText is not null && !firstText.TrimStart().StartsWith('{');
    }

    private readonly record struct ParsedQuery(string? Id, PartyQuery? Query, string? Error);

    private static ParsedQuery ParseJsonQuery(InputLine line, int number)
    {
        if (line.Error is not null)
        {
            return new ParsedQuery(null, null, $"line {number}: {line.Error}");
        }

        if (string.IsNullOrWhiteSpace(line.Text))
        {
            return new ParsedQuery(null, null, $"line {number}: empty line");
        }

        try
        {
            return JsonNode.Parse(line.Text) is JsonObject obj
                ? QueryFrom(obj, number, "")
                : new ParsedQuery(null, null, $"line {number}: expected a JSON object");
        }
        catch (JsonException ex)
        {
            return new ParsedQuery(null, null, $"line {number}: not valid JSON ({ex.Message})");
        }
    }

    private static string? IdOf(JsonObject obj) => obj["id"] is JsonValue v ? v.ToString() : null;

    private static ParsedQuery QueryFrom(JsonObject obj, int number, string prefix)
    {
        var id = IdOf(obj);
        var name = obj["name"] is JsonValue nv && nv.TryGetValue<string>(out var s) ? s : null;
        if (name is null)
        {
            return new ParsedQuery(id, null, $"line {number}: field '{prefix}name' is missing or not a string");
        }

        var type = obj["type"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : null;
        if (!TryParseSchema(type, out var schema))
        {
            return new ParsedQuery(id, null, $"line {number}: field '{prefix}type': '{type}' is not person, organization, vessel or aircraft");
        }

        var birth = obj["birthDate"] is JsonValue bv && bv.TryGetValue<string>(out var b) ? b : null;
        BirthDate? date = null;
        if (!string.IsNullOrWhiteSpace(birth))
        {
            if (!BirthDate.TryParse(birth, out var d))
            {
                return new ParsedQuery(id, null, $"line {number}: field '{prefix}birthDate': '{birth}' is not YYYY or YYYY-MM-DD");
            }

            date = d;
        }

        var identifiers = new List<Identifier>();
        if (obj["identifiers"] is JsonArray ids)
        {
            foreach (var node in ids)
            {
                if (node is JsonObject io && io["value"] is JsonValue vv && vv.TryGetValue<string>(out var value))
                {
                    var kind = io["type"] is JsonValue kv && kv.TryGetValue<string>(out var k) ? k : null;
                    identifiers.Add(new Identifier(ParseIdentifierType(kind), value));
                }
            }
        }

        var country = obj["country"] is JsonValue cv && cv.TryGetValue<string>(out var c) ? c : null;
        return new ParsedQuery(id, new PartyQuery { Id = id, Name = name, Schema = schema, Country = country, BirthDate = date, Identifiers = identifiers }, null);
    }

    private static bool TryParseSchema(string? type, out EntitySchema schema)
    {
        schema = (type ?? "").Trim().ToLowerInvariant() switch
        {
            "" => EntitySchema.Unknown,
            "person" or "individual" => EntitySchema.Person,
            "organization" or "organisation" or "entity" or "company" => EntitySchema.Organization,
            "vessel" => EntitySchema.Vessel,
            "aircraft" => EntitySchema.Aircraft,
            _ => (EntitySchema)(-1),
        };
        return (int)schema >= 0;
    }

    private static IdentifierType ParseIdentifierType(string? kind)
    {
        var k = (kind ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var value in Enum.GetValues<IdentifierType>())
        {
            if (string.Equals(value.ToString(), k, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return k.ToUpperInvariant() switch
        {
            "IMONUMBER" => IdentifierType.Imo,
            "CRYPTO" or "WALLET" => IdentifierType.CryptoAddress,
            "REGISTRATION" or "REGNUMBER" => IdentifierType.RegistrationNumber,
            _ => IdentifierType.Other,
        };
    }

    private static string[] CsvHeader(InputLine line) =>
        [.. SplitCsv(line.Text ?? "").Select(h => h.Trim().ToLowerInvariant())];

    private static ParsedQuery ParseCsv(InputLine line, int number, string[] header)
    {
        if (line.Error is not null)
        {
            return new ParsedQuery(null, null, $"line {number}: {line.Error}");
        }

        var cells = SplitCsv(line.Text ?? "");
        var obj = new JsonObject();
        for (var i = 0; i < header.Length && i < cells.Count; i++)
        {
            var column = header[i] switch { "birthdate" => "birthDate", var h => h };
            if (column == "identifiers")
            {
                // "type:value;type:value"
                var array = new JsonArray();
                foreach (var part in cells[i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var colon = part.IndexOf(':', StringComparison.Ordinal);
                    array.Add(new JsonObject { ["type"] = colon > 0 ? part[..colon] : null, ["value"] = colon > 0 ? part[(colon + 1)..] : part });
                }

                obj[column] = array;
            }
            else if (cells[i].Length > 0)
            {
                obj[column] = cells[i];
            }
        }

        return QueryFrom(obj, number, "");
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private sealed record ScreenLine(string? Id, bool Alert, IReadOnlyList<MatchLine> Matches);

    private sealed record MatchLine(string EntityId, double Score, string Name, MatchExplanation Explanation);

    private sealed record CompareLine(string? Id, double Score, bool Match, MatchExplanation Explanation);

    private sealed record ErrorLineRecord(string? Id, string Error);
}
