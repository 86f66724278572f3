using System.Collections.Frozen;

namespace Chokepoint.Trade.Matching;

/// <summary>A place of concern found in an address or route place.</summary>
/// <param name="Place">The place row.</param>
/// <param name="MatchedName">The name or alternative name that matched, as the reference file writes it.</param>
/// <param name="Fuzzy">True when a word matched within one edit rather than exactly.</param>
internal readonly record struct PlaceMatch(PlaceOfConcern Place, string MatchedName, bool Fuzzy);

/// <summary>Finds places of concern in free text in any script: names and alternative names as token sequences, with bounded fuzziness.</summary>
/// <remarks>
/// Every name is transliterated and tokenised once; generic words (port, of, bandar, special economic zone…) are dropped
/// on both sides so "Port of Makhachkala", "Махачкала" and "Makhachkala Sea Trade Port" meet. Words of seven or more
/// letters may differ by one edit; shorter words must match exactly (Astara is not Astana). Immutable and thread-safe.
/// </remarks>
internal sealed class PlaceIndex
{
    /// <summary>The shortest word that may match within one edit.</summary>
    public const int MinFuzzyLength = 7;

    // Words that describe a kind of place rather than name one; dropped from names and text alike.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "port", "of", "the", "bandar", "bndr", "e", "sez", "special", "economic", "zone", "oez", "airport", "air", "base",
        "airfield", "sea", "trade", "seaport", "morskoi", "morskoy", "torgovyi", "and",
    };

    private readonly (string[] Tokens, PlaceOfConcern Place, string Name)[] _names;

    // The names by their first word, and (for words long enough to match within one edit) by its length, so that a
    // text is compared only with the names that could start at one of its words.
    private readonly FrozenDictionary<string, int[]> _byFirstWord;
    private readonly int[][] _byFirstWordLength;

    public PlaceIndex(IReadOnlyList<PlaceOfConcern> places)
    {
        var names = new List<(string[], PlaceOfConcern, string)>();
        foreach (var p in places)
        {
            foreach (var name in p.AltNames.Prepend(p.Name))
            {
                var tokens = Significant(TradeText.Tokens(name));
                if (tokens.Length > 0)
                {
                    names.Add((tokens, p, name));
                }
            }
        }

        _names = [.. names];
        _byFirstWord = Enumerable.Range(0, _names.Length).GroupBy(n => _names[n].Tokens[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var longest = _names.Length == 0 ? 0 : _names.Max(n => n.Tokens[0].Length);
        _byFirstWordLength = [.. Enumerable.Range(0, longest + 1)
            .Select(length => length < MinFuzzyLength ? [] : Enumerable.Range(0, _names.Length).Where(n => _names[n].Tokens[0].Length == length).ToArray())];
    }

    /// <summary>Gets every place with at least one usable name (for coverage checks).</summary>
    public IEnumerable<PlaceOfConcern> Places => _names.Select(n => n.Place).Distinct();

    /// <summary>Returns the places found in the text, one match per place, exact matches preferred.</summary>
    public PlaceMatch[] Find(string? text) => Find(string.IsNullOrWhiteSpace(text) ? [] : TradeText.Tokens(text));

    /// <summary>Returns the places found in the text's normalised tokens, one match per place, exact matches preferred.</summary>
    /// <remarks>Allocates nothing when no place is found and the text has no generic words.</remarks>
    public PlaceMatch[] Find(string[] textTokens)
    {
        if (textTokens.Length == 0)
        {
            return [];
        }

        List<PlaceMatch>? found = null;
        var tokens = Significant(textTokens);
        Span<bool> candidate = _names.Length <= 1024 ? stackalloc bool[_names.Length] : new bool[_names.Length];
        MarkCandidates(tokens, candidate);
        for (var n = 0; n < _names.Length; n++)
        {
            // Names are tried in their order, as a full scan would, so the same match wins.
            if (!candidate[n])
            {
                continue;
            }

            var (name, place, original) = _names[n];
            if (Contains(tokens, name, out var fuzzy))
            {
                found ??= [];
                var existing = IndexOf(found, place);
                if (existing < 0)
                {
                    found.Add(new PlaceMatch(place, original, fuzzy));
                }
                else if (found[existing].Fuzzy && !fuzzy)
                {
                    found[existing] = new PlaceMatch(place, original, false);
                }
            }
        }

        return found is null ? [] : [.. found];
    }

    // Marks the names whose first word equals a word of the text, or is long enough and near enough in length to
    // match one within an edit; no other name can be found in the text.
    private void MarkCandidates(string[] tokens, Span<bool> candidate)
    {
        foreach (var t in tokens)
        {
            if (_byFirstWord.TryGetValue(t, out var same))
            {
                foreach (var n in same)
                {
                    candidate[n] = true;
                }
            }

            for (var length = Math.Max(MinFuzzyLength, t.Length - 1); length <= t.Length + 1 && length < _byFirstWordLength.Length; length++)
            {
                foreach (var n in _byFirstWordLength[length])
                {
                    candidate[n] = true;
                }
            }
        }
    }

    private static string[] Significant(string[] tokens)
    {
        var kept = 0;
        foreach (var t in tokens)
        {
            kept += Generic.Contains(t) ? 0 : 1;
        }

        if (kept == tokens.Length)
        {
            return tokens;
        }

        var significant = new string[kept];
        kept = 0;
        foreach (var t in tokens)
        {
            if (!Generic.Contains(t))
            {
                significant[kept++] = t;
            }
        }

        return significant;
    }

    private static int IndexOf(List<PlaceMatch> found, PlaceOfConcern place)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (ReferenceEquals(found[i].Place, place))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Contains(string[] haystack, string[] needle, out bool fuzzy)
    {
        fuzzy = false;
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var anyFuzzy = false;
            var j = 0;
            for (; j < needle.Length; j++)
            {
                var a = haystack[i + j];
                var b = needle[j];
                if (string.Equals(a, b, StringComparison.Ordinal))
                {
                    continue;
                }

                if (b.Length >= MinFuzzyLength && Math.Abs(a.Length - b.Length) <= 1 && WithinOneEdit(a, b))
                {
                    anyFuzzy = true;
                    continue;
                }

                break;
            }

            if (j == needle.Length)
            {
                fuzzy = anyFuzzy;
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets whether two words differ by at most one insertion, deletion, substitution or adjacent swap.</summary>
    internal static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        var prefix = 0;
        while (prefix < a.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length == b.Length)
        {
            if (prefix == a.Length)
            {
                return true;
            }

            // One substitution, or one adjacent transposition.
            return a[(prefix + 1)..].SequenceEqual(b[(prefix + 1)..])
                || (prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] && a[(prefix + 2)..].SequenceEqual(b[(prefix + 2)..]));
        }

        return b.Length == a.Length + 1 && a[prefix..].SequenceEqual(b[(prefix + 1)..]);
    }
}
