namespace Chokepoint.Text;

/// <summary>
/// An inverted index from token keys (canonical key, consonant skeleton, one-deletion neighbourhood) to listed names.
/// </summary>
/// <remarks>
/// Keys are 64-bit hashes, so a lookup allocates nothing; a collision only adds a candidate that exact scoring then
/// rejects. Postings are one flat array; the offset table is open-addressed with each key beside its offset, so a
/// lookup (a query makes dozens, mostly misses) reads one cache line. Built once; immutable and thread-safe.
/// The deletion neighbourhood holds listed keys, not names (<see cref="DeletionKind"/>).
/// </remarks>
internal sealed class CandidateIndex
{
    public const byte KeyKind = 1;
    public const byte SkeletonKind = 2;
    /// <summary>
    /// A listed key and its one-letter deletions, leading to the ids of the listed keys (<see cref="NamesOfKey"/>), not to
    /// names: a query's deletions meet the same key again and again (each deletion of Mohammad meets mohammad), and
    /// through key ids the scan visits each key's names once instead of once per deletion.
    /// </summary>
    public const byte DeletionKind = 3;
    public const byte ArabicKind = 4;
    public const byte AcronymKind = 5;

    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly int _shift;
    private readonly int[] _postings;
    private readonly int[] _keyNames;
    private readonly int[] _keyStart;
    private readonly byte[] _keyLength;

