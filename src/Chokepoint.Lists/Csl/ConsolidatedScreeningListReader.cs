using System.IO.Compression;
using Chokepoint.Core;

namespace Chokepoint.Lists.Csl;

/// <summary>Reads the trade.gov Consolidated Screening List (<c>consolidated.csv</c>, or the same gzip-compressed).</summary>
/// <remarks>
/// <para>UTF-8, comma-separated, one header row; columns are matched by name and <c>_id</c>, <c>source</c> and
/// <c>name</c> are required. The key is <c>_id</c>; the CSL repeats it when one party sits on two of its lists (an
/// SDN also on the CAPTA list), so later rows become <c>&lt;_id&gt;#2</c>. <c>source</c> is kept as
/// <see cref="Provenance.SubList"/> and <c>source_list_url</c> as the provenance URL.</para>
/// <para>Multi-valued cells are <c>;</c>-joined. <c>ids</c> items read <c>[country, ][issue date, ]value, type</c>:
/// the type is the text after the last comma. Known types become identifiers, "Gender" sets the gender, and
/// descriptive items (aircraft model, sanctions notes) go to <see cref="ListEntry.Details"/>.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public sealed class ConsolidatedScreeningListReader : IListReader
{
    /// <summary>The source folder name.</summary>
    public const string SourceName = "us_trade_csl";

    private static readonly string[] FileNames = ["consolidated.csv.gz", "consolidated.csv"];
    private static readonly string[] Required = ["_id", "source", "name"];

    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get; } = [SourceName];

    /// <inheritdoc />
    public bool CanRead(string source, DirectoryInfo folder) => SourceFiles.FindFirst(folder, FileNames) is not null;

    /// <inheritdoc />
    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        var log = ReadLog.Open(source, folder, out var file, FileNames);
        if (file is null)
        {
            return log.Missing(FileNames);
        }
        string text;
        try
        {
            text = SourceFiles.DecodeText(ReadBytes(file));
        }
        catch (InvalidDataException e)
        {
            return log.Fail(0, null, $"not a readable gzip file: {e.Message}");
        }

        var keys = new KeyRegistry();
        var entries = DelimitedRows.ReadTable(
            text, ',', Required, log, (map, fields, line) => ReadRow(map, fields, line, log, keys, publicationDate), cancellationToken);
        return log.Complete(publicationDate, entries, file.Name);
    }

    private static byte[] ReadBytes(FileInfo file)
    {
        if (!file.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllBytes(file.FullName);
        }

        using var input = file.OpenRead();
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static ListEntry? ReadRow(HeaderMap map, List<string> row, int line, ReadLog log, KeyRegistry keys, DateOnly publicationDate)
    {
        var id = map.Get(row, "_id");
        if (id is null)
        {
            log.Error(line, "_id", "the row has no _id");
            return null;
        }

        var name = map.Get(row, "name");
        if (name is null)
        {
            log.Error(line, "name", $"_id {id}: the row has no name");
            return null;
        }

        var key = keys.Claim(id, log, line, "_id");
        var aliases = new List<Alias>();
        foreach (var alt in FieldText.SplitList(map.Get(row, "alt_names"), ';'))
        {
            // The Entity List joins its last alias with "; and ", leaving a stray "and " in front.
            var text = alt.StartsWith("and ", StringComparison.Ordinal) ? alt[4..].Trim() : alt;
            if (text.Length > 0 && !string.Equals(text, name, StringComparison.Ordinal))
            {
                FieldText.AddDistinct(aliases, new Alias(text, AliasKind.Aka, AliasQuality.Unknown, NameScript.Detect(text)));
            }
        }

        var birthDates = new List<BirthDate>();
        foreach (var text in FieldText.SplitList(map.Get(row, "dates_of_birth"), ';'))
        {
            if (TryCslBirthDate(text, out var date))
            {
                FieldText.AddDistinct(birthDates, date);
            }
            else
            {
                log.Warning(line, "dates_of_birth", $"_id {id}: '{text}' is not a birth date");
            }
        }

        var addresses = new List<Address>();
        var countries = new List<string>();
        foreach (var text in FieldText.SplitList(map.Get(row, "addresses"), ';'))
        {
            var country = TrailingCountryCode(text);
            FieldText.AddDistinct(addresses, new Address(null, null, null, null, country, text));
            FieldText.AddDistinct(countries, country);
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in DetailColumns)
        {
            if (map.Get(row, column) is { } value)
            {
                details[column] = value;
            }
        }

        var identifiers = new List<Identifier>();
        string? gender = null;
        if (map.Get(row, "call_sign") is { } callSign)
        {
            identifiers.Add(new Identifier(IdentifierType.CallSign, callSign));
        }

        foreach (var item in FieldText.SplitList(map.Get(row, "ids"), ';'))
        {
            CslIds.Add(item, identifiers, details, ref gender);
        }

        if (map.Get(row, "vessel_flag") is { } flag)
        {
            FieldText.AddDistinct(countries, CountryText.Normalize(flag));
        }

        DateOnly? listedOn = null;
        if (map.Get(row, "start_date") is { } start)
        {
            if (FieldText.TryIsoDate(start, out var d))
            {
                listedOn = d;
            }
            else
            {
                log.Warning(line, "start_date", $"_id {id}: '{start}' is not a date (yyyy-mm-dd)");
            }
        }

        return new ListEntry
        {
            Id = new EntityId(log.Source, key),
            Schema = SchemaText.Parse(map.Get(row, "type")),
            Name = name,
            Aliases = aliases,
            BirthDates = birthDates,
            BirthPlaces = FieldText.SplitList(map.Get(row, "places_of_birth"), ';'),
            Nationalities = CountryText.FromCodes(FieldText.SplitList(map.Get(row, "nationalities"), ';')),
            Citizenships = CountryText.FromCodes(FieldText.SplitList(map.Get(row, "citizenships"), ';')),
            Countries = countries,
            Addresses = addresses,
            Identifiers = identifiers,
            Programs = FieldText.SplitList(map.Get(row, "programs"), ';'),
            ListedOn = listedOn,
            Gender = gender,
            Titles = FieldText.SplitList(map.Get(row, "title"), ';'),
            Remarks = map.Get(row, "remarks"),
            Details = details,
            Provenance = new Provenance(log.Source, log.FileName, publicationDate, map.Get(row, "source"), map.Get(row, "source_list_url")),
        };
    }

    private static readonly string[] DetailColumns =
    [
        "entity_number", "federal_register_notice", "end_date", "standard_order", "license_requirement", "license_policy",
        "vessel_type", "gross_tonnage", "gross_registered_tonnage", "vessel_flag", "vessel_owner", "source_information_url",
    ];

    // CSL addresses end in the ISO alpha-2 code: "19 Luysi Chalovskoy St., Borisov, 222512, BY".
    private static string? TrailingCountryCode(string address)
    {
        var comma = address.LastIndexOf(',');
        var last = (comma < 0 ? address : address[(comma + 1)..]).Trim();
        return last.Length == 2 && char.IsAsciiLetterUpper(last[0]) && char.IsAsciiLetterUpper(last[1]) ? last : null;
    }

    /// <summary>Parses <c>yyyy-mm-dd</c>, <c>yyyy</c>, <c>circa yyyy</c> or <c>yyyy to yyyy</c>.</summary>
    internal static bool TryCslBirthDate(string text, out BirthDate date)
    {
        var t = text.Trim();
        if (t.StartsWith("circa ", StringComparison.OrdinalIgnoreCase))
        {
            t = t[6..].Trim();
        }

        var to = t.IndexOf(" to ", StringComparison.Ordinal);
        if (to > 0)
        {
            return BirthDate.TryParse($"{t[..to].Trim()}..{t[(to + 4)..].Trim()}", out date);
        }

        return BirthDate.TryParse(t, out date);
    }
}
