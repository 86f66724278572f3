namespace Chokepoint.Text;

/// <summary>
/// Reads Russian, Ukrainian and Belarusian names romanised the German way (Duden): w for в, z for ц, s for з, sch for
/// ш and ж, tsch for ч, schtsch for щ, ch for х (Schukow, Zwetkow, Kusnezow, Tschaikowski, Chruschtschow).
/// </summary>
/// <remarks>
/// The style belongs to the whole name, not to each word: in "Sergei Iwanowitsch Kusnez" only the patronymic looks
/// German, yet the surname's z is ц too. German s is both с and з and sch both ш and ж; the reading keeps s and sh, and
/// the comparison lets a German word meet their voiced partners (Sarif/Zarif, Schanna/Zhanna). Runs once per name.
/// </remarks>
internal static class GermanRomanization
{
    /// <summary>
    /// Returns whether the name is written in the German style: a word with tsch, -witsch or -owna/-ewna, or a German
    /// surname ending (-ow, -ew, -owa, -ewa) with another or with sch; and no word spelt with the English zh, kh, sh or ts.
    /// </summary>
    /// <remarks>
    /// sch alone does not mark the style: English-style transcriptions write щ as sch too (Obschestvo). Nor does w:
    /// Polish, Thai and English names have it.
    /// </remarks>
    public static bool IsGermanStyle(IReadOnlyList<ScriptToken> tokens)
    {
        var strong = false;
        var endings = 0;
        var sch = false;
        foreach (var t in tokens)
        {
            if (t.Consonantal || t.Han || t.Text.Length < 3)
            {
                continue;
            }

            var s = t.Text;
            if (EnglishDigraph(s))
            {
                return false;
            }

            strong |= s.Contains("tsch", StringComparison.Ordinal) || s.EndsWith("witsch", StringComparison.Ordinal)
                || (s.Length > 6 && (s.EndsWith("owna", StringComparison.Ordinal) || s.EndsWith("ewna", StringComparison.Ordinal)));
            if (s.Length >= 4 && (s.EndsWith("ow", StringComparison.Ordinal) || s.EndsWith("ew", StringComparison.Ordinal)
                || s.EndsWith("owa", StringComparison.Ordinal) || s.EndsWith("ewa", StringComparison.Ordinal)))
            {
                endings++;
            }

            sch |= s.Contains("sch", StringComparison.Ordinal);
        }

        return strong || endings >= 2 || (endings == 1 && sch);
    }

    // zh, kh, sh (outside sch) and ts (outside tsch) are the English transcription's letters, which German does not use.
    private static bool EnglishDigraph(string s)
    {
        for (var i = 0; i + 1 < s.Length; i++)
        {
            var c = s[i];
            var next = s[i + 1];
            if ((next == 'h' && (c is 'z' or 'k' || (c == 's' && (i == 0 || s[i - 1] != 'c'))))
                || (c == 't' && next == 's' && (i + 2 >= s.Length || s[i + 2] != 'c')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the word spelt as an English transcription would spell it, or null when it has no German letters.</summary>
    /// <remarks>A word already spelt with zh, kh or sh is left alone: its z and h are not German.</remarks>
    public static string? Reading(string word)
    {
        if (word.Contains("zh", StringComparison.Ordinal) || word.Contains("kh", StringComparison.Ordinal)
            || (word.Contains("sh", StringComparison.Ordinal) && !word.Contains("sch", StringComparison.Ordinal)))
        {
            return null;
        }

        return Romanization.Rewrite(word, static (word, i) =>
        {
            var rest = word.AsSpan(i);
            return rest switch
            {
                _ when rest.StartsWith("schtsch") => ("shch", 7),
                _ when rest.StartsWith("tsch") => ("ch", 4),
                _ when rest.StartsWith("dsch") => ("dzh", 4),
                _ when rest.StartsWith("sch") => ("sh", 3),
                _ when rest.StartsWith("ch") => ("kh", 2),
                _ when rest.StartsWith("ss") => ("s", 2),
                _ when rest[0] == 'z' => ("ts", 1),
                _ when rest[0] == 'w' => ("v", 1),
                _ => (null, 1),
            };
        });
    }

    /// <summary>Returns whether two keys are equal once voiced and voiceless sibilants meet (s/z, ш/ж).</summary>
    public static bool SameButVoicing(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var differs = false;
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            if (!((x is 's' or 'z' && y is 's' or 'z') || (x is 'S' or 'Z' && y is 'S' or 'Z')))
            {
                return false;
            }

            differs = true;
        }

        return differs;
    }
}
