using System.Globalization;
using System.Xml.Linq;
using Chokepoint.Core;

namespace Chokepoint.Lists.Un;

/// <summary>Reads the UN Security Council Consolidated List (<c>consolidated.xml</c>).</summary>
/// <remarks>
/// <para>The file is streamed with <see cref="System.Xml.XmlReader"/>; each <c>INDIVIDUAL</c> or <c>ENTITY</c> is loaded on its own.
/// The key is <c>DATAID</c>; the publication date is the root's <c>dateGenerated</c>. <c>UN_LIST_TYPE</c> and
/// <c>REFERENCE_NUMBER</c> become programs, and the reference number is also kept as an identifier with the note
/// "UN reference" because other lists cite it.</para>
/// <para>An HTML page, an empty file or truncated XML fails the read with the line and position. A bad birth date or
/// listing date is a warning; the record is kept without it. Stateless and thread-safe.</para>
/// </remarks>
public sealed class UnConsolidatedListReader : IListReader
{
    /// <summary>The source folder name.</summary>
    public const string SourceName = "un_sc_consolidated";

    /// <summary>The official file name.</summary>
    public const string FileName = "consolidated.xml";

    /// <summary>The note on the identifier that carries the UN reference number.</summary>
    public const string ReferenceNote = "UN reference";

    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get; } = [SourceName];

    /// <inheritdoc />
    public bool CanRead(string source, DirectoryInfo folder) => SourceFiles.FindFirst(folder, FileName) is not null;

    /// <inheritdoc />
    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        var log = ReadLog.Open(source, folder, out var file, FileName);
        if (file is null)
        {
            return log.Missing(FileName);
        }

        var path = file.FullName;

        var entries = new List<ListEntry>();
        var keys = new KeyRegistry();
        publicationDate = XmlRecords.Read(file, "CONSOLIDATED_LIST", "dateGenerated", log, publicationDate, name => name is "INDIVIDUAL" or "ENTITY", (element, line, date) =>
        {
            if (ReadRecord(element, line, log, keys, date) is { } entry)
            {
                entries.Add(entry);
            }
        }, cancellationToken);
        return log.Complete(publicationDate, entries, FileName);
    }

    private static ListEntry? ReadRecord(XElement record, int line, ReadLog log, KeyRegistry keys, DateOnly publicationDate)
    {
        var isPerson = record.Name.LocalName == "INDIVIDUAL";
        var dataId = Text(record, "DATAID");
        if (dataId is null)
        {
            log.Error(line, "DATAID", $"{record.Name.LocalName} has no DATAID");
            return null;
        }

        var name = isPerson
            ? FieldText.Join(" ", Text(record, "FIRST_NAME"), Text(record, "SECOND_NAME"), Text(record, "THIRD_NAME"), Text(record, "FOURTH_NAME"))
            : Text(record, "FIRST_NAME");
        if (name is null)
        {
            log.Error(line, "FIRST_NAME", $"{record.Name.LocalName} {dataId} has no name");
            return null;
        }

        var key = keys.Claim(dataId, log, line, "DATAID");
        var aliases = new List<Alias>();
        foreach (var original in record.Elements("NAME_ORIGINAL_SCRIPT"))
        {
            if (FieldText.Clean(original.Value) is { } text)
            {
                FieldText.AddDistinct(aliases, new Alias(text, AliasKind.Variation, AliasQuality.Unknown, NameScript.Detect(text)));
            }
        }

        foreach (var alias in record.Elements(isPerson ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS"))
        {
            if (Text(alias, "ALIAS_NAME") is { } aliasName)
            {
                var (kind, quality) = Text(alias, "QUALITY") switch
                {
                    "Good" => (AliasKind.Aka, AliasQuality.Strong),
                    "Low" => (AliasKind.Aka, AliasQuality.Weak),
                    "f.k.a." => (AliasKind.Fka, AliasQuality.Unknown),
                    _ => (AliasKind.Aka, AliasQuality.Unknown),
                };
                FieldText.AddDistinct(aliases, new Alias(aliasName, kind, quality, NameScript.Detect(aliasName)));
            }
        }

        var birthDates = new List<BirthDate>();
        var birthPlaces = new List<string>();
        var nationalities = new List<string>();
        var countries = new List<string>();
        var addresses = new List<Address>();
        var identifiers = new List<Identifier>();
        var titles = new List<string>();
        foreach (var dob in record.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            ReadBirthDate(dob, line, dataId, log, birthDates);
        }

        foreach (var pob in record.Elements("INDIVIDUAL_PLACE_OF_BIRTH"))
        {
            FieldText.AddDistinct(birthPlaces, FieldText.Join(", ", Text(pob, "CITY"), Text(pob, "STATE_PROVINCE"), Text(pob, "COUNTRY")));
        }

        foreach (var value in Values(record, "NATIONALITY"))
        {
            FieldText.AddDistinct(nationalities, CountryText.Normalize(value));
        }

        foreach (var address in record.Elements(isPerson ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS"))
        {
            var a = FieldText.Address(Text(address, "STREET"), Text(address, "CITY"), Text(address, "STATE_PROVINCE"), Text(address, "ZIP_CODE"), Text(address, "COUNTRY"));
            if (a is not null)
            {
                FieldText.AddDistinct(addresses, a);
                FieldText.AddDistinct(countries, a.Country);
            }
        }

        foreach (var document in record.Elements("INDIVIDUAL_DOCUMENT"))
        {
            if (Text(document, "NUMBER") is not { } number)
            {
                continue;
            }

            var type = Text(document, "TYPE_OF_DOCUMENT");
            var country = Text(document, "ISSUING_COUNTRY") ?? Text(document, "COUNTRY_OF_ISSUE");
            var note = FieldText.Join("; ", type, Text(document, "TYPE_OF_DOCUMENT2"), Text(document, "DATE_OF_ISSUE"), Text(document, "CITY_OF_ISSUE"), Text(document, "NOTE"));
            identifiers.Add(new Identifier(DocumentType(type), number, country is null ? null : CountryText.Normalize(country), note));
        }

        var reference = Text(record, "REFERENCE_NUMBER");
        if (reference is not null)
        {
            identifiers.Add(new Identifier(IdentifierType.Other, reference, null, ReferenceNote));
        }

        titles.AddRange(Values(record, "TITLE"));
        foreach (var designation in Values(record, "DESIGNATION"))
        {
            FieldText.AddDistinct(titles, designation);
        }

        var programs = new List<string>();
        FieldText.AddDistinct(programs, Text(record, "UN_LIST_TYPE"));
        FieldText.AddDistinct(programs, reference);

        DateOnly? listedOn = null;
        var listed = Text(record, "LISTED_ON");
        if (FieldText.TryIsoDate(listed, out var listedDate))
        {
            listedOn = listedDate;
        }
        else if (listed is not null)
        {
            log.Warning(line, "LISTED_ON", $"DATAID {dataId}: '{listed}' is not a date (yyyy-mm-dd)");
        }

        DateOnly? updated = null;
        foreach (var value in Values(record, "LAST_DAY_UPDATED"))
        {
            if (FieldText.TryIsoDate(value, out var d))
            {
                updated = FieldText.Max(updated, d);
            }
        }

        return new ListEntry
        {
            Id = new EntityId(log.Source, key),
            Schema = isPerson ? EntitySchema.Person : EntitySchema.Organization,
            Name = name,
            Aliases = aliases,
            BirthDates = birthDates,
            BirthPlaces = birthPlaces,
            Nationalities = nationalities,
            Countries = countries,
            Addresses = addresses,
            Identifiers = identifiers,
            Programs = programs,
            ListedOn = listedOn,
            LastUpdated = updated,
            Gender = Text(record, "GENDER"),
            Titles = titles,
            Remarks = Text(record, "COMMENTS1"),
            Provenance = new Provenance(log.Source, FileName, publicationDate),
        };
    }

    private static void ReadBirthDate(XElement dob, int line, string dataId, ReadLog log, List<BirthDate> dates)
    {
        var exact = Text(dob, "DATE");
        var year = Text(dob, "YEAR");
        var from = Text(dob, "FROM_YEAR");
        var to = Text(dob, "TO_YEAR");
        if (exact is not null)
        {
            if (FieldText.TryIsoDate(exact, out var d))
            {
                FieldText.AddDistinct(dates, BirthDate.FromParts(d.Year, d.Month, d.Day));
            }
            else
            {
                log.Warning(line, "INDIVIDUAL_DATE_OF_BIRTH/DATE", $"DATAID {dataId}: '{exact}' is not a date (yyyy-mm-dd)");
            }
        }
        else if (year is not null)
        {
            if (BirthDate.TryParse(year, out var y) && !y.IsRange && y.Month == 0)
            {
                FieldText.AddDistinct(dates, y);
            }
            else
            {
                log.Warning(line, "INDIVIDUAL_DATE_OF_BIRTH/YEAR", $"DATAID {dataId}: '{year}' is not a year");
            }
        }
        else if (from is not null || to is not null)
        {
            if (TryYear(from, out var a) && TryYear(to, out var b) && b >= a)
            {
                FieldText.AddDistinct(dates, BirthDate.FromYearRange(a, b));
            }
            else
            {
                log.Warning(line, "INDIVIDUAL_DATE_OF_BIRTH/FROM_YEAR", $"DATAID {dataId}: '{from}'..'{to}' is not a range of years");
            }
        }
    }

    private static bool TryYear(string? text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1000 and <= 9999;

    private static IdentifierType DocumentType(string? type)
    {
        if (type is null)
        {
            return IdentifierType.Other;
        }

        if (type.Contains("pass", StringComparison.OrdinalIgnoreCase))
        {
            return IdentifierType.Passport;
        }

        return type.Contains("National Identification", StringComparison.OrdinalIgnoreCase) ? IdentifierType.NationalId : IdentifierType.Other;
    }

    private static string? Text(XElement parent, string name) => FieldText.Clean(parent.Element(name)?.Value);

    private static IEnumerable<string> Values(XElement record, string name)
    {
        foreach (var group in record.Elements(name))
        {
            foreach (var value in group.Elements("VALUE"))
            {
                if (FieldText.Clean(value.Value) is { } text)
                {
                    yield return text;
                }
            }
        }
    }
}
