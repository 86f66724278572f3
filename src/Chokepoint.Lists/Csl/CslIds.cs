using Chokepoint.Core;

namespace Chokepoint.Lists.Csl;

/// <summary>Parses one CSL <c>ids</c> item: <c>[country, ][issue date, ]value, type</c>.</summary>
internal static class CslIds
{
    public static void Add(string item, List<Identifier> identifiers, Dictionary<string, string> details, ref string? gender)
    {
        var comma = item.LastIndexOf(", ", StringComparison.Ordinal);
        if (comma < 0)
        {
            AddDetail(details, "ids", item);
            return;
        }

        var type = item[(comma + 2)..].Trim();
        var rest = item[..comma].Trim();
        if (type == "Gender")
        {
            gender = rest;
            return;
        }

        var kind = Classify(type);
        if (kind is null)
        {
            AddDetail(details, type, rest);
            return;
        }

        // A leading two-letter code is the issuing country.
        string? country = null;
        string? dates = null;
        if (rest.Length > 4 && rest[2] == ',' && char.IsAsciiLetterUpper(rest[0]) && char.IsAsciiLetterUpper(rest[1]))
        {
            country = rest[..2];
            rest = rest[3..].TrimStart();
        }

        // Passports carry up to two dates before the number (issue and expiry, in either order).
        while (rest.Length > 12 && rest[10] == ',' && FieldText.TryIsoDate(rest[..10], out _))
        {
            dates = dates is null ? rest[..10] : $"{dates}, {rest[..10]}";
            rest = rest[11..].TrimStart();
        }

        var value = kind == IdentifierType.Imo && rest.StartsWith("IMO ", StringComparison.Ordinal) ? rest[4..] : rest;
        var note = dates is null ? type : $"{type}; dates {dates}";
        FieldText.AddDistinct(identifiers, new Identifier(kind.Value, value, country, note));
    }

    private static void AddDetail(Dictionary<string, string> details, string label, string value) =>
        details[label] = details.TryGetValue(label, out var existing) ? $"{existing}; {value}" : value;

    private static IdentifierType? Classify(string type)
    {
        if (type.StartsWith("Digital Currency Address", StringComparison.Ordinal))
        {
            return IdentifierType.CryptoAddress;
        }

        return type switch
        {
            "Passport" or "Diplomatic Passport" => IdentifierType.Passport,
            "National ID No." or "Cedula No." or "D.N.I." or "Identification Number" or "C.U.R.P." or "Personal ID Card"
                or "Citizen's Card Number" => IdentifierType.NationalId,
            "Tax ID No." or "RIF #" or "RUC #" or "NIT #" or "C.U.I.T." or "VAT Number" or "RFC" or "Italian Fiscal Code" => IdentifierType.TaxNumber,
            "Registration ID" or "Registration Number" or "Company Number" or "Business Registration Number"
                or "Folio Mercantil No." or "Matricula Mercantil No" or "Commercial Registry Number"
                or "Trade License No." => IdentifierType.RegistrationNumber,
            "Vessel Registration Identification" => IdentifierType.Imo,
            "MMSI" => IdentifierType.Mmsi,
            "SWIFT/BIC" => IdentifierType.SwiftBic,
            "Website" => IdentifierType.Website,
            "Email Address" => IdentifierType.Email,
            "Phone Number" => IdentifierType.Phone,
            "Aircraft Tail Number" or "Aircraft Manufacturer's Serial Number (MSN)" => IdentifierType.AircraftId,
            "Driver's License No." => IdentifierType.DriverLicense,
            "ISIN" or "D-U-N-S Number" or "BIK (RU)" or "Equity Ticker" or "Chinese Commercial Code" or "Government Gazette Number" => IdentifierType.Other,
            _ => null,
        };
    }
}
