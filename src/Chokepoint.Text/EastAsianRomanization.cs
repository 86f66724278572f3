using System.Buffers;
using System.Collections.Frozen;

namespace Chokepoint.Text;

/// <summary>
/// Reads a Latin token as one or two Chinese or Korean syllables and returns a key on which pinyin, Wade-Giles, older
/// postal forms, McCune-Reischauer, Revised Romanization and common Korean spellings of the same syllables meet.
/// </summary>
/// <remarks>
/// <para>
/// Wade-Giles marks aspiration with an apostrophe (p'ing is pinyin ping, ping is bing) and McCune-Reischauer does the
/// same (ch'ŏl, chŏng); names on lists and in customer records mostly drop it, and normalisation drops it too. So the
/// key merges each unaspirated/aspirated pair into one class: b/p, d/t, g/k, j/q/zh/ch (and Korean j/ch), z/c/ts/tz, and
/// x with Wade-Giles hs. Finals are rewritten to one spelling: Wade-Giles -ih, -ieh, -ien, -ueh, -uei, -ung, -erh
/// (shih/shi, yeh/ye, lien/lian, hsüeh/xue, kuei/gui, tung/dong, erh/er); Korean eo/ŏ, eu/ŭ, oi/oe and ee
/// (Jeong/Chŏng/Chong/Jung, Eun/Ŭn/Un, Choi/Choe, Lee), and -ul/-ol/-eol (Chul/Chol/Cheol).
/// </para>
/// <para>
/// Only tokens that divide wholly into syllables of these languages get a key, and at most two syllables (a joined
/// given name: Jinping, Jongun), so most European names are left alone. Runs once per listed token at build time and
/// once per query token. Stateless and thread-safe.
/// </para>
/// </remarks>
internal static class EastAsianRomanization
{
    private const int MaxSyllables = 2;
    private const int MaxToken = 16;

    private const byte Chinese = 1;
    private const byte Korean = 2;
    private const byte Both = Chinese | Korean;

    // Longest spelling first; each maps to its class: P b/p, D d/t, G g/k, Q j/q/zh/ch, c z/c/ts/tz, X x/hs, S sh.
    private static readonly (string Spelling, char Class, byte Languages)[] Initials =
    [
        ("ts", 'c', Chinese), ("tz", 'c', Chinese), ("sz", 's', Chinese), ("zh", 'Q', Chinese), ("ch", 'Q', Both),
        ("sh", 'S', Both), ("hs", 'X', Chinese), ("jj", 'Q', Korean), ("kk", 'G', Korean), ("pp", 'P', Korean),
        ("tt", 'D', Korean), ("ss", 's', Both), ("th", 'D', Korean), ("ph", 'P', Korean),
        ("b", 'P', Both), ("p", 'P', Both), ("d", 'D', Both), ("t", 'D', Both), ("g", 'G', Both), ("k", 'G', Both),
        ("j", 'Q', Both), ("q", 'Q', Chinese), ("z", 'c', Chinese), ("c", 'c', Chinese), ("x", 'X', Chinese),
        ("s", 's', Both), ("h", 'H', Both), ("f", 'f', Chinese), ("m", 'm', Both), ("n", 'n', Both), ("l", 'l', Both),
        ("r", 'r', Both), ("w", 'w', Both), ("y", 'y', Both),
    ];

    // Vowel nuclei of pinyin and Wade-Giles, and of the Korean systems, longest first, with the spelling they meet on.
    private static readonly (string Spelling, string Canonical, byte Languages)[] Nuclei =
    [
        ("iao", "iao", Chinese), ("uai", "uai", Chinese), ("uei", "ui", Chinese), ("wae", "wae", Korean),
        ("weo", "wo", Korean), ("yae", "yae", Korean), ("yeo", "yo", Korean), ("eui", "ui", Korean),
        ("ai", "ai", Chinese), ("ao", "ao", Chinese), ("ei", "ei", Chinese), ("ia", "ia", Chinese), ("ie", "ie", Chinese),
        ("iu", "iu", Chinese), ("ou", "ou", Chinese), ("ua", "ua", Chinese), ("ue", "ue", Chinese), ("uo", "uo", Chinese),
        ("ae", "ae", Korean), ("eo", "o", Korean), ("eu", "u", Korean), ("oe", "oe", Korean), ("oi", "oe", Korean),
        ("wa", "wa", Korean), ("we", "we", Korean), ("wi", "wi", Korean), ("wo", "wo", Korean), ("ya", "ya", Korean),
        ("ye", "ye", Korean), ("yo", "yo", Korean), ("yu", "yu", Korean), ("ee", "i", Korean), ("oo", "u", Korean),
        ("ui", "ui", Both), ("a", "a", Both), ("e", "e", Both), ("i", "i", Both), ("o", "o", Both), ("u", "u", Both),
    ];

    // Final consonants: n and ng in Chinese; k, l, m, p, t as well in Korean (stops are classed like initials).
    // No coda is tried before the stops, so "xiaoping" reads xiao-ping, not xiaop-ing.
    private static readonly (string Spelling, string Canonical, byte Languages)[] Codas =
    [
        ("ng", "ng", Both), ("n", "n", Both), ("", "", Both), ("m", "m", Korean), ("l", "l", Korean), ("k", "G", Korean),
        ("p", "P", Korean), ("t", "D", Korean),
    ];

