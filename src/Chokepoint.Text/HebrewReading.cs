namespace Chokepoint.Text;

/// <summary>
/// Reads a Hebrew word in the alphabet of <see cref="ArabicReading"/> (consonant classes and written-vowel slots), so
/// Hebrew names meet their romanisations through the same comparison as Arabic ones (ינון לוי / Yinon LEVY, ברוך מרזל /
/// Baruch MARZEL).
/// </summary>
/// <remarks>
/// Written without vowel points, ב, כ and פ are b, k and p at a word's start and v, kh and f inside it; ו and י are the
/// consonants v and y at the start and mostly the vowels o/u and i/e inside (וו and יי at the start too); ח and כ are
/// the kh class, which romanisations write ch, kh or h; צ is z, which they write tz, ts or z; א and ע need no vowel of
/// their own, and a final ה is the silent -a(h). Runs once per word; allocates its result.
/// </remarks>
internal static class HebrewReading
{
    /// <summary>Returns whether the character is a Hebrew letter.</summary>
    public static bool IsLetter(char c) => c is >= '\u05D0' and <= '\u05EA';

    /// <summary>Returns the reading of a Hebrew word, or null when it has no Hebrew letter.</summary>
    public static string? FromHebrew(string word)
    {
        Span<char> b = stackalloc char[ArabicReading.MaxLength];
        b[0] = ArabicReading.HebrewMark;
        var n = 1;
        var letters = 0;
        for (var i = 0; i < word.Length && n < b.Length; i++)
        {
            var c = word[i];
            if (!IsLetter(c))
            {
                continue;
            }

            var first = letters == 0;
            var next = NextLetter(word, i);
            var last = next == '\0';
            var m = c switch
            {
                'א' => first ? '0' : '4',
                'ב' => first ? 'b' : '3',
                'ג' => 'g',
                'ד' => 'd',
                'ה' => last && letters > 1 ? '4' : 'h',
                'ו' when first || next == 'ו' => 'W',
                'ו' when PreviousLetter(word, i) == 'ו' => '\0',
                'ו' => '3',
                'ז' => 'z',
                'ח' => 'x',
                'ט' => 't',
                'י' when first => 'Y',
                'י' => '2',
                'כ' => first ? 'k' : 'x',
                'ך' => 'x',
                'ל' => 'l',
                'מ' or 'ם' => 'm',
                'נ' or 'ן' => 'n',
                'ס' => 's',
                'ע' => '4',
                // Latin readings turn p into b (Arabic has no p), so a hard פ is read b as well.
                'פ' => first ? 'b' : 'f',
                'ף' => 'f',
                'צ' or 'ץ' => 'z',
                'ק' => 'q',
                'ר' => 'r',
                'ש' => 'S',
                'ת' => 't',
                _ => '\0',
            };

            letters++;
            if (m == '\0' || (b[n - 1] == m && m is not ('2' or '3' or '4')))
            {
                continue;
            }

            b[n++] = m;
        }

        return letters == 0 ? null : new string(b[..n]);
    }

    private static char NextLetter(string word, int i)
    {
        for (var k = i + 1; k < word.Length; k++)
        {
            if (IsLetter(word[k]))
            {
                return word[k];
            }
        }

        return '\0';
    }

    private static char PreviousLetter(string word, int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if (IsLetter(word[k]))
            {
                return word[k];
            }
        }

        return '\0';
    }
}
