using System.Xml.Linq;
using Chokepoint.Core;

namespace Chokepoint.Lists.Eu;

/// <summary>Reads the EU Consolidated Financial Sanctions List XML (<c>xmlFullSanctionsList_1_1</c>, any <c>*.xml</c> in the folder).</summary>
/// <remarks>
/// <para>Written from the published 1.1 schema: root <c>export@generationDate</c>, then one <c>sanctionEntity</c> per
/// listed party (key <c>logicalId</c>) with <c>subjectType@code</c> (person / enterprise), <c>nameAlias</c>
/// (<c>wholeName</c> or first/middle/last name, <c>nameLanguage</c>, <c>strong</c>, <c>gender</c>, <c>function</c>),
/// <c>birthdate</c>, <c>citizenship</c>, <c>identification</c>, <c>address</c>, <c>regulation@programme</c> and
/// <c>remark</c>. Elements are matched by local name, so the export namespace does not matter. The first name alias is
/// the primary name. Country code <c>00</c> (unknown) is dropped.</para>
/// <para>No real export could be obtained, so this reader is checked against a synthetic fixture only. Stateless and
/// thread-safe.</para>
/// </remarks>
public sealed class EuFinancialSanctionsListReader : IListReader
{
    /// <summary>The source folder name.</summary>
    public const string SourceName = "eu_fsf";

