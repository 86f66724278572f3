using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace Chokepoint.Text;

/// <summary>The script a word is written in, as far as matching cares.</summary>
internal enum WordScript
{
    Latin,
    Cyrillic,
    Greek,
    Consonantal,
    Han,
    Other,
}

/// <summary>TR39-style homoglyph folding for words that mix Latin, Cyrillic and Greek letters.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class Confusables
{
    // Cyrillic and Greek letters that look like a Latin letter (TR39 confusables, restricted to these scripts).
    private static readonly FrozenDictionary<char, char> ToLatin = new Dictionary<char, char>
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd',
        ['ԛ'] = 'q', ['ԝ'] = 'w', ['ү'] = 'y', ['ӏ'] = 'l', ['ё'] = 'e', ['ї'] = 'i',
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P',
        ['С'] = 'C', ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['І'] = 'I', ['Ј'] = 'J', ['Ѕ'] = 'S', ['Ү'] = 'Y',
        ['Ӏ'] = 'I', ['Ё'] = 'E', ['Ї'] = 'I',
        ['α'] = 'a', ['ο'] = 'o', ['ρ'] = 'p', ['ν'] = 'v', ['υ'] = 'u', ['ι'] = 'i', ['κ'] = 'k', ['τ'] = 't',
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M',
        ['Ν'] = 'N', ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X',
    }.ToFrozenDictionary();

    // Latin letters that look like a Cyrillic letter, for a Cyrillic word with a Latin intruder.
    private static readonly FrozenDictionary<char, char> ToCyrillic = new Dictionary<char, char>
    {
        ['a'] = 'а', ['e'] = 'е', ['k'] = 'к', ['m'] = 'м', ['o'] = 'о', ['p'] = 'р', ['c'] = 'с', ['x'] = 'х',
        ['y'] = 'у', ['i'] = 'і', ['A'] = 'А', ['B'] = 'В', ['E'] = 'Е', ['K'] = 'К', ['M'] = 'М', ['H'] = 'Н',
        ['O'] = 'О', ['P'] = 'Р', ['C'] = 'С', ['T'] = 'Т', ['X'] = 'Х', ['Y'] = 'У', ['I'] = 'І',
    }.ToFrozenDictionary();

    /// <summary>Folds homoglyphs in a word that mixes Latin with Cyrillic or Greek to the word's majority script.</summary>
    public static void FoldMixedScript(ref string word)
    {
        int latin = 0, cyrillic = 0, greek = 0;
        foreach (var c in word)
        {
            switch (ScriptOf(c))
            {
                case WordScript.Latin: latin++; break;
                case WordScript.Cyrillic: cyrillic++; break;
                case WordScript.Greek: greek++; break;
                default: break;
            }
        }

        if (latin == 0 || (cyrillic == 0 && greek == 0))
        {
            if (latin == 0 && cyrillic > 0 && greek > 0)
            {
                word = Map(word, ToLatin, WordScript.Greek);
            }

            return;
        }

        // A tie goes to Latin: the disguise is usually a Cyrillic letter slipped into a Latin name.
        if (latin >= cyrillic + greek)
        {
            word = Map(word, ToLatin, WordScript.Other);
        }
        else if (cyrillic > greek)
        {
            word = Map(word, ToCyrillic, WordScript.Other);
        }
    }

    private static string Map(string word, FrozenDictionary<char, char> table, WordScript only)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            sb.Append((only == WordScript.Other || ScriptOf(c) == only) && table.TryGetValue(c, out var m) ? m : c);
        }

        return sb.ToString();
    }

    /// <summary>Returns the script most letters of the word are in.</summary>
    public static WordScript DominantScript(string word)
    {
        Span<int> counts = stackalloc int[6];
        foreach (var c in word)
        {
            counts[(int)ScriptOf(c)]++;
        }

        var best = WordScript.Other;
        var max = 0;
        for (var s = 0; s < counts.Length; s++)
        {
            if (counts[s] > max)
            {
                max = counts[s];
                best = (WordScript)s;
            }
        }

        return counts[(int)WordScript.Han] > 0 ? WordScript.Han : best;
    }

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static WordScript ScriptOf(char c)
    {
        if (c < 0x250)
        {
            return char.IsLetter(c) ? WordScript.Latin : WordScript.Other;
        }

        return c switch
        {
            >= '\u0400' and <= '\u052F' => WordScript.Cyrillic,
            >= '\u0370' and <= '\u03FF' => WordScript.Greek,
            >= '\u1E00' and <= '\u1EFF' => WordScript.Latin,
            >= '\u0590' and <= '\u05FF' => WordScript.Consonantal,
            >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => WordScript.Consonantal,
            _ when IsHan(c) => WordScript.Han,
            _ => WordScript.Other,
        };
    }

    /// <summary>Letters that ISO 9 and the scholarly system write and French, Romanian and Turkish names do not.</summary>
    public static readonly SearchValues<char> Iso9Letters = SearchValues.Create("šžčŠŽČŝŜʹʺ");

    private static readonly SearchValues<char> Iso9SoftVowels = SearchValues.Create("âûêÂÛÊ");

    /// <summary>
    /// Spells out Latin letters whose diacritic carries a sound (scholarly/ISO 9 <c>š č ž ŝ</c>) before diacritics are
    /// stripped, so <c>Ščerbakov</c> meets <c>Shcherbakov</c> rather than <c>Scerbakov</c>. ISO 9 writes я and ю as
    /// <c>â û ê</c> (Ukrainian є): read so at the start of a word (Ûrij) and inside a word of a name with another ISO 9
    /// letter (Zâbčuk; Ûrʹevič Mirzaânc), where French and Romanian â and û (Château, Câmpeanu) do not occur.
    /// </summary>
    /// <param name="word">One word of a name.</param>
    /// <param name="iso9">Whether another word of the name has an ISO 9 letter (<see cref="Iso9Letters"/>).</param>
    public static string PreRomanize(string word, bool iso9 = false)
    {
        var needs = false;
        foreach (var c in word)
        {
            needs |= c is 'š' or 'Š' or 'č' or 'Č' or 'ž' or 'Ž' or 'ć' or 'Ć' or 'ŝ' or 'Ŝ' or 'ĉ' or 'Ĉ' or 'ǰ';
            iso9 |= Iso9Letters.Contains(c);
        }

        var softVowel = word.Length > 1 && (word[0] is 'â' or 'Â' or 'û' or 'Û' || (iso9 && word.AsSpan().IndexOfAny(Iso9SoftVowels) >= 0));
        if (!needs && !softVowel)
        {
            return word;
        }

        var sb = new StringBuilder(word.Length + 4);
        foreach (var c in word)
        {
            _ = c switch
            {
                'š' => sb.Append("sh"),
                'Š' => sb.Append("Sh"),
                'ŝ' => sb.Append("shch"),
                'Ŝ' => sb.Append("Shch"),
                'č' or 'ć' or 'ĉ' => sb.Append("ch"),
                'Č' or 'Ć' or 'Ĉ' => sb.Append("Ch"),
                'ž' => sb.Append("zh"),
                'Ž' => sb.Append("Zh"),
                'ǰ' => sb.Append('j'),
                'â' when softVowel => sb.Append("ya"),
                'Â' when softVowel => sb.Append("Ya"),
                'û' when softVowel => sb.Append("yu"),
                'Û' when softVowel => sb.Append("Yu"),
                'ê' when softVowel => sb.Append("ye"),
                'Ê' when softVowel => sb.Append("Ye"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
