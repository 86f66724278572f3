using Chokepoint.Core;

namespace Chokepoint.Lists.Ofac;

/// <summary>
/// Pulls fields out of the OFAC SDN/Consolidated <c>Remarks</c> text: "DOB 13 May 1964; POB Tehran, Iran; nationality
/// Iran; Passport A1234567 (Iran); a.k.a. 'ABU X'; Linked To: Y."
/// </summary>
/// <remarks>
/// <para>Items are separated by "; " and the last one ends with "."; an optional "alt. " prefix marks a second value
/// of the same kind. Each item is matched against a fixed table of labels (longest first); items with no known label
/// stay only in the remarks, which are always kept whole on the entry.</para>
/// <para>Works on spans; the only allocations are the strings it stores. Thread-safe.</para>
/// </remarks>
internal static class OfacRemarks
{
    // Text after an identifier that is not part of it ("Passport X issued 01 Jan 2000 expires ...").
    private static readonly string[] IdentifierTails = [" issued", " expires", " Issue Date", " Expire Date", " Expiration Date", " valid "];

    private static readonly RemarkLabel[] Labels = BuildLabels();

    // Labels grouped by first character (ASCII), so an item is compared only with the few labels that can match.
    private static readonly RemarkLabel[][] LabelsByFirstChar = GroupByFirstChar(Labels);

    /// <summary>Parses <paramref name="remarks"/> into <paramref name="entry"/>.</summary>
    public static void Apply(string remarks, OfacEntryBuilder entry)
    {
        var rest = remarks.AsSpan().Trim();
        while (!rest.IsEmpty)
        {
            var cut = rest.IndexOf("; ", StringComparison.Ordinal);
            var item = cut < 0 ? rest : rest[..cut];
            rest = cut < 0 ? [] : rest[(cut + 2)..];
            if (rest.IsEmpty && item.EndsWith('.'))
            {
                // The list's closing full stop, not part of the value.
                item = item[..^1];
            }

            TryApplyItem(item.Trim(), entry);
        }
    }