    private CandidateIndex(Slot[] slots, int keyCount, int[] postings, int[] keyNames, int[] keyStart, byte[] keyLength)
    {
        _slots = slots;
        _mask = slots.Length - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)slots.Length);
        KeyCount = keyCount;
        _postings = postings;
        _keyNames = keyNames;
        _keyStart = keyStart;
        _keyLength = keyLength;
    }

    public int PostingCount => _postings.Length + _keyNames.Length;

    public int KeyCount { get; }

    public static CandidateIndex Build(IReadOnlyList<NameForm> names)
    {
        var lists = new Dictionary<ulong, List<int>>();
        var keyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyNames = new List<List<int>>();
        Span<char> buffer = stackalloc char[64];
        for (var n = 0; n < names.Count; n++)
        {
            AddJoinedPairs(lists, names[n].Tokens, n, buffer);
            var acronyms = names[n].Schema != Core.EntitySchema.Person;
            foreach (var t in names[n].Tokens)
            {
                if (!IsIndexed(t))
                {
                    continue;
                }

                // A short word of an organisation's name may be an acronym a query spells out (AFK, NITI).
                if (acronyms && IsAcronymLike(t))
                {
                    Add(lists, Hash(AcronymKind, t.Text), n);
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
                    if (keyIds.TryGetValue(t.Key, out var id))
                    {
                        Add(keyNames[id], n);
                    }
                    else
                    {
                        // A key new to the index: its deletions lead to its id once, whatever names hold it.
                        id = keyNames.Count;
                        keyIds.Add(t.Key, id);
                        keyNames.Add([n]);
                        Add(lists, Hash(DeletionKind, t.Key), id);
                        for (var d = 0; d < t.Key.Length; d++)
                        {
                            Add(lists, Hash(DeletionKind, Delete(t.Key, d, buffer)), id);
                        }
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

        // At most two thirds full, so a miss ends after a probe or two.
        var slots = new Slot[(int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((lists.Count * 3 / 2) + 1)))];
        var mask = slots.Length - 1;
        var shift = 64 - System.Numerics.BitOperations.Log2((uint)slots.Length);
        var at = 0;
        foreach (var (hash, l) in lists)
        {
            var key = NonZero(hash);
            var i = Home(key, shift);
            while (slots[i].Key != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = new Slot(key, ((long)at << 32) | (uint)l.Count);
            l.CopyTo(postings, at);
            at += l.Count;
        }

        var keyStart = new int[keyNames.Count + 1];
        var keyLength = new byte[keyNames.Count];
        foreach (var (key, id) in keyIds)
        {
            keyLength[id] = (byte)key.Length;
        }

        var namesOfKeys = new int[keyNames.Sum(l => l.Count)];
        for (var id = 0; id < keyNames.Count; id++)
        {
            keyNames[id].CopyTo(namesOfKeys, keyStart[id]);
            keyStart[id + 1] = keyStart[id] + keyNames[id].Count;
        }

        return new CandidateIndex(slots, lists.Count, postings, namesOfKeys, keyStart, keyLength);
    }

    /// <summary>Returns the names whose key has the id a <see cref="DeletionKind"/> lookup gave.</summary>
    public ReadOnlySpan<int> NamesOfKey(int id) => _keyNames.AsSpan(_keyStart[id], _keyStart[id + 1] - _keyStart[id]);

    /// <summary>How many keys the deletion neighbourhood leads to; their ids run from zero.</summary>
    public int DeletedKeyCount => _keyLength.Length;

    /// <summary>Returns the length of the key with the id a <see cref="DeletionKind"/> lookup gave.</summary>
    public int KeyLength(int id) => _keyLength[id];

    // Fibonacci hashing: the top bits of the product spread keys that differ only in their low bits.
    private static int Home(ulong key, int shift) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);

    // Zero marks an empty slot; a key hashing to zero shares a slot chain with one, which costs only a candidate.
    private static ulong NonZero(ulong hash) => hash == 0 ? 1 : hash;

    // Two adjacent words are also indexed as one (NORD GOLD under nordgold), so a query that joins them finds the
    // name; the scorer then aligns them as a compound.
    private static void AddJoinedPairs(Dictionary<ulong, List<int>> lists, NameToken[] tokens, int name, Span<char> buffer)
    {
        for (var j = 0; j + 1 < tokens.Length; j++)
        {
            if (JoinedKey(tokens[j], tokens[j + 1], buffer) is { Length: > 0 } joined)
            {
                Add(lists, Hash(KeyKind, joined), name);
            }
        }
    }

    /// <summary>Writes the keys of two adjacent indexed Latin tokens, joined, into the buffer; empty when they cannot be joined.</summary>
    public static ReadOnlySpan<char> JoinedKey(in NameToken left, in NameToken right, Span<char> buffer)
    {
        if (!IsIndexed(left) || !IsIndexed(right) || left.Consonantal || right.Consonantal || left.Key.Length + right.Key.Length > buffer.Length)
        {
            return [];
        }

        left.Key.AsSpan().CopyTo(buffer);
        right.Key.AsSpan().CopyTo(buffer[left.Key.Length..]);
        return buffer[..(left.Key.Length + right.Key.Length)];
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

    /// <summary>Returns whether the token can be an acronym: three to six Latin letters, not from a consonantal script.</summary>
    public static bool IsAcronymLike(in NameToken t) =>
        !t.Consonantal && t.Text.Length is >= 3 and <= 6 && t.Role is TokenRole.Name or TokenRole.Weak && char.IsAsciiLetter(t.Text[0]);

    private static void Add(Dictionary<ulong, List<int>> lists, ulong hash, int name)
    {
        if (!lists.TryGetValue(hash, out var l))
        {
            l = new List<int>(1);
            lists[hash] = l;
        }

        Add(l, name);
    }

    private static void Add(List<int> l, int name)
    {
        // Names arrive in order, so a repeat is always the last element.
        if (l.Count == 0 || l[^1] != name)
        {
            l.Add(name);
        }
    }

    /// <summary>Returns the names holding the key, or an empty span.</summary>
    public ReadOnlySpan<int> Lookup(byte kind, ReadOnlySpan<char> key)
    {
        var hash = NonZero(Hash(kind, key));
        var slots = _slots;
        for (var i = Home(hash, _shift); ; i = (i + 1) & _mask)
        {
            var slot = slots[i];
            if (slot.Key == hash)
            {
                return _postings.AsSpan((int)(slot.Offset >> 32), (int)(uint)slot.Offset);
            }

            if (slot.Key == 0)
            {
                return [];
            }
        }
    }

    private readonly record struct Slot(ulong Key, long Offset);

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
