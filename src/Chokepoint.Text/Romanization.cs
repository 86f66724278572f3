namespace Chokepoint.Text;

/// <summary>
/// Maps every romanisation system (BGN/PCGN, ICAO 9303, GOST, ISO 9, scholarly, French, German, English
/// spellings of Arabic and Persian) onto one canonical key per token.
/// </summary>
/// <remarks>
/// Keys use lower-case letters plus a few upper-case class letters: <c>S</c> for sh/sch/shch/sz, <c>C</c> for
/// ch/tch/tsch/cz, <c>T</c> for ts/tz/soft c, <c>Z</c> for zh, <c>J</c> for dzh/dj/j, <c>H</c> for kh/h.
/// Runs once per listed name at build time and once per query. Stateless and thread-safe.
/// </remarks>
internal static class Romanization
{
    private const int MaxToken = 128;

    /// <summary>Returns the canonical key of a normalised Latin token.</summary>
    public static string Key(string token) => Key(token, consonantal: false);

    /// <summary>Returns the canonical key; for a token from a script without written vowels, w and y are read as vowels.</summary>
    public static string Key(string token, bool consonantal)
    {
        var s = token.AsSpan();
        if (s.Length > MaxToken)
        {
            s = s[..MaxToken];
        }

        Span<char> a = stackalloc char[(s.Length * 2) + 2];
        var n = 0;
        var i = 0;
        while (i < s.Length)
        {
            var rest = s[i..];
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                a[n++] = c;
                i++;
                continue;
            }

            if (consonantal)
            {
                // Arabic and Hebrew romanised letter by letter: w and y are mostly long vowels, except at the start.
                var digraph = rest.Length > 1 && rest[1] == 'h' && c is 'k' or 's' or 't' or 'd' or 'g' or 'z' or 'c';
                a[n++] = digraph
                    ? c switch { 'k' => 'H', 's' => 'S', 'z' => 'Z', 'c' => 'C', _ => c }
                    : c switch
                    {
                        'w' => i == 0 ? 'v' : 'u',
                        'y' => 'i',
                        'q' => 'k',
                        'h' or 'x' => 'H',
                        'j' => 'J',
                        _ => c,
                    };
                i += digraph ? 2 : 1;
                continue;
            }

            var (emit, used) = rest switch
            {
                _ when rest.StartsWith("schtsch") => ('S', 7),
                _ when rest.StartsWith("shtch") || rest.StartsWith("chtch") || rest.StartsWith("shtsh") => ('S', 5),
                _ when rest.StartsWith("shch") || rest.StartsWith("szcz") => ('S', 4),
                // GOST 7.79 writes щ as shh; Estonian and Finnish write ч as tš.
                _ when rest.StartsWith("shh") => ('S', 3),
                _ when rest.StartsWith("tsh") => ('C', 3),
                _ when rest.StartsWith("tsch") => ('C', 4),
                _ when rest.StartsWith("dzh") || rest.StartsWith("dsch") => ('J', rest[1] == 'z' ? 3 : 4),
                // English dge is the dzh that Russian transcribes it as (Bridge, Bridzh).
                _ when rest.StartsWith("dge") => ('J', 2),
                _ when rest.StartsWith("sch") => ('S', 3),
                _ when rest.StartsWith("tch") => ('C', 3),
                _ when rest.StartsWith("sh") || rest.StartsWith("sz") => ('S', 2),
                _ when rest.StartsWith("ch") || rest.StartsWith("cz") => ('C', 2),
                _ when rest.StartsWith("kh") => ('H', 2),
                _ when rest.StartsWith("zh") => ('Z', 2),
                _ when rest.StartsWith("ts") || rest.StartsWith("tz") => ('T', 2),
                _ when rest.StartsWith("dj") => ('J', 2),
                _ when rest.StartsWith("ph") => ('f', 2),
                _ when rest.StartsWith("th") => ('t', 2),
                _ when rest.StartsWith("dh") => ('d', 2),
                _ when rest.StartsWith("gh") => ('g', 2),
                _ when rest.StartsWith("ck") => ('k', 2),
                _ when rest.StartsWith("ou") || rest.StartsWith("oo") => ('u', 2),
                _ when rest.StartsWith("gu") && rest.Length > 2 && rest[2] is 'e' or 'i' => ('g', 2),
                _ => ('\0', 0),
            };

            if (used > 0)
            {
                a[n++] = emit;
                i += used;
                continue;
            }

            switch (c)
            {
                case 'c':
                    a[n++] = rest.Length > 1 && rest[1] is 'e' or 'i' or 'y' ? 'T' : 'k';
                    break;
                case 'q':
                    a[n++] = 'k';
                    break;
                case 'h':
                    a[n++] = 'H';
                    break;
                case 'w':
                    a[n++] = 'v';
                    break;
                case 'x':
                    a[n++] = 'k';
                    a[n++] = 's';
                    break;
                case 'y':
                    a[n++] = 'i';
                    break;
                case 'j':
                    // j is the glide й or the soft ja/ju of GOST, ISO 9 and German (Sergej, Deljagin, Juri); the English
                    // j of Jamal and Javad (Russian dzh) is the alternative reading (AlternativeKey).
                    a[n++] = 'i';
                    break;
                default:
                    a[n++] = c;
                    break;
            }

            i++;
        }

