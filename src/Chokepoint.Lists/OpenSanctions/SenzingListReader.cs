using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.Lists.OpenSanctions;

/// <summary>Reads an OpenSanctions Senzing export (<c>senzing.json</c>, one record per line).</summary>
/// <remarks>
/// <para>The key is <c>RECORD_ID</c> (the OpenSanctions id). <c>NAMES</c> gives the primary name (<c>NAME_TYPE</c>
/// PRIMARY) and aliases, from <c>NAME_FULL</c>, <c>NAME_ORG</c> or the name parts. <c>DATES</c>, <c>COUNTRIES</c>,
/// <c>ADDRESSES</c> and <c>IDENTIFIERS</c> map to the model; <c>RISKS</c> topics go to <see cref="ListEntry.Details"/>;
/// <c>URL</c> is the provenance link and <c>DATA_SOURCE</c> the sub-list. The file carries no list date, so the
/// folder date is the publication date. A malformed line fails the read with its number. Stateless and thread-safe.</para>
/// </remarks>
public sealed class SenzingListReader : IListReader
{
    /// <summary>The file name.</summary>
    public const string FileName = "senzing.json";

    private static readonly (string Property, IdentifierType Type, string? CountryProperty)[] IdentifierFields =
    [
        ("PASSPORT_NUMBER", IdentifierType.Passport, "PASSPORT_COUNTRY"), ("NATIONAL_ID_NUMBER", IdentifierType.NationalId, "NATIONAL_ID_COUNTRY"),
        ("TAX_ID_NUMBER", IdentifierType.TaxNumber, "TAX_ID_COUNTRY"), ("DRIVERS_LICENSE_NUMBER", IdentifierType.DriverLicense, "DRIVERS_LICENSE_STATE"),
        ("LEI_NUMBER", IdentifierType.Other, null), ("DUNS_NUMBER", IdentifierType.Other, null), ("WEBSITE_ADDRESS", IdentifierType.Website, null),
        ("EMAIL_ADDRESS", IdentifierType.Email, null), ("PHONE_NUMBER", IdentifierType.Phone, null), ("OTHER_ID_NUMBER", IdentifierType.Other, "OTHER_ID_COUNTRY"),
        ("TRUSTED_ID_NUMBER", IdentifierType.Other, null),
    ];

    /// <inheritdoc />
    /// <remarks>OpenSanctions sources are named <c>opensanctions_&lt;dataset&gt;_senzing</c>; these are the ones Chokepoint knows.</remarks>
    public IReadOnlyList<string> Sources { get; } =
    [
        "opensanctions_default_senzing", "opensanctions_sanctions_senzing", "opensanctions_peps_senzing", "opensanctions_us_congress_senzing",
    ];

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

