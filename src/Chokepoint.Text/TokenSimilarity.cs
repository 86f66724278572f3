using Chokepoint.Core;

namespace Chokepoint.Text;

/// <summary>How alike two prepared tokens are, and in which way.</summary>
/// <remarks>Allocates nothing. Stateless and thread-safe.</remarks>
internal static class TokenSimilarity
{
    /// <summary>Similarities below this do not align two tokens.</summary>
    public const float Floor = 0.5f;

    public static float Compare(in NameToken q, in NameToken l, out TokenMatchKind kind)
    {
        kind = TokenMatchKind.Exact;
        if (q.Role == TokenRole.Legal || l.Role == TokenRole.Legal)
        {
            kind = TokenMatchKind.Synonym;
            if (q.LegalClass == l.LegalClass)
            {
                return 1f;
            }

            // A misspelt one-word legal form (LIMIRED) is not recognised as one; meet it by edit distance.
            var shorter = Math.Min(q.Text.Length, l.Text.Length);
            return shorter >= 5 && (q.Role == TokenRole.Legal) != (l.Role == TokenRole.Legal)
                && EditDistance.Bounded(q.Text, l.Text, 1) <= 1 ? 0.9f : 0f;
        }

        if (q.Consonantal || l.Consonantal)
        {
            return Consonantal(q, l, out kind);
        }

        if (string.Equals(q.Text, l.Text, StringComparison.Ordinal))
        {
            return 1f;
        }

        // The reading of a Han character is one syllable: another syllable is another character (Ling is not Lina,
        // Chen is not Chun, Jun is not Yun), so it meets only the syllable's other romanisations (or an initial, below).
        if ((q.Han || l.Han) && q.Role != TokenRole.Initial && l.Role != TokenRole.Initial)
        {
            kind = TokenMatchKind.Transliteration;
            return Equals(q.AltKey, l.Key) || Equals(q.Key, l.AltKey) || Equals(q.AltKey, l.AltKey)
                || (q.AltKey is null && l.AltKey is null && string.Equals(q.Key, l.Key, StringComparison.Ordinal)) ? 0.9f : 0f;
        }

        if (string.Equals(q.Key, l.Key, StringComparison.Ordinal))
        {
            // Two-letter keys (ia, li) are met by too many unrelated spellings to count fully.
            kind = TokenMatchKind.Transliteration;
            return q.Key.Length >= 3 ? 0.95f : 0.8f;
        }

        if (q.Role == TokenRole.Initial || l.Role == TokenRole.Initial)
        {
            kind = TokenMatchKind.Initial;
            // The initial stands for the name; the scorer charges what the initial leaves unsaid (InitialShortfall).
            return q.Text[0] == l.Text[0] || q.Key[0] == l.Key[0] ? 0.8f : 0f;
        }

        var best = 0f;
        var minLen = Math.Min(q.Key.Length, l.Key.Length);

        // Typos rarely hit the first letter; in short tokens an edit there makes another name (Fang/Zhang).
        // A dropped h of a digraph (Zarov for Zharov) changes the key's first letter but not the spelling's.
        // Two edits may change the first letter (German Ziwelewa for Tsiveleva, Sawisenow for Zavizenov), but not drop
        // it: a word that begins where the other's second letter does is another word (Navigation/Aviation).
        var sameStart = q.Key[0] == l.Key[0] || q.Text[0] == l.Text[0];
        var firstDropped = !sameStart && ((q.Key.Length > 1 && q.Key[1] == l.Key[0]) || (l.Key.Length > 1 && l.Key[1] == q.Key[0]));
        var max = minLen >= 7 && !firstDropped ? 2 : minLen >= 6 || (minLen >= 4 && sameStart) ? 1 : 0;

        // The spelling is allowed edits by its own length: a key shortens digraphs (Kiill/Kirill, Rihcatd/Richard).
        var textLen = Math.Min(q.Text.Length, l.Text.Length);
        var textMax = q.Text[0] != l.Text[0] ? 0 : textLen >= 7 ? 2 : textLen >= 4 ? 1 : 0;
        if (max > 0 || textMax > 0)
        {
            var d = max > 0 ? EditDistance.Bounded(q.Key, l.Key, max) : int.MaxValue;
            if (d > max && textMax > 0)
            {
                var t = EditDistance.Bounded(q.Text, l.Text, textMax);
                if (t <= textMax)
                {
                    d = t;
                    max = textMax;
                    minLen = textLen;
                }
            }

            if (d <= max)
            {
                // One edit in a short token changes more of it than one edit in a long token.
                best = d == 2 ? (minLen >= 8 ? 0.8f : 0.75f) : minLen >= 6 ? 0.88f : minLen == 5 ? 0.84f : 0.8f;
                kind = TokenMatchKind.EditDistance;
            }
        }

        // Vowel variants (Umar/Omar, Abo/Abu): the same consonants and a compatible first letter.
        if (best < 0.85f && q.Skeleton.Length >= 2 && q.Key.Length >= 3 && l.Key.Length >= 3
            && string.Equals(q.Skeleton, l.Skeleton, StringComparison.Ordinal)
            && (q.Key[0] == l.Key[0] || (Romanization.IsVowel(q.Key[0]) && Romanization.IsVowel(l.Key[0]))))
        {
            // Two consonants fit many words (Guyot/Gate, Lika/Luck): their vowels must be near as well.
            best = q.Skeleton.Length > 2 || EditDistance.Bounded(q.Key, l.Key, 1) <= 1 ? 0.85f : 0.75f;
            kind = TokenMatchKind.Phonetic;
        }

        // German writes з as s and ж as sch (Sarif/Zarif, Schukow/Zhukov): in a German-style name they meet their voiced partners.
        if (best < 0.85f && (q.German || l.German) && minLen >= 4 && GermanRomanization.SameButVoicing(q.Key, l.Key))
        {
            best = 0.85f;
            kind = TokenMatchKind.Transliteration;
        }

        // Ukrainian and Belarusian forms of Russian names (Siarhei/Sergei, Uladzimiravich/Vladimirovich).
        if (best < 0.82f && q.Key.Length >= 4 && l.Key.Length >= 4)
        {
            var shared = EastSlavicVariants.Shared(q.SlavicSkeleton, l.SlavicSkeleton);
            if (shared == 0 && q.AltKey is not null && q.Text.Contains('x', StringComparison.Ordinal))
            {
                shared = EastSlavicVariants.SharedSkeleton(q.AltKey, l.SlavicSkeleton);
            }

            if (shared >= 4 || (shared == 3 && (q.Key[0] == l.Key[0] || (Romanization.IsVowel(q.Key[0]) && Romanization.IsVowel(l.Key[0])))))
            {
                best = shared >= 4 ? 0.85f : 0.82f;
                kind = TokenMatchKind.Phonetic;
            }
            else if (EastSlavicVariants.AkanyeEqual(q.Key, l.Key))
            {
                best = 0.82f;
                kind = TokenMatchKind.Phonetic;
            }
            else if (best < 0.8f && (PatronymicOfListedForm(q.SlavicSkeleton, l.SlavicSkeleton) || PatronymicOfListedForm(l.SlavicSkeleton, q.SlavicSkeleton)))
            {
                // A Belarusian or Ukrainian woman's patronymic against a list's form of it without the final -na
                // (Aliaksandravna / Alexandrova), which Belarusian vowels keep from meeting by edit distance.
                best = 0.8f;
                kind = TokenMatchKind.Phonetic;
            }
        }

        if (best < 0.9f && (q.AltKey is not null || l.AltKey is not null)
            && (Equals(q.AltKey, l.Key) || Equals(q.Key, l.AltKey) || Equals(q.AltKey, l.AltKey)))
        {
            best = 0.9f;
            kind = q.AltIsTranslation || l.AltIsTranslation ? TokenMatchKind.Synonym : TokenMatchKind.Transliteration;
        }

        // Another system's reading with a typo or a third spelling left in it (Belspecvneshtexnika read as ts and kh
        // against Belspetsvneshtechnika): long tokens only, where one edit leaves most of the word.
        if (best < 0.85f && minLen >= 7 && (AltNear(q, l.Key) || AltNear(l, q.Key)))
        {
            best = 0.85f;
            kind = TokenMatchKind.Transliteration;
        }

        // French spellings of Arabic names against English ones (Djamel/Jamal, Youcef/Yusuf, Mechaal/Mishal).
        if (best < 0.9f && (q.FrenchKey is not null || l.FrenchKey is not null))
        {
            var french = FrenchSimilarity(q, l);
            if (french > best)
            {
                best = french;
                kind = TokenMatchKind.Transliteration;
            }
        }

        // Regional spellings of Arabic and Persian names (Ahmet/Ahmad, Reza/Rida, Ghasem/Qasim, Abo/Abu), and the letter
        // jim written c in Turkish and Azerbaijani (Cemal, Cafer, Cavid) or g in Egypt (Gamal).
        if (best < 0.85f && (ArabicReading.IsRegionalVariant(q.Key, q.Skeleton, l.Key, l.Skeleton) || JimVariant(q, l) || JimVariant(l, q)))
        {
            best = 0.85f;
            kind = TokenMatchKind.Phonetic;
        }

        return best;
    }

