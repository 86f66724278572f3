using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Chokepoint.Core;

namespace Chokepoint.Cli.Commands;

/// <summary>A parsed input line: the query, or the error line's text; the id is echoed either way when known.</summary>
internal readonly record struct ParsedQuery(string? Id, PartyQuery? Query, string? Error);

/// <summary>Turns one line of a batch file (UTF-8 bytes) into a <see cref="PartyQuery"/>, or an error naming the line.</summary>
/// <remarks>
/// JSON lines are read with <see cref="Utf8JsonReader"/> in one pass, never as a tree. The whole line is read before
/// any field is judged, so a syntax error anywhere wins over a bad field, and the syntax error texts are the
/// reader's. A property given twice in a party object is an error for that line. Stateless apart from per-thread
/// scratch space; safe to call from many threads.
/// </remarks>
internal static class BatchQueryParser
{
    [ThreadStatic]
    private static HashSet<string>? t_otherProperties;

    /// <summary>The fields of a party as read, before they are checked.</summary>
    private struct PartyFields
    {
        public Field Seen;
        public string? Id;
        public string? Name;
        public string? Type;
        public string? BirthDate;
        public string? Country;
        public List<Identifier>? Identifiers;
    }

    [Flags]
    private enum Field
    {
        None = 0,
        Id = 1,
        Name = 2,
        Type = 4,
        BirthDate = 8,
        Country = 16,
        Identifiers = 32,
        A = 64,
        B = 128,
        Value = 256,
    }