    /// <summary>Applies one remark item ("Passport X (Iran)"); returns false when its label is unknown.</summary>
    public static bool TryApplyItem(ReadOnlySpan<char> item, OfacEntryBuilder entry)
    {
        if (item.StartsWith("alt. ", StringComparison.OrdinalIgnoreCase))
        {
            item = item[5..].TrimStart();
        }

        if (item.IsEmpty || item[0] >= LabelsByFirstChar.Length)
        {
            return false;
        }

        foreach (var label in LabelsByFirstChar[item[0]])
        {
            var text = label.Text;
            if (item.Length > text.Length && item.StartsWith(text, StringComparison.Ordinal)
                && item[text.Length] is ' ' or ':' or '#' or '-')
            {
                var value = item[text.Length..].TrimStart(" :#-").TrimEnd();
                if (!value.IsEmpty)
                {
                    ApplyValue(label, value, entry);
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the identifier type of an OFAC document label ("Tax ID No.", "Passport"), or Other.</summary>
    public static IdentifierType IdentifierTypeOf(string label)
    {
        foreach (var l in Labels)
        {
            if (string.Equals(l.Text, label, StringComparison.OrdinalIgnoreCase) && l.Kind is RemarkKind.Document or RemarkKind.Imo or RemarkKind.Contact)
            {
                return l.Type;
            }
        }

        return IdentifierType.Other;
    }

    private static void ApplyValue(RemarkLabel label, ReadOnlySpan<char> value, OfacEntryBuilder entry)
    {
        switch (label.Kind)
        {
            case RemarkKind.BirthDate:
                if (OfacDates.TryParseBirthDate(value, out var dob) && !entry.BirthDates.Contains(dob))
                {
                    entry.BirthDates.Add(dob);
                }

                break;
            case RemarkKind.BirthPlace:
                OfacEntryBuilder.AddDistinct(entry.BirthPlaces, value.ToString());
                break;
            case RemarkKind.Nationality:
                OfacEntryBuilder.AddDistinct(entry.Nationalities, Countries.Normalize(value.ToString()));
                break;
            case RemarkKind.Citizenship:
                OfacEntryBuilder.AddDistinct(entry.Citizenships, Countries.Normalize(value.ToString()));
                break;
            case RemarkKind.Gender:
                entry.Gender ??= value.ToString();
                break;
            case RemarkKind.Alias:
                AddAlias(label.AliasKind, value, entry);
                break;
            case RemarkKind.LinkedTo:
                OfacEntryBuilder.AddDistinct(entry.LinkedTo, value.ToString());
                break;
            case RemarkKind.Country:
                var country = Countries.Normalize(value.ToString());
                OfacEntryBuilder.AddDistinct(entry.Countries, country);
                entry.AddDetail(label.Text, value.ToString());
                break;
            case RemarkKind.Detail:
                entry.AddDetail(label.Text, value.ToString());
                break;
            case RemarkKind.Crypto:
                var space = value.IndexOf(' ');
                if (space > 0)
                {
                    entry.AddIdentifier(new Identifier(IdentifierType.CryptoAddress, value[(space + 1)..].Trim().ToString(), Note: value[..space].ToString()));
                }

                break;
            case RemarkKind.Imo:
                AddImo(label, value, entry);
                break;
            case RemarkKind.Contact:
                entry.AddIdentifier(new Identifier(label.Type, value.ToString(), Note: label.Text));
                break;
            default:
                AddDocument(label.Type, label.Text, value, entry);
                break;
        }
    }

    private static void AddAlias(AliasKind kind, ReadOnlySpan<char> value, OfacEntryBuilder entry)
    {
        // OFAC writes weak ("low quality") aliases in the remarks in single quotes; strong ones are in alt.csv.
        var quality = AliasQuality.Strong;
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            quality = AliasQuality.Weak;
            value = value[1..^1];
        }
        else if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        entry.AddAlias(new Alias(value.Trim().ToString(), kind, quality));
    }

    private static void AddImo(RemarkLabel label, ReadOnlySpan<char> value, OfacEntryBuilder entry)
    {
        // "International Maritime Organization No. (5777731)" wraps the number in parentheses.
        if (value.Length > 2 && value[0] == '(' && value[^1] == ')')
        {
            value = value[1..^1];
        }

        if (value.StartsWith("IMO", StringComparison.Ordinal))
        {
            entry.AddIdentifier(new Identifier(IdentifierType.Imo, value[3..].Trim().ToString(), Note: label.Text));
        }
        else if (label.Type == IdentifierType.Imo)
        {
            entry.AddIdentifier(new Identifier(IdentifierType.Imo, value.ToString(), Note: label.Text));
        }
        else
        {
            AddDocument(label.Type, label.Text, value, entry);
        }
    }

    /// <summary>Adds "NUMBER (Country) issued ..." as an identifier with its issuing country.</summary>
    private static void AddDocument(IdentifierType type, string note, ReadOnlySpan<char> value, OfacEntryBuilder entry)
    {
        var end = value.Length;
        foreach (var tail in IdentifierTails)
        {
            var at = value.IndexOf(tail, StringComparison.Ordinal);
            if (at > 0 && at < end)
            {
                end = at;
            }
        }

        value = value[..end].TrimEnd();
        string? country = null;
        if (value.EndsWith(')'))
        {
            var open = value.LastIndexOf(" (", StringComparison.Ordinal);
            if (open > 0 && Countries.TryGetCode(value[(open + 2)..^1], out var code))
            {
                country = code;
                value = value[..open].TrimEnd();
            }
        }

        if (!value.IsEmpty)
        {
            entry.AddIdentifier(new Identifier(type, value.ToString(), country, note));
        }
    }

    private static RemarkLabel[] BuildLabels()
    {
        var labels = new List<RemarkLabel>
        {
            new("DOB", RemarkKind.BirthDate),
            new("POB", RemarkKind.BirthPlace),
            new("nationality", RemarkKind.Nationality),
            new("Nationality", RemarkKind.Nationality),
            new("citizen", RemarkKind.Citizenship),
            new("Citizen", RemarkKind.Citizenship),
            new("Gender", RemarkKind.Gender),
            new("a.k.a.", RemarkKind.Alias, AliasKind: AliasKind.Aka),
            new("f.k.a.", RemarkKind.Alias, AliasKind: AliasKind.Fka),
            new("n.k.a.", RemarkKind.Alias, AliasKind: AliasKind.Nka),
            new("Linked To", RemarkKind.LinkedTo),
            new("Digital Currency Address", RemarkKind.Crypto),
            new("Vessel Registration Identification", RemarkKind.Imo, IdentifierType.Imo),
            new("International Maritime Organization No.", RemarkKind.Imo, IdentifierType.Imo),
            new("Identification Number", RemarkKind.Imo, IdentifierType.NationalId),
            new("MMSI", RemarkKind.Document, IdentifierType.Mmsi),
            new("Website", RemarkKind.Contact, IdentifierType.Website),
            new("Email Address", RemarkKind.Contact, IdentifierType.Email),
            new("Email", RemarkKind.Contact, IdentifierType.Email),
            new("Telephone No.", RemarkKind.Contact, IdentifierType.Phone),
            new("Telephone", RemarkKind.Contact, IdentifierType.Phone),
            new("Phone Number", RemarkKind.Contact, IdentifierType.Phone),
            new("Phone No.", RemarkKind.Contact, IdentifierType.Phone),
            new("Phone", RemarkKind.Contact, IdentifierType.Phone),
            new("Fax No.", RemarkKind.Contact, IdentifierType.Phone),
            new("Fax", RemarkKind.Contact, IdentifierType.Phone),
            new("SWIFT/BIC", RemarkKind.Document, IdentifierType.SwiftBic),
            new("Other Vessel Flag", RemarkKind.Country),
            new("Nationality of Registration", RemarkKind.Country),
        };

        foreach (var text in (string[])["Organization Established Date", "Organization Type", "Target Type",
                     "Additional Sanctions Information", "Secondary sanctions risk", "Vessel Year of Build", "Other Vessel Type", "Former Vessel Flag",
                     "Other Vessel Call Sign", "Vessel Type", "Aircraft Model", "Aircraft Manufacture Date", "Aircraft Operator",
                     "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions",
                     "Executive Order 13662 Directive Determination", "Executive Order 13846 information",
                     "CAATSA Section 235 Information", "IFCA Determination", "Issuer Name", "Equity Ticker"])
        {
            labels.Add(new RemarkLabel(text, RemarkKind.Detail));
        }

        AddDocuments(labels, IdentifierType.Passport, "Passport", "Passport No.", "Diplomatic Passport", "Travel Document Number");
        AddDocuments(labels, IdentifierType.NationalId, "National ID No.", "National ID Number", "National Foreign ID Number",
            "Personal ID Card", "Kenyan ID No.", "Turkish Identification Number", "Citizen's Card Number", "D.N.I.", "Cedula No.",
            "C.U.R.P.", "CURP", "Numero de Identidad", "C.U.I.", "C.U.I.P.", "Public Security and Immigration No.",
            "Residency Number", "Birth Certificate Number", "Electoral Registry No.", "Credencial electoral", "I.F.E.", "SSN",
            "Social Security Number", "Identity Card No.", "Refugee ID Card", "Stateless Person ID Card", "NIE");
        AddDocuments(labels, IdentifierType.TaxNumber, "Tax ID No.", "Tax Number", "R.F.C.", "RFC", "NIT", "V.A.T. Number",
            "C.U.I.T.", "RTN", "Italian Fiscal Code", "US FEIN", "RUC", "C.I.F.", "N.I.F.", "Fiscal Code");
        AddDocuments(labels, IdentifierType.RegistrationNumber, "Registration ID", "Registration Number",
            "Business Registration Document", "Business Registration Number", "Business Number", "Company Number",
            "UK Company Number", "Commercial Registry Number", "Chamber of Commerce Number", "Government Gazette Number",
            "Unified Social Credit Code (USCC)", "United Social Credit Code Certificate (USCCC)", "Trade License No.",
            "Economic Register Number (CBLS)", "C.R. No.", "Certificate of Incorporation Number", "Enterprise Number",
            "Branch Unit Number", "Folio Mercantil No.", "Matricula Mercantil No", "Legal Entity Number",
            "Istanbul Chamber of Comm. No.", "Dubai Chamber of Commerce Membership No.", "Central Registration System Number",
            "Registered Charity No.", "D-U-N-S Number", "Public Registration Number", "LE Number", "File Number", "License", "Permit Number", "Organization Code");
        AddDocuments(labels, IdentifierType.DriverLicense, "Driver's License No.");
        AddDocuments(labels, IdentifierType.AircraftId, "Aircraft Tail Number", "Previous Aircraft Tail Number",
            "Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Construction Number (also called L/N or S/N or F/N)",
            "Aircraft Mode S Transponder Code", "Aircraft Serial Identification");
        AddDocuments(labels, IdentifierType.Other, "ISIN", "BIK (RU)", "UN/LOCODE", "Chinese Commercial Code",
            "Cartilla de Servicio Militar Nacional", "VisaNumberID");

        // Longest first, so "Passport No." wins over "Passport" and "Email Address" over "Email".
        labels.Sort(static (a, b) => b.Text.Length.CompareTo(a.Text.Length));
        return [.. labels];
    }

    private static RemarkLabel[][] GroupByFirstChar(RemarkLabel[] labels)
    {
        var groups = new RemarkLabel[128][];
        for (var c = 0; c < groups.Length; c++)
        {
            groups[c] = Array.FindAll(labels, l => l.Text[0] == c);
        }

        return groups;
    }

    private static void AddDocuments(List<RemarkLabel> labels, IdentifierType type, params string[] texts)
    {
        foreach (var text in texts)
        {
            labels.Add(new RemarkLabel(text, RemarkKind.Document, type));
        }
    }

    private enum RemarkKind
    {
        Document,
        BirthDate,
        BirthPlace,
        Nationality,
        Citizenship,
        Gender,
        Alias,
        LinkedTo,
        Country,
        Detail,
        Crypto,
        Imo,
        Contact,
    }

    private readonly record struct RemarkLabel(string Text, RemarkKind Kind, IdentifierType Type = IdentifierType.Other, AliasKind AliasKind = AliasKind.Aka);
}
