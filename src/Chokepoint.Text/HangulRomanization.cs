namespace Chokepoint.Text;

/// <summary>
/// Romanises one Hangul syllable by the Revised Romanization of Korean as names are written: a final consonant as it
/// sounds (박 bak, 곧 got, 밥 bap, where letter-by-letter transliteration writes bag, god, bab) and an initial ㄹ as r
/// (룡 ryong), the North Korean spelling sanctions lists carry. <see cref="EastAsianRomanization"/> then meets the
/// McCune-Reischauer and common spellings (Kim, Pak, Choe).
/// </summary>
/// <remarks>Stateless; one short string per syllable.</remarks>
internal static class HangulRomanization
{
    private const char First = '\uAC00';
    private const char Last = '\uD7A3';

    private static readonly string[] Initials =
        ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    private static readonly string[] Medials =
        ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];

    private static readonly string[] Finals =
        ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    /// <summary>Gets whether the character is a precomposed Hangul syllable.</summary>
    public static bool IsSyllable(char c) => c is >= First and <= Last;

    /// <summary>Returns the romanisation of a precomposed Hangul syllable.</summary>
    public static string Syllable(char c)
    {
        var index = c - First;
        return string.Concat(Initials[index / 588], Medials[index % 588 / 28], Finals[index % 28]);
    }
}
