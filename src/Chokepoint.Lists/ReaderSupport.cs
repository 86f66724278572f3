using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chokepoint.Core;

namespace Chokepoint.Lists;

// Internal building blocks shared by the UN, UK, CSL, DPL, OpenSanctions and EU readers.

/// <summary>Collects the diagnostics of one read and turns the outcome into a <see cref="ListReadResult"/>.</summary>
internal sealed class ReadLog
{
    private readonly List<ListDiagnostic> _diagnostics = [];

    public ReadLog(string source, DirectoryInfo folder, string fileName)
    {
        Source = source;
        Folder = folder;
        FileName = fileName;
        File = $"{source}/{folder.Name}/{fileName}";
    }

    /// <summary>Gets the source folder name.</summary>
    public string Source { get; }

    /// <summary>Gets the dated folder.</summary>
    public DirectoryInfo Folder { get; }

    /// <summary>Gets the file name within the folder.</summary>
    public string FileName { get; }

    /// <summary>Gets the file as diagnostics name it: <c>source/date/file</c>.</summary>
    public string File { get; }

    public bool HasErrors { get; private set; }

    /// <summary>Starts a read on the first of the named files found in the folder; <paramref name="file"/> is null when none is.</summary>
    public static ReadLog Open(string source, DirectoryInfo folder, out FileInfo? file, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(folder);
        file = SourceFiles.FindFirst(folder, names);
        return new ReadLog(source, folder, file?.Name ?? names[0]);
    }

    /// <summary>Returns the failure for a folder that holds none of the expected files.</summary>
    public ListReadResult Missing(params string[] names) => Fail(0, null, $"no {string.Join(" or ", names)} in the folder");

    public void Error(int line, string? field, string message, string? file = null)
    {
        HasErrors = true;
        _diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Error, file ?? File, line, field, message));
    }

    public void Warning(int line, string? field, string message, string? file = null) =>
        _diagnostics.Add(new ListDiagnostic(DiagnosticSeverity.Warning, file ?? File, line, field, message));

    /// <summary>Returns the failure, or the snapshot with its warnings when no error was logged.</summary>
    public ListReadResult Complete(DateOnly publicationDate, IReadOnlyList<ListEntry> entries, params string[] fileNames)
    {
        if (HasErrors)
        {
            return ListReadResult.Failure(_diagnostics);
        }

        var files = new List<SourceFile>(fileNames.Length);
        foreach (var name in fileNames)
        {
            files.Add(SourceFiles.Describe(new FileInfo(Path.Combine(Folder.FullName, name))));
        }

        var snapshot = new ListSnapshot { Source = Source, PublicationDate = publicationDate, Files = files, Entries = entries };
        return ListReadResult.Success(snapshot, _diagnostics);
    }

    /// <summary>Returns a failure for a file that could not be read at all.</summary>
    public ListReadResult Fail(int line, string? field, string message)
    {
        Error(line, field, message);
        return ListReadResult.Failure(_diagnostics);
    }
}

/// <summary>Maps a list's party type to <see cref="EntitySchema"/>.</summary>
internal static class SchemaText
{
    /// <summary>Reads Individual/Person, Entity/Organization/Company…, Vessel/Ship and Aircraft/Airplane, in any case.</summary>
    public static EntitySchema Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "INDIVIDUAL" or "PERSON" => EntitySchema.Person,
        "ENTITY" or "ORGANIZATION" or "ORGANISATION" or "COMPANY" or "LEGALENTITY" or "PUBLICBODY" or "ENTERPRISE" => EntitySchema.Organization,
        "VESSEL" or "SHIP" => EntitySchema.Vessel,
        "AIRCRAFT" or "AIRPLANE" => EntitySchema.Aircraft,
        _ => EntitySchema.Unknown,
    };
}

/// <summary>Keeps primary keys unique: a repeated key gets <c>#2</c>, <c>#3</c>… and a warning.</summary>
internal sealed class KeyRegistry
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Claim(string key, ReadLog log, int line, string field)
    {
        if (!_seen.TryGetValue(key, out var count))
        {
            _seen[key] = 1;
            return key;
        }

        count++;
        _seen[key] = count;
        var unique = string.Create(CultureInfo.InvariantCulture, $"{key}#{count}");
        log.Warning(line, field, $"repeated key '{key}'; the record is kept apart as '{unique}'");
        return unique;
    }
}

/// <summary>File lookup, hashing for <see cref="SourceFile"/> and checksums.</summary>
internal static class SourceFiles
{
    /// <summary>Returns the first of the named files that exists in the folder, or null.</summary>
    public static FileInfo? FindFirst(DirectoryInfo folder, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(folder);
        foreach (var name in names)
        {
            var file = new FileInfo(Path.Combine(folder.FullName, name));
            if (file.Exists)
            {
                return file;
            }
        }

        return null;
    }