    // Hong Kong and Macau write Chinese surnames by their Cantonese sound (劉 Lau, 張 Cheung, 黃 Wong), the mainland and
    // most lists by pinyin (Liu, Zhang, Huang); people there often carry an English given name too (Emily Lau). Only
    // spellings that are no syllable of pinyin or Wade-Giles: Chan, Tse, Tsang and Hui are (Zhan, Ze, Zang, Hui).
    private static readonly FrozenDictionary<string, string> CantoneseSurnames = new Dictionary<string, string>
    {
        ["lau"] = "liu", ["cheung"] = "zhang", ["leung"] = "liang", ["wong"] = "huang", ["kwok"] = "guo", ["yip"] = "ye",
        ["tsoi"] = "cai", ["chow"] = "zhou", ["chau"] = "zhou", ["ng"] = "wu", ["yeung"] = "yang", ["fung"] = "feng",
        ["siu"] = "xiao", ["kwan"] = "guan", ["yuen"] = "yuan", ["lam"] = "lin", ["mak"] = "mai", ["tam"] = "tan",
        ["szeto"] = "situ", ["lui"] = "lei",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the pinyin of a Cantonese spelling of a Chinese surname (Lau: liu, Cheung: zhang), or null.</summary>
    public static string? CantoneseSurname(string token) => CantoneseSurnames.GetValueOrDefault(token);

    /// <summary>Returns the East Asian syllable key of a normalised Latin token, or null when it is not one or two syllables.</summary>
    /// <param name="token">Lower-case ASCII letters, as made by <see cref="NameNormalizer"/>.</param>
    public static string? Key(string token)
    {
        if (token.Length < 2 || token.Length > MaxToken)
        {
            return null;
        }

        // Common spellings of the Korean surnames 이 and 박, which no syllable rule reaches (Rhee, Park).
        switch (token)
        {
            case "lee" or "yi" or "ri" or "rhee" or "rhie" or "yee" or "rhi":
                return "li";
            case "park" or "bak" or "pak" or "bahk":
                return "PaG";
        }

        if (!CouldBeSyllables(token))
        {
            return null;
        }

        // A token is read in one language's syllables, never a mix (Choïgou is neither choi-gou nor cho-i-gou).
        Span<char> output = stackalloc char[MaxToken * 3];
        // The reading with fewer syllables wins (Choi is one Korean syllable, not Chinese cho-i); Chinese on a tie.
        Span<char> korean = stackalloc char[MaxToken * 3];
        var chineseSyllables = 0;
        var koreanSyllables = 0;
        var written = Parse(token, 0, 0, output, 0, Chinese, ref chineseSyllables);
        var koreanWritten = Parse(token, 0, 0, korean, 0, Korean, ref koreanSyllables);
        if (koreanWritten > 0 && (written <= 0 || koreanSyllables < chineseSyllables))
        {
            output = korean;
            written = koreanWritten;
        }

        return written <= 0 ? null : Collapse(output[..written]);
    }

    // Every letter of the tables, and the letters a syllable holds past its table spellings (Wade-Giles' final h, er's r).
    private static readonly SearchValues<char> SyllableLetters = SearchValues.Create(string.Concat(
        Initials.Select(i => i.Spelling).Concat(Nuclei.Select(n => n.Spelling)).Concat(Codas.Select(c => c.Spelling)).Append("hr")));

    // For each letter a to z, the indexes of the table's spellings that begin with it, in the table's order.
    private static readonly int[][] InitialsByLetter = ByFirstLetter(Initials.Select(i => i.Spelling));
    private static readonly int[][] NucleiByLetter = ByFirstLetter(Nuclei.Select(n => n.Spelling));

    private static int[][] ByFirstLetter(IEnumerable<string> spellings)
    {
        var list = spellings.ToList();
        return [.. Enumerable.Range(0, 26).Select(c => Enumerable.Range(0, list.Count).Where(i => list[i][0] == 'a' + c).ToArray())];
    }

    // Initials and codas hold none of a, e, i, o and u, and each syllable's nucleus is one run of them (two syllables
    // may share a run: xi-an). A token with more runs than syllables allowed, with none, or with a letter no spelling
    // uses (the v of Pavel) has no reading; most European names end here, before the search below.
    private static bool CouldBeSyllables(string token)
    {
        if (token.AsSpan().ContainsAnyExcept(SyllableLetters))
        {
            return false;
        }

        var runs = 0;
        var inRun = false;
        foreach (var c in token)
        {
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u';
            runs += vowel && !inRun ? 1 : 0;
            inRun = vowel;
        }

        return runs is > 0 and <= MaxSyllables;
    }

    // Depth-first over initial, nucleus and coda, longest spelling first; returns the key length, or -1.
    private static int Parse(string token, int at, int syllables, Span<char> output, int written, byte language, ref int count)
    {
        if (at == token.Length)
        {
            count = syllables;
            return syllables > 0 ? written : -1;
        }

        if (syllables == MaxSyllables)
        {
            return -1;
        }

        // Only spellings that begin with the letter here can match; they are tried in the tables' order.
        var initials = InitialsByLetter[token[at] - 'a'];
        for (var k = -1; k < initials.Length; k++)
        {
            var (initial, cls, initialLanguages) = k < 0 ? ("", '\0', Both) : Initials[initials[k]];
            if ((initialLanguages & language) == 0 || !token.AsSpan(at).StartsWith(initial, StringComparison.Ordinal))
            {
                continue;
            }

            var afterInitial = at + initial.Length;

            // Pinyin j, q and x, and Wade-Giles hs, come only before i and u (ü); Xan and Xassan are Russian х.
            if (language == Chinese && initial is "j" or "q" or "x" or "hs" && (afterInitial == token.Length || token[afterInitial] is not ('i' or 'u')))
            {
                continue;
            }
            if (afterInitial == token.Length)
            {
                continue;
            }

            foreach (var ni in NucleiByLetter[token[afterInitial] - 'a'])
            {
                var (nucleus, canonical, nucleusLanguages) = Nuclei[ni];
                if ((nucleusLanguages & language) == 0 || !token.AsSpan(afterInitial).StartsWith(nucleus, StringComparison.Ordinal))
                {
                    continue;
                }

                var afterNucleus = afterInitial + nucleus.Length;
                foreach (var (coda, codaKey, codaLanguages) in Codas)
                {
                    if ((codaLanguages & language) == 0)
                    {
                        continue;
                    }

                    var rest = token.AsSpan(afterNucleus);
                    var end = afterNucleus + coda.Length;

                    // Wade-Giles writes -ih, -ieh, -ueh, -eh and -erh with an h that pinyin does not have (at a syllable's end).
                    var silentH = language == Chinese && coda.Length == 0 && rest.Length > 0 && rest[0] == 'h' && (rest.Length == 1 || !Romanization.IsVowel(rest[1]))
                        && canonical is "i" or "ie" or "ue" or "e" && initial != "h";
                    var er = language == Chinese && coda.Length == 0 && initial.Length == 0 && nucleus == "e" && rest.StartsWith("r", StringComparison.Ordinal)
                        && (rest.Length == 1 || rest[1] == 'h' || !Romanization.IsVowel(rest[1]));
                    if (!rest.StartsWith(coda, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (silentH)
                    {
                        end++;
                    }
                    else if (er)
                    {
                        end += rest.Length > 1 && rest[1] == 'h' ? 2 : 1;
                    }

                    var n = Syllable(initial, cls, canonical, er ? "r" : codaKey, language, output[written..]);
                    var total = Parse(token, end, syllables + 1, output, written + n, language, ref count);
                    if (total > 0)
                    {
                        return total;
                    }
                }
            }
        }

        return -1;
    }

    private static int Syllable(string initial, char cls, string nucleus, string coda, byte language, Span<char> into)
    {
        // Wade-Giles szu, ssu and tzu are pinyin si and zi: the u is the apical vowel, not u.
        if (nucleus == "u" && coda.Length == 0 && initial is "sz" or "ss" or "tz")
        {
            nucleus = "i";
        }

        // Postal forms write pinyin j and q as ts before i (Tsingtao, Tsinan); pinyin z and c never come before i
        // except in zi and ci.
        if (cls == 'c' && nucleus[0] == 'i' && (nucleus.Length > 1 || coda.Length > 0))
        {
            cls = 'Q';
        }

        // Wade-Giles ko and ho are pinyin ge and he.
        if (nucleus == "o" && coda.Length == 0 && cls is 'G' or 'H')
        {
            nucleus = "e";
        }

        // Wade-Giles and Korean -ung is pinyin -ong (tung/dong, Chung/Jong); Korean -ul, -eol and -ol meet (Chul/Cheol).
        if (nucleus is "u" or "iu" or "yu" && coda == "ng")
        {
            nucleus = nucleus == "u" ? "o" : nucleus[0] + "o";
        }
        else if (nucleus == "u" && coda == "l")
        {
            nucleus = "o";
        }
        else if (nucleus == "yu" && coda == "n" && language == Korean)
        {
            // Korean yeon/yŏn is often written yun (Hyun, Hyon, Hyeon).
            nucleus = "yo";
        }

        // Wade-Giles -ien is pinyin -ian (lien/lian).
        if (nucleus == "ie" && coda == "n")
        {
            nucleus = "ia";
        }

        var n = 0;
        if (cls != '\0')
        {
            into[n++] = cls;
        }

        nucleus.CopyTo(into[n..]);
        n += nucleus.Length;
        coda.CopyTo(into[n..]);
        return n + coda.Length;
    }

    private static string Collapse(Span<char> key)
    {
        var m = 0;
        for (var k = 0; k < key.Length; k++)
        {
            if (m > 0 && key[m - 1] == key[k])
            {
                continue;
            }

            key[m++] = key[k];
        }

        return new string(key[..m]);
    }
}
