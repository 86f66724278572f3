using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Chokepoint.Core;

namespace Chokepoint.Text;

/// <summary>
/// Reads Arabic-script words and Latin words alike as a consonant skeleton with vowel slots, so an Arabic or Persian
/// name written without short vowels meets any of its romanisations.
/// </summary>
/// <remarks>
/// <para>A reading is a short string: consonant classes (<c>b t T j g h x d D z r s S f q k l m n</c>) with vowel slots
/// between them. From Arabic script the slots hold the long vowels the script writes (<c>1</c> alif, <c>2</c> ya,
/// <c>3</c> waw, <c>0</c> a word-initial alif that needs some vowel, <c>4</c> ayn, hamza or a final ha, which need
/// nothing); from Latin they hold the vowel letters <c>a e i o u</c> and the glides <c>y w v</c>. A leading <c>^</c>
/// marks an article (<c>ال</c>, <c>al</c>/<c>el</c>/<c>ul</c> glued on) whose <c>l</c> may be left out.</para>
/// <para>Consonant classes follow the letters (<c>ث</c> is <c>T</c> = Latin th, <c>ذ</c> is <c>D</c> = dh, <c>خ</c> is
/// <c>x</c> = kh, <c>ش</c> is <c>S</c> = sh, <c>چ</c> is <c>C</c> = ch, close to sh); the loose skeleton merges the classes that romanisations confuse
/// (th/s, dh/d/z, sh/s, q/k/g/j, kh/h) and drops a final h. Runs once per name; comparisons allocate nothing.
/// Stateless and thread-safe.</para>
/// </remarks>
internal static class ArabicReading
{
    /// <summary>The longest reading compared; longer ones (never names) are cut.</summary>
    public const int MaxLength = 48;

    /// <summary>The most keys <see cref="QueryKeys"/> writes.</summary>
    public const int MaxQueryKeys = 8;

    /// <summary>The reading of الله.</summary>
    public const string Allah = "0l4";

    /// <summary>The reading of الدين (al-Din).</summary>
    public const string AlDin = "^0ld2n";

    /// <summary>The reading of ابو (Abu) written at the start of a word.</summary>
    public const string Abu = "0b3";

    private const char Article = '^';

    /// <summary>Marks a reading of a Hebrew word (<see cref="HebrewReading"/>), which Arabic patterns (عبد, الله) never match.</summary>
    public const char HebrewMark = '#';

    // Words of organisation names written in Arabic or Persian, by their reading, and the English word lists use.
    private static readonly FrozenDictionary<string, string> Translations = BuildTranslations(
    [
        ("شركة", "company"), ("شرکت", "company"), ("شركت", "company"), ("کمپنی", "company"), ("كمبني", "company"),
        ("مؤسسة", "establishment"), ("مؤسسه", "establishment"),
        ("مجموعة", "group"), ("مجموعه", "group"), ("گروه", "group"), ("گروپ", "group"),
        ("شبكة", "network"), ("شبکه", "network"), ("مكتب", "office"), ("دفتر", "office"),
        ("صرافة", "exchange"), ("صرافی", "exchange"), ("صرافه", "exchange"),
        ("تجارة", "trading"), ("تجارية", "trading"), ("بازرگانی", "trading"),
        ("صناعات", "industries"), ("صنایع", "industries"), ("صنعت", "industry"), ("صنعتی", "industrial"), ("صناعة", "industry"),
        ("صناعية", "industrial"), ("تجارت", "trading"), ("بنك", "bank"), ("بانک", "bank"),
        ("حركة", "movement"), ("جنبش", "movement"), ("جبهة", "front"), ("جبهه", "front"),
        ("منظمة", "organization"), ("سازمان", "organization"), ("دولية", "international"), ("بین‌المللی", "international"),
        ("حاجي", "haji"), ("حجي", "haji"), ("حاجی", "haji"), ("حاج", "haji"), ("شيخ", "sheikh"), ("شیخ", "sheikh"), ("ملا", "mullah"),
        ("مولوي", "mawlawi"), ("مولوی", "mawlawi"), ("دكتور", "dr"), ("دکتر", "dr"),
        ("هندسة", "engineering"), ("مهندسی", "engineering"), ("خدمات", "services"), ("للخدمات", "services"),
        // Persian sahami-ye khass and aam (private and public joint stock), read as lists transliterate them.
        ("سهامی", "sahami"), ("خاص", "khass"), ("عام", "aam"),
    ]);