    /// <summary>Parses a JSON Lines query.</summary>
    public static ParsedQuery ParseJson(ReadOnlySpan<byte> line, int number)
    {
        if (!Utf8.IsValid(line))
        {
            return Failed(null, number, "not valid UTF-8");
        }

        if (BatchLineReader.IsBlank(line))
        {
            return Failed(null, number, "empty line");
        }

        t_otherProperties?.Clear();
        var reader = new Utf8JsonReader(line);
        var party = default(PartyFields);
        string? problem = null;
        bool isObject;
        try
        {
            reader.Read();
            isObject = reader.TokenType == JsonTokenType.StartObject;
            if (isObject)
            {
                ReadParty(ref reader, ref party, "", ref problem);
            }

            ReadToEnd(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Failed(null, number, $"not valid JSON ({ex.Message})");
        }

        if (!isObject)
        {
            return Failed(null, number, "expected a JSON object");
        }

        return problem is not null ? Failed(party.Id, number, problem) : Check(party, number, "");
    }

    /// <summary>Parses a <c>compare</c> line <c>{"id", "a": {query}, "b": {query}}</c>.</summary>
    public static (ParsedQuery A, ParsedQuery B, string? Id, string? Error) ParsePair(ReadOnlySpan<byte> line, int number)
    {
        if (!Utf8.IsValid(line))
        {
            return (default, default, null, $"line {number}: not valid UTF-8");
        }

        t_otherProperties?.Clear();
        var reader = new Utf8JsonReader(line);
        var a = default(PartyFields);
        var b = default(PartyFields);
        string? id = null;
        string? problem = null;
        var seen = Field.None;
        var aIsObject = false;
        var bIsObject = false;
        bool isObject;
        try
        {
            reader.Read();
            isObject = reader.TokenType == JsonTokenType.StartObject;
            while (isObject && reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = Claim(ref reader, ref seen, "", ref problem);
                reader.Read();
                switch (field)
                {
                    case Field.Id:
                        id = IdText(ref reader);
                        break;
                    case Field.A when reader.TokenType == JsonTokenType.StartObject:
                        aIsObject = true;
                        ReadParty(ref reader, ref a, "a.", ref problem);
                        break;
                    case Field.B when reader.TokenType == JsonTokenType.StartObject:
                        bIsObject = true;
                        ReadParty(ref reader, ref b, "b.", ref problem);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            ReadToEnd(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (default, default, null, $"line {number}: not valid JSON ({ex.Message})");
        }

        if (!isObject)
        {
            return (default, default, null, $"line {number}: expected a JSON object");
        }

        if (problem is not null)
        {
            return (default, default, id, $"line {number}: {problem}");
        }

        if (!aIsObject || !bIsObject)
        {
            return (default, default, id, $"line {number}: field 'a' and field 'b' must be objects");
        }

        return (Check(a, number, "a."), Check(b, number, "b."), id, null);
    }

    /// <summary>Splits a CSV header into lower-case column names.</summary>
    public static string[] CsvHeader(string line) => [.. SplitCsv(line).Select(h => h.Trim().ToLowerInvariant())];

    /// <summary>Parses a CSV query under <paramref name="header"/>; <c>identifiers</c> is <c>type:value;type:value</c>.</summary>
    public static ParsedQuery ParseCsv(ReadOnlySpan<byte> line, int number, string[] header)
    {
        if (!Utf8.IsValid(line))
        {
            return Failed(null, number, "not valid UTF-8");
        }

        var cells = SplitCsv(Encoding.UTF8.GetString(line));
        var party = default(PartyFields);
        for (var i = 0; i < header.Length && i < cells.Count; i++)
        {
            var cell = cells[i];
            if (header[i] == "identifiers")
            {
                party.Identifiers = [];
                foreach (var part in cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var colon = part.IndexOf(':', StringComparison.Ordinal);
                    party.Identifiers.Add(new Identifier(ParseIdentifierType(colon > 0 ? part[..colon] : null), colon > 0 ? part[(colon + 1)..] : part));
                }
            }
            else if (cell.Length > 0)
            {
                // A later non-empty column of the same name wins.
                switch (header[i])
                {
                    case "id":
                        party.Id = cell;
                        break;
                    case "name":
                        party.Name = cell;
                        break;
                    case "type":
                        party.Type = cell;
                        break;
                    case "birthdate":
                        party.BirthDate = cell;
                        break;
                    case "country":
                        party.Country = cell;
                        break;
                }
            }
        }

        return Check(party, number, "");
    }

    /// <summary>Tells whether a batch file is CSV: by its extension, else by its first text line not starting with <c>{</c>.</summary>
    public static bool IsCsv(FileInfo file)
    {
        if (file.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (file.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var firstText = BatchLineReader.FirstTextLine(file.FullName);
        return firstText is not null && !firstText.TrimStart().StartsWith('{');
    }

    private static ParsedQuery Failed(string? id, int number, string error) => new(id, null, $"line {number}: {error}");

    // Reads the party object the reader stands on, through its end; a repeated property becomes the line's problem.
    private static void ReadParty(ref Utf8JsonReader reader, ref PartyFields party, string prefix, ref string? problem)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var field = Claim(ref reader, ref party.Seen, prefix, ref problem);
            reader.Read();
            switch (field)
            {
                case Field.Id:
                    party.Id = IdText(ref reader);
                    break;
                case Field.Name:
                    party.Name = StringOrNull(ref reader);
                    break;
                case Field.Type:
                    party.Type = StringOrNull(ref reader);
                    break;
                case Field.BirthDate:
                    party.BirthDate = StringOrNull(ref reader);
                    break;
                case Field.Country:
                    party.Country = StringOrNull(ref reader);
                    break;
                case Field.Identifiers when reader.TokenType == JsonTokenType.StartArray:
                    party.Identifiers = ReadIdentifiers(ref reader, prefix, ref problem);
                    break;
                case Field.Identifiers:
                    party.Identifiers = null;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    // Objects with a string "value" are identifiers; anything else in the array is passed over.
    private static List<Identifier> ReadIdentifiers(ref Utf8JsonReader reader, string prefix, ref string? problem)
    {
        var identifiers = new List<Identifier>();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var scope = $"{prefix}identifiers[{index++}].";
            var seen = Field.None;
            string? kind = null;
            string? value = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = Claim(ref reader, ref seen, scope, ref problem);
                reader.Read();
                switch (field)
                {
                    case Field.Type:
                        kind = StringOrNull(ref reader);
                        break;
                    case Field.Value:
                        value = StringOrNull(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (value is not null)
            {
                identifiers.Add(new Identifier(ParseIdentifierType(kind), value));
            }
        }

        return identifiers;
    }

    // Names the property the reader stands on and notes a repeat; known names are flags, other names are kept per
    // scope (the path of the object) for this line only.
    private static Field Claim(ref Utf8JsonReader reader, ref Field seen, string scope, ref string? problem)
    {
        var field =
            reader.ValueTextEquals("id"u8) ? Field.Id :
            reader.ValueTextEquals("name"u8) ? Field.Name :
            reader.ValueTextEquals("type"u8) ? Field.Type :
            reader.ValueTextEquals("birthDate"u8) ? Field.BirthDate :
            reader.ValueTextEquals("country"u8) ? Field.Country :
            reader.ValueTextEquals("identifiers"u8) ? Field.Identifiers :
            reader.ValueTextEquals("value"u8) ? Field.Value :
            reader.ValueTextEquals("a"u8) ? Field.A :
            reader.ValueTextEquals("b"u8) ? Field.B :
            Field.None;
        bool repeated;
        if (field == Field.None)
        {
            repeated = !(t_otherProperties ??= new(StringComparer.Ordinal)).Add(scope + reader.GetString());
        }
        else
        {
            repeated = (seen & field) != 0;
            seen |= field;
        }

        if (repeated)
        {
            problem ??= $"field '{scope}{reader.GetString()}' appears more than once";
        }

        return field;
    }

    // The id is echoed as text: a string as is, a number or true/false as written; null, objects and arrays give none.
    private static string? IdText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    // Reads past the root value, so trailing content is reported as the tree parser reported it.
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        reader.Skip();
        while (reader.Read())
        {
        }
    }

    private static ParsedQuery Check(in PartyFields party, int number, string prefix)
    {
        var id = party.Id;
        if (party.Name is not { } name)
        {
            return Failed(id, number, $"field '{prefix}name' is missing or not a string");
        }

        var type = party.Type;
        if (!TryParseSchema(type, out var schema))
        {
            return Failed(id, number, $"field '{prefix}type': '{type}' is not person, organization, vessel or aircraft");
        }

        var birth = party.BirthDate;
        BirthDate? date = null;
        if (!string.IsNullOrWhiteSpace(birth))
        {
            if (!BirthDate.TryParse(birth, out var d))
            {
                return Failed(id, number, $"field '{prefix}birthDate': '{birth}' is not YYYY or YYYY-MM-DD");
            }

            date = d;
        }

        return new ParsedQuery(id, new PartyQuery { Id = id, Name = name, Schema = schema, Country = party.Country, BirthDate = date, Identifiers = party.Identifiers ?? [] }, null);
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
}