        return Finish(a[..n]);
    }

    /// <summary>
    /// Returns the key of the token as another romanisation system would read it, or null when no other reading applies.
    /// </summary>
    /// <remarks>
    /// In order: Chinese and Korean syllables (<see cref="EastAsianRomanization"/>); French spellings of Russian names,
    /// which write ш as ch and ж as j (Choïgou, Joukov); German spellings, which write х as ch beside sch and tsch
    /// (Chruschtschow); an initial j read as the English j that Russian writes dzh (Javad, Dzhavad).
    /// </remarks>
    /// <param name="token">A normalised Latin token.</param>
    /// <param name="syllables">Whether the token belongs to a name read as Chinese or Korean syllables.</param>
    /// <param name="frenchName">Whether another word of the name shows the French style (Nikolaievitch), so this one's ch and j are ш and ж as well.</param>
    public static string? AlternativeKey(string token, bool syllables = true, bool frenchName = false)
    {
        if (EastAsianRomanization.CantoneseSurname(token) is { } pinyin)
        {
            return Key(pinyin);
        }

        if (syllables && EastAsianRomanization.Key(token) is { } eastAsian)
        {
            return string.Equals(eastAsian, Key(token), StringComparison.Ordinal) ? null : eastAsian;
        }

        var s = token.AsSpan();
        if (s.Length > MaxToken || s.Length < 3)
        {
            return null;
        }

        // French: ou for u marks the token; its ch is ш (tch is ч) and its j is ж (dj is дж).
        var french = frenchName || s.Contains("ou", StringComparison.Ordinal);

        // Dutch: sj for ш and zj for ж mark the token; its oe is у and its ch alone is х (Chroesjtsjov, Sjojgoe).
        // Not in the key: Belarusian Latin writes сь as sj (Sjargej).
        var dutch = !french && (s.Contains("sj", StringComparison.Ordinal) || s.Contains("zj", StringComparison.Ordinal));

        // German: sch for ш marks the token; its ch alone is х. Polish likewise beside sz and cz (Chruszczow).
        var german = !french && (dutch || s.Contains("sch", StringComparison.Ordinal) || s.Contains("sz", StringComparison.Ordinal)
            || s.Contains("cz", StringComparison.Ordinal));
        if (french || german)
        {
            Span<char> b = stackalloc char[(s.Length * 2) + 1];
            var n = 0;
            var changed = false;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                var alone = i == 0 || s[i - 1] is not ('t' or 's' or 'd');
                if (c == 'c' && i + 1 < s.Length && s[i + 1] == 'h' && alone)
                {
                    b[n++] = french ? 's' : 'k';
                    b[n++] = 'h';
                    i++;
                    changed = true;
                }
                else if (dutch && (c is 's' or 'z') && i + 1 < s.Length && s[i + 1] == 'j')
                {
                    b[n++] = c;
                    b[n++] = 'h';
                    i++;
                    changed = true;
                }
                else if (dutch && c == 'o' && i + 1 < s.Length && s[i + 1] == 'e')
                {
                    b[n++] = 'u';
                    i++;
                    changed = true;
                }
                else if (french && c == 'j' && alone)
                {
                    b[n++] = 'z';
                    b[n++] = 'h';
                    changed = true;
                }
                else
                {
                    b[n++] = c;
                }
            }

            if (changed)
            {
                return Key(new string(b[..n]));
            }
        }

        // German, Czech, ISO 9 and scholarly write дя, дю, дё as dja, dju, djo (Djatschenko, Djagovec), where English
        // and French read dj as дж (Djamel): the key keeps dzh, this reading d and the glide.
        var soft = DjAsDy(s);
        if (soft is not null || HardC(s) >= 0)
        {
            var read = soft ?? token;
            if (HardC(read) < 0)
            {
                return Key(read);
            }

            // Scholarly romanisation writes ц as c and х as x in the same word (Belspecvneshtexnika).
            var ts = CAsTs(read);
            return Key(read.Contains('x') ? ts.Replace("x", "kh", StringComparison.Ordinal) : ts);
        }

        // Read as dzh before keying, so the glide does not merge with a following i (Jihad, Dzhikhad).
        return s[0] == 'j' && Key(token) is { Length: > 1 } key && key[0] == 'i' ? Key(string.Concat("dzh", s[1..])) : null;
    }

    /// <summary>
    /// Returns whether a name is a French transcription of a Russian one: a word ending in -vitch or beginning with tch
    /// (Nikolaievitch, Tchaikovski), so every word's ch and j are read as ш and ж (<see cref="AlternativeKey"/>).
    /// German and Polish styles are told by <see cref="GermanRomanization"/> and <see cref="PolishRomanization"/>.
    /// </summary>
    public static bool IsFrenchStyle(IReadOnlyList<ScriptToken> tokens)
    {
        foreach (var t in tokens)
        {
            if (!t.Consonantal && !t.Han && t.Text.Length > 4
                && (t.Text.EndsWith("vitch", StringComparison.Ordinal) || t.Text.StartsWith("tch", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns the key of a token read as a French spelling of an Arabic name, or null when no French letter is in it:
    /// dj is j (Djamel), ch is sh (Cheikh, Mechaal), c before e or i is s (Youcef), ou before a vowel is w (Ouahab), and a
    /// final e after a consonant is silent (Slimane).
    /// </summary>
    public static string? FrenchArabicKey(string token)
    {
        var s = token.AsSpan();
        if (s.Length < 4 || s.Length > MaxToken)
        {
            return null;
        }

        Span<char> b = stackalloc char[(s.Length * 2) + 2];
        var n = 0;
        var changed = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (c == 'd' && next == 'j')
            {
                b[n++] = 'd';
                b[n++] = 'z';
                b[n++] = 'h';
                i++;
                changed = true;
            }
            else if (c == 'c' && next == 'h' && (i == 0 || s[i - 1] is not ('s' or 't')))
            {
                b[n++] = 's';
                b[n++] = 'h';
                i++;
                changed = true;
            }
            else if (c == 'c' && next is 'e' or 'i')
            {
                b[n++] = 's';
                changed = true;
            }
            else if (c == 'o' && next == 'u' && i + 2 < s.Length && IsVowel(s[i + 2]))
            {
                b[n++] = 'w';
                i++;
                changed = true;
            }
            else if (c == 'e' && i == s.Length - 1 && i >= 3 && !IsVowel(s[i - 1]))
            {
                changed = true;
            }
            else
            {
                b[n++] = c;
            }
        }

        if (!changed)
        {
            return null;
        }

        // Kept even when equal to the key (Djamel): it is compared with the other token's other reading (Jamal as Dzhamal).
        return Key(new string(b[..n]));
    }

    // dj before a vowel written dy, or null when the token has none.
    private static string? DjAsDy(ReadOnlySpan<char> s)
    {
        var at = s.IndexOf("dj", StringComparison.Ordinal);
        if (at < 0 || at + 2 >= s.Length || !IsVowel(s[at + 2]))
        {
            return null;
        }

        return string.Concat(s[..(at + 1)], "y", s[(at + 2)..]);
    }

    /// <summary>
    /// Respells a word letter group by letter group: <paramref name="rule"/> gives, at each position, the spelling to
    /// write (null to copy the letter) and how many letters it replaces. Returns null when nothing was respelt.
    /// </summary>
    public static string? Rewrite(string word, Func<string, int, (string? Emit, int Used)> rule)
    {
        var b = new System.Text.StringBuilder(word.Length + 4);
        var changed = false;
        var i = 0;
        while (i < word.Length)
        {
            var (emit, used) = rule(word, i);
            if (emit is null)
            {
                b.Append(word, i, used);
            }
            else
            {
                b.Append(emit);
                changed = true;
            }

            i += used;
        }

        return changed ? b.ToString() : null;
    }

    /// <summary>Returns whether the token has a c that English reads as k and ISO 9 as ц (Coj, Carlos).</summary>
    public static bool HasHardC(string token) => HardC(token) >= 0;

    // A c that English reads as k: not in ch, ck or cz, and not before e, i or y (already read ts).
    private static int HardC(ReadOnlySpan<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == 'c' && (i + 1 == s.Length || s[i + 1] is not ('h' or 'k' or 'z' or 'e' or 'i' or 'y')) && (i == 0 || s[i - 1] != 's'))
            {
                return i;
            }
        }

        return -1;
    }

    // ISO 9, scholarly, Polish and Czech write ц as c (Coj for Tsoi, Caregorodcev for Tsaregorodtsev).
    private static string CAsTs(ReadOnlySpan<char> s)
    {
        Span<char> b = stackalloc char[s.Length * 2];
        var n = 0;
        var next = HardC(s);
        for (var i = 0; i < s.Length; i++)
        {
            if (i == next)
            {
                b[n++] = 't';
                b[n++] = 's';
                var after = HardC(s[(i + 1)..]);
                next = after < 0 ? -1 : i + 1 + after;
            }
            else
            {
                b[n++] = s[i];
            }
        }

        return new string(b[..n]);
    }

    private static string Finish(Span<char> a)
    {
        var n = a.Length;

        // ё after ш, щ, ч and ж ends a name as -ov in German, French and Polish and as -ev in English (Gorbatschow,
        // Gorbatchov, Gorbachev; Chruschtschow, Khrushchev).
        if (n > 4 && a[n - 1] == 'v' && a[n - 2] == 'o' && a[n - 3] is 'S' or 'C' or 'Z')
        {
            a[n - 2] = 'e';
        }

        // Final -ff is the French/German spelling of -ov (Smirnoff).
        if (n > 3 && a[n - 1] == 'f' && a[n - 2] == 'f')
        {
            a[n - 2] = 'v';
            n--;
        }

        // ye/ie/je at the start is e (Yevgeny, Ievgueni, Jewgeni, Evgenii).
        var start = 0;
        if (n > 2 && (a[0] == 'i' || a[0] == 'J') && a[1] == 'e')
        {
            start = 1;
        }

        Span<char> b = stackalloc char[n];
        var m = 0;
        for (var k = start; k < n; k++)
        {
            var c = a[k];

            // Vowel + i + e (Andreyev, Sergeyevich) reads as vowel + e.
            if (c == 'i' && m > 0 && IsVowel(b[m - 1]) && k + 1 < n && a[k + 1] == 'e')
            {
                continue;
            }

            // yo/io after a consonant and before a consonant is ë, written e by most systems (Fyodor, Kuzmichyov).
            if (c == 'i' && m > 0 && !IsVowel(b[m - 1]) && k + 2 < n && a[k + 1] == 'o' && !IsVowel(a[k + 2]))
            {
                b[m++] = 'e';
                k++;
                continue;
            }

            // Doubled letters collapse (Mohammed/Mohamed, Dmitrii/Dmitri).
            if (m > 0 && b[m - 1] == c)
            {
                continue;
            }

            b[m++] = c;
        }

        return new string(b[..m]);
    }

    /// <summary>Returns the consonant skeleton of a key: vowels dropped, a final h dropped.</summary>
    public static string Skeleton(string key)
    {
        Span<char> b = stackalloc char[key.Length];
        return new string(b[..SkeletonInto(key, b)]);
    }

    /// <summary>Returns whether two keys have the same skeleton (<see cref="Skeleton"/>), without building either.</summary>
    public static bool SameSkeleton(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > MaxToken || b.Length > MaxToken)
        {
            return false;
        }

        Span<char> x = stackalloc char[a.Length];
        Span<char> y = stackalloc char[b.Length];
        return x[..SkeletonInto(a, x)].SequenceEqual(y[..SkeletonInto(b, y)]);
    }

    public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static int SkeletonInto(ReadOnlySpan<char> key, Span<char> b)
    {
        var m = 0;
        foreach (var c in key)
        {
            if (IsVowel(c) || (m > 0 && b[m - 1] == c))
            {
                continue;
            }

            b[m++] = c;
        }

        return m > 2 && b[m - 1] == 'H' ? m - 1 : m;
    }
}
