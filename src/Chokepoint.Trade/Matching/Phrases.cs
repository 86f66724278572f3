using System.Collections.Frozen;

namespace Chokepoint.Trade.Matching;

/// <summary>A set of phrases (token sequences) found in normalised text, tolerating a plural 's' on each word.</summary>
/// <remarks>Built once; immutable and thread-safe.</remarks>
internal sealed class Phrases
{
    private readonly string[][] _phrases;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _firstWords;

    /// <summary>Gets the empty set (a rule without the parameter).</summary>
    public static Phrases None { get; } = new([]);

    public Phrases(IEnumerable<string> phrases)
    {
        var list = new List<string[]>();
        var texts = new List<string>();
        foreach (var p in phrases)
        {
            var tokens = TradeText.Tokens(p);
            if (tokens.Length > 0)
            {
                list.Add(tokens);
                texts.Add(p);
            }
        }

        _phrases = [.. list];
        Texts = [.. texts];

        // Phrases by their first word, in phrase order: a text is searched at each of its words for the phrases that
        // can start there, not for every phrase.
        var byFirst = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < _phrases.Length; p++)
        {
            if (!byFirst.TryGetValue(_phrases[p][0], out var starting))
            {
                starting = [];
                byFirst[_phrases[p][0]] = starting;
            }

            starting.Add(p);
        }

        _firstWords = byFirst.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the phrases as given.</summary>
    public string[] Texts { get; }

    /// <summary>Returns the index of the first phrase found in the tokens, or -1.</summary>
    public int Find(string[] tokens)
    {
        var first = int.MaxValue;
        for (var i = 0; i < tokens.Length; i++)
        {
            // The word as a phrase's first word, or that word with a plural s or es (WordEquals).
            var t = tokens[i];
            first = Math.Min(first, FirstAt(tokens, i, t, first));
            if (t.Length > 1 && t[^1] == 's')
            {
                first = Math.Min(first, FirstAt(tokens, i, t.AsSpan(0, t.Length - 1), first));
                if (t.Length > 2 && t[^2] == 'e')
                {
                    first = Math.Min(first, FirstAt(tokens, i, t.AsSpan(0, t.Length - 2), first));
                }
            }
        }

        return first == int.MaxValue ? -1 : first;
    }

    // The first phrase (below the best found so far) that starts with the word and follows on from token i.
    private int FirstAt(string[] tokens, int i, ReadOnlySpan<char> word, int best)
    {
        if (!_firstWords.TryGetValue(word, out var starting))
        {
            return int.MaxValue;
        }

        foreach (var p in starting)
        {
            if (p >= best)
            {
                break;
            }

            if (At(tokens, i, _phrases[p]))
            {
                return p;
            }
        }

        return int.MaxValue;
    }

    /// <summary>Returns the index of the first phrase that is the whole of the tokens, or -1.</summary>
    public int FindWhole(string[] tokens)
    {
        for (var p = 0; p < _phrases.Length; p++)
        {
            if (_phrases[p].AsSpan().SequenceEqual(tokens))
            {
                return p;
            }
        }

        return -1;
    }

    private static bool At(string[] haystack, int i, string[] needle)
    {
        if (i + needle.Length > haystack.Length)
        {
            return false;
        }

        for (var j = 1; j < needle.Length; j++)
        {
            if (!WordEquals(haystack[i + j], needle[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WordEquals(string text, string word) =>
        string.Equals(text, word, StringComparison.Ordinal)
        || (text.Length == word.Length + 1 && text[^1] == 's' && text.AsSpan().StartsWith(word, StringComparison.Ordinal))
        || (text.Length == word.Length + 2 && text.EndsWith("es", StringComparison.Ordinal) && text.AsSpan().StartsWith(word, StringComparison.Ordinal));
}