        var keys = new KeyRegistry();
        var entries = new List<ListEntry>();
        JsonLines.Read(file.FullName, log, (record, line) =>
        {
            if (ReadRecord(record, line, log, keys, publicationDate) is { } entry)
            {
                entries.Add(entry);
            }
        }, cancellationToken);
        return log.Complete(publicationDate, entries, FileName);
    }

    private static ListEntry? ReadRecord(JsonElement record, int line, ReadLog log, KeyRegistry keys, DateOnly publicationDate)
    {
        var id = JsonLines.String(record, "RECORD_ID");
        if (id is null)
        {
            log.Error(line, "RECORD_ID", "the record has no RECORD_ID");
            return null;
        }

        string? name = null;
        var aliases = new List<Alias>();
        foreach (var item in JsonLines.Objects(record, "NAMES"))
        {
            var text = JsonLines.String(item, "NAME_FULL") ?? JsonLines.String(item, "NAME_ORG")
                ?? FieldText.Join(" ", JsonLines.String(item, "NAME_FIRST"), JsonLines.String(item, "NAME_MIDDLE"), JsonLines.String(item, "NAME_LAST"));
            if (text is null)
            {
                continue;
            }

            if (name is null && JsonLines.String(item, "NAME_TYPE") == "PRIMARY")
            {
                name = text;
            }
            else
            {
                FieldText.AddDistinct(aliases, new Alias(text, AliasKind.Aka, AliasQuality.Unknown, NameScript.Detect(text)));
            }
        }

        if (name is null && aliases.Count > 0)
        {
            name = aliases[0].Name;
            aliases.RemoveAt(0);
        }

        if (name is null)
        {
            log.Error(line, "NAMES", $"record {id} has no name");
            return null;
        }

        aliases.RemoveAll(a => string.Equals(a.Name, name, StringComparison.Ordinal));
        var birthDates = new List<BirthDate>();
        foreach (var item in JsonLines.Objects(record, "DATES"))
        {
            if (JsonLines.String(item, "DATE_OF_BIRTH") is not { } text)
            {
                continue;
            }

            if (BirthDate.TryParse(text, out var date))
            {
                FieldText.AddDistinct(birthDates, date);
            }
            else
            {
                log.Warning(line, "DATE_OF_BIRTH", $"record {id}: '{text}' is not a date");
            }
        }

        var nationalities = new List<string>();
        var citizenships = new List<string>();
        var countries = new List<string>();
        foreach (var item in JsonLines.Objects(record, "COUNTRIES"))
        {
            foreach (var property in item.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String || FieldText.Clean(property.Value.GetString()) is not { } value)
                {
                    continue;
                }

                var list = property.Name switch
                {
                    "NATIONALITY" => nationalities,
                    "CITIZENSHIP" => citizenships,
                    _ => countries,
                };
                FieldText.AddDistinct(list, CountryText.FromCode(value));
            }
        }

        var addresses = new List<Address>();
        foreach (var item in JsonLines.Objects(record, "ADDRESSES"))
        {
            var street = FieldText.Join(", ", JsonLines.String(item, "ADDR_LINE1"), JsonLines.String(item, "ADDR_LINE2"));
            var parts = FieldText.Address(street, JsonLines.String(item, "ADDR_CITY"), JsonLines.String(item, "ADDR_STATE"),
                JsonLines.String(item, "ADDR_POSTAL_CODE"), JsonLines.String(item, "ADDR_COUNTRY"));
            var full = JsonLines.String(item, "ADDR_FULL");
            if (full is not null)
            {
                FieldText.AddDistinct(addresses, (parts ?? new Address(null, null, null, null, null, full)) with { Full = full });
            }
            else if (parts is not null)
            {
                FieldText.AddDistinct(addresses, parts);
            }
        }

        var identifiers = new List<Identifier>();
        foreach (var item in JsonLines.Objects(record, "IDENTIFIERS"))
        {
            foreach (var (property, type, countryProperty) in IdentifierFields)
            {
                if (JsonLines.String(item, property) is not { } value)
                {
                    continue;
                }

                var country = countryProperty is null ? null : JsonLines.String(item, countryProperty);
                var note = JsonLines.String(item, property.Replace("_NUMBER", "_TYPE", StringComparison.Ordinal)) ?? property;
                FieldText.AddDistinct(identifiers, new Identifier(type, value, country is null ? null : CountryText.FromCode(country), note));
            }
        }

        var topics = new List<string>();
        foreach (var item in JsonLines.Objects(record, "RISKS"))
        {
            FieldText.AddDistinct(topics, JsonLines.String(item, "TOPIC"));
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        if (topics.Count > 0)
        {
            details["topics"] = string.Join(", ", topics);
        }

        var gender = JsonLines.String(record, "GENDER");
        return new ListEntry
        {
            Id = new EntityId(log.Source, keys.Claim(id, log, line, "RECORD_ID")),
            Schema = SchemaText.Parse(JsonLines.String(record, "RECORD_TYPE")),
            Name = name,
            Aliases = aliases,
            BirthDates = birthDates,
            Nationalities = nationalities,
            Citizenships = citizenships,
            Countries = countries,
            Addresses = addresses,
            Identifiers = identifiers,
            LastUpdated = FieldText.TryIsoDate(JsonLines.String(record, "LAST_CHANGE"), out var changed) ? changed : null,
            Gender = gender switch
            {
                "M" => "Male",
                "F" => "Female",
                _ => gender,
            },
            Details = details,
            Provenance = new Provenance(log.Source, FileName, publicationDate, JsonLines.String(record, "DATA_SOURCE"), JsonLines.String(record, "URL")),
        };
    }
}
