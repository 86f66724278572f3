using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chokepoint.Cli.Commands;
using Chokepoint.Cli.Tests.Lists;
using Chokepoint.Core;
using Chokepoint.Lists.Store;
using Chokepoint.Text;

namespace Chokepoint.Cli.Tests.Screen;

/// <summary>
/// <c>screen</c> and <c>compare</c> end to end: the result lines must be byte for byte what the reflection serialiser
/// wrote before the batch I/O was hand-written, and every bad line must give its own error line.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ScreenCommandsTests : IDisposable
{
    private static readonly ListsCommandServices Services = new() { Readers = NameListReader.Registry };

    // The settings the commands serialised their records with; the reference for the expected bytes.
    private static readonly JsonSerializerOptions ReferenceJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] ListedNames =
        ["Alabuga Ltd", "Kupol JSC", "Zala Aero Group", "Muhammad Al-Rashid Trading", "Мельник Роман", "Rosoboronexport OAO"];

    private readonly DirectoryInfo _home = TestPaths.NewTempDirectory();
    private readonly DirectoryInfo _work = TestPaths.NewTempDirectory();

    public void Dispose()
    {
        _home.Delete(recursive: true);
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Screen_JsonLines_WritesTheReferenceBytesInInputOrder()
    {
        string[] queries =
        [
            """{"id": "q1", "name": "Alabuga Limited", "type": "organization", "country": "RU"}""",
            """{"id": 17, "name": "Kupol", "type": "person", "birthDate": "1964"}""",
            """{"id": 1.50e+3, "name": "Mohammed al Rashid Trading", "identifiers": [{"type": "imo number", "value": "9123456"}, 5, {"type": "passport"}]}""",
            """{"id": true, "name": "Melnik Roman", "extra": {"nested": [1, {"a": null}]}}""",
            """{"id": "esc\u00e9 \"q\" <&>", "name": "  ", "type": " Company "}""",
            """{"name": "Zala Aero", "id": null}""",
            """  {"id": {"x": 1}, "name": "Nothing Like Any Listed Name", "country": 7}  """,
            """{"id": "ctl", "name": "Ala\u0001buga"}""",
        ];
        var input = WriteInput("q.jsonl", string.Join("\n", queries) + "\n");

        var run = await ScreenAsync(input);

        Assert.Equal(0, run.ExitCode);
        var engine = ReferenceEngine();
        var expected = queries.Select((q, i) => ReferenceScreenLine(engine, q, i + 1));
        Assert.Equal(string.Concat(expected.Select(l => l + "\n")), await File.ReadAllTextAsync(Output, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Screen_BadLines_GiveOneErrorLineEachAndTheRestScreens()
    {
        byte[] invalidUtf8 = [.. Utf8("{\"id\": \"e4\", \"name\": \""), 0xFF, 0xFE, .. Utf8("\"}")];
        var lines = new List<byte[]>
        {
            Utf8("""{"id": "e1", "name": ""}"""),
            Utf8("""{"id": "e2", "name": "%LONG%"}""".Replace("%LONG%", new string('a', 10_000), StringComparison.Ordinal)),
            Utf8("{\"id\": \"e3\", \"name\": \"ab\u0007cd\"}"),
            invalidUtf8,
            Utf8("""{"id": "e5", "name": "Kupol",}"""),
            Utf8("""{"id": "e6", "name": "Kupol"} trailing"""),
            Utf8("[1, 2]"),
            Utf8("   "),
            Utf8("""{"id": "e9", "name": 5}"""),
            Utf8("""{"id": "e10", "name": "Kupol", "type": "ship"}"""),
            Utf8("""{"id": "e11", "name": "Kupol", "birthDate": "19x"}"""),
            Utf8("""{"id": "e12", "name": "Kupol", "name": "Zala"}"""),
            Utf8("""{"id": "e13", "name": "Kupol", "identifiers": [{"value": "1", "value": "2"}]}"""),
            Utf8("""{"id": "e14", "name": "\ud800x"}"""),
            Utf8("""{"id": "e15", "name": "Kupol", "x": """ + new string('[', 70) + new string(']', 70) + "}"),
            Utf8("""{"id": "ok", "name": "Kupol JSC"}"""),
        };
        var input = WriteInput("bad.jsonl", [.. lines.SelectMany(l => l.Append((byte)'\n'))]);

        var run = await ScreenAsync(input);

        Assert.Equal(0, run.ExitCode);
        var output = await File.ReadAllLinesAsync(Output, TestContext.Current.CancellationToken);
        Assert.Equal(lines.Count, output.Length);
        Assert.Equal(
        [
            """{"id":"e1","error":"line 1: name is empty"}""",
            """{"id":"e2","error":"line 2: name is 10000 characters long; the limit is 1000"}""",
            """{"error":"line 3: not valid JSON ('0x07' is invalid within a JSON string. The string should be correctly escaped. LineNumber: 0 | BytePositionInLine: 24.)"}""",
            """{"error":"line 4: not valid UTF-8"}""",
            """{"error":"line 5: not valid JSON (The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options. LineNumber: 0 | BytePositionInLine: 29.)"}""",
            """{"error":"line 6: not valid JSON ('t' is invalid after a single JSON value. Expected end of data. LineNumber: 0 | BytePositionInLine: 30.)"}""",
            """{"error":"line 7: expected a JSON object"}""",
            """{"error":"line 8: empty line"}""",
            """{"id":"e9","error":"line 9: field 'name' is missing or not a string"}""",
            """{"id":"e10","error":"line 10: field 'type': 'ship' is not person, organization, vessel or aircraft"}""",
            """{"id":"e11","error":"line 11: field 'birthDate': '19x' is not YYYY or YYYY-MM-DD"}""",
            """{"id":"e12","error":"line 12: field 'name' appears more than once"}""",
            """{"id":"e13","error":"line 13: field 'identifiers[0].value' appears more than once"}""",
            """{"error":"line 14: not valid JSON (Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.)"}""",
            """{"error":"line 15: not valid JSON (The maximum configured depth of 64 has been exceeded. Cannot read next JSON array. LineNumber: 0 | BytePositionInLine: 99.)"}""",
        ], output[..^1]);
        Assert.Equal(ReferenceScreenLine(ReferenceEngine(), """{"id": "ok", "name": "Kupol JSC"}""", 16), output[^1]);
    }

    [Fact]
    public async Task Screen_ByteOrderMarkCrLfAndNoFinalNewline_NumbersLinesAsTheFileDoes()
    {
        var input = WriteInput("crlf.jsonl", [0xEF, 0xBB, 0xBF, .. Utf8("{\"id\": \"a\", \"name\": \"Kupol\"}\r\n\r\n{\"id\": \"b\", \"name\": \"Zala Aero\"}")]);

        var run = await ScreenAsync(input);

        Assert.Equal(0, run.ExitCode);
        var engine = ReferenceEngine();
        Assert.Equal(
            [
                ReferenceScreenLine(engine, """{"id": "a", "name": "Kupol"}""", 1),
                """{"error":"line 2: empty line"}""",
                ReferenceScreenLine(engine, """{"id": "b", "name": "Zala Aero"}""", 3),
            ],
            await File.ReadAllLinesAsync(Output, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Screen_MoreLinesThanOneChunk_KeepsInputOrderAndCountsEveryLine()
    {
        const int count = 10_000;
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(i % 997 == 0 ? $"{{\"id\": \"q{i}\", \"name\": \"\"}}\n" : $"{{\"id\": \"q{i}\", \"name\": \"{ListedNames[i % ListedNames.Length]}\"}}\n");
        }

        var input = WriteInput("many.jsonl", text.ToString());

        var run = await ScreenAsync(input);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"screened {count}/{count}", run.Error, StringComparison.Ordinal);
        var output = await File.ReadAllLinesAsync(Output, TestContext.Current.CancellationToken);
        Assert.Equal(count, output.Length);
        for (var i = 0; i < count; i++)
        {
            var line = JsonDocument.Parse(output[i]).RootElement;
            Assert.Equal($"q{i}", line.GetProperty("id").GetString());
            Assert.Equal(i % 997 == 0, line.TryGetProperty("error", out _));
        }
    }

    [Fact]
    public async Task Screen_Csv_ReadsHeaderQuotedCellsAndIdentifiers()
    {
        var input = WriteInput("q.csv", "ID,Name,Type,Country,BirthDate,Identifiers\n"
            + "c1,\"Kupol, JSC\",organization,RU,,imo:9123456;passport\n"
            + "c2,\"Melnik \"\"Roman\"\"\",person,,1964-05-13,\n"
            + "c3,,person,,,\n"
            + "c4,Zala,ship,,,\n");

        var run = await ScreenAsync(input);

        Assert.Equal(0, run.ExitCode);
        var engine = ReferenceEngine();
        Assert.Equal(
            [
                ReferenceScreenLine(engine, """{"id": "c1", "name": "Kupol, JSC", "type": "organization", "country": "RU", "identifiers": [{"type": "imo", "value": "9123456"}, {"value": "passport"}]}""", 2),
                ReferenceScreenLine(engine, """{"id": "c2", "name": "Melnik \"Roman\"", "type": "person", "birthDate": "1964-05-13"}""", 3),
                """{"id":"c3","error":"line 4: field 'name' is missing or not a string"}""",
                """{"id":"c4","error":"line 5: field 'type': 'ship' is not person, organization, vessel or aircraft"}""",
            ],
            await File.ReadAllLinesAsync(Output, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Compare_Pairs_WritesTheReferenceBytesAndErrorLines()
    {
        const string Good = """{"id": "p1", "a": {"name": "Muhammad Al-Rashid", "type": "person", "birthDate": "1970", "country": "AE"}, "b": {"name": "Mohammed al Rashid", "birthDate": "1970-02-03", "country": "SA"}}""";
        var input = WriteInput("pairs.jsonl", string.Join("\n",
            Good,
            """{"id": "p2", "a": {"name": "Kupol"}}""",
            """{"id": "p3", "a": {"name": "Kupol"}, "b": {"name": 3}}""",
            """{"id": "p4", "a": {"name": ""}, "b": {"name": "Kupol"}}""",
            """{"id": "p5", "a": {"name": "Kupol"}, "b": {"name": "Kupol", "type": "person", "type": "vessel"}}""",
            "",
            "[]") + "\n");

        var run = await CliRunner.RunAsync(_home.FullName, Services, "compare", "--in", input, "--out", Output);

        Assert.Equal(0, run.ExitCode);
        using var pair = JsonDocument.Parse(Good);
        var a = ReferenceQuery(pair.RootElement.GetProperty("a"));
        var b = ReferenceQuery(pair.RootElement.GetProperty("b"));
        var r = NameComparer.Compare(a, b);
        Assert.Equal(
            [
                JsonSerializer.Serialize(new CompareLine("p1", r.Score, r.Match, r.Explanation), ReferenceJson),
                """{"id":"p2","error":"line 2: field 'a' and field 'b' must be objects"}""",
                """{"id":"p3","error":"line 3: field 'b.name' is missing or not a string"}""",
                $$"""{"id":"p4","error":"line 4: {{NameComparer.Compare(new PartyQuery { Name = "" }, new PartyQuery { Name = "Kupol" }).Explanation.Note}}"}""",
                """{"id":"p5","error":"line 5: field 'b.type' appears more than once"}""",
                """{"error":"line 6: not valid JSON (The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true. LineNumber: 0 | BytePositionInLine: 0.)"}""",
                """{"error":"line 7: expected a JSON object"}""",
            ],
            await File.ReadAllLinesAsync(Output, TestContext.Current.CancellationToken));
    }

    private string Output => Path.Combine(_work.FullName, "out.jsonl");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private string WriteInput(string name, string text) => WriteInput(name, Utf8(text));

    private string WriteInput(string name, byte[] bytes)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<CliRun> ScreenAsync(string input)
    {
        NameListReader.Write(_work.FullName, "2024-01-01", ListedNames);
        var import = await CliRunner.RunAsync(_home.FullName, Services, "lists", "import", "--lists", _work.FullName);
        Assert.Equal(0, import.ExitCode);
        return await CliRunner.RunAsync(_home.FullName, Services, "screen", "--in", input, "--out", Output);
    }

    private ScreeningEngine ReferenceEngine() =>
        ScreeningEngine.Build(new SnapshotStore(_home.FullName).LoadCurrent(TestContext.Current.CancellationToken).Snapshots.SelectMany(s => s.Entries));

    // What the command wrote for a good query line before: the tree parser's fields and the reflection serialiser.
    private static string ReferenceScreenLine(ScreeningEngine engine, string queryJson, int number)
    {
        using var document = JsonDocument.Parse(queryJson);
        var query = ReferenceQuery(document.RootElement);
        var result = engine.Screen(query, new ScreeningOptions());
        return result.Error is not null
            ? JsonSerializer.Serialize(new ErrorLine(query.Id, $"line {number}: {result.Error}"), ReferenceJson)
            : JsonSerializer.Serialize(new ScreenLine(query.Id, result.Alert, [.. result.Matches.Select(m => new MatchLine(m.EntityId.ToString(), m.Score, m.Name, m.Explanation))]), ReferenceJson);
    }

    private static PartyQuery ReferenceQuery(JsonElement e)
    {
        string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var id = e.TryGetProperty("id", out var idValue) && idValue.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array)
            ? idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : idValue.GetRawText()
            : null;
        var schema = Text("type")?.Trim().ToLowerInvariant() switch
        {
            "person" => EntitySchema.Person,
            "organization" or "company" => EntitySchema.Organization,
            _ => EntitySchema.Unknown,
        };
        List<Identifier> identifiers = [];
        if (e.TryGetProperty("identifiers", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            foreach (var i in ids.EnumerateArray())
            {
                if (i.ValueKind == JsonValueKind.Object && i.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    var kind = i.TryGetProperty("type", out var t) && t.GetString() is "imo number" or "imo" ? IdentifierType.Imo : IdentifierType.Other;
                    identifiers.Add(new Identifier(kind, value.GetString()!));
                }
            }
        }

        return new PartyQuery
        {
            Id = id,
            Name = Text("name")!,
            Schema = schema,
            Country = Text("country"),
            BirthDate = BirthDate.TryParse(Text("birthDate"), out var birth) ? birth : null,
            Identifiers = identifiers,
        };
    }

    private sealed record ScreenLine(string? Id, bool Alert, IReadOnlyList<MatchLine> Matches);

    private sealed record MatchLine(string EntityId, double Score, string Name, MatchExplanation Explanation);

    private sealed record CompareLine(string? Id, double Score, bool Match, MatchExplanation Explanation);

    private sealed record ErrorLine(string? Id, string Error);
}
