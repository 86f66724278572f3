using Chokepoint.Core;

namespace Chokepoint.Lists.OpenSanctions;

/// <summary>Folds FtM relationship and detail entities into the targetable entities they point at.</summary>
internal sealed class FtmGraph
{
    // Relationship schemas and the two properties naming the entities they join.
    private static readonly (string Schema, string From, string To)[] Links =
    [
        ("Ownership", "owner", "asset"), ("Directorship", "director", "organization"), ("Family", "person", "relative"),
        ("Associate", "person", "associate"), ("UnknownLink", "subject", "object"), ("Membership", "member", "organization"),
        ("Employment", "employee", "employer"), ("Representation", "agent", "client"),
    ];

    // Simple identifier properties of targetable entities.
    private static readonly (string Property, IdentifierType Type, string? Note)[] IdentifierProperties =
    [
        ("passportNumber", IdentifierType.Passport, null), ("taxNumber", IdentifierType.TaxNumber, null),
        ("innCode", IdentifierType.TaxNumber, "INN"), ("vatCode", IdentifierType.TaxNumber, "VAT"),
        ("registrationNumber", IdentifierType.RegistrationNumber, null), ("ogrnCode", IdentifierType.RegistrationNumber, "OGRN"),
        ("leiCode", IdentifierType.Other, "LEI"), ("swiftBic", IdentifierType.SwiftBic, null), ("imoNumber", IdentifierType.Imo, null),
        ("mmsi", IdentifierType.Mmsi, null), ("callSign", IdentifierType.CallSign, null), ("website", IdentifierType.Website, null),
        ("email", IdentifierType.Email, null), ("phone", IdentifierType.Phone, null),
    ];

    private readonly Dictionary<string, FtmEntity> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FtmEntity>> _pointing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _links = new(StringComparer.Ordinal);

    public FtmGraph(List<FtmEntity> entities)
    {
        foreach (var e in entities)
        {
            _byId.TryAdd(e.Id, e);
            foreach (var property in (ReadOnlySpan<string>)["entity", "holder"])
            {
                foreach (var target in e[property])
                {
                    Add(_pointing, target, e);
                }
            }

            foreach (var (schema, from, to) in Links)
            {
                if (e.Schema != schema)
                {
                    continue;
                }

                foreach (var a in e[from])
                {
                    foreach (var b in e[to])
                    {
                        AddLink(a, b);
                        AddLink(b, a);
                    }
                }
            }
        }
    }

    public ListEntry ToEntry(FtmEntity e, string key, ReadLog log, DateOnly publicationDate)
    {
        var names = e["name"];
        var name = names.Count > 0 ? names[0] : e.Caption ?? e.Id;
        var aliases = new List<Alias>();
        AddAliases(aliases, name, names, AliasKind.Aka, AliasQuality.Unknown);
        AddAliases(aliases, name, e["alias"], AliasKind.Aka, AliasQuality.Unknown);
        AddAliases(aliases, name, e["abbreviation"], AliasKind.Aka, AliasQuality.Unknown);
        AddAliases(aliases, name, e["previousName"], AliasKind.Fka, AliasQuality.Unknown);
        AddAliases(aliases, name, e["weakAlias"], AliasKind.Aka, AliasQuality.Weak);

        var birthDates = new List<BirthDate>();
        foreach (var text in e["birthDate"])
        {
            if (BirthDate.TryParse(text, out var date))
            {
                FieldText.AddDistinct(birthDates, date);
            }
            else
            {
                log.Warning(e.Line, "birthDate", $"entity {e.Id}: '{text}' is not a date");
            }
        }

        var countries = CountryText.FromCodes(e["country"]);
        foreach (var property in (ReadOnlySpan<string>)["jurisdiction", "flag", "mainCountry"])
        {
            foreach (var code in CountryText.FromCodes(e[property]))
            {
                FieldText.AddDistinct(countries, code);
            }
        }

        var identifiers = new List<Identifier>();
        foreach (var (property, type, note) in IdentifierProperties)
        {
            foreach (var value in e[property])
            {
                FieldText.AddDistinct(identifiers, new Identifier(type, value, null, note));
            }
        }

        foreach (var value in e["idNumber"])
        {
            var type = e.Schema == "Person" ? IdentifierType.NationalId : IdentifierType.Other;
            FieldText.AddDistinct(identifiers, new Identifier(type, value, null, "idNumber"));
        }

        var addresses = new List<Address>();
        var programs = new List<string>();
        var titles = new List<string>(e["position"]);
        foreach (var title in e["title"])
        {
            FieldText.AddDistinct(titles, title);
        }

        DateOnly? listedOn = null;
        foreach (var addressId in e["addressEntity"])
        {
            if (_byId.TryGetValue(addressId, out var a) && a.Schema == "Address")
            {
                FieldText.AddDistinct(addresses, ToAddress(a));
            }
        }

        foreach (var full in e["address"])
        {
            if (!addresses.Exists(x => string.Equals(x.Full, full, StringComparison.Ordinal)))
            {
                addresses.Add(new Address(null, null, null, null, null, full));
            }
        }

        foreach (var id in e["programId"])
        {
            FieldText.AddDistinct(programs, id);
        }

        foreach (var related in _pointing.TryGetValue(e.Id, out var list) ? list : [])
        {
            listedOn = Fold(related, programs, identifiers, titles, listedOn);
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["target"] = e.Target ? "true" : "false" };
        if (e["topics"].Count > 0)
        {
            details["topics"] = string.Join(", ", e["topics"]);
        }

        var gender = e["gender"].Count > 0 ? e["gender"][0] : null;
        return new ListEntry
        {
            Id = new EntityId(log.Source, key),
            Schema = SchemaText.Parse(e.Schema),
            Name = name,
            Aliases = aliases,
            BirthDates = birthDates,
            BirthPlaces = e["birthPlace"],
            Nationalities = CountryText.FromCodes(e["nationality"]),
            Citizenships = CountryText.FromCodes(e["citizenship"]),
            Countries = countries,
            Addresses = addresses,
            Identifiers = identifiers,
            Programs = programs,
            ListedOn = listedOn,
            LastUpdated = FieldText.TryIsoDate(e.LastChange, out var changed) ? changed : null,
            Gender = gender is null ? null : char.ToUpperInvariant(gender[0]) + gender[1..],
            Titles = titles,
            LinkedTo = _links.TryGetValue(e.Id, out var links) ? links : [],
            Remarks = e["notes"].Count > 0 ? string.Join("\n", e["notes"]) : null,
            Details = details,
            Provenance = new Provenance(log.Source, log.FileName, publicationDate, e.Datasets.Count > 0 ? string.Join(", ", e.Datasets) : null,
                e["sourceUrl"].Count > 0 ? e["sourceUrl"][0] : null),
        };
    }

