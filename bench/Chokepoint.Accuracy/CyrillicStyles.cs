using System.Text;

namespace Chokepoint.Accuracy;

/// <summary>
/// Respells Cyrillic names in a Western romanisation style, to measure names written in styles an evaluation set does
/// not show: German (Duden: Schukow, Iwanowitsch), French (Joukov, Ivanovitch), Polish (Żukow, Iwanowicz), ICAO 9303
/// (the machine-readable passport: Zhukov, Iuliia), ISO 9 (Žukov, Ŝerbakov, Ûlâ), GOST 7.79 system B, the ASCII form
/// of Russian records (Zhukov, Shherbakov, Yulya, Czvetkov) and the scholarly system (Žukov, Ščerbakov, Julja, Xarkov).
/// </summary>
/// <remarks>
/// Mechanical and simplified on purpose (no dictionary spellings such as Jelzin for Yeltsin); that is what a clerk or a
/// foreign register writes. Letters outside Russian, Ukrainian and Belarusian Cyrillic are kept as they are.
/// </remarks>
internal static class CyrillicStyles
{
    public static readonly string[] Names = ["german", "french", "polish", "icao", "iso9", "gost", "scholarly"];

    private const string Vowels = "аеёиоуыэюяіїєў";

    private static readonly Dictionary<char, string> German = Table(
        "а a б b в w г g д d е e ё jo ж sch з s и i й i к k л l м m н n о o п p р r с s т t у u ф f х ch ц z ч tsch ш sch " +
        "щ schtsch ъ - ы y ь - э e ю ju я ja і i ї ji є je ґ g ў u");

    private static readonly Dictionary<char, string> French = Table(
        "а a б b в v г g д d е e ё io ж j з z и i й ï к k л l м m н n о o п p р r с s т t у ou ф f х kh ц ts ч tch ш ch " +
        "щ chtch ъ - ы y ь - э e ю iou я ia і i ї ï є ie ґ g ў ou");

    private static readonly Dictionary<char, string> Polish = Table(
        "а a б b в w г g д d е ie ё io ж ż з z и i й j к k л ł м m н n о o п p р r с s т t у u ф f х ch ц c ч cz ш sz " +
        "щ szcz ъ - ы y ь - э e ю iu я ia і i ї ji є je ґ g ў u");

    private static readonly Dictionary<char, string> Icao = Table(
        "а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh " +
        "щ shch ъ ie ы y ь - э e ю iu я ia і i ї i є ie ґ g ў u");

    private static readonly Dictionary<char, string> Iso9 = Table(
        "а a б b в v г g д d е e ё ë ж ž з z и i й j к k л l м m н n о o п p р r с s т t у u ф f х h ц c ч č ш š " +
        "щ ŝ ъ ʺ ы y ь ʹ э è ю û я â і ì ї ï є ê ґ g ў ŭ");

    private static readonly Dictionary<char, string> Gost = Table(
        "а a б b в v г g д d е e ё yo ж zh з z и i й j к k л l м m н n о o п p р r с s т t у u ф f х x ц cz ч ch ш sh " +
        "щ shh ъ `` ы y' ь ` э e` ю yu я ya і i ї yi є ye ґ g` ў u`");

    private static readonly Dictionary<char, string> Scholarly = Table(
        "а a б b в v г g д d е e ё ë ж ž з z и i й j к k л l м m н n о o п p р r с s т t у u ф f х x ц c ч č ш š " +
        "щ šč ъ ʺ ы y ь ʹ э è ю ju я ja і i ї ji є je ґ g ў ŭ");

    /// <summary>Returns whether the text has a Cyrillic letter.</summary>
    public static bool HasCyrillic(string text) => text.Any(IsCyrillic);

