using System.Collections.Frozen;

namespace Chokepoint.Text;

/// <summary>
/// An inverted index from token keys (canonical key, consonant skeleton, one-deletion neighbourhood) to listed names.
/// </summary>
/// <remarks>
/// Keys are 64-bit hashes, so a lookup allocates nothing; a collision only adds a candidate that exact scoring then
/// rejects. Postings are one flat array with an offset table. Built once; immutable and thread-safe.
/// </remarks>
internal sealed class CandidateIndex
{
    public const byte KeyKind = 1;
    public const byte SkeletonKind = 2;
    public const byte DeletionKind = 3;
    public const byte ArabicKind = 4;

    private readonly FrozenDictionary<ulong, long> _offsets;
    private readonly int[] _postings;

    private CandidateIndex(FrozenDictionary<ulong, long> offsets, int[] postings)
    {
        _offsets = offsets;
        _postings = postings;
    }

    public int PostingCount => _postings.Length;

    public int KeyCount => _offsets.Count;

    public static CandidateIndex Build(IReadOnlyList<NameForm> names)
    {
        var lists = new Dictionary<ulong, List<int>>();
        Span<char> buffer = stackalloc char[64];
        for (var n = 0; n < names.Count; n++)
        {
            foreach (var t in names[n].Tokens)
            {
                if (!IsIndexed(t))
                {
                    continue;
                }

                Add(lists, Hash(KeyKind, t.Key), n);
                if (t.Skeleton.Length >= 2)
                {
                    Add(lists, Hash(SkeletonKind, t.Skeleton), n);
                }

                if (t.AltKey is not null)
                {
                    Add(lists, Hash(KeyKind, t.AltKey), n);
                    Add(lists, Hash(SkeletonKind, t.AltSkeleton!), n);
                }

                if (!t.Consonantal && t.Reading is not null)
                {
                    AddArabic(lists, t.Reading, n, buffer);
                }

                if (!t.Consonantal && t.Key.Length >= 5 && t.Key.Length <= buffer.Length)
                {
                    Add(lists, Hash(DeletionKind, t.Key), n);
                    for (var d = 0; d < t.Key.Length; d++)
                    {
                        Add(lists, Hash(DeletionKind, Delete(t.Key, d, buffer)), n);
                    }
                }
            }
        }

        var total = 0;
        foreach (var l in lists.Values)
        {
            total += l.Count;
        }

        var postings = new int[total];
        var offsets = new Dictionary<ulong, long>(lists.Count);
        var at = 0;
        foreach (var (hash, l) in lists)
        {
            offsets[hash] = ((long)at << 32) | (uint)l.Count;
            l.CopyTo(postings, at);
            at += l.Count;
        }

        return new CandidateIndex(offsets.ToFrozenDictionary(), postings);
    }

    // Latin tokens are also indexed by their Arabic reading's loose key, so Arabic-script queries find them.
    private static void AddArabic(Dictionary<ulong, List<int>> lists, string reading, int name, Span<char> buffer)
    {
        var k = ArabicReading.LooseKey(reading, false, buffer);
        if (k >= 2)
        {
            Add(lists, Hash(ArabicKind, buffer[..k]), name);
        }

        if (ArabicReading.HasArticle(reading))
        {
            k = ArabicReading.LooseKey(reading, true, buffer);
            if (k >= 2)
            {
                Add(lists, Hash(ArabicKind, buffer[..k]), name);
            }
        }
    }

    public static bool IsIndexed(in NameToken t) => t.Role is not (TokenRole.Particle or TokenRole.Legal or TokenRole.Initial);

    private static void Add(Dictionary<ulong, List<int>> lists, ulong hash, int name)
    {
        if (!lists.TryGetValue(hash, out var l))
        {
            l = new List<int>(1);
            lists[hash] = l;
        }

        // Names arrive in order, so a repeat is always the last element.
        if (l.Count == 0 || l[^1] != name)
        {
            l.Add(name);
        }
    }

    /// <summary>Returns the names holding the key, or an empty span.</summary>
    public ReadOnlySpan<int> Lookup(byte kind, ReadOnlySpan<char> key) =>
        _offsets.TryGetValue(Hash(kind, key), out var o) ? _postings.AsSpan((int)(o >> 32), (int)(uint)o) : [];

    /// <summary>Writes the key with the character at <paramref name="index"/> removed into the buffer.</summary>
    public static ReadOnlySpan<char> Delete(ReadOnlySpan<char> key, int index, Span<char> buffer)
    {
        key[..index].CopyTo(buffer);
        key[(index + 1)..].CopyTo(buffer[index..]);
        return buffer[..(key.Length - 1)];
    }

    // FNV-1a over the kind and the characters.
    public static ulong Hash(byte kind, ReadOnlySpan<char> key)
    {
        var h = 14695981039346656037UL ^ kind;
        h *= 1099511628211UL;
        foreach (var c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h;
    }
}
