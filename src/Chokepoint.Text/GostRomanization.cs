namespace Chokepoint.Text;

/// <summary>
/// Reads Russian, Ukrainian and Belarusian names romanised by GOST 7.79 system B, the ASCII transliteration of Russian
/// records and web addresses: cz for ц (c before i, e, y and j), x for х, shh for щ (Kuzneczov, Czokov, Belspeczvneshtexnika).
/// </summary>
/// <remarks>
/// Polish writes ч as cz too, so the style belongs to the whole name: cz beside a v, zh, sh or a patronymic in -vich is
/// GOST (Polish has no v and writes в as w). Runs once per name.
/// </remarks>
internal static class GostRomanization
{
    /// <summary>Returns whether a word of the name has cz and a word of it is spelt in a way Polish never writes.</summary>
    public static bool IsGostStyle(IReadOnlyList<ScriptToken> tokens)
    {
        var cz = false;
        var notPolish = false;
        foreach (var t in tokens)
        {
            if (t.Consonantal || t.Han || t.Text.Length < 2)
            {
                continue;
            }

            var s = t.Text;
            cz |= s.Contains("cz", StringComparison.Ordinal);
            notPolish |= s.Contains('v', StringComparison.Ordinal) || s.Contains("zh", StringComparison.Ordinal)
                || s.Contains("sh", StringComparison.Ordinal) || s.Contains("yu", StringComparison.Ordinal)
                || s.Contains("ya", StringComparison.Ordinal);
        }

        return cz && notPolish;
    }

    /// <summary>Returns the word spelt as an English transcription would spell it, or null when it has no GOST letters.</summary>
    public static string? Reading(string word) => Romanization.Rewrite(word, static (word, i) =>
    {
        var rest = word.AsSpan(i);
        return rest switch
        {
            _ when rest.StartsWith("cz") => ("ts", 2),
            // x is х between letters (Texnika); a word's first x is left to English readings (Xavier).
            _ when rest[0] == 'x' && i > 0 => ("kh", 1),
            _ => (null, 1),
        };
    });
}