    // Words of organisation names, mostly of Iran's and its allies' defence industry, that lists write translated in
    // some names and transliterated in others (Sepah-e Pasdaran, Bonyad): they keep their reading beside the English.
    private static readonly FrozenDictionary<string, string> AlongsideTranslations = BuildTranslations(
    [
        ("هوایی", "aviation"), ("هواپیمایی", "airlines"), ("هواپیماسازی", "aircraft"), ("هواپیما", "aircraft"), ("طيران", "aviation"),
        ("هوافضا", "aerospace"), ("هوافضای", "aerospace"), ("هوافضایی", "aerospace"),
        ("دفاع", "defense"), ("دفاعی", "defense"), ("دفاعية", "defense"),
        ("سپاه", "corps"), ("پاسداران", "guard"), ("حرس", "guard"), ("انقلاب", "revolutionary"), ("انقلابی", "revolutionary"),
        ("ثوري", "revolutionary"), ("اسلامی", "islamic"), ("إسلامية", "islamic"), ("اسلامية", "islamic"), ("إسلامي", "islamic"),
        ("جمهوری", "republic"), ("جمهورية", "republic"), ("نیروی", "forces"), ("نیروهای", "forces"),
        ("قوات", "forces"), ("وزارت", "ministry"), ("وزارة", "ministry"), ("مسلح", "armed"), ("مسلحة", "armed"),
        ("پشتیبانی", "logistics"), ("کشتیرانی", "shipping"), ("ملاحة", "shipping"), ("دولة", "state"), ("دولت", "state"),
        ("طراحی", "design"), ("سامانه", "systems"), ("سامانه‌های", "systems"), ("مرکز", "center"), ("مركز", "center"),
        ("تحقیقات", "research"), ("پژوهشکده", "research"), ("بحوث", "research"), ("موشکی", "missile"), ("موشک", "missile"),
        ("فناوری", "technology"), ("ساخت", "manufacturing"), ("تولید", "production"), ("قطعات", "parts"),
        ("ارتش", "army"), ("جيش", "army"), ("دانشگاه", "university"), ("نفت", "oil"), ("ملی", "national"), ("بنیاد", "foundation"),
        ("تعاون", "cooperative"), ("تعاونی", "cooperative"),
    ]);

    /// <summary>
    /// Returns the English word lists use beside a transliteration for an organisation word written in Arabic script
    /// (هوایی is aviation), or null.
    /// </summary>
    public static string? TranslateAlongside(string? reading) => Lookup(AlongsideTranslations, reading);

    /// <summary>Returns the reading of a word in Arabic script (Arabic, Persian, Urdu letters), or null when it has none.</summary>
    public static string? FromArabic(ReadOnlySpan<char> word)
    {
        Span<char> b = stackalloc char[MaxLength + 2];
        var n = 0;
        var letters = 0;
        var article = word.Length >= 4 && word[0] is 'ا' or 'ٱ' && word[1] == 'ل' && !word.SequenceEqual("الله");
        if (article)
        {
            b[n++] = Article;
        }

        for (var i = 0; i < word.Length && n < MaxLength; i++)
        {
            var c = word[i];
            var last = i == word.Length - 1 || IsLastLetter(word, i);
            var m = c switch
            {
                'ب' or 'پ' => 'b',
                'ت' or 'ط' or 'ٹ' => 't',
                'ث' => 'T',
                'ج' or 'ژ' => 'j',
                'چ' => 'C',
                'ش' => 'S',
                'ح' => 'h',
                'خ' => 'x',
                'د' or 'ض' or 'ڈ' => 'd',
                'ذ' => 'D',
                'ر' or 'ڑ' => 'r',
                'ز' or 'ظ' => 'z',
                'س' or 'ص' => 's',
                'غ' or 'گ' => 'g',
                'ف' => 'f',
                'ق' => 'q',
                'ك' or 'ک' => 'k',
                'ل' => 'l',
                'م' => 'm',
                'ن' or 'ں' => 'n',
                'ه' or 'ۀ' or 'ھ' or 'ہ' => last && letters > 1 ? '4' : 'h',
                'ة' or 'ۃ' or 'ع' or 'ء' or 'ئ' or 'ؤ' => '4',
                'آ' => '1',
                'ا' or 'أ' or 'إ' or 'ٱ' => letters == 0 ? '0' : '1',
                'ى' => '1',
                // Persian writes a final alif maqsura as ی too (عیسی Isa, موسی Musa): there it may be a or i.
                // A word's first ي or و is the consonant y or w (يحيى Yahya, وليد Walid), also after the article.
                'ی' or 'ي' or 'ې' or 'و' when letters == 0 || (article && letters == 2) => c == 'و' ? 'W' : 'Y',
                'ی' or 'ے' => last && letters > 1 ? '4' : '2',
                'ي' or 'ې' => '2',
                'و' => '3',
                _ => '\0',
            };
            if (m == '\0')
            {
                // Harakat, tatweel and anything else carry no consonant.
                continue;
            }

            letters++;
            if (n > 0 && b[n - 1] == m && IsConsonant(m))
            {
                continue;
            }

            b[n++] = m;
        }

        return letters == 0 ? null : new string(b[..n]);
    }