    // Skeletons with sibilant classes merged and w/v dropped: Arabic ش is sh, ch or sch; و is w, v, u or o.
    private static int LooseDistance(string a, string b)
    {
        if (a.Length > 32 || b.Length > 32)
        {
            return 9;
        }

        Span<char> x = stackalloc char[a.Length];
        Span<char> y = stackalloc char[b.Length];
        var nx = Loose(a, x);
        var ny = Loose(b, y);
        return EditDistance.Bounded(x[..nx], y[..ny], 1);
    }

    private static int Loose(string s, Span<char> into)
    {
        var n = 0;
        foreach (var c in s)
        {
            var m = c switch
            {
                'C' or 'S' => 's',
                'Z' or 'J' => 'j',
                'T' => 's',
                'v' => '\0',
                _ => c,
            };
            if (m != '\0' && (n == 0 || into[n - 1] != m))
            {
                into[n++] = m;
            }
        }

        return n;
    }

    // An initial j (keyed as the glide i, so its skeleton starts after it) against an initial c or g before a vowel,
    // with the same consonants after it.
    private static bool JimVariant(in NameToken j, in NameToken other) =>
        j.Text.Length >= 3 && other.Text.Length >= 3 && j.Text[0] == 'j' && other.Text[0] is 'c' or 'g'
        && Romanization.IsVowel(j.Text[1]) && Romanization.IsVowel(other.Text[1]) && j.Skeleton.Length >= 2
        && other.Skeleton.Length == j.Skeleton.Length + 1 && other.Skeleton.AsSpan(1).SequenceEqual(j.Skeleton);