    private DateOnly? Fold(FtmEntity related, List<string> programs, List<Identifier> identifiers, List<string> titles, DateOnly? listedOn)
    {
        switch (related.Schema)
        {
            case "Sanction":
                var ids = related["programId"];
                foreach (var program in ids.Count > 0 ? ids : related["program"])
                {
                    FieldText.AddDistinct(programs, program);
                }

                foreach (var text in (List<string>)[.. related["listingDate"], .. related["startDate"]])
                {
                    if (FieldText.TryIsoDate(text, out var d))
                    {
                        listedOn = FieldText.Min(listedOn, d);
                    }
                }

                break;
            case "Passport" or "Identification":
                var country = related["country"].Count > 0 ? CountryText.FromCode(related["country"][0]) : null;
                var type = related.Schema == "Passport" ? IdentifierType.Passport : IdentifierType.NationalId;
                foreach (var number in (List<string>)[.. related["number"], .. related["passportNumber"]])
                {
                    FieldText.AddDistinct(identifiers, new Identifier(type, number, country, related["type"].Count > 0 ? related["type"][0] : null));
                }

                break;
            case "CryptoWallet":
                foreach (var key in related["publicKey"])
                {
                    FieldText.AddDistinct(identifiers, new Identifier(IdentifierType.CryptoAddress, key, null, related["currency"].Count > 0 ? related["currency"][0] : null));
                }

                break;
            case "Occupancy":
                foreach (var post in related["post"])
                {
                    if (_byId.TryGetValue(post, out var position))
                    {
                        foreach (var title in position["name"])
                        {
                            FieldText.AddDistinct(titles, title);
                        }
                    }
                }

                break;
        }

        return listedOn;
    }

    private static Address ToAddress(FtmEntity a)
    {
        var street = FieldText.Join(", ", [.. a["street"], .. a["street2"], .. a["postOfficeBox"]]);
        var city = a["city"].Count > 0 ? a["city"][0] : null;
        var region = a["region"].Count > 0 ? a["region"][0] : null;
        var postal = a["postalCode"].Count > 0 ? a["postalCode"][0] : null;
        var country = a["country"].Count > 0 ? CountryText.FromCode(a["country"][0]) : null;
        var full = a["full"].Count > 0 ? a["full"][0] : FieldText.Join(", ", street, city, region, postal, country) ?? a.Caption ?? a.Id;
        return new Address(street, city, region, postal, country, full);
    }

    private static void AddAliases(List<Alias> aliases, string name, List<string> values, AliasKind kind, AliasQuality quality)
    {
        foreach (var value in values)
        {
            if (!string.Equals(value, name, StringComparison.Ordinal) && !aliases.Exists(a => string.Equals(a.Name, value, StringComparison.Ordinal)))
            {
                aliases.Add(new Alias(value, kind, quality, NameScript.Detect(value)));
            }
        }
    }

    private static void Add(Dictionary<string, List<FtmEntity>> map, string key, FtmEntity value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private void AddLink(string from, string to)
    {
        if (!_links.TryGetValue(from, out var list))
        {
            _links[from] = list = [];
        }

        FieldText.AddDistinct(list, to);
    }
}
