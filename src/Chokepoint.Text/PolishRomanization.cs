namespace Chokepoint.Text;

/// <summary>
/// Reads Russian, Ukrainian and Belarusian names romanised the Polish way: w for в, c for ц, cz for ч, sz for ш, szcz
/// for щ, ch for х, rz or ż for ж, and ie for е after a consonant (Siergiej Kuzniecow, Wiaczesław, Czeczenia).
/// </summary>
/// <remarks>
/// As with German spellings the style belongs to the whole name: "Aleksandr Michiejew" beside "Wasiljewicz" is Mikheev.
/// Diacritics are gone by the time the reading runs (ż is z, ł is l), so ж written ż reads as z and meets zh by one
/// edit. Runs once per name.
/// </remarks>
internal static class PolishRomanization
{
    /// <summary>Returns whether a word of the name has cz or sz, or ends in -wicz or -wna (Polish patronymics).</summary>
    public static bool IsPolishStyle(IReadOnlyList<ScriptToken> tokens)
    {
        foreach (var t in tokens)
        {
            if (t.Consonantal || t.Han || t.Text.Length < 3)
            {
                continue;
            }

            var s = t.Text;
            if (s.Contains("cz", StringComparison.Ordinal) || s.Contains("sz", StringComparison.Ordinal)
                || (s.Length > 6 && s.EndsWith("wna", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the word spelt as an English transcription would spell it, or null when it has no Polish letters.</summary>
    /// <remarks>A word already spelt with zh, kh or sh is left alone.</remarks>
    public static string? Reading(string word)
    {
        if (word.Contains("zh", StringComparison.Ordinal) || word.Contains("kh", StringComparison.Ordinal)
            || word.Contains("sh", StringComparison.Ordinal))
        {
            return null;
        }

        return Romanization.Rewrite(word, static (word, i) =>
        {
            var rest = word.AsSpan(i);
            var afterConsonant = i > 0 && !Romanization.IsVowel(word[i - 1]) && word[i - 1] is not ('y' or 'j');
            return rest switch
            {
                _ when rest.StartsWith("szcz") => ("shch", 4),
                _ when rest.StartsWith("cz") => ("ch", 2),
                _ when rest.StartsWith("sz") => ("sh", 2),
                _ when rest.StartsWith("rz") => ("zh", 2),
                _ when rest.StartsWith("ch") => ("kh", 2),
                // ie after a consonant is the е that English writes e (Siergiej, Kuzniecow).
                _ when rest.StartsWith("ie") && afterConsonant => ("e", 2),
                _ when rest[0] == 'c' => ("ts", 1),
                _ when rest[0] == 'w' => ("v", 1),
                _ => (null, 1),
            };
        });
    }
}