    // Most pairs fail on the first letter or the length, before the edit distance (this runs for most failing pairs).
    private static bool AltNear(in NameToken token, string key) =>
        token.AltKey is { } alt && alt[0] == key[0] && Math.Abs(alt.Length - key.Length) <= 1 && !token.AltIsTranslation
        && EditDistance.Bounded(alt, key, 1) <= 1;

    // The French reading of one token against the key or the other reading (j as dzh) of the other.
    private static float FrenchSimilarity(in NameToken q, in NameToken l)
    {
        var best = 0f;
        if (q.FrenchKey is { } qf)
        {
            best = Math.Max(best, Near(qf, l.Key));
            best = Math.Max(best, Near(qf, l.AltKey));
            best = Math.Max(best, Near(qf, l.FrenchKey));
        }

        if (l.FrenchKey is { } lf)
        {
            best = Math.Max(best, Near(lf, q.Key));
            best = Math.Max(best, Near(lf, q.AltKey));
        }

        return best;
    }

    // Both outcomes keep the first letter, so most pairs end at the first test (this runs for most failing pairs).
    private static float Near(string a, string? b)
    {
        if (b is null || b.Length == 0 || a[0] != b[0] || Math.Abs(a.Length - b.Length) > 1)
        {
            return 0f;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0.9f;
        }

        // One letter apart beyond the French letters (Jamel/Jamal, Iusef/Iusuf).
        return Math.Min(a.Length, b.Length) >= 4 && EditDistance.Bounded(a, b, 1) <= 1 ? 0.85f : 0f;
    }

