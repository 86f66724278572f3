using System.Xml.Linq;
using Chokepoint.Core;

namespace Chokepoint.Lists.Ofac;

/// <summary>Maps one enhanced-XML <c>entity</c> element to an <see cref="OfacEntryBuilder"/>.</summary>
/// <remarks>Thread-safe (no state).</remarks>
internal static class OfacEnhancedEntity
{
    public static OfacEntryBuilder? Read(XElement entity, Dictionary<string, string> references, int line)
    {
        var id = (string?)entity.Attribute("id");
        var (name, _) = PrimaryName(entity);
        if (string.IsNullOrWhiteSpace(id) || name is null)
        {
            return null;
        }

        var type = Text(Child(Child(entity, "generalInfo"), "entityType"), references);
        var schema = type.ToUpperInvariant() switch
        {
            "INDIVIDUAL" => EntitySchema.Person,
            "VESSEL" => EntitySchema.Vessel,
            "AIRCRAFT" => EntitySchema.Aircraft,
            _ => EntitySchema.Organization,
        };
        var b = new OfacEntryBuilder(id, name, schema) { Line = line };
        ReadLists(entity, references, b);
        ReadNames(entity, b);
        ReadAddresses(entity, references, b);
        ReadFeatures(entity, b);
        ReadDocuments(entity, references, b);
        foreach (var rel in Children(Child(entity, "relationships"), "relationship"))
        {
            var related = Child(rel, "relatedEntity");
            if (related?.Attribute("entityId") is { } target)
            {
                OfacEntryBuilder.AddDistinct(b.LinkedTo, $"{target.Value}|{related.Value.Trim()}");
            }
        }

        return b;
    }

    private static void ReadLists(XElement entity, Dictionary<string, string> references, OfacEntryBuilder b)
    {
        foreach (var program in Children(Child(entity, "sanctionsPrograms"), "sanctionsProgram"))
        {
            OfacEntryBuilder.AddDistinct(b.Programs, Text(program, references));
        }

        var lists = new List<string>();
        foreach (var list in Children(Child(entity, "sanctionsLists"), "sanctionsList"))
        {
            OfacEntryBuilder.AddDistinct(lists, Text(list, references));
            if (DateOnly.TryParseExact((string?)list.Attribute("datePublished"), "yyyy-MM-dd", out var published)
                && (b.ListedOn is null || published < b.ListedOn))
            {
                b.ListedOn = published;
            }
        }

        b.SubList = lists.Count == 0 ? null : string.Join("; ", lists);
    }

    private static (string? Name, XElement? Element) PrimaryName(XElement entity)
    {
        foreach (var name in Children(Child(entity, "names"), "name"))
        {
            if (IsTrue(name, "isPrimary"))
            {
                foreach (var t in Children(Child(name, "translations"), "translation"))
                {
                    if (IsTrue(t, "isPrimary"))
                    {
                        return (Child(t, "formattedFullName")?.Value.Trim(), t);
                    }
                }
            }
        }

        return (null, null);
    }

    private static void ReadNames(XElement entity, OfacEntryBuilder b)
    {
        var (_, primary) = PrimaryName(entity);
        foreach (var name in Children(Child(entity, "names"), "name"))
        {
            var kind = (Child(name, "aliasType")?.Value.Trim().ToUpperInvariant()) switch
            {
                "F.K.A." => AliasKind.Fka,
                "N.K.A." => AliasKind.Nka,
                _ => AliasKind.Aka,
            };
            var quality = IsTrue(name, "isLowQuality") ? AliasQuality.Weak : AliasQuality.Strong;
            foreach (var t in Children(Child(name, "translations"), "translation"))
            {
                var full = Child(t, "formattedFullName")?.Value.Trim();
                if (string.IsNullOrEmpty(full) || ReferenceEquals(t, primary))
                {
                    continue;
                }

                b.AddAlias(new Alias(full, kind, quality, ScriptCode(Child(t, "script")?.Value)));
            }
        }
    }