    public static SourceFile Describe(FileInfo file)
    {
        using var stream = file.OpenRead();
        var hash = SHA256.HashData(stream);
        return new SourceFile(file.Name, Convert.ToHexStringLower(hash), file.Length);
    }

    public static string Sha1(FileInfo file)
    {
        using var stream = file.OpenRead();
#pragma warning disable CA5350 // SHA-1 is what OpenSanctions publishes in index.json; it checks integrity, not security.
        return Convert.ToHexStringLower(SHA1.HashData(stream));
#pragma warning restore CA5350
    }

    /// <summary>Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8 (older UK and US files).</summary>
    public static string DecodeText(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}

/// <summary>Country text to the model's country values.</summary>
internal static class CountryText
{
    /// <summary>Returns the ISO alpha-2 code for a country name or code where known, else the trimmed text.</summary>
    public static string Normalize(string text) => Countries.Normalize(text.Trim());

    /// <summary>Normalises each value (see <see cref="FromCode"/>), dropping repeats.</summary>
    public static List<string> FromCodes(IEnumerable<string> values)
    {
        var codes = new List<string>();
        foreach (var v in values)
        {
            FieldText.AddDistinct(codes, FromCode(v));
        }

        return codes;
    }

    /// <summary>Returns an upper-cased two-letter code (OpenSanctions writes <c>ru</c>), else the normalised text.</summary>
    public static string FromCode(string code)
    {
        var t = code.Trim();
        return t.Length == 2 ? t.ToUpperInvariant() : Normalize(t);
    }
}

/// <summary>Small text and date helpers for list fields.</summary>
internal static class FieldText
{
    /// <summary>Returns the trimmed text, or null when it is empty or whitespace.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return t;
    }

    /// <summary>Adds the cleaned text when it is not empty and not already present (ordinal).</summary>
    public static void AddDistinct(List<string> list, string? text)
    {
        var t = Clean(text);
        if (t is not null && !list.Contains(t, StringComparer.Ordinal))
        {
            list.Add(t);
        }
    }

    /// <summary>Adds an item when an equal one is not already present.</summary>
    public static void AddDistinct<T>(List<T> list, T item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }

    /// <summary>Joins the non-empty parts with <paramref name="separator"/>, or returns null when all are empty.</summary>
    public static string? Join(string separator, params string?[] parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            var t = Clean(p);
            if (t is null)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(separator);
            }

            sb.Append(t);
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>Builds an address from parts, or returns null when every part is empty.</summary>
    public static Address? Address(string? street, string? city, string? region, string? postalCode, string? country)
    {
        var full = Join(", ", street, city, region, postalCode, country);
        return full is null
            ? null
            : new Address(Clean(street), Clean(city), Clean(region), Clean(postalCode), Clean(country) is { } c ? CountryText.Normalize(c) : null, full);
    }

    /// <summary>Splits on a separator, trimming items and dropping empty ones.</summary>
    public static List<string> SplitList(string? text, char separator)
    {
        var items = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return items;
        }

        foreach (var part in text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            AddDistinct(items, part);
        }

        return items;
    }

    /// <summary>Parses an ISO <c>yyyy-MM-dd</c> date, also when followed by a time.</summary>
    public static bool TryIsoDate(string? text, out DateOnly date)
    {
        date = default;
        var t = Clean(text);
        return t is not null && t.Length >= 10
            && DateOnly.TryParseExact(t.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Parses a date in an exact format such as <c>dd/MM/yyyy</c> or <c>MM/dd/yyyy</c>.</summary>
    public static bool TryDate(string? text, string format, out DateOnly date)
    {
        date = default;
        var t = Clean(text);
        return t is not null && DateOnly.TryParseExact(t, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Returns the earlier of two optional dates.</summary>
    public static DateOnly? Min(DateOnly? a, DateOnly b) => a is null || b < a ? b : a;

    /// <summary>Returns the later of two optional dates.</summary>
    public static DateOnly? Max(DateOnly? a, DateOnly b) => a is null || b > a ? b : a;
}

/// <summary>Finds the ISO 15924 script of a name from its letters.</summary>
internal static class NameScript
{
    /// <summary>Returns the script code of the first non-Latin letter (<c>Cyrl</c>, <c>Arab</c>, <c>Hani</c>…), or null for Latin text.</summary>
    public static string? Detect(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x0370 || !char.IsLetter(c))
            {
                continue;
            }

            var script = Of(c);
            if (script is not null)
            {
                return script;
            }
        }

        return null;
    }

    private static string? Of(char c) => c switch
    {
        >= '\u0370' and <= '\u03FF' => "Grek",
        >= '\u0400' and <= '\u052F' => "Cyrl",
        >= '\u0530' and <= '\u058F' => "Armn",
        >= '\u0590' and <= '\u05FF' => "Hebr",
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' => "Arab",
        >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => "Arab",
        >= '\u0900' and <= '\u097F' => "Deva",
        >= '\u0E00' and <= '\u0E7F' => "Thai",
        >= '\u1000' and <= '\u109F' => "Mymr",
        >= '\u10A0' and <= '\u10FF' => "Geor",
        >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7AF' => "Hang",
        >= '\u3040' and <= '\u309F' => "Hira",
        >= '\u30A0' and <= '\u30FF' => "Kana",
        >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' => "Hani",
        _ => null,
    };
}

/// <summary>A header row: column positions by name (case-insensitive), checked once against the required names.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> _index;

    private HeaderMap(Dictionary<string, int> index) => _index = index;

    /// <summary>Maps a header, logging an error naming each required column that is missing; returns null when any is.</summary>
    public static HeaderMap? Create(IReadOnlyList<string> header, int line, IEnumerable<string> required, ReadLog log)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (name.Length > 0)
            {
                index.TryAdd(name, i);
            }
        }

        var ok = true;
        foreach (var name in required)
        {
            if (!index.ContainsKey(name))
            {
                log.Error(line, name, "the header has no such column");
                ok = false;
            }
        }

        return ok ? new HeaderMap(index) : null;
    }

    /// <summary>Returns the trimmed cell, or null when the column is absent or the cell empty.</summary>
    public string? Get(IReadOnlyList<string> row, string column) =>
        _index.TryGetValue(column, out var i) && i < row.Count ? FieldText.Clean(row[i]) : null;
}