    /// <summary>
    /// Returns the name with each word written wholly in Cyrillic respelt in the style, its case following the word's
    /// (ИВАНОВ, Иванов); a word that mixes scripts (a homoglyph disguise) is kept as it is.
    /// </summary>
    public static string Respell(string name, string style)
    {
        var b = new StringBuilder(name.Length * 2);
        var i = 0;
        while (i < name.Length)
        {
            if (!char.IsLetter(name[i]))
            {
                b.Append(name[i++]);
                continue;
            }

            var start = i;
            while (i < name.Length && char.IsLetter(name[i]))
            {
                i++;
            }

            var word = name[start..i];
            if (!word.All(IsCyrillic))
            {
                b.Append(word);
                continue;
            }

            var spelt = Word(word.ToLowerInvariant(), style);
            b.Append(word.Length > 1 && word.All(c => !char.IsLower(c)) ? spelt.ToUpperInvariant()
                : char.IsUpper(word[0]) && spelt.Length > 0 ? char.ToUpperInvariant(spelt[0]) + spelt[1..] : spelt);
        }

        return b.ToString();
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static string Word(string w, string style)
    {
        var table = style switch
        {
            "german" => German,
            "french" => French,
            "polish" => Polish,
            "icao" => Icao,
            "iso9" => Iso9,
            "gost" => Gost,
            "scholarly" => Scholarly,
            _ => throw new ArgumentException($"unknown style '{style}' (known: {string.Join(", ", Names)})", nameof(style)),
        };

        var b = new StringBuilder(w.Length * 2);
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var prev = i > 0 ? w[i - 1] : '\0';
            var next = i + 1 < w.Length ? w[i + 1] : '\0';
            var initialOrAfterVowel = i == 0 || Vowels.Contains(prev) || prev is 'ь' or 'ъ';
            var between = i > 0 && Vowels.Contains(prev) && Vowels.Contains(next);
            var spelt = (style, c) switch
            {
                // е is je/ie/ye at a word's start and after a vowel or a soft or hard sign.
                ("german", 'е') when initialOrAfterVowel => "je",
                ("french", 'е') when initialOrAfterVowel => "ie",
                ("polish", 'е') when initialOrAfterVowel => "je",
                ("polish", 'е') when prev is 'ж' or 'ш' or 'ч' or 'щ' or 'ц' or 'л' => "e",
                ("polish", 'я') when initialOrAfterVowel => "ja",
                ("polish", 'ю') when initialOrAfterVowel => "ju",
                ("polish", 'л') when next is 'е' or 'ё' or 'ю' or 'я' or 'и' or 'ь' => "l",
                // German and French double an s between vowels so it is not read as z.
                ("german" or "french", 'с') when between => "ss",
                ("french", 'г') when next is 'е' or 'и' or 'э' => "gu",
                ("french", 'и') when i > 0 && Vowels.Contains(prev) => "ï",
                // GOST writes ц as c before i, e, y and j, and cz elsewhere.
                ("gost", 'ц') when next is 'и' or 'е' or 'ы' or 'й' or 'і' or 'є' => "c",
                _ => table.TryGetValue(c, out var s) ? s : c.ToString(),
            };
            b.Append(spelt);
        }

        var r = b.ToString();

        // The adjective ending -ий/-ый is -i/-y in German and French, -i/-y in Polish too (Jewgeni, Dostojewski).
        return style switch
        {
            "german" when r.EndsWith("ii", StringComparison.Ordinal) => r[..^1],
            "french" when r.EndsWith("iï", StringComparison.Ordinal) || r.EndsWith("yï", StringComparison.Ordinal) => r[..^1],
            "polish" when r.EndsWith("ij", StringComparison.Ordinal) || r.EndsWith("yj", StringComparison.Ordinal) => r[..^1],
            _ => r,
        };
    }

    // "а a б b ..." as pairs; "-" stands for nothing.
    private static Dictionary<char, string> Table(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var d = new Dictionary<char, string>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            d[parts[i][0]] = parts[i + 1] == "-" ? "" : parts[i + 1];
        }

        return d;
    }
}
