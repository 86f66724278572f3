using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Chokepoint.Core;

/// <summary>
/// Resolves a country name, code or nationality adjective, as sanctions lists write it, to an ISO 3166-1 alpha-2 code.
/// </summary>
/// <remarks>
/// <para>The table is built once from .NET's <see cref="RegionInfo"/> (English and native names, alpha-2 and alpha-3
/// codes of every region with a specific culture) plus the spellings lists use that it lacks ("Korea, North", "Burma",
/// "Region: Crimea", "Iranian"). Matching ignores case, diacritics and punctuation: "Côte d’Ivoire", "Cote d Ivoire"
/// and "COTE D'IVOIRE" are one key, and "&amp;" reads as "and". A leading "Region:" or "The" is ignored when the whole text does not match.</para>
/// <para>Kosovo resolves to the user-assigned code <c>XK</c>, which the EU, UN and OFAC data use. Ambiguous text
/// ("Korea", "Congo" adjectives) and historic states (Yugoslavia, Netherlands Antilles) do not resolve.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class Countries
{
    // Keys above this length are not country names; they are rejected before any work.
    private const int MaxKeyLength = 96;

    private static readonly (string Text, string Code)[] ListSpellings =
    [
        ("Iran", "IR"), ("Iran, Islamic Republic of", "IR"), ("Islamic Republic of Iran", "IR"),
        ("Russia", "RU"), ("Russian Federation", "RU"),
        ("Korea, North", "KP"), ("North Korea", "KP"), ("Democratic People's Republic of Korea", "KP"),
        ("Korea, Democratic People's Republic of", "KP"), ("DPRK", "KP"),
        ("Korea, South", "KR"), ("South Korea", "KR"), ("Republic of Korea", "KR"), ("Korea, Republic of", "KR"),
        ("Burma", "MM"), ("Myanmar", "MM"),
        ("Syria", "SY"), ("Syrian Arab Republic", "SY"),
        ("Venezuela", "VE"), ("Bolivia", "BO"), ("Tanzania", "TZ"), ("Laos", "LA"), ("Lao PDR", "LA"), ("Moldova", "MD"),
        ("Congo, Democratic Republic of the", "CD"), ("Democratic Republic of the Congo", "CD"), ("DRC", "CD"),
        ("Congo, Republic of the", "CG"), ("Republic of the Congo", "CG"), ("Congo", "CG"),
        ("Cote d'Ivoire", "CI"), ("Ivory Coast", "CI"),
        ("Vietnam", "VN"), ("Viet Nam", "VN"),
        ("Palestinian", "PS"), ("Palestinian Authority", "PS"), ("Palestine", "PS"), ("West Bank", "PS"), ("Gaza", "PS"),
        ("Gaza Strip", "PS"),
        ("Czech Republic", "CZ"), ("Czechia", "CZ"),
        ("Macedonia", "MK"), ("North Macedonia", "MK"), ("Macedonia, The Former Yugoslav Republic of", "MK"),
        ("North Macedonia, The Republic of", "MK"),
        ("Turkey", "TR"), ("Türkiye", "TR"), ("Turkiye", "TR"),
        ("United States", "US"), ("United States of America", "US"), ("USA", "US"), ("U.S.A.", "US"), ("U.S.", "US"),
        ("UK", "GB"), ("U.K.", "GB"), ("United Kingdom", "GB"), ("Great Britain", "GB"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("Crimea", "UA"), ("Kosovo", "XK"), ("Taiwan", "TW"), ("Hong Kong", "HK"), ("Macau", "MO"), ("Macao", "MO"),
        ("Bahamas, The", "BS"), ("The Bahamas", "BS"), ("Gambia, The", "GM"), ("The Gambia", "GM"),
        ("Man, Isle of", "IM"), ("Isle of Man", "IM"),
        ("Virgin Islands, British", "VG"), ("British Virgin Islands", "VG"),
        ("St. Kitts & Nevis", "KN"), ("St. Kitts and Nevis", "KN"), ("Saint Kitts and Nevis", "KN"),
        ("St. Vincent and the Grenadines", "VC"), ("Saint Vincent and the Grenadines", "VC"),
        ("St. Lucia", "LC"), ("Saint Lucia", "LC"),
        ("Brunei", "BN"), ("Cabo Verde", "CV"), ("Cape Verde", "CV"), ("Swaziland", "SZ"), ("Eswatini", "SZ"),
        ("East Timor", "TL"), ("Timor-Leste", "TL"), ("Micronesia", "FM"), ("Holy See", "VA"), ("Vatican", "VA"),
        ("Sao Tome and Principe", "ST"), ("Curacao", "CW"), ("Northern Mali", "ML"), ("Bosnia-Herzegovina", "BA"),
        ("Bosnia", "BA"), ("Herzegovina", "BA"), ("Serbia and Montenegro", "RS"),
        ("Iranian", "IR"), ("Russian", "RU"), ("Syrian", "SY"), ("Iraqi", "IQ"), ("Afghan", "AF"), ("Pakistani", "PK"),
        ("Chinese", "CN"), ("North Korean", "KP"), ("South Korean", "KR"), ("Lebanese", "LB"), ("Yemeni", "YE"),
        ("Belarusian", "BY"), ("Belarussian", "BY"), ("Ukrainian", "UA"), ("Emirati", "AE"), ("Turkish", "TR"),
        ("Venezuelan", "VE"), ("Cuban", "CU"), ("Libyan", "LY"), ("Sudanese", "SD"), ("South Sudanese", "SS"),
        ("Somali", "SO"), ("Saudi", "SA"), ("Egyptian", "EG"), ("Jordanian", "JO"), ("Kuwaiti", "KW"), ("Qatari", "QA"),
        ("Bahraini", "BH"), ("Omani", "OM"), ("Israeli", "IL"), ("British", "GB"), ("American", "US"), ("German", "DE"),
        ("French", "FR"), ("Indian", "IN"), ("Kazakh", "KZ"), ("Kazakhstani", "KZ"), ("Kyrgyz", "KG"),
        ("Kyrgyzstani", "KG"), ("Armenian", "AM"), ("Georgian", "GE"), ("Uzbek", "UZ"), ("Uzbekistani", "UZ"),
        ("Tajik", "TJ"), ("Tajikistani", "TJ"), ("Turkmen", "TM"), ("Azerbaijani", "AZ"), ("Azeri", "AZ"),
        ("Malaysian", "MY"), ("Indonesian", "ID"), ("Filipino", "PH"), ("Philippine", "PH"), ("Nigerian", "NG"),
        ("Nigerien", "NE"), ("Malian", "ML"), ("Tunisian", "TN"), ("Algerian", "DZ"), ("Moroccan", "MA"),
        ("Mauritanian", "MR"), ("Chadian", "TD"), ("Eritrean", "ER"), ("Ethiopian", "ET"), ("Kenyan", "KE"),
        ("Ugandan", "UG"), ("Tanzanian", "TZ"), ("Zimbabwean", "ZW"), ("South African", "ZA"), ("Rwandan", "RW"),
        ("Burundian", "BI"), ("Central African", "CF"), ("Senegalese", "SN"), ("Ghanaian", "GH"), ("Liberian", "LR"),
        ("Sierra Leonean", "SL"), ("Guinean", "GN"), ("Gambian", "GM"), ("Ivorian", "CI"), ("Cameroonian", "CM"),
        ("Mozambican", "MZ"), ("Angolan", "AO"), ("Zambian", "ZM"), ("Namibian", "NA"), ("Djiboutian", "DJ"),
        ("Mexican", "MX"), ("Colombian", "CO"), ("Ecuadorian", "EC"), ("Peruvian", "PE"), ("Bolivian", "BO"),
        ("Brazilian", "BR"), ("Argentine", "AR"), ("Argentinian", "AR"), ("Chilean", "CL"), ("Paraguayan", "PY"),
        ("Uruguayan", "UY"), ("Panamanian", "PA"), ("Nicaraguan", "NI"), ("Honduran", "HN"), ("Guatemalan", "GT"),
        ("Salvadoran", "SV"), ("Haitian", "HT"), ("Jamaican", "JM"), ("Canadian", "CA"), ("Spanish", "ES"),
        ("Italian", "IT"), ("Portuguese", "PT"), ("Belgian", "BE"), ("Dutch", "NL"), ("Swiss", "CH"), ("Austrian", "AT"),
        ("Irish", "IE"), ("Swedish", "SE"), ("Norwegian", "NO"), ("Danish", "DK"), ("Finnish", "FI"), ("Greek", "GR"),
        ("Cypriot", "CY"), ("Maltese", "MT"), ("Polish", "PL"), ("Czech", "CZ"), ("Slovak", "SK"), ("Hungarian", "HU"),
        ("Romanian", "RO"), ("Bulgarian", "BG"), ("Serbian", "RS"), ("Bosnian", "BA"), ("Croatian", "HR"),
        ("Montenegrin", "ME"), ("Albanian", "AL"), ("Macedonian", "MK"), ("Moldovan", "MD"), ("Latvian", "LV"),
        ("Lithuanian", "LT"), ("Estonian", "EE"), ("Mongolian", "MN"), ("Japanese", "JP"), ("Thai", "TH"),
        ("Vietnamese", "VN"), ("Burmese", "MM"), ("Cambodian", "KH"), ("Laotian", "LA"), ("Taiwanese", "TW"),
        ("Singaporean", "SG"), ("Bangladeshi", "BD"), ("Sri Lankan", "LK"), ("Nepali", "NP"), ("Australian", "AU"),
        ("Kosovar", "XK"),
    ];

    private static readonly (string Code, string Name)[] ExtraNames =
    [
        ("XK", "Kosovo"), ("PS", "Palestinian Territories"), ("TW", "Taiwan"),
    ];

    private static readonly FrozenDictionary<string, string> CodesByKey = BuildCodes();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CodesBySpan =
        CodesByKey.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, string> NamesByCode = BuildNames();

    /// <summary>Tries to resolve a country name, alpha-2 or alpha-3 code, or nationality adjective.</summary>
    /// <param name="nameOrCode">The text as the list writes it, e.g. <c>Korea, North</c>, <c>IRN</c>, <c>Iranian</c>.</param>
    /// <param name="code">The ISO 3166-1 alpha-2 code, upper case, when the text resolves; else empty.</param>
    /// <returns>Whether the text resolved. Never throws.</returns>
    public static bool TryGetCode(ReadOnlySpan<char> nameOrCode, out string code)
    {
        code = string.Empty;
        nameOrCode = nameOrCode.Trim();
        if (nameOrCode.IsEmpty || nameOrCode.Length > MaxKeyLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxKeyLength * 2];
        var length = WriteKey(nameOrCode, buffer);
        var key = buffer[..length];
        if (CodesBySpan.TryGetValue(key, out var found))
        {
            code = found;
            return true;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["REGION ", "THE "])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && CodesBySpan.TryGetValue(key[prefix.Length..], out found))
            {
                code = found;
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the alpha-2 code when the text resolves, else the trimmed text.</summary>
    /// <param name="text">A country name or code as a list writes it.</param>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryGetCode(text, out var code) ? code : text.Trim();
    }

    /// <summary>Returns the English short name of an alpha-2 code (e.g. <c>IR</c> → <c>Iran</c>), or null when unknown.</summary>
    /// <param name="code">An ISO 3166-1 alpha-2 code, any case.</param>
    public static string? GetName(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return NamesByCode.TryGetValue(code.Trim(), out var name) ? name : null;
    }

    /// <summary>
    /// Writes the lookup key of the text: letters and digits upper-cased without diacritics, every run of other
    /// characters as one space, no leading or trailing space. Returns the key length.
    /// </summary>
    private static int WriteKey(ReadOnlySpan<char> text, Span<char> destination)
    {
        // Non-ASCII text is decomposed first so that "ü" becomes "u" plus a mark, which is then skipped.
        if (!Ascii.IsValid(text))
        {
            text = text.ToString().Normalize(NormalizationForm.FormD).AsSpan();
        }

        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (length == destination.Length)
                {
                    break;
                }

                if (pendingSpace && length > 0 && length < destination.Length - 1)
                {
                    destination[length++] = ' ';
                }

                pendingSpace = false;
                destination[length++] = char.ToUpperInvariant(c);
            }
            else if (c == '&' && length + 5 <= destination.Length)
            {
                // RegionInfo writes "Bosnia & Herzegovina" where lists write "Bosnia and Herzegovina".
                if (length > 0)
                {
                    destination[length++] = ' ';
                }

                "AND".CopyTo(destination[length..]);
                length += 3;
                pendingSpace = true;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingSpace = true;
            }
        }

        return length;
    }

    private static string Key(string text)
    {
        Span<char> buffer = stackalloc char[MaxKeyLength * 2];
        return buffer[..WriteKey(text, buffer)].ToString();
    }

    private static FrozenDictionary<string, string> BuildCodes()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in Regions())
        {
            map.TryAdd(Key(code.TwoLetter), code.TwoLetter);
            map.TryAdd(Key(code.ThreeLetter), code.TwoLetter);
            map.TryAdd(Key(name.English), code.TwoLetter);
            if (name.Native.Length > 0)
            {
                map.TryAdd(Key(name.Native), code.TwoLetter);
            }
        }

        // The list spellings win over RegionInfo where both exist.
        foreach (var (text, code) in ListSpellings)
        {
            map[Key(text)] = code;
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> BuildNames()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, name) in Regions())
        {
            map.TryAdd(code.TwoLetter, name.English);
        }

        foreach (var (code, name) in ExtraNames)
        {
            map[code] = name;
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<((string TwoLetter, string ThreeLetter) Code, (string English, string Native) Name)> Regions()
    {
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                // Some cultures name a region ICU cannot describe; they add nothing.
                continue;
            }

            var two = region.TwoLetterISORegionName;
            if (two.Length != 2 || !char.IsAsciiLetterUpper(two[0]) || !char.IsAsciiLetterUpper(two[1]))
            {
                continue;
            }

            yield return ((two, region.ThreeLetterISORegionName), (region.EnglishName, region.NativeName));
        }
    }
}
