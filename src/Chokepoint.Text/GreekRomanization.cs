using System.Text;

namespace Chokepoint.Text;

/// <summary>
/// Spells out the Greek letter pairs that ELOT 743 and Greek passports romanise as one sound (ου ou, αυ av or af,
/// ευ ev or ef, γγ ng, initial μπ b and ντ d), which a letter-by-letter transliteration writes as oy, ay, ey, gg.
/// </summary>
/// <remarks>Runs once per Greek word, before the general transliteration; other letters are left to it. Stateless.</remarks>
internal static class GreekRomanization
{
    /// <summary>Returns the word with its Greek digraphs in Latin letters, or the word itself when it has no Greek letter.</summary>
    public static string Digraphs(string word)
    {
        var greek = false;
        foreach (var c in word)
        {
            greek |= c is >= '\u0370' and <= '\u03FF';
        }

        if (!greek)
        {
            return word;
        }

        var sb = new StringBuilder(word.Length + 4);
        for (var i = 0; i < word.Length; i++)
        {
            var c = Plain(word[i]);
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            var n = Plain(next);
            // A dialytika (ϊ ϋ) keeps two vowels apart: Ευλαΐα has no digraph in αΐ.
            var joins = next is not ('ϊ' or 'ϋ' or 'ΐ' or 'ΰ' or 'Ϊ' or 'Ϋ');
            var first = i == 0;
            string? latin = (c, n) switch
            {
                ('ο', 'υ') when joins => "ou",
                ('α' or 'ε' or 'η', 'υ') when joins => (c == 'α' ? "a" : c == 'ε' ? "e" : "i") + (Voiceless(Plain(i + 2 < word.Length ? word[i + 2] : '\0')) ? "f" : "v"),
                ('γ', 'γ') => "ng",
                ('γ', 'κ') => first ? "g" : "ng",
                ('γ', 'ξ') => "nx",
                ('γ', 'χ') => "nch",
                ('μ', 'π') => first ? "b" : "mp",
                ('ν', 'τ') => first ? "d" : "nt",
                _ => null,
            };
            if (latin is null)
            {
                sb.Append(word[i]);
                continue;
            }

            sb.Append(latin);
            i++;
        }

        return sb.ToString();
    }

    // Lower case without tonos; a letter with dialytika stays as it is (it never joins).
    private static char Plain(char c) => char.ToLowerInvariant(c) switch
    {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' => 'ι',
        'ό' => 'ο',
        'ύ' => 'υ',
        'ώ' => 'ω',
        var other => other,
    };

    // αυ and ευ are af and ef before a voiceless consonant and at the end of a word (Ευθύμιος Efthymios, Παύλος Pavlos).
    private static bool Voiceless(char c) => c is '\0' or 'θ' or 'κ' or 'ξ' or 'π' or 'σ' or 'ς' or 'τ' or 'φ' or 'χ' or 'ψ';
}
