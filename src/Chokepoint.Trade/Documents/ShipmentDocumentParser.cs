using System.Globalization;
using System.Text.Json;
using Chokepoint.Core;

namespace Chokepoint.Trade;

/// <summary>Reads shipment documents from JSON (one document) or JSON Lines (one per line), validating every field.</summary>
/// <remarks>
/// Never throws for bad input: each document yields a <see cref="ShipmentParseResult"/> whose errors name the field
/// path (<c>items[2].hsCode</c>). Unknown fields are kept and ignored. Stateless and thread-safe.
/// </remarks>
public static class ShipmentDocumentParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses one JSON document.</summary>
    /// <param name="json">The JSON text of one object.</param>
    /// <param name="sourceName">The file name, used in error messages; may be null.</param>
    public static ShipmentParseResult Parse(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, DocumentOptions);
            return Read(doc.RootElement, sourceName, 0);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : 0;
            return ShipmentParseResult.Failure([new ShipmentDiagnostic(sourceName, line, "$", "not valid JSON: " + ex.Message)]);
        }
    }

    /// <summary>Parses a file that holds one JSON document, or JSON Lines (one document per non-blank line).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="sourceName">The file name, used in error messages; may be null.</param>
    /// <returns>One result per document, in file order.</returns>
    public static IReadOnlyList<ShipmentParseResult> ParseMany(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return [ShipmentParseResult.Failure([new ShipmentDiagnostic(sourceName, 0, "$", "the file is empty")])];
        }

        // A single (possibly pretty-printed) document parses whole; otherwise each non-blank line is a document.
        var whole = Parse(text, sourceName);
        if (whole.Succeeded || !LooksLikeJsonLines(text))
        {
            return [whole];
        }

        var results = new List<ShipmentParseResult>();
        var lineNumber = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line.ToString(), DocumentOptions);
                results.Add(Read(doc.RootElement, sourceName, lineNumber));
            }
            catch (JsonException ex)
            {
                results.Add(ShipmentParseResult.Failure([new ShipmentDiagnostic(sourceName, lineNumber, "$", "not valid JSON: " + ex.Message)]));
            }
        }

        return results;
    }

    private static bool LooksLikeJsonLines(string text)
    {
        var objects = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).Trim();
            if (line.StartsWith('{') && line.EndsWith('}'))
            {
                objects++;
            }
        }

        return objects > 1;
    }

    private static ShipmentParseResult Read(JsonElement root, string? source, int line)
    {
        var r = new FieldReader(source, line);
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Error("$", "a shipment document must be a JSON object");
            return ShipmentParseResult.Failure(r.Errors);
        }

        string? id = null;
        DateOnly? date = null;
        string? endUse = null, incoterms = null;
        PaymentInfo? payment = null;
        var parties = new List<ShipmentParty>();
        var items = new List<ShipmentItem>();
        var route = new List<RoutePoint>();
        var unknown = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        bool sawParties = false, sawItems = false;

        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "id": id = r.String(p.Value, "id"); break;
                case "date": date = r.Date(p.Value, "date"); break;
                case "declaredEndUse": endUse = r.String(p.Value, "declaredEndUse"); break;
                case "incoterms": incoterms = r.String(p.Value, "incoterms"); break;
                case "payment": payment = ReadPayment(r, p.Value); break;
                case "parties":
                    sawParties = true;
                    r.Array(p.Value, "parties", (e, path) => ReadParty(r, e, path, parties));
                    break;
                case "items":
                    sawItems = true;
                    r.Array(p.Value, "items", (e, path) => ReadItem(r, e, path, items));
                    break;
                case "route": r.Array(p.Value, "route", (e, path) => ReadRoutePoint(r, e, path, route)); break;
                default: unknown[p.Name] = p.Value.Clone(); break;
            }
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            r.Error("id", "required: the document id is missing or empty");
        }

        if (!sawParties || (parties.Count == 0 && !r.HasErrorUnder("parties")))
        {
            r.Error("parties", "required: at least one party");
        }

        if (!sawItems || (items.Count == 0 && !r.HasErrorUnder("items")))
        {
            r.Error("items", "required: at least one item");
        }

        if (r.Errors.Count > 0)
        {
            return ShipmentParseResult.Failure(r.Errors, id);
        }

        return ShipmentParseResult.Success(new ShipmentDocument
        {
            Id = id!,
            Date = date,
            Parties = parties,
            Items = items,
            Route = route,
            DeclaredEndUse = endUse,
            Payment = payment,
            Incoterms = incoterms,
            UnknownFields = unknown,
        });
    }

    private static void ReadParty(FieldReader r, JsonElement e, string path, List<ShipmentParty> parties)
    {
        if (!r.Object(e, path))
        {
            return;
        }

        PartyRole? role = null;
        string? name = null, country = null, address = null;
        var type = EntitySchema.Unknown;
        DateOnly? incorporated = null;
        var identifiers = new List<string>();
        var typed = new List<Identifier>();
        var errorsBefore = r.Errors.Count;
        foreach (var p in e.EnumerateObject())
        {
            var field = path + "." + p.Name;
            switch (p.Name)
            {
                case "role": role = r.Role(p.Value, field); break;
                case "name": name = r.String(p.Value, field); break;
                case "country": country = r.Country(p.Value, field); break;
                case "address": address = r.String(p.Value, field); break;
                case "type": type = r.PartyType(p.Value, field); break;
                case "incorporated": incorporated = r.Date(p.Value, field); break;
                case "identifiers": r.Array(p.Value, field, (x, xp) => r.Identifier(x, xp, identifiers, typed)); break;
                default: break;
            }
        }

        if (role is null && r.Errors.Count == errorsBefore)
        {
            r.Error(path + ".role", "required: the party's role is missing");
        }

        if (string.IsNullOrWhiteSpace(name) && r.Errors.Count == errorsBefore)
        {
            r.Error(path + ".name", "required: the party's name is missing or empty");
        }

        if (r.Errors.Count == errorsBefore)
        {
            parties.Add(new ShipmentParty
            {
                Role = role!.Value,
                Name = name!,
                Country = country,
                Address = address,
                Type = type,
                Identifiers = identifiers,
                PartyIdentifiers = typed,
                Incorporated = incorporated,
            });
        }
    }

    private static void ReadItem(FieldReader r, JsonElement e, string path, List<ShipmentItem> items)
    {
        if (!r.Object(e, path))
        {
            return;
        }

        var errorsBefore = r.Errors.Count;
        string? description = null, partNumber = null, manufacturer = null, currency = null, eccn = null;
        HsCode? hs = null;
        decimal? quantity = null, unitPrice = null;
        foreach (var p in e.EnumerateObject())
        {
            var field = path + "." + p.Name;
            switch (p.Name)
            {
                case "description": description = r.String(p.Value, field); break;
                case "hsCode": hs = r.HsCode(p.Value, field); break;
                case "partNumber": partNumber = r.String(p.Value, field); break;
                case "manufacturer": manufacturer = r.String(p.Value, field); break;
                case "quantity": quantity = r.NonNegative(p.Value, field); break;
                case "unitPrice": unitPrice = r.NonNegative(p.Value, field); break;
                case "currency": currency = r.Currency(p.Value, field); break;
                case "eccn": eccn = r.String(p.Value, field); break;
                default: break;
            }
        }

        if (description is null && hs is null && partNumber is null && r.Errors.Count == errorsBefore)
        {
            r.Error(path, "an item needs at least a description, an hsCode or a partNumber");
        }

        if (r.Errors.Count == errorsBefore)
        {
            items.Add(new ShipmentItem
            {
                Description = description,
                HsCode = hs,
                PartNumber = partNumber,
                Manufacturer = manufacturer,
                Quantity = quantity,
                UnitPrice = unitPrice,
                Currency = currency,
                Eccn = eccn,
            });
        }
    }

    private static void ReadRoutePoint(FieldReader r, JsonElement e, string path, List<RoutePoint> route)
    {
        if (!r.Object(e, path))
        {
            return;
        }

        string? place = null, country = null;
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "place": place = r.String(p.Value, path + ".place"); break;
                case "country": country = r.Country(p.Value, path + ".country"); break;
                default: break;
            }
        }

        if (place is null && country is null)
        {
            r.Error(path, "a route point needs a place or a country");
            return;
        }

        route.Add(new RoutePoint(place, country));
    }

    private static PaymentInfo? ReadPayment(FieldReader r, JsonElement e)
    {
        if (!r.Object(e, "payment"))
        {
            return null;
        }

        string? country = null, method = null, name = null;
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "originatorCountry": country = r.Country(p.Value, "payment.originatorCountry"); break;
                case "method": method = r.String(p.Value, "payment.method"); break;
                case "originatorName": name = r.String(p.Value, "payment.originatorName"); break;
                default: break;
            }
        }

        return new PaymentInfo(country, method, name);
    }

    /// <summary>Collects errors while reading typed values out of JSON elements.</summary>
    private sealed class FieldReader(string? source, int line)
    {
        public List<ShipmentDiagnostic> Errors { get; } = [];

        public void Error(string path, string message) => Errors.Add(new ShipmentDiagnostic(source, line, path, message));

        public bool HasErrorUnder(string prefix) => Errors.Exists(e => e.Path.StartsWith(prefix, StringComparison.Ordinal));

        public bool Object(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Error(path, $"expected an object, found {Describe(e)}");
            return false;
        }

        public void Array(JsonElement e, string path, Action<JsonElement, string> each)
        {
            if (e.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            if (e.ValueKind != JsonValueKind.Array)
            {
                Error(path, $"expected an array, found {Describe(e)}");
                return;
            }

            var i = 0;
            foreach (var x in e.EnumerateArray())
            {
                each(x, $"{path}[{i++}]");
            }
        }

        public string? String(JsonElement e, string path)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Null: return null;
                case JsonValueKind.String:
                    var s = e.GetString()!.Trim();
                    return s.Length == 0 ? null : s;
                default:
                    Error(path, $"expected a string, found {Describe(e)}");
                    return null;
            }
        }

        public DateOnly? Date(JsonElement e, string path)
        {
            var s = String(e, path);
            if (s is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            Error(path, $"'{s}' is not a date of the form YYYY-MM-DD");
            return null;
        }

        public string? Country(JsonElement e, string path)
        {
            var s = String(e, path);
            if (s is null)
            {
                return null;
            }

            if (s.Length == 2 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]))
            {
                return s.ToUpperInvariant();
            }

            Error(path, $"'{s}' is not an ISO 3166-1 alpha-2 country code");
            return null;
        }

        public string? Currency(JsonElement e, string path)
        {
            var s = String(e, path);
            if (s is null)
            {
                return null;
            }

            if (s.Length == 3 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]) && char.IsAsciiLetter(s[2]))
            {
                return s.ToUpperInvariant();
            }

            Error(path, $"'{s}' is not an ISO 4217 currency code");
            return null;
        }

        public HsCode? HsCode(JsonElement e, string path)
        {
            string? text = e.ValueKind switch
            {
                JsonValueKind.Number => e.GetRawText(),
                JsonValueKind.String => e.GetString(),
                JsonValueKind.Null => null,
                _ => null,
            };
            if (e.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null))
            {
                Error(path, $"expected an HS code as a string, found {Describe(e)}");
                return null;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Trade.HsCode.TryParse(text, out var code))
            {
                return code;
            }

            Error(path, $"'{text}' is not an HS code (2, 4 or 6 to 12 digits, e.g. 8542.31 or 854231)");
            return null;
        }

        public decimal? NonNegative(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) && d >= 0)
            {
                return d;
            }

            Error(path, $"expected a number of zero or more, found {Describe(e)}");
            return null;
        }

        public PartyRole? Role(JsonElement e, string path)
        {
            var s = String(e, path);
            if (s is null)
            {
                Error(path, "required: the party's role is missing");
                return null;
            }

            switch (s.ToLowerInvariant())
            {
                case "seller" or "exporter" or "shipper": return PartyRole.Seller;
                case "buyer" or "purchaser": return PartyRole.Buyer;
                case "consignee" or "ultimate_consignee": return PartyRole.Consignee;
                case "end_user" or "enduser": return PartyRole.EndUser;
                case "intermediate_consignee": return PartyRole.IntermediateConsignee;
                case "freight_forwarder" or "forwarder": return PartyRole.FreightForwarder;
                case "notify_party": return PartyRole.NotifyParty;
                case "payer": return PartyRole.Payer;
                case "bank": return PartyRole.Bank;
                default:
                    Error(path, $"'{s}' is not a role (seller, buyer, consignee, end_user, intermediate_consignee, freight_forwarder, notify_party, payer, bank)");
                    return null;
            }
        }

        public EntitySchema PartyType(JsonElement e, string path)
        {
            var s = String(e, path);
            switch (s?.ToLowerInvariant())
            {
                case null: return EntitySchema.Unknown;
                case "person" or "individual": return EntitySchema.Person;
                case "organization" or "organisation" or "company" or "entity": return EntitySchema.Organization;
                default:
                    Error(path, $"'{s}' is not a party type (person or organization)");
                    return EntitySchema.Unknown;
            }
        }

        public void Identifier(JsonElement e, string path, List<string> identifiers, List<Identifier> typed)
        {
            if (e.ValueKind == JsonValueKind.String)
            {
                var s = String(e, path);
                if (s is not null)
                {
                    identifiers.Add(s);
                    typed.Add(new Identifier(IdentifierType.Other, s.Trim()));
                }

                return;
            }

            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
            {
                var type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var value = v.GetString()!;
                identifiers.Add(type is null ? value : $"{type}: {value}");

                // A type the model does not know stays Other (the engine matches identifiers by value); a number is
                // not a type name, though Enum.TryParse would take it as one.
                var known = type is not null && !int.TryParse(type, out _) && Enum.TryParse<IdentifierType>(type, ignoreCase: true, out var t2) ? t2 : IdentifierType.Other;
                typed.Add(new Identifier(known, value.Trim()));
                return;
            }

            Error(path, $"expected a string or an object with a string 'value', found {Describe(e)}");
        }

        private static string Describe(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
