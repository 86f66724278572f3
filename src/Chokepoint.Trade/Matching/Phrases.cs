namespace Chokepoint.Trade.Matching;

/// <summary>A set of phrases (token sequences) found in normalised text, tolerating a plural 's' on each word.</summary>
/// <remarks>Built once; immutable and thread-safe.</remarks>
internal sealed class Phrases
{
    private readonly string[][] _phrases;

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
    }

    /// <summary>Gets the phrases as given.</summary>
    public string[] Texts { get; }

    /// <summary>Returns the index of the first phrase found in the tokens, or -1.</summary>
    public int Find(string[] tokens)
    {
        for (var p = 0; p < _phrases.Length; p++)
        {
            if (Contains(tokens, _phrases[p]))
            {
                return p;
            }
        }

        return -1;
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

    private static bool Contains(string[] haystack, string[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && WordEquals(haystack[i + j], needle[j]))
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WordEquals(string text, string word) =>
        string.Equals(text, word, StringComparison.Ordinal)
        || (text.Length == word.Length + 1 && text[^1] == 's' && text.AsSpan().StartsWith(word, StringComparison.Ordinal))
        || (text.Length == word.Length + 2 && text.EndsWith("es", StringComparison.Ordinal) && text.AsSpan().StartsWith(word, StringComparison.Ordinal));
}