    // Skeletons of -ovna/-evna/-auna against -ova/-eva: the same stem of at least five consonants ending in v.
    private static bool PatronymicOfListedForm(string patronymic, string listed) =>
        listed.Length >= 6 && patronymic.Length == listed.Length + 1 && patronymic[^1] == 'n' && listed[^1] == 'v'
        && patronymic.AsSpan().StartsWith(listed);

    private static bool Equals(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.Ordinal);

    private static bool Translates(in NameToken script, in NameToken latin) =>
        script.Consonantal && script.AltIsTranslation && (Equals(script.AltKey, latin.Key) || Equals(script.AltKey, latin.AltKey));

    private static float Consonantal(in NameToken q, in NameToken l, out TokenMatchKind kind)
    {
        // An organisation word in Arabic script that lists write translated as often as transliterated (هوایی aviation):
        // its English word's key meets the listed English word; its reading still meets a transliteration below.
        if (q.Consonantal != l.Consonantal && (Translates(q, l) || Translates(l, q)))
        {
            kind = TokenMatchKind.Synonym;
            return 0.9f;
        }

        kind = TokenMatchKind.Transliteration;
        if (q.Consonantal != l.Consonantal && q.Reading is not null && l.Reading is not null)
        {
            // Arabic script against Latin: consonant classes and written long vowels (ArabicReading). A particle
            // (bin, al) on one side is not a name on the other, and an English organisation word (Group) is met
            // only by its translation (گروه), not by a name that sounds like it (الغربي).
            if ((q.Role == TokenRole.Particle) != (l.Role == TokenRole.Particle) || (q.Consonantal ? l.Role : q.Role) == TokenRole.Weak)
            {
                return 0f;
            }

            return q.Consonantal ? ArabicReading.Compare(q.Reading, l.Reading) : ArabicReading.Compare(l.Reading, q.Reading);
        }

        var qs = q.Skeleton;
        var ls = l.Skeleton;
        if (qs.Length == 0 || ls.Length == 0)
        {
            return 0f;
        }

        // Short skeletons carry little information: two consonants fit many names.
        if (string.Equals(qs, ls, StringComparison.Ordinal))
        {
            return qs.Length >= 4 ? 0.9f : qs.Length == 3 ? 0.82f : 0.7f;
        }

        if (Equals(q.AltSkeleton, ls) || Equals(qs, l.AltSkeleton))
        {
            // Graded like equal skeletons: an alternative reading of one or two consonants (sea for marine) fits
            // almost any short word of another script.
            var shared = Equals(q.AltSkeleton, ls) ? ls.Length : qs.Length;
            kind = TokenMatchKind.Compound;
            return shared >= 4 ? 0.88f : shared == 3 ? 0.8f : shared == 2 ? 0.65f : 0f;
        }

        // Loose skeletons drop v (و is w, v, u or o): skeletons that differ by more than a letter before that are other words.
        var d = Math.Abs(qs.Length - ls.Length) > 1 ? 9 : LooseDistance(qs, ls);
        var minLen = Math.Min(qs.Length, ls.Length);
        if (d == 0)
        {
            kind = TokenMatchKind.Phonetic;
            return minLen >= 4 ? 0.85f : minLen == 3 ? 0.78f : 0.65f;
        }

        if (d == 1 && minLen >= 4)
        {
            kind = TokenMatchKind.Phonetic;
            return 0.72f;
        }

        if (q.AltSkeleton is not null && LooseDistance(q.AltSkeleton, ls) == 0)
        {
            kind = TokenMatchKind.Phonetic;
            return 0.8f;
        }

        return 0f;
    }
}
