using System.Buffers;
using System.Text;

namespace Chokepoint.Text;

/// <summary>
/// Spells out the Armenian letters that the usual romanisations write otherwise than letter by letter: the digraph
/// ու is u (Ծառուկյան Tsarukyan, not Tsarowkyan), ռ is r like ր, and the ligature և is ev.
/// </summary>
/// <remarks>Runs once per Armenian word, before the general transliteration. Stateless.</remarks>
internal static class ArmenianRomanization
{
    private static readonly SearchValues<char> Marked = SearchValues.Create("ուՈՒռՌև");

    /// <summary>Returns the word with those letters in Latin, or the word itself when it has none.</summary>
    public static string Digraphs(string word)
    {
        if (word.AsSpan().IndexOfAny(Marked) < 0)
        {
            return word;
        }

        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            if (c is 'ո' or 'Ո' && next is 'ւ' or 'Ւ')
            {
                sb.Append(c == 'Ո' ? 'U' : 'u');
                i++;
            }
            else
            {
                _ = c switch
                {
                    'ռ' => sb.Append('r'),
                    'Ռ' => sb.Append('R'),
                    'և' => sb.Append("ev"),
                    _ => sb.Append(c),
                };
            }
        }

        return sb.ToString();
    }
}
