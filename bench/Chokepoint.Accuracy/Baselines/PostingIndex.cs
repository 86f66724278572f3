using System.Collections.Frozen;

namespace Chokepoint.Accuracy.Baselines;

/// <summary>An inverted index from a key (token, Soundex code, trigram) to the listed names that carry it.</summary>
internal sealed class PostingIndex
{
    private readonly FrozenDictionary<string, int[]> _postings;

    private PostingIndex(FrozenDictionary<string, int[]> postings) => _postings = postings;

    public static PostingIndex Build(IReadOnlyList<BaselineName> names, Func<BaselineName, IEnumerable<string>> keys)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            foreach (var key in keys(names[i]).Distinct(StringComparer.Ordinal))
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                list.Add(i);
            }
        }

        return new PostingIndex(lists.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    public ReadOnlySpan<int> Get(string key) => _postings.TryGetValue(key, out var p) ? p : [];
}

/// <summary>Per-thread scratch that counts, for one query, how many keys each listed name shares with it.</summary>
internal sealed class CandidateCounter(int nameCount)
{
    private readonly int[] _counts = new int[nameCount];
    private readonly List<int> _touched = [];

    public IReadOnlyList<int> Touched => _touched;

    public int Count(int name) => _counts[name];

    public void Add(ReadOnlySpan<int> postings)
    {
        foreach (var n in postings)
        {
            if (_counts[n]++ == 0)
            {
                _touched.Add(n);
            }
        }
    }

    public void Clear()
    {
        foreach (var n in _touched)
        {
            _counts[n] = 0;
        }

        _touched.Clear();
    }
}