    private static void ReadAddresses(XElement entity, Dictionary<string, string> references, OfacEntryBuilder b)
    {
        foreach (var address in Children(Child(entity, "addresses"), "address"))
        {
            var countryText = Text(Child(address, "country"), references);
            var translation = Children(Child(address, "translations"), "translation").FirstOrDefault(t => IsTrue(t, "isPrimary"));
            var street = new List<string>();
            string? city = null, region = null, postal = null;
            foreach (var part in Children(Child(translation, "addressParts"), "addressPart"))
            {
                var value = Child(part, "value")?.Value.Trim() ?? string.Empty;
                switch (Child(part, "type")?.Value.Trim().ToUpperInvariant())
                {
                    case "CITY":
                        city = value;
                        break;
                    case "STATE/PROVINCE":
                    case "REGION":
                        region = region is null ? value : $"{region}, {value}";
                        break;
                    case "POSTAL CODE":
                        postal = value;
                        break;
                    default:
                        street.Add(value);
                        break;
                }
            }

            var country = countryText.Length > 0 ? Countries.Normalize(countryText) : null;
            if (country is not null)
            {
                OfacEntryBuilder.AddDistinct(b.Countries, country);
            }

            var streetLine = street.Count == 0 ? null : string.Join(", ", street);
            var full = string.Join(", ", ((string?[])[streetLine, city, region, postal, countryText]).Where(static s => !string.IsNullOrEmpty(s)));
            if (full.Length > 0)
            {
                b.Addresses.Add(new Address(streetLine, city, region, postal, country, full));
            }
        }
    }

    private static void ReadFeatures(XElement entity, OfacEntryBuilder b)
    {
        foreach (var feature in Children(Child(entity, "features"), "feature"))
        {
            var type = Child(feature, "type")?.Value.Trim().TrimEnd(':', '-', ' ') ?? string.Empty;
            var value = Child(feature, "value")?.Value.Trim() ?? string.Empty;
            if (type.Length == 0 || value.Length == 0)
            {
                continue;
            }

            // The enhanced XML names some features differently from the CSV remarks; the rest share the remark labels.
            var label = type switch
            {
                "Birthdate" => "DOB",
                "Place of Birth" => "POB",
                "Nationality Country" => "nationality",
                "Citizenship Country" => "citizen",
                "Vessel Flag" => "Other Vessel Flag",
                _ => type,
            };
            if (type == "Vessel Call Sign")
            {
                b.AddIdentifier(new Identifier(IdentifierType.CallSign, value, Note: "Call Sign"));
            }
            else if (type.StartsWith("Digital Currency Address", StringComparison.Ordinal))
            {
                var currency = type.AsSpan("Digital Currency Address".Length).Trim(" -").ToString();
                b.AddIdentifier(new Identifier(IdentifierType.CryptoAddress, value, Note: currency.Length > 0 ? currency : null));
            }
            else if (!OfacRemarks.TryApplyItem($"{label} {value}", b))
            {
                b.AddDetail(type, value);
            }
        }
    }

    private static void ReadDocuments(XElement entity, Dictionary<string, string> references, OfacEntryBuilder b)
    {
        foreach (var document in Children(Child(entity, "identityDocuments"), "identityDocument"))
        {
            var label = Text(Child(document, "type"), references);
            var number = Child(document, "documentNumber")?.Value.Trim();
            if (string.IsNullOrEmpty(number))
            {
                continue;
            }

            var country = Text(Child(document, "issuingCountry"), references);
            b.AddIdentifier(new Identifier(OfacRemarks.IdentifierTypeOf(label), number, country.Length > 0 ? Countries.Normalize(country) : null, label));
        }
    }

    private static string? ScriptCode(string? script) => script?.Trim() switch
    {
        null or "" or "Latin" => null,
        "Cyrillic" => "Cyrl",
        "Arabic" => "Arab",
        "Chinese Simplified" => "Hans",
        "Chinese Traditional" => "Hant",
        "Korean" => "Kore",
        "Japanese" => "Jpan",
        "Hebrew" => "Hebr",
        "Greek" => "Grek",
        "Georgian" => "Geor",
        "Armenian" => "Armn",
        "Thai" => "Thai",
        var other => other,
    };

    /// <summary>Returns the element's text, or the reference table's value for its <c>refId</c> when the text is empty.</summary>
    private static string Text(XElement? element, Dictionary<string, string> references)
    {
        if (element is null)
        {
            return string.Empty;
        }

        var text = element.Value.Trim();
        return text.Length == 0 && (string?)element.Attribute("refId") is { } id && references.TryGetValue(id, out var value) ? value : text;
    }

    private static bool IsTrue(XElement? element, string child) =>
        string.Equals(Child(element, child)?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static XElement? Child(XElement? element, string localName)
    {
        if (element is null)
        {
            return null;
        }

        foreach (var e in element.Elements())
        {
            if (e.Name.LocalName == localName)
            {
                return e;
            }
        }

        return null;
    }

    private static IEnumerable<XElement> Children(XElement? element, string localName)
    {
        if (element is null)
        {
            yield break;
        }

        foreach (var e in element.Elements())
        {
            if (e.Name.LocalName == localName)
            {
                yield return e;
            }
        }
    }
}