    /// <summary>The note on the identifiers carrying the EU and UN reference numbers.</summary>
    public const string EuReferenceNote = "EU reference";

    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get; } = [SourceName];

    /// <inheritdoc />
    public bool CanRead(string source, DirectoryInfo folder) => FindXml(folder) is not null;

    /// <inheritdoc />
    public ListReadResult Read(string source, DirectoryInfo folder, DateOnly publicationDate, CancellationToken cancellationToken = default)
    {
        var file = FindXml(folder);
        var log = new ReadLog(source, folder, file?.Name ?? "*.xml");
        if (file is null)
        {
            return log.Missing("*.xml");
        }

        var entries = new List<ListEntry>();
        var keys = new KeyRegistry();
        publicationDate = XmlRecords.Read(file, "export", "generationDate", log, publicationDate, name => name == "sanctionEntity", (element, line, date) =>
        {
            if (ReadEntity(element, line, log, keys, date) is { } entry)
            {
                entries.Add(entry);
            }
        }, cancellationToken);
        return log.Complete(publicationDate, entries, file.Name);
    }

    private static FileInfo? FindXml(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.Exists ? folder.EnumerateFiles("*.xml").OrderBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault() : null;
    }

    private static ListEntry? ReadEntity(XElement entity, int line, ReadLog log, KeyRegistry keys, DateOnly publicationDate)
    {
        var logicalId = Attr(entity, "logicalId");
        if (logicalId is null)
        {
            log.Error(line, "logicalId", "sanctionEntity has no logicalId");
            return null;
        }

        string? name = null;
        string? gender = null;
        var aliases = new List<Alias>();
        var titles = new List<string>();
        foreach (var alias in Children(entity, "nameAlias"))
        {
            var text = Attr(alias, "wholeName") ?? FieldText.Join(" ", Attr(alias, "firstName"), Attr(alias, "middleName"), Attr(alias, "lastName"));
            FieldText.AddDistinct(titles, Attr(alias, "title"));
            FieldText.AddDistinct(titles, Attr(alias, "function"));
            gender ??= Attr(alias, "gender") switch
            {
                "M" => "Male",
                "F" => "Female",
                _ => null,
            };
            if (text is null)
            {
                continue;
            }

            if (name is null)
            {
                name = text;
                continue;
            }

            var quality = Attr(alias, "strong") switch
            {
                "true" => AliasQuality.Strong,
                "false" => AliasQuality.Weak,
                _ => AliasQuality.Unknown,
            };
            if (!string.Equals(text, name, StringComparison.Ordinal) && !aliases.Exists(a => string.Equals(a.Name, text, StringComparison.Ordinal)))
            {
                aliases.Add(new Alias(text, AliasKind.Aka, quality, NameScript.Detect(text), Attr(alias, "nameLanguage")));
            }
        }

        if (name is null)
        {
            log.Error(line, "nameAlias", $"sanctionEntity {logicalId} has no name");
            return null;
        }

        var birthDates = new List<BirthDate>();
        var birthPlaces = new List<string>();
        foreach (var birth in Children(entity, "birthdate"))
        {
            ReadBirth(birth, line, logicalId, log, birthDates);
            FieldText.AddDistinct(birthPlaces, FieldText.Join(", ", Attr(birth, "city") ?? Attr(birth, "place"), Attr(birth, "region"), Country(birth, "countryDescription")));
        }

        var citizenships = new List<string>();
        foreach (var citizenship in Children(entity, "citizenship"))
        {
            FieldText.AddDistinct(citizenships, Country(citizenship, null));
        }

        var addresses = new List<Address>();
        var countries = new List<string>();
        foreach (var address in Children(entity, "address"))
        {
            var street = FieldText.Join(", ", Attr(address, "street"), Attr(address, "poBox"));
            if (FieldText.Address(street, Attr(address, "city") ?? Attr(address, "place"), Attr(address, "region"), Attr(address, "zipCode"), Country(address, null)) is { } a)
            {
                FieldText.AddDistinct(addresses, a);
                FieldText.AddDistinct(countries, a.Country);
            }
        }

        var identifiers = new List<Identifier>();
        foreach (var document in Children(entity, "identification"))
        {
            if ((Attr(document, "number") ?? Attr(document, "latinNumber")) is not { } number)
            {
                continue;
            }

            var type = Attr(document, "identificationTypeCode") switch
            {
                "passport" => IdentifierType.Passport,
                "id" => IdentifierType.NationalId,
                "fiscalcode" or "tin" => IdentifierType.TaxNumber,
                "regnumber" => IdentifierType.RegistrationNumber,
                "swiftbic" => IdentifierType.SwiftBic,
                "imo" => IdentifierType.Imo,
                _ => IdentifierType.Other,
            };
            FieldText.AddDistinct(identifiers, new Identifier(type, number, Country(document, null), Attr(document, "identificationTypeDescription")));
        }

        if (Attr(entity, "euReferenceNumber") is { } euReference)
        {
            identifiers.Add(new Identifier(IdentifierType.Other, euReference, null, EuReferenceNote));
        }

        if (Attr(entity, "unitedNationId") is { } unReference)
        {
            identifiers.Add(new Identifier(IdentifierType.Other, unReference, null, Un.UnConsolidatedListReader.ReferenceNote));
        }

        var programs = new List<string>();
        DateOnly? listedOn = null;
        foreach (var regulation in Children(entity, "regulation"))
        {
            FieldText.AddDistinct(programs, Attr(regulation, "programme"));
            if (FieldText.TryIsoDate(Attr(regulation, "publicationDate"), out var d))
            {
                listedOn = FieldText.Min(listedOn, d);
            }
        }

        var remarks = new List<string>();
        foreach (var remark in Children(entity, "remark"))
        {
            FieldText.AddDistinct(remarks, remark.Value);
        }

        var subject = Children(entity, "subjectType").FirstOrDefault();
        return new ListEntry
        {
            Id = new EntityId(log.Source, keys.Claim(logicalId, log, line, "logicalId")),
            Schema = subject is null ? EntitySchema.Unknown : SchemaText.Parse(Attr(subject, "code")),
            Name = name,
            Aliases = aliases,
            BirthDates = birthDates,
            BirthPlaces = birthPlaces,
            Citizenships = citizenships,
            Countries = countries,
            Addresses = addresses,
            Identifiers = identifiers,
            Programs = programs,
            ListedOn = listedOn,
            Gender = gender,
            Titles = titles,
            Remarks = remarks.Count == 0 ? null : string.Join("\n", remarks),
            Provenance = new Provenance(log.Source, log.FileName, publicationDate),
        };
    }

    private static void ReadBirth(XElement birth, int line, string logicalId, ReadLog log, List<BirthDate> dates)
    {
        var full = Attr(birth, "birthdate");
        if (full is not null)
        {
            if (BirthDate.TryParse(full, out var date))
            {
                FieldText.AddDistinct(dates, date);
            }
            else
            {
                log.Warning(line, "birthdate", $"logicalId {logicalId}: '{full}' is not a date (yyyy-mm-dd)");
            }

            return;
        }

        var from = Attr(birth, "yearRangeFrom");
        var to = Attr(birth, "yearRangeTo");
        if (from is not null && to is not null && BirthDate.TryParse($"{from}..{to}", out var range))
        {
            FieldText.AddDistinct(dates, range);
            return;
        }

        if (Attr(birth, "year") is { } year && int.TryParse(year, out var y) && y is >= 1000 and <= 9999)
        {
            _ = int.TryParse(Attr(birth, "monthOfYear"), out var m);
            _ = int.TryParse(Attr(birth, "dayOfMonth"), out var d);
            FieldText.AddDistinct(dates, BirthDate.FromParts(y, m is >= 1 and <= 12 ? m : 0, d is >= 1 and <= 31 ? d : 0));
        }
    }

    // The EU writes "00" for an unknown country; a description is used only where no code is given.
    private static string? Country(XElement element, string? descriptionAttribute)
    {
        var code = Attr(element, "countryIso2Code");
        if (code is not null && code != "00")
        {
            return descriptionAttribute is null ? code.ToUpperInvariant() : Attr(element, descriptionAttribute) ?? code;
        }

        var description = Attr(element, "countryDescription");
        return description is null || description == "UNKNOWN" ? null : CountryText.Normalize(description);
    }

    private static IEnumerable<XElement> Children(XElement parent, string localName)
    {
        foreach (var child in parent.Elements())
        {
            if (child.Name.LocalName == localName)
            {
                yield return child;
            }
        }
    }

    private static string? Attr(XElement element, string name) => FieldText.Clean(element.Attribute(name)?.Value);
}