    /// <summary>Returns the English word lists use for an organisation word written in Arabic script (شركة is company), or null.</summary>
    public static string? Translate(string? reading) => Lookup(Translations, reading);

    private static string? Lookup(FrozenDictionary<string, string> translations, string? reading)
    {
        if (reading is null)
        {
            return null;
        }

        // The article and the preposition li- are written onto the word (الشركة, للصرافة).
        var key = reading.AsSpan(HasArticle(reading) ? 1 : 0);
        var lookup = translations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out var english))
        {
            return english;
        }

        if (key.StartsWith("0l") && lookup.TryGetValue(key[2..], out english))
        {
            return english;
        }

        // A word that starts with alif reads it as a word-initial alif once the article is taken off (الإسلامية).
        if (key.Length is > 3 and <= MaxLength && key.StartsWith("0l1"))
        {
            Span<char> bare = stackalloc char[key.Length - 2];
            key[2..].CopyTo(bare);
            bare[0] = '0';
            if (lookup.TryGetValue(bare, out english))
            {
                return english;
            }
        }

        return key.Length > 1 && key[0] == 'l' && lookup.TryGetValue(key[1..], out english) ? english : null;
    }

    private static FrozenDictionary<string, string> BuildTranslations((string Word, string English)[] pairs)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, english) in pairs)
        {
            d.TryAdd(FromArabic(word)!, english);
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Aligns one unmatched token on side A with two adjacent unmatched tokens on side B, one side Arabic script and the
    /// other Latin, whose readings joined agree (سیف الله / Saif Ullah, محمدحسین / Mohammad Hossein, شمس الرحمن / Shamsurrahman).
    /// </summary>
    public static void MatchCompounds(NameToken[] a, NameToken[] b, Span<sbyte> aMatch, Span<sbyte> bMatch, ref float num, ref float den,
        List<TokenAlignment>? alignments, bool aIsQuery)
    {
        Span<char> joined = stackalloc char[(2 * MaxLength) + 2];
        for (var i = 0; i < a.Length; i++)
        {
            if (aMatch[i] >= 0 || a[i].Reading is not { } whole || a[i].Role is TokenRole.Legal or TokenRole.Particle)
            {
                continue;
            }

            for (var j = 0; j + 1 < b.Length; j++)
            {
                if (bMatch[j] >= 0 || bMatch[j + 1] >= 0 || b[j].Reading is not { } left || b[j + 1].Reading is not { } right
                    || b[j].Consonantal == a[i].Consonantal || b[j + 1].Consonantal == a[i].Consonantal
                    || b[j].Role is TokenRole.Legal || b[j + 1].Role is TokenRole.Legal)
                {
                    continue;
                }

                var sim = JoinedSimilarity(whole, left, right, a[i].Consonantal, joined);
                if (sim < 0.8f)
                {
                    continue;
                }

                aMatch[i] = (sbyte)j;
                bMatch[j] = (sbyte)i;
                bMatch[j + 1] = (sbyte)i;
                var w = aIsQuery ? b[j].Weight + b[j + 1].Weight : a[i].Weight;
                num += w * sim;
                den += w;
                alignments?.Add(aIsQuery
                    ? new TokenAlignment(a[i].Text, b[j].Text + " " + b[j + 1].Text, TokenMatchKind.Compound, Math.Round(sim, 3))
                    : new TokenAlignment(b[j].Text + " " + b[j + 1].Text, a[i].Text, TokenMatchKind.Compound, Math.Round(sim, 3)));
                break;
            }
        }
    }

    private static float JoinedSimilarity(string whole, string left, string right, bool wholeIsArabic, Span<char> joined)
    {
        if (left.Length + right.Length > joined.Length)
        {
            return 0f;
        }

        // The second part's article is often assimilated or left out when joined (Shams ur-Rahman, Nuruddin).
        var best = 0f;
        for (var pass = 0; pass < 2; pass++)
        {
            var r = right.AsSpan();
            if (pass == 1)
            {
                if (!HasArticle(right))
                {
                    break;
                }

                var l = r.IndexOf('l');
                r = r[(l + 1)..];
            }
            else if (HasArticle(right))
            {
                r = r[1..];
            }

            // The first part's article, if any, stays: only the joined word's own start may drop one.
            var l0 = left.AsSpan(HasArticle(left) ? 1 : 0);
            l0.CopyTo(joined);
            r.CopyTo(joined[l0.Length..]);
            var part = joined[..(l0.Length + r.Length)];
            var sim = wholeIsArabic ? Compare(whole, part) : Compare(part, whole);
            best = Math.Max(best, sim);
        }

        return best;
    }

    /// <summary>
    /// Gets whether two Latin tokens are regional spellings of one Arabic or Persian name: the same consonant skeleton
    /// but for Turkish final devoicing (Ahmet/Ahmad, Hamit/Hamid), Persian z for ض/ذ/ظ after the first letter
    /// (Reza/Rida, Ramazan/Ramadan), Persian gh for ق (Ghasem/Qasim), or th/s for ث (Usman/Uthman); or the same key
    /// but for a final o/u (Abo/Abu).
    /// </summary>
    public static bool IsRegionalVariant(string keyA, string skeletonA, string keyB, string skeletonB)
    {
        if (keyA.Length < 3 || keyB.Length < 3)
        {
            return false;
        }

        if (keyA.Length == keyB.Length && keyA[^1] is 'o' or 'u' && keyB[^1] is 'o' or 'u'
            && keyA.AsSpan(0, keyA.Length - 1).SequenceEqual(keyB.AsSpan(0, keyB.Length - 1)))
        {
            return true;
        }

        var n = skeletonA.Length;
        if (n < 2 || n != skeletonB.Length || !(keyA[0] == keyB[0] || (Romanization.IsVowel(keyA[0]) && Romanization.IsVowel(keyB[0]))
            || (skeletonA[0] is 'k' or 'g' && skeletonB[0] is 'k' or 'g' && keyA[1] == keyB[1])))
        {
            return false;
        }

        var subs = 0;
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (skeletonA[i], skeletonB[i]);
            if (a == b)
            {
                continue;
            }

            var allowed = (a, b) switch
            {
                ('d', 't') or ('t', 'd') => i == n - 1 && n >= 3,
                ('d', 'z') or ('z', 'd') => i > 0,
                // Not at the start of the word (Sami is not Tami), but after a vowel (Osman, Uthman).
                ('t', 's') or ('s', 't') => (i > 0 || Romanization.IsVowel(keyA[0])) && n >= 3,
                ('k', 'g') or ('g', 'k') => i == 0,
                _ => false,
            };
            if (!allowed || ++subs > 1)
            {
                return false;
            }
        }

        return subs == 1;
    }

    /// <summary>
    /// Splits a reading at the last article written inside the word (نورالدين is نور + الدين, شمسالرحمن), when at least
    /// two consonants stand on either side; returns false when there is none.
    /// </summary>
    public static bool SplitInnerArticle(string? reading, out string first, out string second)
    {
        first = second = "";
        if (reading is null)
        {
            return false;
        }

        var before = 0;
        for (var p = 0; p + 1 < reading.Length; p++)
        {
            if (IsConsonant(reading[p]))
            {
                before++;
                continue;
            }

            // ابو glued on (أبواليزيد) has one consonant before its article.
            if (reading[p] != '1' || reading[p + 1] != 'l' || (before < 2 && !(p == 3 && reading.StartsWith(Abu, StringComparison.Ordinal))))
            {
                continue;
            }

            var after = 0;
            for (var k = p + 2; k < reading.Length; k++)
            {
                after += IsConsonant(reading[k]) ? 1 : 0;
            }

            // The last such article wins: جمالالدين is جمال + الدين.
            if (after >= 2)
            {
                first = reading[..p];
                second = string.Concat("^0", reading.AsSpan(p + 1));

                // The second word's first ي or و follows its article, so it is a consonant (أبواليزيد: al-Yazid).
                if (second.Length > 4 && second[3] is '2' or '3')
                {
                    second = string.Concat(second.AsSpan(0, 3), second[3] == '3' ? "W" : "Y", second.AsSpan(4));
                }
            }
        }

        return first.Length > 0;
    }

    /// <summary>Returns a plain Latin sketch of a reading (its consonants), for display and keys.</summary>
    public static string Sketch(string reading)
    {
        Span<char> b = stackalloc char[reading.Length];
        var n = 0;
        foreach (var c in reading)
        {
            if (IsConsonant(c))
            {
                b[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(b[..n]);
    }

    /// <summary>Returns the reading of what follows عبد in a joined name (عبدالرحمن), the article marked as optional.</summary>
    public static string? AfterAbd(string? reading)
    {
        if (reading is null || reading.Length <= 3)
        {
            return null;
        }

        var rest = reading.AsSpan(3);
        var consonants = 0;
        foreach (var c in rest)
        {
            consonants += IsConsonant(c) ? 1 : 0;
        }

        // عبدالله keeps its l: الله is the name, not an article.
        return rest.StartsWith("1l") && consonants >= 3 ? string.Concat("^0", rest[1..])
            : rest[0] == '1' ? string.Concat("0", rest[1..])
            : rest.ToString();
    }

    /// <summary>Returns the reading of a normalised Latin token (lower-case ASCII letters).</summary>
    public static string FromLatin(ReadOnlySpan<char> token)
    {
        Span<char> b = stackalloc char[MaxLength + 2];
        var n = 0;
        var i = 0;
        if (token.Length >= 6 && (token.StartsWith("al") || token.StartsWith("el") || token.StartsWith("ul")))
        {
            b[n++] = Article;
        }

        while (i < token.Length && n < MaxLength)
        {
            var rest = token[i..];
            var c = rest[0];
            // A word's first y, w or v before a vowel is a consonant, as ي and و are there (Yahya, Walid, French Oualid).
            var first = i == 0 || (n == 1 && b[0] == Article && i == 2);
            var (m, used) = rest switch
            {
                // Persian و is v (Vahedi).
                _ when first && rest.Length > 1 && rest[0] is 'y' or 'w' or 'v' && IsPlainVowel(rest[1]) => (rest[0] == 'y' ? 'Y' : 'W', 1),
                _ when first && rest.Length > 2 && rest.StartsWith("ou") && IsPlainVowel(rest[2]) => ('W', 2),
                _ when rest.StartsWith("sch") => ('S', 3),
                _ when rest.StartsWith("sh") => ('S', 2),
                _ when rest.StartsWith("ch") => ('C', 2),
                _ when rest.StartsWith("kh") => ('x', 2),
                _ when rest.StartsWith("gh") => ('g', 2),
                _ when rest.StartsWith("th") => ('T', 2),
                _ when rest.StartsWith("dh") => ('D', 2),
                _ when rest.StartsWith("zh") || rest.StartsWith("dj") => ('j', 2),
                // Hebrew צ is written tz (Yitzhak, Tzvi).
                _ when rest.StartsWith("tz") => ('z', 2),
                _ when rest.StartsWith("ph") => ('f', 2),
                _ when rest.StartsWith("ck") => ('k', 2),
                _ => (c switch
                {
                    'c' => rest.Length > 1 && rest[1] is 'e' or 'i' or 'y' ? 's' : 'k',
                    'p' => 'b',
                    >= 'a' and <= 'z' => c,
                    _ => '\0',
                }, 1),
            };
            i += used;
            if (m == '\0' || (n > 0 && b[n - 1] == m))
            {
                continue;
            }

            b[n++] = m;
        }

        // A final h after a vowel is mostly ta marbuta or a silent ha (Juma/Jumah, Khajeh).
        if (n > 2 && b[n - 1] == 'h' && IsLatinVowel(b[n - 2]))
        {
            n--;
        }

        return new string(b[..n]);
    }

    /// <summary>Writes the loose consonant key of a reading (merged classes) and returns its length.</summary>
    /// <param name="reading">A reading from <see cref="FromArabic"/> or <see cref="FromLatin"/>.</param>
    /// <param name="withoutArticle">Leave out the article's l when the reading has one.</param>
    /// <param name="into">At least <see cref="MaxLength"/> characters.</param>
    /// <param name="fuse">Read h right after s, t, d, k, z or g as one digraph letter (س+ح as sh).</param>
    public static int LooseKey(ReadOnlySpan<char> reading, bool withoutArticle, Span<char> into, bool fuse = false)
    {
        var skip = withoutArticle && reading.Length > 0 && reading[0] == Article ? 1 : 0;
        var n = 0;
        var previous = '\0';
        for (var i = 0; i < reading.Length; i++)
        {
            var c = reading[i];
            if (!IsConsonant(c))
            {
                continue;
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            if (fuse && c == 'h' && i > 0 && reading[i - 1] == previous && Digraph(previous) is var d and not '\0')
            {
                into[n - 1] = Loose(d);
                previous = '\0';
                continue;
            }

            previous = c;
            var m = Loose(c);
            if (n == 0 || into[n - 1] != m)
            {
                into[n++] = m;
            }
        }

        return n;
    }

    /// <summary>
    /// Writes the loose keys an Arabic-script token looks up in the index: with and without its article, with s+h read
    /// as sh or not, with and without a final h; each in its own <see cref="MaxLength"/> slice. Returns how many.
    /// </summary>
    public static int QueryKeys(string reading, Span<char> into, Span<int> lengths)
    {
        var count = 0;
        Span<int> plain = [0, 0];
        for (var variant = 0; variant < 4; variant++)
        {
            var article = (variant & 1) == 1;
            var fuse = variant >= 2;
            if (article && !HasArticle(reading))
            {
                continue;
            }

            var slice = into.Slice(count * MaxLength, MaxLength);
            var k = LooseKey(reading, article, slice, fuse);
            if (!fuse)
            {
                plain[variant] = k;
            }

            // A fused key that is no shorter than the plain one is the same key.
            if (k < 2 || (fuse && k == plain[variant - 2]))
            {
                continue;
            }

            lengths[count++] = k;
            if (k > 2 && slice[k - 1] == 'h')
            {
                slice[..(k - 1)].CopyTo(into.Slice(count * MaxLength, MaxLength));
                lengths[count++] = k - 1;
            }
        }

        return count;
    }

    /// <summary>Gets whether the reading starts with an article that may be left out.</summary>
    public static bool HasArticle(string reading) => reading.Length > 0 && reading[0] == Article;

    /// <summary>Returns how alike an Arabic-script reading and a Latin reading are, in [0, 1].</summary>
    public static float Compare(ReadOnlySpan<char> arabic, ReadOnlySpan<char> latin)
    {
        var best = CompareOnce(arabic, false, latin, false);
        if (best < 0.95f && arabic.Length > 0 && arabic[0] == Article)
        {
            best = Math.Max(best, CompareOnce(arabic, true, latin, false));
        }

        if (best < 0.95f && latin.Length > 0 && latin[0] == Article)
        {
            best = Math.Max(best, CompareOnce(arabic, false, latin, true));
        }

        return best;
    }

    private static float CompareOnce(ReadOnlySpan<char> arabic, bool stripArabic, ReadOnlySpan<char> latin, bool stripLatin)
    {
        if (arabic.Length > MaxLength || latin.Length > MaxLength)
        {
            return 0f;
        }

        Span<char> ac = stackalloc char[MaxLength];
        Span<char> lc = stackalloc char[MaxLength];
        Span<byte> aStart = stackalloc byte[MaxLength + 1];
        Span<byte> lStart = stackalloc byte[MaxLength + 1];
        var an = Consonants(arabic, stripArabic, ac, aStart, false);
        var ln = Consonants(latin, stripLatin, lc, lStart, false);
        if (an == 0 || ln == 0)
        {
            return 0f;
        }

        // Romanisations write س+ه, ت+ح, د+ه as sh, th, dh (Ishaq, Fathi, Adham): read them as the digraph too.
        if (!(an == ln && ac[..an].SequenceEqual(lc[..ln])) && ln < an)
        {
            an = Consonants(arabic, stripArabic, ac, aStart, true);
        }

        var min = Math.Min(an, ln);
        if (an == ln && Substitutions(ac[..an], lc[..ln]) is var subs and >= 0 && subs <= (an >= 4 ? 2 : 1))
        {
            // Letters romanised in another class cost a little each (Reza/رضا, Osman/عثمان, Ghasem/قاسم).
            // Hebrew readings read ב, ו and י inside a word as vowels, so fewer consonants are left to tell names apart.
            var sim = arabic[0] != HebrewMark ? (an >= 4 ? 0.95f : an == 3 ? 0.92f : an == 2 ? 0.86f : 0.75f)
                : an >= 4 ? 0.92f : an == 3 ? 0.86f : an == 2 ? 0.78f : 0.7f;
            return sim - (subs * (an >= 3 ? 0.05f : 0.08f)) - VowelPenalty(arabic, aStart, latin, lStart, an);
        }

        // A final h written on one side only (Saleh/صالح without it, Jumah/جمعه).
        if (Math.Abs(an - ln) == 1 && min >= 2 && (an > ln ? ac[an - 1] : lc[ln - 1]) == 'h' && Substitutions(ac[..min], lc[..min]) is var s2 and >= 0 and <= 1)
        {
            var sim = min >= 4 ? 0.9f : min == 3 ? 0.86f : 0.78f;
            return sim - (s2 * 0.05f);
        }

        Span<char> ak = stackalloc char[MaxLength];
        Span<char> lk = stackalloc char[MaxLength];
        var akn = LooseKey(arabic, stripArabic, ak);
        var lkn = LooseKey(latin, stripLatin, lk);
        // One other letter in a long skeleton: a substitution from four consonants, a letter more or less from five.
        // Not for Hebrew: without the Arabic classes' letters, a loose key one letter off fits too many other names.
        var near = arabic[0] != HebrewMark && (akn == lkn ? min >= 4 && Hamming(ak[..akn], lk[..lkn]) == 1
            : Math.Min(akn, lkn) >= 5 && EditDistance.Bounded(ak[..akn], lk[..lkn], 1) <= 1);
        return near ? 0.72f : 0f;
    }

    private static int Hamming(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var d = 0;
        for (var i = 0; i < a.Length; i++)
        {
            d += a[i] == b[i] ? 0 : 1;
        }

        return d;
    }

    // Counts consonants that differ only in a class romanisations confuse; -1 when any pair differs otherwise.
    private static int Substitutions(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var subs = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            if (!Close(a[i], b[i]) && !Close(b[i], a[i]))
            {
                return -1;
            }

            subs++;
        }

        return subs;
    }

    // ق is q, k or gh; ج is j or g; ك stands for g in Arabic spellings of foreign names; ث is th, s or t; ذ ض ظ are dh, d or z; ش is sh or s, and French writes it ch; خ is kh or h.
    private static bool Close(char a, char b) => (a, b) switch
    {
        ('q', 'k') or ('q', 'g') or ('g', 'j') or ('k', 'g') => true,
        ('T', 's') or ('T', 't') or ('S', 's') or ('C', 'S') => true,
        ('D', 'd') or ('D', 'z') or ('d', 'z') => true,
        // خ and the Hebrew ח and כ are written kh, h or ch (German Chalid, Baruch, Mordechai).
        ('x', 'h') or ('x', 'C') => true,
        _ => false,
    };

    // Writes the fine consonants and, for each, where its following vowel slot starts in the reading.
    private static int Consonants(ReadOnlySpan<char> reading, bool strip, Span<char> into, Span<byte> slotStart, bool fuse)
    {
        var skip = strip && reading.Length > 0 && reading[0] == Article ? 1 : 0;
        var n = 0;
        slotStart[0] = 0;
        for (var i = 0; i < reading.Length; i++)
        {
            var c = reading[i];
            if (!IsConsonant(c))
            {
                continue;
            }

            if (skip > 0)
            {
                // The article's l and the vowel before it are left out: the first slot starts after it.
                skip--;
                slotStart[0] = (byte)(i + 1);
                continue;
            }

            if (fuse && c == 'h' && n > 0 && slotStart[n] == i && Digraph(into[n - 1]) is var d and not '\0')
            {
                into[n - 1] = d;
                slotStart[n] = (byte)(i + 1);
                continue;
            }

            into[n++] = c;
            slotStart[n] = (byte)(i + 1);
        }

        return n;
    }

    // Written long vowels must be met by a compatible Latin vowel in the same slot; a long Latin vowel where the
    // script writes none counts a little against the pair (Hussein/حسن, Hassan/حسين).
    private static float VowelPenalty(ReadOnlySpan<char> arabic, ReadOnlySpan<byte> aStart, ReadOnlySpan<char> latin, ReadOnlySpan<byte> lStart, int count)
    {
        var hard = 0;
        var soft = 0;
        for (var k = 0; k <= count; k++)
        {
            var a = Slot(arabic, aStart[k]);
            var l = Slot(latin, lStart[k]);
            var written = false;
            var optional = false;
            foreach (var v in a)
            {
                switch (v)
                {
                    case '1':
                        written = true;
                        hard += l.IndexOfAny('a', 'e', 'o') < 0 ? 1 : 0;
                        break;
                    case '2':
                        written = true;
                        hard += l.IndexOfAny('i', 'e', 'y') < 0 ? 1 : 0;
                        break;
                    case '3':
                        written = true;
                        hard += l.IndexOfAny("uowv") < 0 ? 1 : 0;
                        break;
                    case '0':
                        written = true;
                        soft += l.IsEmpty ? 1 : 0;
                        break;
                    default:
                        optional = true;
                        break;
                }
            }

            if (!written && !optional && k > 0 && k < count && HasLongVowel(l))
            {
                soft++;
            }
        }

        return (Math.Min(hard, 2) * 0.18f) + (Math.Min(soft, 3) * 0.05f);
    }

    private static ReadOnlySpan<char> Slot(ReadOnlySpan<char> reading, int start)
    {
        var end = start;
        while (end < reading.Length && !IsConsonant(reading[end]))
        {
            end++;
        }

        return reading[start..end];
    }

    private static bool HasLongVowel(ReadOnlySpan<char> slot)
    {
        for (var i = 0; i + 1 < slot.Length; i++)
        {
            // Two vowel letters or a diphthong (ou, ee, ai, ay, aw) spell a long vowel.
            if (IsLatinVowel(slot[i]) && IsLatinVowel(slot[i + 1]) && (IsPlainVowel(slot[i]) || IsPlainVowel(slot[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLastLetter(ReadOnlySpan<char> word, int i)
    {
        for (var k = i + 1; k < word.Length; k++)
        {
            if (word[k] is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3')
            {
                return false;
            }
        }

        return true;
    }

    private static char Digraph(char c) => c switch
    {
        's' => 'S',
        't' => 'T',
        'd' => 'D',
        'k' => 'x',
        'z' => 'j',
        'g' => 'g',
        _ => '\0',
    };

    private static char Loose(char c) => c switch
    {
        'T' or 'S' or 'C' => 's',
        'D' or 'z' => 'd',
        'q' or 'g' or 'j' => 'k',
        'x' => 'h',
        _ => c,
    };

    // Readings are compared letter by letter for every listed word a query meets: a table keeps the class tests to one load.
    private const byte LatinVowelClass = 1;
    private const byte MarkClass = 2;

    private static ReadOnlySpan<byte> AsciiClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        // ' ' to '?': '#' (HebrewMark) and the digits 0-4 (vowel marks) are not consonants.
        0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        // '@' to '_': '^' (Article).
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0,
        // '`' to DEL: a e i o u v w y.
        0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLatinVowel(char c) => c < 128 && AsciiClass[c] == LatinVowelClass;

    private static bool IsPlainVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsConsonant(char c) => c >= 128 || AsciiClass[c] == 0;
}