/// <summary>Reads delimited text through <see cref="Common.CsvReader"/>, logging an unterminated quote as an error.</summary>
internal static class DelimitedRows
{
    /// <summary>Yields each record with its starting line; the field list is reused between records.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(string text, char separator, ReadLog log)
    {
        var csv = new Common.CsvReader(text, separator);
        var fields = new List<string>();
        while (true)
        {
            var status = csv.ReadRecord(fields);
            if (status == Common.CsvRecordStatus.EndOfData)
            {
                yield break;
            }

            if (status == Common.CsvRecordStatus.UnterminatedQuote)
            {
                log.Error(csv.RecordLine, null, "a quoted field is never closed");
                yield break;
            }

            yield return (csv.RecordLine, fields);
        }
    }

    /// <summary>Reads a table whose first record is the header; each later record becomes at most one entry.</summary>
    public static List<ListEntry> ReadTable(
        string text, char separator, IEnumerable<string> required, ReadLog log, Func<HeaderMap, List<string>, int, ListEntry?> readRow, CancellationToken cancellationToken)
    {
        var entries = new List<ListEntry>();
        HeaderMap? map = null;
        foreach (var (line, fields) in Read(text, separator, log))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (map is null)
            {
                map = HeaderMap.Create(fields, line, required, log);
                if (map is null)
                {
                    break;
                }

                continue;
            }

            if (readRow(map, fields, line) is { } entry)
            {
                entries.Add(entry);
            }
        }

        if (map is null && !log.HasErrors)
        {
            log.Error(1, null, "the file is empty");
        }

        return entries;
    }
}

/// <summary>Streams an XML list: checks the root, reads its date attribute, and hands over each record element.</summary>
internal static class XmlRecords
{
    /// <summary>Reads the file; returns the publication date (the root's date, else <paramref name="folderDate"/>). Errors go to the log.</summary>
    public static DateOnly Read(
        FileInfo file, string rootName, string dateAttribute, ReadLog log, DateOnly folderDate, Func<string, bool> isRecord,
        Action<System.Xml.Linq.XElement, int, DateOnly> record, CancellationToken cancellationToken)
    {
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true };
        using var stream = file.OpenRead();
        using var reader = System.Xml.XmlReader.Create(stream, settings);
        var info = (System.Xml.IXmlLineInfo)reader;
        var publicationDate = folderDate;
        try
        {
            reader.MoveToContent();
            if (reader.NodeType != System.Xml.XmlNodeType.Element || reader.LocalName != rootName)
            {
                log.Error(info.LineNumber, reader.LocalName, $"expected the root element {rootName} but found '{reader.LocalName}' (line {info.LineNumber}, position {info.LinePosition})");
                return publicationDate;
            }

            var generated = reader.GetAttribute(dateAttribute);
            if (FieldText.TryIsoDate(generated, out var date))
            {
                publicationDate = date;
            }
            else
            {
                log.Warning(info.LineNumber, dateAttribute, $"missing or unreadable '{generated}'; the folder date is used");
            }

            reader.Read();
            while (!reader.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType == System.Xml.XmlNodeType.Element && isRecord(reader.LocalName))
                {
                    var line = info.LineNumber;
                    record((System.Xml.Linq.XElement)System.Xml.Linq.XNode.ReadFrom(reader), line, publicationDate);
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (System.Xml.XmlException e)
        {
            log.Error(e.LineNumber, null, $"malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}");
        }

        return publicationDate;
    }
}
